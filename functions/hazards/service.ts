// The middle layer the hazards routes share (handlers/ → service → rules + store): scope, building a hazard from any of
// its four sources, the response view, evidence checks and the production-suspension side effects.
import type { AuditEntry } from "../../shared/audit.js";
import type { Write } from "../../shared/db.js";
import { type EnterpriseRecord, getEnterprise } from "../../shared/enterprises.js";
import { ApiError, type FieldProblem, forbidden, invalidFields, notFound, type Text } from "../../shared/errors.js";
import { newId } from "../../shared/ids.js";
import type { Actor, ScopedRecord } from "../../shared/policy.js";
import { reachable } from "../../shared/scope.js";
import { isInFuture, isoUtc, shanghaiDate } from "../../shared/time.js";
import { licenceSuspensionWrites } from "../approvals/public.js";
import {
  allowedActions,
  type HazardSource,
  initialStatus,
  isOverdue,
  missingMajorReportFields,
  missingPlanParts,
  productionSuspended,
  reviewDueDate,
} from "./rules.js";
import type { AttachmentView, HazardInput } from "./schemas.js";
import {
  allChecklists,
  attachmentVerifiedWrite,
  enterpriseChangeWrite,
  enterpriseUnchangedCheck,
  getHazard,
  type Hazard,
  listAttachments,
  listedHazardsOf,
  verifiedUpload,
} from "./store.js";

export const HAZARD: Text = { zh: "隐患", en: "hazard" };
import { ENTERPRISE_TEXT } from "../../shared/enterprises.js";

// ---------------------------------------------------------------------------------------------
// Scope

export function scopeOf(r: { enterpriseId: string; regionCode: string; industryCode: string; gridId?: string | null }): ScopedRecord {
  return { enterpriseId: r.enterpriseId, regionCode: r.regionCode, industryCode: r.industryCode, gridId: r.gridId ?? null };
}

/**
 * A record about an enterprise, if the caller may see it (else 404). A grid member's reach follows
 * the enterprise's current grid, not the grid it had when the record was made.
 */
export async function visible<T extends { enterpriseId: string; regionCode: string; industryCode: string; gridId?: string | null }>(
  actor: Actor,
  record: T | undefined,
  what: Text,
): Promise<T> {
  if (!record) throw notFound(what);
  let gridId = record.gridId ?? null;
  if (actor.role === "grid_member") gridId = (await getEnterprise(record.enterpriseId))?.gridId ?? null;
  reachable(actor, { ...scopeOf(record), gridId }, what);
  return record;
}

export async function visibleHazard(actor: Actor, id: string): Promise<Hazard> {
  return visible(actor, await getHazard(id), HAZARD);
}

/** Which sources each role reports under. */
export const SOURCES_BY_ROLE: Partial<Record<Actor["role"], readonly HazardSource[]>> = {
  enterprise: ["self_inspection"],
  grid_member: ["grid_patrol"],
  regulator: ["enforcement", "public_report"],
  industry_department: ["enforcement", "public_report"],
};

