// Enforcement inspections and the two books (两本帐): what inspections found against what the
// enterprise had self-reported before the inspectors arrived.
import { enterpriseAt, type EnterpriseRecord, getEnterprise, targetEnterprise } from "../../../shared/enterprises.js";
import { type FieldProblem, invalidField, type Text } from "../../../shared/errors.js";
import type { Lang } from "../../../shared/http.js";
import { newId } from "../../../shared/ids.js";
import { canReach } from "../../../shared/policy.js";
import { industryScope, requireRegion } from "../../../shared/scope.js";
import { addDays, isoUtc, shanghaiDate, shanghaiEndOf, shanghaiQuarter, shanghaiStartOf } from "../../../shared/time.js";
import { periodRange, DESCRIPTION_SIMILARITY_THRESHOLD, RECONCILIATION_WINDOW_DAYS, reconcile } from "../rules.js";
import { buildHazard, failOn, hazardAudit, knownItemCodes, notFuture, visible } from "../service.js";
import {
  createHazardWrite,
  getInspection,
  type Hazard,
  hazardsOfEnterprise,
  type Inspection,
  inspectedEnterprisesPage,
  inspectedWrites,
  inspectionWrite,
  listInspectionsOfEnterprise,
  listInspectionsOfRegion,
} from "../store.js";
import type { Req } from "../routes.js";

const INSPECTION = { zh: "执法检查", en: "enforcement inspection" };

function inspectionOut(i: Inspection) {
  const { cityCode: _c, industryCode: _i, industrySection: _s, gridId: _g, ...rest } = i;
  return rest;
}

export async function createInspection({ body, actor, now }: Req<"createInspection">) {
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
  const inspection: Inspection = {
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

export async function listInspections({ query, actor }: Req<"listInspections">) {
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

export async function enterpriseReconciliation({ params, query, actor, now, lang }: Req<"enterpriseReconciliation">) {
  const e = await enterpriseAt(actor, params.id);
  return { body: await reconcileEnterprise(e, query.period ?? shanghaiQuarter(now), lang) };
}

/**
 * The region's inspected enterprises a page at a time, off the inspected-enterprise index, each
 * page ranked by findings the enterprise had not self-reported. Reads per request are bounded by
 * the page: the index (≤ 5 Query calls per city partition touched) plus, per enterprise on the
 * page, one GetItem (the register entry) and one Query (its hazards in the period and window).
 */
export async function regionReconciliation({ query, actor, now, lang }: Req<"regionReconciliation">) {
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

export { getInspectionRoute as getInspection };
