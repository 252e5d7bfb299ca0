// Hazards: report, read, list, the rectification workflow and its evidence.
import type * as z from "zod/mini";
import type { AuditEntry } from "../../../shared/audit.js";
import { isWithin } from "../../../shared/codes/index.js";
import type { Write } from "../../../shared/db.js";
import { targetEnterprise } from "../../../shared/enterprises.js";
import { conflict, forbidden, illegalTransition, invalidField, notFound, staleVersion } from "../../../shared/errors.js";
import { etag, expectedVersion } from "../../../shared/http.js";
import { newId } from "../../../shared/ids.js";
import { type Actor, levelOf } from "../../../shared/policy.js";
import { industryScope, requireRegion } from "../../../shared/scope.js";
import { shanghaiDate } from "../../../shared/time.js";
import { decideAction, type HazardAction, SUPERVISING_LEVELS } from "../rules.js";
import {
  attachmentViews,
  buildHazard,
  existingEvidence,
  failOn,
  forbiddenAction,
  hazardAudit,
  hazardView,
  knownItemCodes,
  notFuture,
  requireSource,
  suspensionWrites,
  visibleHazard,
} from "../service.js";
import type { NoteBody, PlanBody, RejectBody, SuperviseBody } from "../schemas.js";
import {
  type Attachment,
  attachmentDownload,
  attachmentObjectKey,
  attachmentUpload,
  attachmentWrites,
  getAttachment,
  createHazardWrite,
  enterprisesOfGrid,
  type Hazard,
  type HazardFilter,
  listByEnterprise,
  listByEnterprises,
  listByRegion,
  listByStatus,
  OPEN_STATUSES,
  updateHazardWrites,
} from "../store.js";
import type { Req } from "../routes.js";


export async function createHazard({ body, actor, now }: Req<"createHazard">) {
  requireSource(actor, body.source);
  const e = await targetEnterprise(actor, body.enterpriseId);
  const problems = [...notFuture("discoveredAt", body.discoveredAt, now)];
  if (body.checklistItemId && !(await knownItemCodes()).has(body.checklistItemId)) {
    problems.push({ path: "checklistItemId", message: { zh: "排查清单中没有此项", en: "no checklist has this item" } });
  }
  const { enterpriseId: _e, source, discoveredAt, ...input } = body;
  const built = buildHazard(input, { enterprise: e, source, discoveredAt, actor, now });
  failOn([...problems, ...built.problems]);
  const h = built.hazard!;
  return {
    status: 201,
    body: hazardView(h, now, []),
    headers: { etag: etag(h.version), location: `/v1/hazards/${h.id}` },
    writes: [createHazardWrite(h)],
    audit: [hazardAudit(h, "create", { source: h.source, level: h.level, status: h.status })],
  };
}

async function getHazardRoute({ params, actor, now }: Req<"getHazard">) {
  const h = await visibleHazard(actor, params.id);
  return { body: hazardView(h, now, await attachmentViews(h.id)), headers: { etag: etag(h.version) } };
}