export function requireSource(actor: Actor, source: HazardSource): void {
  const allowed = SOURCES_BY_ROLE[actor.role] ?? [];
  if (!allowed.includes(source)) {
    throw new ApiError(
      403,
      "source_not_allowed",
      { zh: `当前角色不能以来源「${source}」报告隐患；允许：${allowed.join("、") || "无"}`, en: `your role may not report hazards with source '${source}'; allowed: ${allowed.join(", ") || "none"}` },
      { allowed },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Building a hazard


export interface BuildContext {
  enterprise: EnterpriseRecord;
  source: HazardSource;
  discoveredAt: string;
  actor: Actor;
  now: Date;
  links?: { selfInspectionId?: string; inspectionId?: string; patrolId?: string };
}

const only = (path: string): Text => ({ zh: `${path} 仅适用于重大事故隐患`, en: `${path} applies to major hazards only` });

/**
 * Validates one hazard's content against the rules and builds the record. Problems are returned with
 * `path` prefixed, so a request creating many hazards reports every bad field at once.
 */
export function buildHazard(input: HazardInput, ctx: BuildContext, path = ""): { hazard?: Hazard; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const p = (field: string) => `${path}${field}`;
  const discovered = isoUtc(ctx.discoveredAt);
  if (input.rectifyBy < shanghaiDate(discovered)) {
    problems.push({ path: p("rectifyBy"), message: { zh: "整改期限不能早于发现日期", en: "rectifyBy cannot be before the day of discovery" } });
  }
  if (input.level === "major") {
    // 16号令 art.14 ¶2: current state and cause; harm and difficulty analysis.
    for (const f of missingMajorReportFields(input)) {
      problems.push({ path: p(f), message: { zh: "重大事故隐患报告须包含此项（16号令第十四条）", en: "a major hazard report must include this (Order 16 art.14)" } });
    }
  } else {
    if (input.currentStateAndCause !== undefined) problems.push({ path: p("currentStateAndCause"), message: only("currentStateAndCause") });
    if (input.harmAndDifficultyAnalysis !== undefined) problems.push({ path: p("harmAndDifficultyAnalysis"), message: only("harmAndDifficultyAnalysis") });
    if (input.plan !== undefined) problems.push({ path: p("plan"), message: only("plan") });
  }
  const status = initialStatus({ level: input.level, fixedOnSpot: input.fixedOnSpot, plan: input.plan });
  if (typeof status !== "string") {
    problems.push({ path: p("fixedOnSpot"), message: { zh: "重大事故隐患不能当场整改（16号令第三条）", en: "a major hazard cannot be fixed on the spot (Order 16 art.3)" } });
  }
  if (problems.length > 0 || typeof status !== "string") return { problems };
  const e = ctx.enterprise;
  const at = ctx.now.toISOString();
  const hazard: Hazard = {
    id: newId(),
    enterpriseId: e.id,
    enterpriseName: e.name,
    regionCode: e.regionCode,
    cityCode: e.cityCode,
    industryCode: e.industryCode,
    industrySection: e.industrySection,
    gridId: e.gridId ?? null,
    level: input.level,
    source: ctx.source,
    status,
    description: input.description,
    location: input.location,
    discoveredAt: discovered,
    rectifyBy: input.rectifyBy,
    ...(input.checklistItemId ? { checklistItemId: input.checklistItemId } : {}),
    fixedOnSpot: input.fixedOnSpot === true,
    ...(input.level === "major"
      ? { currentStateAndCause: input.currentStateAndCause, harmAndDifficultyAnalysis: input.harmAndDifficultyAnalysis, ...(input.plan ? { plan: input.plan } : {}) }
      : {}),
    ...(ctx.links ?? {}),
    // Fixed on the spot: rectified when found (16号令 art.15 ¶1 "立即组织整改").
    ...(status === "rectified" ? { rectifiedAt: discovered } : {}),
    version: 1,
    createdAt: at,
    createdBy: ctx.actor.userId,
    updatedAt: at,
  };
  return { hazard, problems };
}

export function failOn(problems: FieldProblem[]): void {
  if (problems.length > 0) throw invalidFields("body", problems);
}

/** A client-declared instant may not lie in the future. */
export function notFuture(path: string, value: string, now: Date): FieldProblem[] {
  return isInFuture(value, now) ? [{ path, message: { zh: "不能晚于当前时间", en: "cannot be in the future" } }] : [];
}

/** Item codes of every checklist version (codes are stable across versions). */
export async function knownItemCodes(): Promise<Set<string>> {
  const all = await allChecklists();
  return new Set(all.flatMap((c) => c.items.map((i) => i.code)));
}

export function hazardAudit(h: Hazard, action: string, summary: unknown, reason?: string): AuditEntry {
  return { action: `hazard.${action}`, entityType: "hazard", entityId: h.id, regionCode: h.regionCode, enterpriseId: h.enterpriseId, summary, reason };
}

// ---------------------------------------------------------------------------------------------
// The response view: stored fields plus what is computed at read time (Asia/Shanghai).

export function reviewView(h: Hazard, now: Date) {
  if (h.level !== "major" || (!h.supervision && !h.reviewRequestedOn)) return undefined;
  // 16号令 art.23: the review is due within 10 days of the deadline or of the application (rules.reviewDueDate).
  const dueDate = reviewDueDate(h.supervision?.deadline, h.reviewRequestedOn);
  const decided = h.status === "closed" || h.reviewedOn ? (h.reviewedOn ?? null) : null;
  return {
    requestedOn: h.reviewRequestedOn ?? null,
    dueDate,
    decidedOn: decided,
    overdue: (decided ?? shanghaiDate(now)) > dueDate,
  };
}

export function hazardView(h: Hazard, now: Date, attachments?: AttachmentView[]) {
  const { industrySection: _s, gridId: _g, selfInspectionId, inspectionId, patrolId, evidence, reviewedOn, reviewRequestedOn, ...rest } = h;
  return {
    ...rest,
    ...(selfInspectionId ? { selfInspectionId } : {}),
    ...(inspectionId ? { inspectionId } : {}),
    ...(patrolId ? { patrolId } : {}),
    ...(evidence ? { evidence } : {}),
    ...(reviewRequestedOn ? { reviewRequestedOn } : {}),
    ...(reviewedOn ? { reviewedOn } : {}),
    missingPlanParts: h.level === "major" ? missingPlanParts(h.plan ?? {}) : [],
    review: reviewView(h, now),
    overdue: isOverdue(h, now),
    allowedActions: allowedActions(h.level, h.status),
    ...(attachments ? { attachments } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Evidence

/** Attachments of a hazard as stored: no S3 call on a read (links come from the attachment route). */
export async function attachmentViews(hazardId: string): Promise<AttachmentView[]> {
  return (await listAttachments(hazardId)).map((a) => ({
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    uploaded: a.verified !== undefined,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
  }));
}

/**
 * The evidence that really is in S3, for `complete`: each attachment is checked once (a HEAD
 * against what was declared) and the finding is written with the step, so neither reads nor
 * later steps ask S3 again.
 */
export async function existingEvidence(hazardId: string): Promise<{ ids: string[]; writes: Write[] }> {
  const list = await listAttachments(hazardId);
  const found = await Promise.all(list.map(async (a) => ({ a, verified: a.verified ?? (await verifiedUpload(a)) })));
  return {
    ids: found.filter((f) => f.verified).map((f) => f.a.id),
    writes: found.flatMap((f) => (f.verified && !f.a.verified ? [attachmentVerifiedWrite(f.a, f.verified)] : [])),
  };
}

// ---------------------------------------------------------------------------------------------
// Production suspension (16号令 art.16, 23): while a listed major hazard with suspension is not
// written off, the enterprise is marked suspended and its safety production licences are held
// (functions/approvals/public.ts); both land in the hazard change's own transaction.

export async function suspensionWrites(after: Hazard, actor: Actor, now: Date): Promise<{ writes: Write[]; audit: AuditEntry[] }> {
  const e = await getEnterprise(after.enterpriseId);
  if (!e) throw notFound(ENTERPRISE_TEXT);
  const others = (await listedHazardsOf(after.enterpriseId)).filter((h) => h.id !== after.id);
  const suspended = productionSuspended([...others, after]);
  const was = e.productionSuspended === true;
  if (suspended === was) {
    // No change, but serialise with any concurrent change of the enterprise's suspension.
    return { writes: [enterpriseUnchangedCheck(e)], audit: [] };
  }
  const reason = suspended
    ? `重大事故隐患 ${after.id} 挂牌督办，责令停产停业整改`
    : `重大事故隐患 ${after.id} 已核销，准予恢复生产`;
  const licence = await licenceSuspensionWrites(e.id, suspended, reason, now);
  return {
    writes: [enterpriseChangeWrite(e, { productionSuspended: suspended, updatedAt: now.toISOString() }), ...licence.writes],
    audit: [
      {
        action: suspended ? "enterprise.production-suspended" : "enterprise.production-restored",
        entityType: "enterprise",
        entityId: e.id,
        enterpriseId: e.id,
        regionCode: e.regionCode,
        summary: { productionSuspended: { from: was, to: suspended }, hazardId: after.id, by: actor.userId },
        reason,
      },
      ...licence.audit,
    ],
  };
}

export function forbiddenAction(action: string, role: string) {
  return forbidden("action_not_allowed", {
    zh: `角色「${role}」不能对该隐患执行「${action}」`,
    en: `role '${role}' may not perform '${action}' on this hazard`,
  });
}
