// The stats Lambda: annual inputs, the control-indicator table, target assessment.
import { diff } from "../../shared/audit.js";
import { HUBEI_PROVINCE_CODE, parentOf, regionLevel } from "../../shared/codes/index.js";
import { type Item, putNew, putVersioned } from "../../shared/db.js";
import { ApiError, conflict, forbidden, invalidField, invalidFields, notFound, staleVersion } from "../../shared/errors.js";
import { etag, expectedVersion, lambda, type Result } from "../../shared/http.js";
import { type Actor, coversRegion, isProvinceAdmin } from "../../shared/policy.js";
import { requireRegion } from "../../shared/scope.js";
import { env } from "../../shared/env.js";
import { renderShanghai } from "../../shared/time.js";
import { ASSESSMENT_GRADE_NAME_ZH, ROLLUP_SCHEDULE } from "./config-data.js";
import { indicatorsCsv } from "./csv.js";
import { routes } from "./routes.js";
import { nextDailyRun, validateAssessmentConfig } from "./rules.js";
import type { RegionIndicators } from "./schemas.js";
import {
  assessmentConfigKey,
  assessmentsOf,
  childIndicators,
  denominatorsKey,
  getAssessmentConfig,
  getDenominators,
  getIndicators,
  getPublication,
  getTargets,
  getThirdParty,
  monthsOfYear,
  publicationItem,
  targetsKey,
  thirdPartyKey,
  configForYear,
} from "./store.js";

const provinceStatistician = (a: Actor) => a.role === "statistician" && a.regionCode === HUBEI_PROVINCE_CODE;
const provinceLevel = (a: Actor) => provinceStatistician(a) || isProvinceAdmin(a);

/**
 * Control targets are set by the statistician of the level above: the province
 * statistician for a city, the city statistician for its counties; the province's own targets by
 * a province statistician or the province admin.
 */
function mayIssueTargets(actor: Actor, regionCode: string): boolean {
  switch (regionLevel(regionCode)) {
    case "province":
      return provinceLevel(actor);
    case "city":
      return provinceStatistician(actor);
    case "county":
      return actor.role === "statistician" && actor.regionCode === parentOf(regionCode);
    default:
      return false;
  }
}

const notLevelAbove = () =>
  forbidden("not_level_above", {
    zh: "控制指标由上一级统计人员下达：省级下达市（州），市级下达所辖县（市、区）",
    en: "control targets are set by the statistician of the level above: the province for cities, a city for its counties",
  });

function noTownship(regionCode: string): void {
  if (regionLevel(regionCode) === "township") {
    throw invalidField("regionCode", { zh: "请指定省、市（州）或县（市、区）代码", en: "use a province, city or county code" });
  }
}

/**
 * PUT of a yearly record: creating needs no If-Match (a concurrent create loses with 409);
 * replacing needs the version read (428 without, 409 when stale).
 */
/**
 * Creates or replaces one region's yearly input (targets, denominators, a third-party score):
 * replacing needs If-Match with the version read; the answer and its audit entry are built here.
 */
function annualPut<T extends Record<string, unknown>>(input: {
  key: { pk: string; sk: string };
  existing: (T & { version: number }) | undefined;
  body: Record<string, unknown>;
  year: number;
  /** Absent for province-wide inputs (the assessment configuration). */
  regionCode?: string;
  headers: Record<string, string | undefined>;
  actor: Actor;
  now: Date;
  entity: string;
  action: string;
  entityId: string;
  summary?: unknown;
}): Result {
  const { key, existing, body, year, regionCode, headers, actor, now, entity } = input;
  const version = existing ? existing.version + 1 : 1;
  if (existing) {
    const expected = expectedVersion(headers);
    if (expected !== existing.version) throw staleVersion();
  }
  const record = { ...body, year, ...(regionCode ? { regionCode } : {}), version, updatedAt: now.toISOString(), updatedBy: actor.userId };
  const item: Item & { version: number } = { ...key, entity, ...record };
  return {
    status: existing ? 200 : 201,
    body: record,
    headers: { etag: etag(version) },
    writes: [existing ? putVersioned(item, existing.version) : putNew(item, staleVersion())],
    audit: [{ action: input.action, entityType: entity, entityId: input.entityId, regionCode: regionCode ?? HUBEI_PROVINCE_CODE, summary: input.summary ?? diff(stripStamp(existing), body) }],
  };
}

function stripStamp(r: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!r) return {};
  const { version: _v, updatedAt: _u, updatedBy: _b, year: _y, regionCode: _r, ...rest } = r;
  return rest;
}

/**
 * 404 for a period the roll-up has not produced yet, saying how to get it: locally the job runs
 * on demand; in AWS the next scheduled run does it.
 */