export async function listHazards({ query, actor, now }: Req<"listHazards">) {
  const today = shanghaiDate(now);
  const overdue = query.overdue === undefined ? undefined : query.overdue === "true";
  const base: HazardFilter = { level: query.level, source: query.source, today, industry: industryScope(actor, undefined) };
  const withStatus: HazardFilter = { ...base, status: query.status, overdue };
  let page: { items: Hazard[]; nextCursor: string | null };
  if (actor.role === "enterprise" || actor.role === "grid_member" || query.enterpriseId) {
    if (actor.role === "grid_member" && !query.enterpriseId) {
      // A grid member's hazards: its grid's enterprises, partition by partition.
      const ids = (await enterprisesOfGrid(actor.gridId as string)).map((x) => x.id as string).sort();
      page = await listByEnterprises(ids, withStatus, query.limit, query.cursor);
    } else {
      const id = query.enterpriseId ?? (actor.enterpriseId as string);
      const e = await targetEnterprise(actor, id);
      if (query.regionCode && !isWithin(e.regionCode, query.regionCode)) {
        page = { items: [], nextCursor: null };
      } else {
        page = await listByEnterprise(id, withStatus, query.limit, query.cursor);
      }
    }
  } else {
    const region = query.regionCode ?? actor.regionCode;
    requireRegion(actor, region);
    if (query.status !== undefined || overdue === true) {
      // Status index: one key per county and status; overdue is a key range on rectifyBy.
      const statuses = query.status ? [query.status] : OPEN_STATUSES;
      const usable = overdue === true ? statuses.filter((s) => OPEN_STATUSES.includes(s)) : statuses;
      page = await listByStatus(region, usable, { ...base, overdue: overdue === false ? false : undefined }, overdue === true ? today : undefined, query.limit, query.cursor);
    } else {
      page = await listByRegion(region, { ...base, overdue }, query.limit, query.cursor);
    }
  }
  return { body: { items: page.items.map((h) => hazardView(h, now)), nextCursor: page.nextCursor } };
}

/** Whatever an action's body may carry (each action's route validates its own). */
type ActionBody = Partial<z.infer<typeof NoteBody> & z.infer<typeof PlanBody> & z.infer<typeof RejectBody> & z.infer<typeof SuperviseBody>>;

/** One handler for every workflow action: read, decide with the pure table, write versioned. */
function workflow(action: HazardAction) {
  return async ({ params, body, actor, now, headers }: { params: { id: string }; body: ActionBody; actor: Actor; now: Date; headers: Record<string, string | undefined> }) => {
    const before = await visibleHazard(actor, params.id);
    if (headers["if-match"] !== undefined && expectedVersion(headers) !== before.version) throw staleVersion();
    const plan = action === "plan" ? { ...(before.plan ?? {}), ...(body.plan ?? {}) } : before.plan;
    const found = action === "complete" ? await existingEvidence(before.id) : undefined;
    const evidence = found?.ids;
    const decision = decideAction({
      level: before.level, status: before.status, source: before.source, action, role: actor.role,
      plan, reason: body.reason, evidenceCount: evidence?.length,
    });
    if ("error" in decision) {
      switch (decision.error) {
        case "illegal_transition":
          throw illegalTransition(action, before.status, decision.allowed);
        case "forbidden_role":
          throw forbiddenAction(action, actor.role);
        case "plan_incomplete":
          if (action === "plan") {
            failOn(decision.missing.map((k) => ({ path: `plan.${k}`, message: { zh: "治理方案须包含此部分（16号令第十五条）", en: "the rectification plan needs this part (Order 16 art.15)" } })));
          }
          throw conflict("plan_incomplete", { zh: "治理方案六项内容不全，不能开始整改", en: "work cannot start before the plan has all six parts" }, { missing: decision.missing });
        case "reason_required":
          throw invalidField("reason", { zh: "退回须说明理由", en: "a rejection needs a reason" });
        case "evidence_required":
          throw conflict("evidence_required", {
            zh: `完成整改须至少上传 ${decision.minimum} 份已存在的整改证据`,
            en: `completing needs at least ${decision.minimum} uploaded evidence attachment`,
          }, { minimum: decision.minimum });
      }
    }
    const at = now.toISOString();
    const today = shanghaiDate(now);
    const after: Hazard = { ...before, status: decision.next, version: before.version + 1, updatedAt: at };
    const summary: Record<string, unknown> = { from: before.status, to: decision.next, ...(body.note ? { note: body.note } : {}) };
    let extra: { writes: Write[]; audit: AuditEntry[] } = { writes: [], audit: [] };
    switch (action) {
      case "plan":
        after.plan = plan;
        break;
      case "complete":
        after.rectifiedAt = at;
        after.evidence = evidence;
        summary.evidence = evidence;
        break;
      case "accept":
        after.closedAt = at;
        break;
      case "request-review":
        after.reviewRequestedOn = today;
        delete after.reviewedOn;
        break;
      case "reject":
        after.reviewedOn = today;
        // Back to work: the earlier "rectified" no longer counts as fixed (rules: StatisticsHazard).
        delete after.rectifiedAt;
        after.rejections = [...(before.rejections ?? []), { reason: body.reason as string, at, by: actor.userId }];
        break;
      case "write-off":
        after.closedAt = at;
        after.reviewedOn = today;
        if (before.supervision) extra = await suspensionWrites(after, actor, now);
        break;
      case "supervise": {
        const own = levelOf(actor);
        const level = body.supervisingLevel ?? own;
        // A department lists at its own level or below (a county cannot list for the province).
        if (SUPERVISING_LEVELS.indexOf(level) < SUPERVISING_LEVELS.indexOf(own)) {
          throw forbidden("supervising_level_too_high", { zh: `${own} 级部门不能按 ${level} 级挂牌督办`, en: `a ${own}-level department cannot list at ${level} level` });
        }
        if ((body.deadline as string) < today) throw invalidField("deadline", { zh: "督办期限不能早于今天", en: "the deadline cannot be in the past" });
        after.supervision = {
          deadline: body.deadline as string,
          supervisingLevel: level,
          productionSuspended: body.productionSuspended === true,
          suspendProduction: body.productionSuspended === true,
          listedOn: before.supervision?.listedOn ?? today,
          listedBy: actor.userId,
          listedByRegion: actor.regionCode,
          ...(body.note ? { note: body.note } : {}),
        };
        summary.supervision = { from: before.supervision ?? null, to: after.supervision };
        extra = await suspensionWrites(after, actor, now);
        break;
      }
    }
    return {
      body: hazardView(after, now, (await attachmentViews(after.id)).map((v) => (evidence?.includes(v.id) ? { ...v, uploaded: true } : v))),
      headers: { etag: etag(after.version) },
      writes: [...updateHazardWrites(before, after), ...extra.writes, ...(found?.writes ?? [])],
      audit: [hazardAudit(after, action, summary, body.reason), ...extra.audit],
    };
  };
}

