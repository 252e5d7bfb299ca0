// The hazards Lambda: parse, check who you are, decide with rules.ts, write through store.ts, answer.
import type { AuditEntry } from "../../shared/audit.js";
import { countyOf, industryMatches, isWithin } from "../../shared/codes/index.js";
import { decodeCursor, encodeCursor, putVersioned, type Write } from "../../shared/db.js";
import { ENTERPRISE_TEXT, enterpriseAt, type EnterpriseRecord, enterpriseScope, getEnterprise, gridClaimRelease, targetEnterprise } from "../../shared/enterprises.js";
import { conflict, type FieldProblem, forbidden, illegalTransition, invalidField, notFound, staleVersion, type Text } from "../../shared/errors.js";
import { etag, expectedVersion, lambda, type Lang, type Request } from "../../shared/http.js";
import { newId } from "../../shared/ids.js";
import { type Actor, canReach, coversRegion, levelOf } from "../../shared/policy.js";
import { industryScope, requireReach, requireRegion } from "../../shared/scope.js";
import { attachmentKey, downloadLink, presignUpload } from "../../shared/storage.js";
import { addDays, isoUtc, shanghaiDate, shanghaiEndOf, shanghaiQuarter, shanghaiStartOf } from "../../shared/time.js";
import { type Enterprise, enterpriseItem } from "../registry/public.js";
import { cityCodeOf, isRegionCode } from "./regions.js";
import { routes } from "./routes.js";
import {
  computeHazardStatistics,
  decideAction,
  filingDeadline,
  filingStatus,
  type HazardAction,
  isLate,
  periodRange,
  DESCRIPTION_SIMILARITY_THRESHOLD,
  RECONCILIATION_WINDOW_DAYS,
  reconcile,
  SUPERVISING_LEVELS,
  type SupervisingLevel,
  checklistsForIndustry,
} from "./rules.js";
import {
  attachmentViews,
  buildHazard,
  existingEvidence,
  failOn,
  forbiddenAction,
  type HazardInput,
  hazardAudit,
  hazardView,
  knownItemCodes,
  notFuture,
  requireSource,
  suspensionWrites,
  visible,
  visibleHazard,
} from "./service.js";
import {
  allChecklists,
  attachmentWrites,
  getAttachment,
  createGridWrites,
  createHazardWrite,
  enterprisesOfGrid,
  countEnterprisesOfRegion,
  enterprisePageOfRegion,
  type Filing,
  filingCounts,
  filingsOf,
  filingWrites,
  getChecklist,
  getFiling,
  getGrid,
  getInspection,
  getPatrol,
  getSelfInspection,
  type Grid,
  gridClaimWrite,
  gridItem,
  type Hazard,
  type HazardFilter,
  hazardsOfEnterprise,
  type Inspection,
  inspectedEnterprisesPage,
  inspectedWrites,
  inspectionWrite,
  listByEnterprise,
  listByEnterprises,
  listByRegion,
  listByStatus,
  listGrids,
  listInspectionsOfEnterprise,
  listInspectionsOfRegion,
  listPatrolsOfGrid,
  listSelfInspections,
  OPEN_STATUSES,
  type Patrol,
  patrolWrite,
  publishChecklistWrite,
  type SelfInspection,
  selfInspectionWrite,
  type StoredChecklist,
  updateHazardWrites,
} from "./store.js";

type Routes = typeof routes;
type Req<K extends keyof Routes> = Request<Routes[K]>;

const CHECKLIST = { zh: "排查清单", en: "checklist" };
const INSPECTION = { zh: "执法检查", en: "enforcement inspection" };
const SELF_INSPECTION = { zh: "自查记录", en: "self-inspection" };
const GRID = { zh: "网格", en: "grid" };
const PATROL = { zh: "巡查记录", en: "patrol report" };

// ---------------------------------------------------------------------------------------------
// Checklists

function checklistOut(c: StoredChecklist, current: boolean) {
  return { id: c.id, family: c.family, industryCode: c.industryCode, name: c.name, version: c.version, current, items: c.items.map((i) => ({ ...i })) };
}

/** Latest version of each family. */
function currentIds(all: StoredChecklist[]): Set<string> {
  const latest = new Map<string, StoredChecklist>();
  for (const c of all) {
    const seen = latest.get(c.family);
    if (!seen || c.version > seen.version) latest.set(c.family, c);
  }
  return new Set([...latest.values()].map((c) => c.id));
}

async function listChecklists({ query }: Req<"listChecklists">) {
  const all = await allChecklists();
  const current = currentIds(all);
  let shown = query.allVersions === "true" ? all : all.filter((c) => current.has(c.id));
  if (query.industryCode) shown = checklistsForIndustry(query.industryCode, shown);
  return {
    body: {
      items: shown.map((c) => ({
        id: c.id, family: c.family, industryCode: c.industryCode, name: c.name, version: c.version, current: current.has(c.id), itemCount: c.items.length,
      })),
    },
  };
}

async function getChecklistRoute({ params }: Req<"getChecklist">) {
  const c = await getChecklist(params.id);
  if (!c) throw notFound(CHECKLIST);
  const current = currentIds(await allChecklists());
  return { body: checklistOut(c, current.has(c.id)) };
}