function notRolledUp(year: number, month: number | undefined, now: Date): ApiError {
  const period = { zh: `${year}年${month ? `${month}月` : ""}`, en: `${year}${month ? `-${String(month).padStart(2, "0")}` : ""}` };
  const extra: Record<string, unknown> = {};
  let how: { zh: string; en: string };
  // DYNAMODB_ENDPOINT is set only by the local stack (shared/env.ts).
  if (env.dynamoEndpoint) {
    const command = `npm run job -- rollup --year ${year}${month ? ` --month ${month}` : ""}`;
    extra.command = command;
    how = { zh: `本地环境可立即统计：${command}`, en: `run it now locally: ${command}` };
  } else {
    const next = nextDailyRun(ROLLUP_SCHEDULE, now);
    extra.nextRollupAt = renderShanghai(next);
    how = { zh: `下次统计将于 ${renderShanghai(next)} 运行`, en: `the next roll-up runs at ${renderShanghai(next)}` };
  }
  return new ApiError(
    404,
    "not_rolled_up",
    { zh: `${period.zh}的控制指标尚未统计；${how.zh}`, en: `the control indicators for ${period.en} are not rolled up yet; ${how.en}` },
    extra,
  );
}

/** The totals of an aggregate, without its breakdowns. */
const tally = ({ accidents, deaths, injuries, seriousInjuries, directLossYuan }: RegionIndicators["ytd"]) => ({ accidents, deaths, injuries, seriousInjuries, directLossYuan });

