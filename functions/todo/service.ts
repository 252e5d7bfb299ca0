// The to-do items of one scope, read from the contexts that own the deadlines (their public.ts),
// each by the index its own lists use and bounded by MAX_PER_KIND. Used by GET /v1/todo (the
// caller's scope) and by the reminders job (the whole province).
import type { Actor } from "../../shared/policy.js";
import { levelOf } from "../../shared/policy.js";
import { shanghaiDate } from "../../shared/time.js";
import { levelRegion, pendingForwards, type ReportLevel } from "../accidents/public.js";
import { licencesEnding, officerQueue } from "../approvals/public.js";
import { openTasksDue } from "../credit/public.js";
import { filingsOwed, rectificationsDue, reviewsOwed } from "../hazards/public.js";
import { byUrgency, endOfDay, horizon, item, type TodoItem, type TodoKind } from "./rules.js";

/** Who the list is for: one enterprise, a regulator's or an industry department's jurisdiction. */
export type TodoScope =
  | { enterpriseId: string }
  | { regionCode: string; industry?: string; regulator?: { level: ReportLevel; region: string } }
  | { officer: Actor };

export interface TodoList {
  items: TodoItem[];
  counts: { kind: TodoKind; total: number }[];
}

/** The scope an actor's lists have (the same reach as shared/policy.ts canReach); undefined for roles with no to-do. */
export function scopeOf(actor: Actor): TodoScope | undefined {
  if (actor.role === "enterprise") return actor.enterpriseId ? { enterpriseId: actor.enterpriseId } : undefined;
  if (actor.role === "industry_department") return { regionCode: actor.regionCode, industry: actor.industryCode };
  if (actor.role === "regulator") {
    const level = levelOf(actor);
    return { regionCode: actor.regionCode, regulator: { level, region: levelRegion(level, actor.regionCode) ?? actor.regionCode } };
  }
  if (actor.role === "approval_officer") return { officer: actor };
  return undefined;
}

export type Part = { kind: TodoKind; items: TodoItem[]; total: number };

/** With `count` false (the reminders job) the totals are those listed: no counting queries. */
export async function todoOf(scope: TodoScope, now: Date, limit: number, count = true): Promise<TodoList> {
  const parts = "officer" in scope ? [queueOf(scope.officer, now, limit)] : hazardParts(scope, now, limit, count);
  const done = await Promise.all(parts);
  return {
    items: done.flatMap((p) => p.items).sort(byUrgency),
    counts: done.map((p) => ({ kind: p.kind, total: p.total })),
  };
}

/** An approval officer's queue, by the decision clock (or the acceptance notice before acceptance). */
async function queueOf(officer: Actor, now: Date, limit: number): Promise<Part> {
  const { items, total } = await officerQueue(officer, shanghaiDate(now), limit);
  return {
    kind: "application",
    total,
    items: items.map((a) =>
      item({ kind: "application", title: `审批申请待办理：${a.enterpriseName}，${a.itemName}`, record: { type: "application", id: a.id, path: `/v1/applications/${a.id}` }, regionCode: a.regionCode, enterpriseId: a.enterpriseId, deadline: endOfDay(a.dueDate), workingDaysLeft: a.workingDaysLeft }, now),
    ),
  };
}

/** What enterprises, regulators and industry departments owe. */
function hazardParts(scope: Exclude<TodoScope, { officer: Actor }>, now: Date, limit: number, count: boolean): Promise<Part>[] {
  const today = shanghaiDate(now);
  const parts: Promise<Part>[] = [];
  const hazardScope = "enterpriseId" in scope ? scope : { regionCode: scope.regionCode, industry: scope.industry };

  parts.push(
    rectificationsDue(hazardScope, today, horizon("hazard_rectification", today), limit, count).then(({ items, total }) => ({
      kind: "hazard_rectification",
      total,
      items: items.map((h) =>
        item({ kind: "hazard_rectification", title: `隐患整改到期：${h.enterpriseName}，${h.description}`, record: { type: "hazard", id: h.id, path: `/v1/hazards/${h.id}` }, regionCode: h.regionCode, enterpriseId: h.enterpriseId, deadline: endOfDay(h.rectifyBy) }, now),
      ),
    })),
  );

  if ("enterpriseId" in scope) {
    parts.push(
      filingsOwed(scope.enterpriseId, today).then((owed) => {
        const due = owed.filter((f) => f.dueDate <= horizon("hazard_filing", today));
        return {
          kind: "hazard_filing",
          total: due.length,
          items: due.map((f) =>
            item({ kind: "hazard_filing", title: `隐患排查治理统计报表待报送：${f.period}`, record: { type: "hazard_filing", id: f.period, path: `/v1/hazard-filings?period=${f.period}` }, enterpriseId: scope.enterpriseId, deadline: endOfDay(f.dueDate) }, now),
          ),
        };
      }),
      licencesEnding(scope.enterpriseId, horizon("licence_expiry", today)).then((licences) => ({
        kind: "licence_expiry",
        total: licences.length,
        items: licences.slice(0, limit).map((l) =>
          item({ kind: "licence_expiry", title: `许可证即将到期：${l.itemName}（${l.number}）`, record: { type: "licence", id: l.number, path: `/v1/licences/${encodeURIComponent(l.number)}` }, enterpriseId: scope.enterpriseId, deadline: endOfDay(l.validTo) }, now),
        ),
      })),
    );
  } else {
    parts.push(
      reviewsOwed(scope.regionCode, scope.industry, today, limit, count).then(({ items, total }) => ({
        kind: "hazard_review",
        total,
        items: items.map(({ hazard: h, dueDate }) =>
          item({ kind: "hazard_review", title: `重大隐患复查核销：${h.enterpriseName}，${h.description}`, record: { type: "hazard", id: h.id, path: `/v1/hazards/${h.id}` }, regionCode: h.regionCode, enterpriseId: h.enterpriseId, deadline: endOfDay(dueDate) }, now),
        ),
      })),
    );
  }

  if (!("enterpriseId" in scope) && scope.regulator) {
    const regulator = scope.regulator;
    parts.push(
      forwardsOf(regulator.level, regulator.region, now, limit, count),
      openTasksDue(scope.regionCode, horizon("inspection_task", today), limit).then(({ items, total }) => ({
        kind: "inspection_task",
        total,
        items: items.map((t) =>
          item({ kind: "inspection_task", title: `失信企业${t.kind === "inspection" ? "检查" : "约谈"}：${t.enterpriseName}`, record: { type: "inspection_task", id: t.id, path: `/v1/inspection-tasks?enterpriseId=${t.enterpriseId}` }, regionCode: t.regionCode, enterpriseId: t.enterpriseId, deadline: endOfDay(t.dueOn) }, now),
        ),
      })),
    );
  }

  return parts;
}

/** Reports waiting for one level's regulator (its region) to forward them. */
export async function forwardsOf(level: ReportLevel, region: string, now: Date, limit: number, count = true): Promise<Part> {
  const { items, total } = await pendingForwards(level, region, limit, count);
  return {
    kind: "accident_forward",
    total,
    items: items.map((a) =>
      item({ kind: "accident_forward", title: `事故待本级转报：${a.summary}`, record: { type: "accident", id: a.id, path: `/v1/accidents/${a.id}` }, regionCode: a.regionCode, deadline: a.dueAt }, now),
    ),
  };
}