export async function requestAttachment({ params, body, actor, now }: Req<"requestAttachment">) {
  const h = await visibleHazard(actor, params.id);
  if (h.status === "closed") throw conflict("hazard_closed", { zh: "隐患已销号，不能再上传证据", en: "the hazard is closed; no more evidence" });
  const id = newId();
  const a: Attachment = {
    id, hazardId: h.id, key: attachmentObjectKey(h, body.fileName), fileName: body.fileName, contentType: body.contentType, size: body.size, createdAt: now.toISOString(), createdBy: actor.userId,
  };
  const upload = await attachmentUpload(a);
  return {
    status: 201,
    body: {
      attachment: { id, fileName: a.fileName, contentType: a.contentType, size: a.size, uploaded: false, createdAt: a.createdAt, createdBy: a.createdBy },
      upload,
    },
    writes: attachmentWrites(a),
    audit: [hazardAudit(h, "attachment", { attachmentId: id, fileName: a.fileName, contentType: a.contentType, size: a.size })],
  };
}

/** A download link for one attachment, made only when asked (the hazard read carries none). */
export async function getHazardAttachment({ params, actor }: Req<"getHazardAttachment">) {
  const h = await visibleHazard(actor, params.id);
  const a = await getAttachment(h.id, params.attachmentId);
  if (!a) throw notFound({ zh: "附件", en: "attachment" });
  return { body: { id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size, download: await attachmentDownload(a) } };
}

export { getHazardRoute as getHazard };
export const planHazard = workflow("plan");
export const startHazard = workflow("start");
export const completeHazard = workflow("complete");
export const acceptHazard = workflow("accept");
export const rejectHazard = workflow("reject");
export const requestReviewHazard = workflow("request-review");
export const writeOffHazard = workflow("write-off");
export const superviseHazard = workflow("supervise");