async function publishChecklist({ body, actor, now }: Req<"publishChecklist">) {
  // Checklists are provincial reference data.
  if (levelOf(actor) !== "province") throw forbidden("province_only", { zh: "排查清单由省级部门发布", en: "checklists are published at province level" });
  const problems: FieldProblem[] = [];
  const codes = new Set<string>();
  body.items.forEach((item, i) => {
    if (!item.code.startsWith(`${body.family}-`)) problems.push({ path: `items.${i}.code`, message: { zh: `须以 ${body.family}- 开头`, en: `must start with ${body.family}-` } });
    if (codes.has(item.code)) problems.push({ path: `items.${i}.code`, message: { zh: "编码重复", en: "duplicate code" } });
    codes.add(item.code);
  });
  const versions = (await allChecklists()).filter((c) => c.family === body.family);
  const latest = versions.reduce<StoredChecklist | undefined>((a, c) => (!a || c.version > a.version ? c : a), undefined);
  if (latest && latest.industryCode !== body.industryCode) {
    problems.push({ path: "industryCode", message: { zh: `须与该清单原行业 ${String(latest.industryCode)} 一致`, en: `must stay ${String(latest.industryCode)} for this checklist` } });
  }
  failOn(problems);
  const version = (latest?.version ?? 0) + 1;
  const c: StoredChecklist = {
    id: `${body.family}-v${version}`, family: body.family, industryCode: body.industryCode, name: body.name, version,
    items: body.items, createdAt: now.toISOString(), createdBy: actor.userId,
  };
  return {
    status: 201,
    body: checklistOut(c, true),
    headers: { location: `/v1/checklists/${c.id}` },
    writes: [publishChecklistWrite(c)],
    audit: [{ action: "checklist.publish", entityType: "checklist", entityId: c.id, regionCode: actor.regionCode, summary: { version, items: c.items.length, previous: latest?.id ?? null } }],
  };
}

// ---------------------------------------------------------------------------------------------
// Self-inspections: every fail becomes a hazard, in the same transaction (all or none).

const MAX_FAILS_PER_INSPECTION = 48;

async function createSelfInspection({ body, actor, now }: Req<"createSelfInspection">) {
  const e = await targetEnterprise(actor, actor.enterpriseId as string);
  const c = await getChecklist(body.checklistId);
  if (!c) throw invalidField("checklistId", { zh: "排查清单不存在", en: "no such checklist" });
  if (c.industryCode !== null && !industryMatches(e.industryCode, c.industryCode)) {
    throw invalidField("checklistId", { zh: `该清单适用于行业 ${c.industryCode}，不适用于本企业`, en: `this checklist is for industry ${c.industryCode}, not this enterprise's` });
  }
  const problems: FieldProblem[] = [...notFuture("inspectedAt", body.inspectedAt, now)];
  const byCode = new Map(c.items.map((i) => [i.code, i]));
  const seen = new Set<string>();
  const inspectionId = newId();
  const hazards: Hazard[] = [];
  const results: SelfInspection["results"] = [];
  body.results.forEach((r, i) => {
    const item = byCode.get(r.itemCode);
    if (!item) {
      problems.push({ path: `results.${i}.itemCode`, message: { zh: `清单 ${c.id} 中没有此项`, en: `not an item of ${c.id}` } });
      return;
    }
    if (seen.has(r.itemCode)) problems.push({ path: `results.${i}.itemCode`, message: { zh: "重复的检查项", en: "item given twice" } });
    seen.add(r.itemCode);
    let hazardId: string | undefined;
    if (r.result === "fail") {
      if (!r.hazard) {
        problems.push({ path: `results.${i}.hazard`, message: { zh: "不合格项须报告隐患（级别、位置、整改期限）", en: "a failed item must describe its hazard (level, location, rectifyBy)" } });
      } else {
        const input: HazardInput = { ...r.hazard, description: r.hazard.description ?? `${item.check}：${r.note ?? `不符合“${item.standard}”`}`, checklistItemId: item.code };
        const built = buildHazard(input, { enterprise: e, source: "self_inspection", discoveredAt: body.inspectedAt, actor, now, links: { selfInspectionId: inspectionId } }, `results.${i}.hazard.`);
        problems.push(...built.problems);
        if (built.hazard) {
          hazards.push(built.hazard);
          hazardId = built.hazard.id;
        }
      }
    } else if (r.hazard) {
      problems.push({ path: `results.${i}.hazard`, message: { zh: "只有不合格项才报告隐患", en: "only a failed item has a hazard" } });
    }
    results.push({ itemCode: item.code, check: item.check, standard: item.standard, result: r.result, ...(r.note ? { note: r.note } : {}), ...(hazardId ? { hazardId } : {}) });
  });
  const missing = c.items.filter((i) => !seen.has(i.code)).map((i) => i.code);
  if (missing.length > 0) {
    problems.push({ path: "results", message: { zh: `缺少检查项结果：${missing.join("、")}`, en: `results missing for: ${missing.join(", ")}` } });
  }
  // One transaction holds everything (≤ 100 items): the inspection, its audit and the idempotency
  // record, plus a hazard and its audit record per failed item.
  if (hazards.length > MAX_FAILS_PER_INSPECTION) {
    problems.push({
      path: "results",
      message: { zh: `一次自查最多报告 ${MAX_FAILS_PER_INSPECTION} 个不合格项，请分批提交`, en: `at most ${MAX_FAILS_PER_INSPECTION} failed items per self-inspection; split it` },
    });
  }
  failOn(problems);
  const count = (k: "pass" | "fail" | "na") => results.filter((r) => r.result === k).length;
  const inspection: SelfInspection = {
    id: inspectionId, enterpriseId: e.id, regionCode: e.regionCode, cityCode: e.cityCode, industryCode: e.industryCode, gridId: e.gridId ?? null,
    checklistId: c.id, checklistVersion: c.version, inspectedAt: isoUtc(body.inspectedAt), inspector: body.inspector, results,
    counts: { pass: count("pass"), fail: count("fail"), na: count("na") }, hazardIds: hazards.map((h) => h.id),
    createdAt: now.toISOString(), createdBy: actor.userId,
  };
  return {
    status: 201,
    body: selfInspectionOut(inspection),
    headers: { location: `/v1/self-inspections/${inspection.id}` },
    writes: [selfInspectionWrite(inspection), ...hazards.map(createHazardWrite)],
    audit: [
      { action: "self-inspection.create", entityType: "self_inspection", entityId: inspection.id, regionCode: e.regionCode, enterpriseId: e.id, summary: { checklistId: c.id, counts: inspection.counts } },
      ...hazards.map((h) => hazardAudit(h, "create", { source: h.source, level: h.level, status: h.status, selfInspectionId: inspection.id, checklistItemId: h.checklistItemId })),
    ],
  };
}