export const handler = lambda(routes, {
  // ---------- annual inputs ----------

  putControlTargets: async ({ params, body, actor, headers, now }) => {
    noTownship(params.regionCode);
    if (!mayIssueTargets(actor, params.regionCode)) throw notLevelAbove();
    const key = targetsKey(params.year, params.regionCode);
    const existing = await getTargets(params.year, params.regionCode, true);
    return annualPut({ key, existing, body, year: params.year, regionCode: params.regionCode, headers, actor, now, entity: "control_targets", action: "control-targets.put", entityId: `control-targets-${params.year}-${params.regionCode}` });
  },

  getControlTargets: async ({ params, actor }) => {
    requireRegion(actor, params.regionCode);
    const t = await getTargets(params.year, params.regionCode);
    if (!t) throw notFound({ zh: `${params.year}年控制指标`, en: `control targets for ${params.year}` });
    return { body: t, headers: { etag: etag(t.version) } };
  },

  putDenominators: async ({ params, body, actor, headers, now }) => {
    noTownship(params.regionCode);
    // Statistical inputs of the region: its own statisticians or those above; the province admin.
    if (!((actor.role === "statistician" && coversRegion(actor, params.regionCode)) || isProvinceAdmin(actor))) {
      throw forbidden("out_of_scope", { zh: "只能填报本级及下级地区的基数", en: "denominators may be entered for your region and below only" });
    }
    const key = denominatorsKey(params.year, params.regionCode);
    const existing = await getDenominators(params.year, params.regionCode, true);
    return annualPut({ key, existing, body, year: params.year, regionCode: params.regionCode, headers, actor, now, entity: "denominators", action: "denominators.put", entityId: `denominators-${params.year}-${params.regionCode}` });
  },

  getDenominators: async ({ params, actor }) => {
    requireRegion(actor, params.regionCode);
    const d = await getDenominators(params.year, params.regionCode);
    if (!d) throw notFound({ zh: `${params.year}年统计基数`, en: `denominators for ${params.year}` });
    return { body: d, headers: { etag: etag(d.version) } };
  },

  // ---------- control indicators ----------

  controlIndicators: async ({ query, actor, headers, lang }) => {
    const regionCode = query.regionCode ?? actor.regionCode;
    noTownship(regionCode);
    requireRegion(actor, regionCode);
    const region = await getIndicators(regionCode, query.year, query.month);
    if (!region) {
      throw notRolledUp(query.year, query.month, new Date());
    }
    const [unsorted, months] = await Promise.all([childIndicators(regionCode, region.year, region.month), monthsOfYear(regionCode, region.year, region.month)]);
    const children = unsorted.sort((a, b) => a.regionCode.localeCompare(b.regionCode));
    const csv = query.format === "csv" || (query.format !== "json" && /\btext\/csv\b/i.test(headers.accept ?? ""));
    if (csv) {
      return {
        raw: { contentType: "text/csv; charset=utf-8", body: indicatorsCsv([region, ...children], lang) },
        headers: { "content-language": lang === "en" ? "en" : "zh-CN", "content-disposition": `attachment; filename="control-indicators-${regionCode}-${region.year}-${String(region.month).padStart(2, "0")}.csv"` },
      };
    }
    const trend = months.map((r) => ({ month: r.month, monthly: tally(r.monthly), ytd: tally(r.ytd) }));
    return { body: { year: region.year, month: region.month, region, children, trend } };
  },

  // ---------- assessment ----------

  getAssessmentConfig: async ({ params }) => {
    const stored = await getAssessmentConfig(params.year);
    if (stored) return { body: stored, headers: { etag: etag(stored.version) } };
    const config = await configForYear(params.year);
    if (!config) throw notFound({ zh: `${params.year}年考核方案`, en: `assessment configuration for ${params.year}` });
    // Inherited from an earlier year (or the shipped default): version 0 until the year gets its own.
    return { body: { ...config, year: params.year, version: 0, updatedAt: "", updatedBy: "default" }, headers: { etag: etag(0) } };
  },

  putAssessmentConfig: async ({ params, body, actor, headers, now }) => {
    if (!provinceLevel(actor)) throw forbidden("not_province_level", { zh: "考核方案由省级统计人员或管理员制定", en: "the assessment configuration is set by the province" });
    const check = validateAssessmentConfig({ year: params.year, ...body });
    if (!check.ok) throw invalidFields("body", check.errors);
    const key = assessmentConfigKey(params.year);
    const existing = await getAssessmentConfig(params.year, true);
    return annualPut({
      key,
      existing,
      body,
      year: params.year,
      headers,
      actor,
      now,
      entity: "assessment_config",
      action: "assessment-config.put",
      entityId: `assessment-config-${params.year}`,
      summary: { items: body.items.map((i) => [i.id, i.points]), cutoffs: body.cutoffs, vetoes: body.vetoes.map((v) => v.id) },
    });
  },

  putThirdParty: async ({ params, body, actor, headers, now }) => {
    if (!provinceLevel(actor)) throw forbidden("not_province_level", { zh: "第三方评价分由省级录入", en: "third-party scores are entered by the province" });
    if (regionLevel(params.regionCode) !== "city") {
      throw invalidField("regionCode", { zh: "考核对象为市（州）、直管市和林区", en: "assessed regions are the 17 city-level units" });
    }
    const key = thirdPartyKey(params.year, params.regionCode);
    const existing = await getThirdParty(params.year, params.regionCode, true);
    return annualPut({ key, existing, body, year: params.year, regionCode: params.regionCode, headers, actor, now, entity: "third_party_score", action: "assessment.third-party", entityId: `third-party-${params.year}-${params.regionCode}` });
  },

  listAssessments: async ({ query, actor }) => {
    const rows = (await assessmentsOf(query.year, query.quarter)).filter((r) => coversRegion(actor, r.regionCode)).sort((a, b) => b.total - a.total);
    const published = query.quarter ? false : (await getPublication(query.year)) !== undefined;
    return { body: { year: query.year, period: query.quarter ? `${query.year}Q${query.quarter}` : String(query.year), published, items: rows } };
  },

  publishAssessments: async ({ params, actor, now }) => {
    if (!provinceLevel(actor)) throw forbidden("not_province_level", { zh: "考核结果由省级发布", en: "assessment results are published by the province" });
    const rows = await assessmentsOf(params.year);
    if (rows.length === 0) {
      throw conflict("not_assessed", { zh: `${params.year}年度考核尚未进行`, en: `the ${params.year} annual assessment has not been run` }, { state: "not_assessed", allowed: [] });
    }
    // Vetoed regions rank last whatever their points (一票否决).
    const ranked = [...rows].sort((a, b) => Number(a.vetoed) - Number(b.vetoed) || b.total - a.total || a.regionCode.localeCompare(b.regionCode));
    const publication = {
      year: params.year,
      publishedAt: now.toISOString(),
      items: ranked.map((r, i) => ({
        rank: i + 1,
        regionCode: r.regionCode,
        regionName: r.regionName,
        total: r.total,
        grade: r.grade,
        gradeName: ASSESSMENT_GRADE_NAME_ZH[r.grade],
        vetoed: r.vetoed,
        vetoes: r.vetoes.map((v) => v.name),
      })),
    };
    const already = conflict("already_published", { zh: `${params.year}年度考核结果已发布`, en: `the ${params.year} results are already published` }, { state: "published", allowed: [] });
    return {
      status: 201,
      body: publication,
      writes: [putNew(publicationItem({ ...publication, publishedBy: actor.userId }), already)],
      audit: [
        {
          action: "assessment.publish",
          entityType: "assessment_publication",
          entityId: `assessment-publication-${params.year}`,
          regionCode: HUBEI_PROVINCE_CODE,
          summary: { year: params.year, regions: publication.items.length },
        },
      ],
    };
  },

  publicAssessments: async ({ query }) => {
    const pub = await getPublication(query.year);
    if (!pub) throw notFound({ zh: `${query.year}年度考核结果`, en: `published results for ${query.year}` });
    return { body: { year: pub.year, publishedAt: pub.publishedAt, items: pub.items }, headers: { "cache-control": "public, max-age=300" } };
  },
});
