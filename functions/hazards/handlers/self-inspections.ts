// Self-inspections against a checklist: every failed item becomes a hazard in the same transaction.
import { industryMatches } from "../../../shared/codes/index.js";
import { targetEnterprise } from "../../../shared/enterprises.js";
import { type FieldProblem, invalidField } from "../../../shared/errors.js";
import { newId } from "../../../shared/ids.js";
import { isoUtc } from "../../../shared/time.js";
import { buildHazard, failOn, hazardAudit, notFuture, visible } from "../service.js";
import type { HazardInput } from "../schemas.js";
import { createHazardWrite, getChecklist, getSelfInspection, type Hazard, listSelfInspections, type SelfInspection, selfInspectionWrite } from "../store.js";
import type { Req } from "../routes.js";

const SELF_INSPECTION = { zh: "自查记录", en: "self-inspection" };

const MAX_FAILS_PER_INSPECTION = 48;

export async function createSelfInspection({ body, actor, now }: Req<"createSelfInspection">) {
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

export { getSelfInspectionRoute as getSelfInspection, listSelfInspectionsRoute as listSelfInspections };