function selfInspectionOut(s: SelfInspection) {
  const { cityCode: _c, industryCode: _i, gridId: _g, ...rest } = s;
  return rest;
}

async function getSelfInspectionRoute({ params, actor }: Req<"getSelfInspection">) {
  const s = await visible(actor, await getSelfInspection(params.id), SELF_INSPECTION);
  return { body: selfInspectionOut(s) };
}

async function listSelfInspectionsRoute({ query, actor }: Req<"listSelfInspections">) {
  const enterpriseId = query.enterpriseId ?? actor.enterpriseId;
  if (!enterpriseId) throw invalidField("enterpriseId", { zh: "请指定企业", en: "name the enterprise" });
  await targetEnterprise(actor, enterpriseId);
  const page = await listSelfInspections(enterpriseId, query.limit, query.cursor);
  return { body: { items: page.items.map(selfInspectionOut), nextCursor: page.nextCursor } };
}

// ---------------------------------------------------------------------------------------------
// Hazards

async function createHazard({ body, actor, now }: Req<"createHazard">) {
  requireSource(actor, body.source);
  const e = await targetEnterprise(actor, body.enterpriseId);
  const problems = [...notFuture("discoveredAt", body.discoveredAt, now)];
  if (body.checklistItemId && !(await knownItemCodes()).has(body.checklistItemId)) {
    problems.push({ path: "checklistItemId", message: { zh: "排查清单中没有此项", en: "no checklist has this item" } });
  }
  const { enterpriseId: _e, source, discoveredAt, ...input } = body;
  const built = buildHazard(input, { enterprise: e, source, discoveredAt, actor, now });
  failOn([...problems, ...built.problems]);
  const h = built.hazard as Hazard;
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

async function listHazards({ query, actor, now }: Req<"listHazards">) {
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

interface ActionBody {
  note?: string;
  plan?: Record<string, string | undefined>;
  reason?: string;
  deadline?: string;
  supervisingLevel?: SupervisingLevel;
  productionSuspended?: boolean;
}

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

async function requestAttachment({ params, body, actor, now }: Req<"requestAttachment">) {
  const h = await visibleHazard(actor, params.id);
  if (h.status === "closed") throw conflict("hazard_closed", { zh: "隐患已销号，不能再上传证据", en: "the hazard is closed; no more evidence" });
  const id = newId();
  const key = attachmentKey("hazards", h.enterpriseId, h.id, body.fileName);
  const upload = await presignUpload(key, body.contentType, body.size);
  const a = { id, hazardId: h.id, key, fileName: body.fileName, contentType: body.contentType, size: body.size, createdAt: now.toISOString(), createdBy: actor.userId };
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
async function getHazardAttachment({ params, actor }: Req<"getHazardAttachment">) {
  const h = await visibleHazard(actor, params.id);
  const a = await getAttachment(h.id, params.attachmentId);
  if (!a) throw notFound({ zh: "附件", en: "attachment" });
  return { body: { id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size, download: await downloadLink(a.key, a.verified, a) } };
}

// ---------------------------------------------------------------------------------------------
// Enforcement inspections

function inspectionOut(i: Inspection) {
  const { cityCode: _c, industryCode: _i, industrySection: _s, gridId: _g, ...rest } = i as Inspection & { industrySection?: string };
  return rest;
}

async function createInspection({ body, actor, now }: Req<"createInspection">) {
  const e = await targetEnterprise(actor, body.enterpriseId);
  const today = shanghaiDate(now);
  const problems: FieldProblem[] = [];
  if (body.date > today) problems.push({ path: "date", message: { zh: "检查日期不能晚于今天", en: "the inspection date cannot be in the future" } });
  if (body.startedAt) {
    if (shanghaiDate(body.startedAt) !== body.date) problems.push({ path: "startedAt", message: { zh: "须在检查日期当天", en: "must fall on the inspection date" } });
    problems.push(...notFuture("startedAt", body.startedAt, now));
  }
  const codes = body.findings.some((f) => f.checklistItemId) ? await knownItemCodes() : new Set<string>();
  const id = newId();
  // Findings count as discovered when the inspectors arrived: self-reports after that do not count.
  const startedAt = body.startedAt ? isoUtc(body.startedAt) : shanghaiStartOf(body.date).toISOString();
  const hazards: Hazard[] = [];
  body.findings.forEach((f, i) => {
    if (f.checklistItemId && !codes.has(f.checklistItemId)) {
      problems.push({ path: `findings.${i}.checklistItemId`, message: { zh: "排查清单中没有此项", en: "no checklist has this item" } });
    }
    const built = buildHazard(f, { enterprise: e, source: "enforcement", discoveredAt: startedAt, actor, now, links: { inspectionId: id } }, `findings.${i}.`);
    problems.push(...built.problems);
    if (built.hazard) hazards.push(built.hazard);
  });
  failOn(problems);
  const inspection: Inspection & { industrySection: string } = {
    id, enterpriseId: e.id, enterpriseName: e.name, regionCode: e.regionCode, cityCode: e.cityCode, industryCode: e.industryCode, industrySection: e.industrySection,
    gridId: e.gridId ?? null, date: body.date, startedAt, inspectors: body.inspectors, ...(body.summary ? { summary: body.summary } : {}),
    findingsCount: hazards.length, hazardIds: hazards.map((h) => h.id), createdAt: now.toISOString(), createdBy: actor.userId,
  };
  return {
    status: 201,
    body: inspectionOut(inspection),
    headers: { location: `/v1/enforcement-inspections/${id}` },
    writes: [inspectionWrite(inspection), ...inspectedWrites(inspection), ...hazards.map(createHazardWrite)],
    audit: [
      { action: "inspection.create", entityType: "inspection", entityId: id, regionCode: e.regionCode, enterpriseId: e.id, summary: { date: body.date, findings: hazards.length } },
      ...hazards.map((h) => hazardAudit(h, "create", { source: h.source, level: h.level, status: h.status, inspectionId: id })),
    ],
  };
}

async function getInspectionRoute({ params, actor }: Req<"getInspection">) {
  return { body: inspectionOut(await visible(actor, await getInspection(params.id), INSPECTION)) };
}

async function listInspections({ query, actor }: Req<"listInspections">) {
  if (query.from && query.to && query.from > query.to) throw invalidField("to", { zh: "结束日期不能早于开始日期", en: "must not be before from" });
  if (actor.role === "enterprise" || actor.role === "grid_member" || query.enterpriseId) {
    const id = query.enterpriseId ?? actor.enterpriseId;
    if (!id) throw invalidField("enterpriseId", { zh: "请指定企业", en: "name the enterprise" });
    await targetEnterprise(actor, id);
    const page = await listInspectionsOfEnterprise(id, query.from, query.to, query.limit, query.cursor);
    return { body: { items: page.items.map(inspectionOut), nextCursor: page.nextCursor } };
  }
  const region = query.regionCode ?? actor.regionCode;
  requireRegion(actor, region);
  const page = await listInspectionsOfRegion(region, query.from, query.to, query.limit, query.cursor);
  const items = page.items.filter((i) => canReach(actor, { enterpriseId: i.enterpriseId, regionCode: i.regionCode, industryCode: i.industryCode }));
  return { body: { items: items.map(inspectionOut), nextCursor: page.nextCursor } };
}

// ---------------------------------------------------------------------------------------------
// Two books (两本帐)

const RULE_TEXT: Text = {
  zh: `同一企业以企业自查（self_inspection）来源上报、在检查日前 ${RECONCILIATION_WINDOW_DAYS} 日内发现且在检查人员到场前已上报的隐患，若与检查发现的隐患检查项相同，或（任一方未关联检查项时）规范化后的位置相同且描述相似度（字符二元组 Dice 系数）不低于 ${DESCRIPTION_SIMILARITY_THRESHOLD}，即视为企业已自查上报；一条自查隐患只对应一条检查发现。`,
  en: `A finding counts as self-reported when a self_inspection hazard of the same enterprise, discovered within ${RECONCILIATION_WINDOW_DAYS} days before the inspection day and reported before the inspectors arrived, has the same checklist item, or (when either lacks an item) the same normalised location and a description similarity (Dice, character bigrams) of at least ${DESCRIPTION_SIMILARITY_THRESHOLD}; one self-report backs one finding.`,
};

async function reconcileEnterprise(e: EnterpriseRecord, period: string, lang: Lang) {
  const { from, to } = periodRange(period);
  const start = shanghaiStartOf(from).toISOString();
  const end = shanghaiEndOf(to).toISOString();
  const windowStart = shanghaiStartOf(addDays(from, -RECONCILIATION_WINDOW_DAYS)).toISOString();
  const hazards = await hazardsOfEnterprise(e.id, windowStart, end);
  const findings = hazards.filter((h) => h.source === "enforcement" && h.inspectionId && h.discoveredAt >= start);
  const selfReports = hazards.filter((h) => h.source === "self_inspection").map((h) => ({ ...h, reportedAt: h.createdAt }));
  const result = reconcile(findings, selfReports);
  const rec = (h: Hazard) => ({
    id: h.id, description: h.description, location: h.location, discoveredAt: h.discoveredAt,
    ...(h.checklistItemId ? { checklistItemId: h.checklistItemId } : {}),
  });
  return {
    enterpriseId: e.id, enterpriseName: e.name, period, from, to, windowDays: RECONCILIATION_WINDOW_DAYS, rule: RULE_TEXT[lang],
    findings: findings.length,
    matched: result.matched.map((m) => ({ finding: rec(m.finding), selfReport: rec(m.selfReport), rule: m.rule, similarity: m.similarity })),
    unmatched: result.unmatched.map(rec),
    selfReportRatio: result.selfReportRatio,
  };
}

async function enterpriseReconciliation({ params, query, actor, now, lang }: Req<"enterpriseReconciliation">) {
  const e = await enterpriseAt(actor, params.id);
  return { body: await reconcileEnterprise(e, query.period ?? shanghaiQuarter(now), lang) };
}

/**
 * The region's inspected enterprises a page at a time, off the inspected-enterprise index, each
 * page ranked by findings the enterprise had not self-reported. Reads per request are bounded by
 * the page: the index (≤ 5 Query calls per city partition touched) plus, per enterprise on the
 * page, one GetItem (the register entry) and one Query (its hazards in the period and window).
 */
async function regionReconciliation({ query, actor, now, lang }: Req<"regionReconciliation">) {
  const region = query.regionCode ?? actor.regionCode;
  requireRegion(actor, region);
  const period = query.period ?? shanghaiQuarter(now);
  const page = await inspectedEnterprisesPage(region, period, industryScope(actor, undefined), query.limit, query.cursor);
  const rows: { row: Awaited<ReturnType<typeof reconcileEnterprise>>; regionCode: string }[] = [];
  for (let i = 0; i < page.items.length; i += 10) {
    const batch = await Promise.all(
      page.items.slice(i, i + 10).map(async (p) => {
        const e = await getEnterprise(p.enterpriseId);
        return e ? { row: await reconcileEnterprise(e, period, lang), regionCode: p.regionCode } : undefined;
      }),
    );
    for (const r of batch) if (r) rows.push(r);
  }
  const items = rows
    .map(({ row: r, regionCode }) => ({
      enterpriseId: r.enterpriseId, enterpriseName: r.enterpriseName, regionCode,
      findings: r.findings, matched: r.matched.length, unmatched: r.unmatched.length, selfReportRatio: r.selfReportRatio,
    }))
    .sort((a, b) => b.unmatched - a.unmatched || (a.selfReportRatio ?? 1) - (b.selfReportRatio ?? 1) || (a.enterpriseId < b.enterpriseId ? -1 : 1));
  return { body: { regionCode: region, period, items, nextCursor: page.nextCursor } };
}

// ---------------------------------------------------------------------------------------------
// Statistics and filings (16号令 art.14 ¶1)

async function statisticsOf(e: EnterpriseRecord, period: string, now: Date) {
  const { from, to } = periodRange(period);
  const hazards = await hazardsOfEnterprise(e.id, shanghaiStartOf(from).toISOString(), shanghaiEndOf(to).toISOString());
  return computeHazardStatistics(hazards, period, now);
}

async function hazardStatistics({ params, query, actor, now }: Req<"hazardStatistics">) {
  const e = await enterpriseAt(actor, params.id);
  const period = query.period ?? shanghaiQuarter(now);
  const s = await statisticsOf(e, period, now);
  return { body: { enterpriseId: e.id, ...s, deadline: filingDeadline(period) } };
}

function filingOut(f: Filing) {
  const { cityCode: _c, industryCode: _i, gridId: _g, enterpriseName: _n, industrySection: _s, ...rest } = f as Filing & { industrySection?: string };
  return rest;
}

async function createFiling({ body, actor, now }: Req<"createFiling">) {
  const e = await targetEnterprise(actor, actor.enterpriseId as string);
  const { to } = periodRange(body.period);
  if (now.getTime() <= shanghaiEndOf(to).getTime()) {
    throw conflict("period_not_ended", { zh: `${body.period} 尚未结束，不能报送`, en: `${body.period} has not ended yet` }, { endsOn: to });
  }
  const s = await statisticsOf(e, body.period, now);
  const filing: Filing & { industrySection: string } = {
    id: newId(), enterpriseId: e.id, enterpriseName: e.name, regionCode: e.regionCode, cityCode: e.cityCode, industryCode: e.industryCode,
    industrySection: e.industrySection, gridId: e.gridId ?? null, period: body.period, principal: body.principal, ...(body.note ? { note: body.note } : {}),
    statistics: { asOf: s.asOf, total: s.total, byLevel: s.byLevel },
    filedAt: now.toISOString(), deadline: filingDeadline(body.period), late: isLate(body.period, now), createdBy: actor.userId,
  };
  return {
    status: 201,
    body: filingOut(filing),
    headers: { location: `/v1/hazard-filings?period=${body.period}` },
    writes: filingWrites(filing),
    audit: [{ action: "hazard-filing.create", entityType: "hazard_filing", entityId: filing.id, regionCode: e.regionCode, enterpriseId: e.id, summary: { period: body.period, late: filing.late, total: s.total } }],
  };
}

type FilingRow = { enterpriseId: string; enterpriseName: string; regionCode: string; status: ReturnType<typeof filingStatus>; filedAt: string | null; filingId: string | null };

function filingRow(e: { id: string; name: string; regionCode: string }, f: Filing | undefined, period: string, now: Date): FilingRow {
  return { enterpriseId: e.id, enterpriseName: e.name, regionCode: e.regionCode, status: filingStatus(period, f?.filedAt, now), filedAt: f?.filedAt ?? null, filingId: f?.id ?? null };
}

async function listFilings({ query, actor, now }: Req<"listFilings">) {
  const deadline = filingDeadline(query.period);
  if (actor.role === "enterprise" || actor.role === "grid_member") {
    // A handful of enterprises: every row at once.
    const list = actor.role === "enterprise"
      ? [await targetEnterprise(actor, actor.enterpriseId as string)]
      : ((await enterprisesOfGrid(actor.gridId as string)) as unknown as EnterpriseRecord[]);
    const found = await Promise.all(list.map((e) => getFiling(e.id, query.period)));
    const rows = list.map((e, i) => filingRow(e, found[i], query.period, now)).sort((a, b) => (a.regionCode + a.enterpriseId < b.regionCode + b.enterpriseId ? -1 : 1));
    const totals = { enterprises: rows.length, on_time: 0, late: 0, missing: 0, pending: 0 };
    for (const r of rows) totals[r.status]++;
    const offset = decodeCursor<{ o: number }>(query.cursor)?.o ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidField("cursor", { zh: "分页游标无效", en: "invalid cursor" }, "invalid_cursor");
    const next = offset + query.limit < rows.length ? encodeCursor({ o: offset + query.limit }) : null;
    return { body: { period: query.period, regionCode: actor.regionCode, deadline, totals, items: rows.slice(offset, offset + query.limit), nextCursor: next } };
  }
  // Regulators: a province holds hundreds of thousands of enterprises, so rows are paged
  // straight off the register's index and the totals come from counts, never from holding
  // rows. Reads per page: the register page (≤ 5 Query calls per city partition touched), one
  // BatchGetItem for the page's filings, one Query of the period's filing counts, and the
  // register's Select COUNT (one call per 1 MB of the region's index).
  const region = query.regionCode ?? actor.regionCode;
  requireRegion(actor, region);
  const industry = industryScope(actor, undefined);
  const [page, enterpriseCount, counts] = await Promise.all([
    enterprisePageOfRegion(region, industry, query.limit, query.cursor),
    countEnterprisesOfRegion(region, industry),
    filingCounts(region, query.period, industry),
  ]);
  const filed = new Map((await filingsOf(page.items.map((e) => e.id as string), query.period)).map((f) => [f.enterpriseId, f]));
  const items = page.items.map((e) => filingRow({ id: e.id as string, name: e.name as string, regionCode: e.regionCode as string }, filed.get(e.id as string), query.period, now));
  const { onTime, late } = counts;
  const unfiled = Math.max(0, enterpriseCount - onTime - late);
  const unfiledStatus = filingStatus(query.period, undefined, now);
  const totals = {
    enterprises: enterpriseCount,
    on_time: onTime,
    late,
    missing: unfiledStatus === "missing" ? unfiled : 0,
    pending: unfiledStatus === "pending" ? unfiled : 0,
  };
  return { body: { period: query.period, regionCode: region, deadline, totals, items, nextCursor: page.nextCursor } };
}

// ---------------------------------------------------------------------------------------------
// Grids (网格化)

/** A grid the caller may see: a grid member its own, a regulator one in its region. */
function visibleGrid(actor: Actor, g: Grid | undefined): Grid {
  if (!g) throw notFound(GRID);
  if (actor.role === "grid_member") {
    if (actor.gridId !== g.id) throw notFound(GRID);
    return g;
  }
  // Grids are territorial: every other role sees the grids of its region (industry departments too).
  if (!coversRegion(actor, g.countyCode)) throw notFound(GRID);
  return g;
}

async function gridOut(g: Grid, withEnterprises: boolean) {
  if (!withEnterprises) return g;
  const ents = await enterprisesOfGrid(g.id);
  return { ...g, enterprises: ents.map((e) => ({ id: e.id as string, name: e.name as string, regionCode: e.regionCode as string })) };
}

async function createGrid({ body, actor, now }: Req<"createGrid">) {
  requireRegion(actor, body.regionCode);
  const g: Grid = {
    id: newId(), code: body.code, name: body.name, regionCode: body.regionCode, countyCode: countyOf(body.regionCode),
    cityCode: cityCodeOf(countyOf(body.regionCode)),
    member: body.member, supervisingOfficial: body.supervisingOfficial, contactLeader: body.contactLeader,
    version: 1, createdAt: now.toISOString(), createdBy: actor.userId,
  };
  return {
    status: 201,
    body: { ...g, enterprises: [] },
    headers: { location: `/v1/grids/${g.id}`, etag: etag(1) },
    writes: createGridWrites(g),
    audit: [{ action: "grid.create", entityType: "grid", entityId: g.id, regionCode: g.countyCode, summary: { code: g.code, name: g.name, member: g.member.userId } }],
  };
}

async function listGridsRoute({ query, actor }: Req<"listGrids">) {
  if (actor.role === "grid_member") {
    const own = await getGrid(actor.gridId as string);
    return { body: { items: own ? [own] : [], nextCursor: null } };
  }
  const region = query.regionCode ?? actor.regionCode;
  requireRegion(actor, region);
  if (!isRegionCode(region, ["province", "city", "county"])) {
    throw invalidField("regionCode", { zh: "按县级及以上区划查询网格", en: "list grids by county, city or province" });
  }
  return { body: await listGrids(region, query.limit, query.cursor) };
}

async function getGridRoute({ params, actor }: Req<"getGrid">) {
  const g = visibleGrid(actor, await getGrid(params.id));
  return { body: await gridOut(g, true), headers: { etag: etag(g.version) } };
}

function enterpriseGridWrite(e: EnterpriseRecord, gridId: string | null, at: string): Write {
  const updated = { ...e, gridId, updatedAt: at } as unknown as Enterprise;
  return putVersioned(enterpriseItem(updated) as ReturnType<typeof enterpriseItem> & { version: number }, e.version);
}

/**
 * A change of the grid's enterprises moves the grid's version, so a screen that read the grid can
 * send If-Match and lose to a concurrent change with 409 rather than act on a list it never saw.
 */
function checkGridVersion(g: Grid, headers: Record<string, string | undefined>): void {
  if (headers["if-match"] !== undefined && expectedVersion(headers) !== g.version) throw staleVersion();
}

async function assignEnterprises({ params, body, actor, now, headers }: Req<"assignEnterprises">) {
  const g = visibleGrid(actor, await getGrid(params.id));
  checkGridVersion(g, headers);
  const at = now.toISOString();
  const ids = [...new Set(body.enterpriseIds)];
  const ents = await Promise.all(ids.map((id) => targetEnterprise(actor, id)));
  const problems: FieldProblem[] = [];
  const writes: Write[] = [];
  const audit: AuditEntry[] = [];
  const assigned: string[] = [];
  const already: string[] = [];
  ents.forEach((e, i) => {
    const path = `enterpriseIds.${body.enterpriseIds.indexOf(ids[i] as string)}`;
    if (e.regionCode !== g.countyCode) {
      problems.push({ path, message: { zh: `企业不在网格所在区县 ${g.countyCode}`, en: `the enterprise is not in the grid's county ${g.countyCode}` } });
      return;
    }
    if (e.gridId === g.id) {
      already.push(e.id);
      return;
    }
    if (e.gridId) {
      throw conflict("enterprise_in_another_grid", { zh: `企业 ${e.id} 已属于网格 ${e.gridId}`, en: `enterprise ${e.id} already belongs to grid ${e.gridId}` }, { enterpriseId: e.id, gridId: e.gridId });
    }
    // The claim is the conditional write that keeps an enterprise in at most one grid; the
    // enterprise's own version guards against a concurrent change of the register record.
    writes.push(gridClaimWrite(e.id, g.id), enterpriseGridWrite(e, g.id, at));
    audit.push({ action: "enterprise.assign-grid", entityType: "enterprise", entityId: e.id, enterpriseId: e.id, regionCode: e.regionCode, summary: { gridId: { from: null, to: g.id }, gridCode: g.code } });
    assigned.push(e.id);
  });
  failOn(problems);
  if (assigned.length === 0) return { body: { gridId: g.id, assigned, alreadyInGrid: already }, headers: { etag: etag(g.version) } };
  writes.push(putVersioned(gridItem(g), g.version));
  audit.push({ action: "grid.assign", entityType: "grid", entityId: g.id, regionCode: g.countyCode, summary: { assigned } });
  return { body: { gridId: g.id, assigned, alreadyInGrid: already }, headers: { etag: etag(g.version + 1) }, writes, audit };
}

async function removeEnterprise({ params, actor, now, headers }: Req<"removeEnterprise">) {
  const g = visibleGrid(actor, await getGrid(params.id));
  const e = await getEnterprise(params.enterpriseId);
  if (!e || e.gridId !== g.id) throw notFound(ENTERPRISE_TEXT);
  requireReach(actor, enterpriseScope(e));
  checkGridVersion(g, headers);
  return {
    body: { gridId: g.id, assigned: [], alreadyInGrid: [] },
    headers: { etag: etag(g.version + 1) },
    writes: [gridClaimRelease(e.id, g.id), enterpriseGridWrite(e, null, now.toISOString()), putVersioned(gridItem(g), g.version)],
    audit: [
      { action: "enterprise.leave-grid", entityType: "enterprise", entityId: e.id, enterpriseId: e.id, regionCode: e.regionCode, summary: { gridId: { from: g.id, to: null } } },
      { action: "grid.remove", entityType: "grid", entityId: g.id, regionCode: g.countyCode, summary: { removed: e.id } },
    ],
  };
}

async function createPatrol({ body, actor, now }: Req<"createPatrol">) {
  const g = await getGrid(actor.gridId as string);
  if (!g) throw forbidden("no_grid", { zh: "您的网格不存在", en: "your grid does not exist" });
  const problems: FieldProblem[] = [...notFuture("patrolledAt", body.patrolledAt, now)];
  const ids = [...new Set([...(body.visitedEnterpriseIds ?? []), ...body.findings.map((f) => f.enterpriseId)])];
  const ents = new Map((await Promise.all(ids.map((id) => getEnterprise(id)))).filter((e): e is EnterpriseRecord => !!e).map((e) => [e.id, e]));
  // A grid member reports only on its grid's enterprises. Reports captured offline can arrive after
  // an enterprise left the grid, so the refusal says exactly that: a regulator takes the report over.
  for (const id of ids) {
    if (ents.get(id)?.gridId !== g.id) {
      throw forbidden("not_in_grid", {
        zh: "所报企业已不在您的网格内（可能已调出网格），不能作为网格巡查上报",
        en: "the enterprise is not in your grid (it may have left it); it cannot be reported by a grid patrol",
      });
    }
  }
  const codes = body.findings.some((f) => f.checklistItemId) ? await knownItemCodes() : new Set<string>();
  const id = newId();
  const hazards: Hazard[] = [];
  body.findings.forEach((f, i) => {
    const { enterpriseId, ...input } = f;
    if (f.checklistItemId && !codes.has(f.checklistItemId)) {
      problems.push({ path: `findings.${i}.checklistItemId`, message: { zh: "排查清单中没有此项", en: "no checklist has this item" } });
    }
    const built = buildHazard(input, { enterprise: ents.get(enterpriseId) as EnterpriseRecord, source: "grid_patrol", discoveredAt: body.patrolledAt, actor, now, links: { patrolId: id } }, `findings.${i}.`);
    problems.push(...built.problems);
    if (built.hazard) hazards.push(built.hazard);
  });
  failOn(problems);
  const patrol: Patrol = {
    id, gridId: g.id, regionCode: g.countyCode, patrolledAt: isoUtc(body.patrolledAt), ...(body.route ? { route: body.route } : {}),
    visitedEnterpriseIds: ids, hazardIds: hazards.map((h) => h.id), ...(body.note ? { note: body.note } : {}),
    createdAt: now.toISOString(), createdBy: actor.userId,
  };
  return {
    status: 201,
    body: patrol,
    headers: { location: `/v1/grid-patrols/${id}` },
    writes: [patrolWrite(patrol), ...hazards.map(createHazardWrite)],
    audit: [
      { action: "grid-patrol.create", entityType: "grid_patrol", entityId: id, regionCode: g.countyCode, summary: { gridId: g.id, findings: hazards.length } },
      ...hazards.map((h) => hazardAudit(h, "create", { source: h.source, level: h.level, status: h.status, patrolId: id })),
    ],
  };
}

async function listPatrolsRoute({ params, query, actor }: Req<"listPatrols">) {
  const g = visibleGrid(actor, await getGrid(params.id));
  return { body: await listPatrolsOfGrid(g.id, query.limit, query.cursor) };
}

async function getPatrolRoute({ params, actor }: Req<"getPatrol">) {
  const p = await getPatrol(params.id);
  if (!p) throw notFound(PATROL);
  const g = await getGrid(p.gridId);
  visibleGrid(actor, g);
  return { body: p };
}

// ---------------------------------------------------------------------------------------------

export const handler = lambda(routes, {
  listChecklists,
  getChecklist: getChecklistRoute,
  publishChecklist,
  createSelfInspection,
  getSelfInspection: getSelfInspectionRoute,
  listSelfInspections: listSelfInspectionsRoute,
  createHazard,
  listHazards,
  getHazard: getHazardRoute,
  planHazard: workflow("plan"),
  startHazard: workflow("start"),
  completeHazard: workflow("complete"),
  acceptHazard: workflow("accept"),
  rejectHazard: workflow("reject"),
  requestReviewHazard: workflow("request-review"),
  writeOffHazard: workflow("write-off"),
  superviseHazard: workflow("supervise"),
  requestAttachment,
  getHazardAttachment,
  createInspection,
  getInspection: getInspectionRoute,
  listInspections,
  enterpriseReconciliation,
  regionReconciliation,
  hazardStatistics,
  createFiling,
  listFilings,
  createGrid,
  listGrids: listGridsRoute,
  getGrid: getGridRoute,
  assignEnterprises,
  removeEnterprise,
  createPatrol,
  listPatrols: listPatrolsRoute,
  getPatrol: getPatrolRoute,
});
