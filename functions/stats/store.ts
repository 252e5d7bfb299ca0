// Stats storage: annual inputs (targets, denominators, third-party scores, configuration) and
// derived data (monthly snapshots, control-indicator rows, assessment results).
//
// Access patterns:
//   control targets of a year           pk CTARGET#<year>        sk <regionCode>      (all regions: one query)
//   denominators of a year              pk DENOM#<year>          sk <regionCode>
//   monthly snapshot of a city          pk STATMON#<year>        sk <MM>#<cityCode>
//                                       (derived: the month's aggregates of each county of the city, from
//                                       the period index; year to date = sum of the year's snapshots, one query)
//   control-indicator row               pk STAT#<regionCode>     sk <YYYY-MM>        (derived)
//   children's rows of a month          gsi1pk STATCH#<parent>#<YYYY-MM>   gsi1sk <regionCode>
//   stats configuration                 pk STATCFG               sk CURRENT
//   assessment configuration            pk ASSESSCFG             sk <year>
//   third-party score                   pk ASSESS3P#<year>       sk <cityCode>
//   assessment result                   pk ASSESS#<year>         sk <Q1..Q4|Y>#<cityCode>   (derived)
//   publication of a year               pk ASSESSPUB#<year>      sk PUB
import type * as z from "zod/mini";
import { getItem, type Item, putDerived, query, queryAll, transact, type Write } from "../../shared/db.js";
import { parseRecord } from "../../shared/records.js";
import { ASSESSMENT_CONFIGS, DEFAULT_SECTOR_MAPPING, DEFAULT_WARNING_THRESHOLDS } from "./config-data.js";
import { type AssessmentConfig, assessmentConfigFor, type StatsConfig } from "./rules.js";
import {
  AssessmentConfigOut,
  AssessmentPublication,
  AssessmentRow,
  ControlTargetsOut,
  DenominatorsOut,
  RegionIndicators,
  Snapshot,
  StoredStatsConfig,
  ThirdPartyOut,
} from "./schemas.js";

const pad2 = (n: number) => String(n).padStart(2, "0");
export const ym = (year: number, month: number) => `${year}-${pad2(month)}`;

async function getOne<S extends z.ZodMiniType>(schema: S, key: { pk: string; sk: string }, consistent = false): Promise<z.infer<S> | undefined> {
  const item = await getItem(key.pk, key.sk, consistent);
  return item ? parseRecord(schema, item) : undefined;
}

async function allOf<S extends z.ZodMiniType>(schema: S, pk: string): Promise<Map<string, z.infer<S>>> {
  const items = await queryAll({ pk });
  return new Map(items.map((i) => [String(i.sk), parseRecord(schema, i)]));
}

// ---------- annual inputs ----------

export const targetsKey = (year: number, regionCode: string) => ({ pk: `CTARGET#${year}`, sk: regionCode });
export const denominatorsKey = (year: number, regionCode: string) => ({ pk: `DENOM#${year}`, sk: regionCode });
export const thirdPartyKey = (year: number, cityCode: string) => ({ pk: `ASSESS3P#${year}`, sk: cityCode });

export const getTargets = (year: number, regionCode: string, consistent = false) => getOne(ControlTargetsOut, targetsKey(year, regionCode), consistent);
export const getDenominators = (year: number, regionCode: string, consistent = false) => getOne(DenominatorsOut, denominatorsKey(year, regionCode), consistent);
export const getThirdParty = (year: number, cityCode: string, consistent = false) => getOne(ThirdPartyOut, thirdPartyKey(year, cityCode), consistent);

export const targetsOfYear = (year: number) => allOf(ControlTargetsOut, `CTARGET#${year}`);
export const denominatorsOfYear = (year: number) => allOf(DenominatorsOut, `DENOM#${year}`);
export const thirdPartyOfYear = (year: number) => allOf(ThirdPartyOut, `ASSESS3P#${year}`);

// ---------- configuration ----------

export const STATS_CONFIG_KEY = { pk: "STATCFG", sk: "CURRENT" } as const;

export async function getStatsConfig(): Promise<StatsConfig> {
  const stored = await getOne(StoredStatsConfig, STATS_CONFIG_KEY);
  return {
    warningThresholds: stored?.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS,
    sectorMapping: stored?.sectorMapping ?? DEFAULT_SECTOR_MAPPING,
  };
}

export type StoredAssessmentConfig = z.infer<typeof AssessmentConfigOut>;

export const assessmentConfigKey = (year: number) => ({ pk: "ASSESSCFG", sk: String(year) });

export const getAssessmentConfig = (year: number, consistent = false) => getOne(AssessmentConfigOut, assessmentConfigKey(year), consistent);

export async function assessmentConfigs(): Promise<Record<number, StoredAssessmentConfig>> {
  return Object.fromEntries([...(await allOf(AssessmentConfigOut, assessmentConfigKey(0).pk))].map(([sk, c]) => [Number(sk), c]));
}

/** The assessment scheme in force for a year: the stored ones over the built-in defaults. */
export async function configForYear(year: number): Promise<AssessmentConfig | undefined> {
  return assessmentConfigFor(year, { ...ASSESSMENT_CONFIGS, ...(await assessmentConfigs()) });
}

// ---------- monthly snapshots ----------

export const snapshotItem = (s: Snapshot): Item => ({ pk: `STATMON#${s.year}`, sk: `${pad2(s.month)}#${s.cityCode}`, entity: "stats_snapshot", ...s });

/** Every snapshot of a year (at most 12 × 17 items). */
export async function snapshotsOfYear(year: number): Promise<Snapshot[]> {
  return (await queryAll({ pk: `STATMON#${year}` })).map((i) => parseRecord(Snapshot, i));
}

// ---------- control-indicator rows ----------

export const indicatorKey = (regionCode: string, year: number, month: number) => ({ pk: `STAT#${regionCode}`, sk: ym(year, month) });

export function indicatorItem(r: RegionIndicators): Item {
  return {
    ...indicatorKey(r.regionCode, r.year, r.month),
    entity: "control_indicators",
    ...(r.parentCode ? { gsi1pk: `STATCH#${r.parentCode}#${ym(r.year, r.month)}`, gsi1sk: r.regionCode } : {}),
    ...r,
  };
}

export async function getIndicators(regionCode: string, year: number, month?: number): Promise<RegionIndicators | undefined> {
  if (month !== undefined) return getOne(RegionIndicators, indicatorKey(regionCode, year, month));
  const page = await query({ pk: `STAT#${regionCode}`, sk: { beginsWith: `${year}-` }, limit: 1, newestFirst: true });
  const item = page.items[0];
  return item ? parseRecord(RegionIndicators, item) : undefined;
}

/** A region's rows of January to `month` of a year: at most twelve items, one query. */
export async function monthsOfYear(regionCode: string, year: number, month: number): Promise<RegionIndicators[]> {
  const items = await queryAll({ pk: `STAT#${regionCode}`, sk: { between: [ym(year, 1), ym(year, month)] } });
  return items.map((i) => parseRecord(RegionIndicators, i));
}

export async function childIndicators(parentCode: string, year: number, month: number): Promise<RegionIndicators[]> {
  const items = await queryAll({ index: "gsi1", pk: `STATCH#${parentCode}#${ym(year, month)}` });
  return items.map((i) => parseRecord(RegionIndicators, i));
}

// ---------- assessment ----------

export const periodKey = (quarter?: number) => (quarter ? `Q${quarter}` : "Y");

export const assessmentItem = (year: number, quarter: number | undefined, row: AssessmentRow): Item => ({
  pk: `ASSESS#${year}`,
  sk: `${periodKey(quarter)}#${row.regionCode}`,
  entity: "assessment_result",
  ...row,
});

export async function assessmentsOf(year: number, quarter?: number): Promise<AssessmentRow[]> {
  const items = await queryAll({ pk: `ASSESS#${year}`, sk: { beginsWith: `${periodKey(quarter)}#` } });
  return items.map((i) => parseRecord(AssessmentRow, i));
}

export const publicationKey = (year: number) => ({ pk: `ASSESSPUB#${year}`, sk: "PUB" });

export const publicationItem = (p: z.infer<typeof AssessmentPublication>): Item => ({ ...publicationKey(p.year), entity: "assessment_publication", ...p });

export const getPublication = (year: number) => getOne(AssessmentPublication, publicationKey(year));

// ---------- writing a run's results ----------

const MAX_TX = 100;

/** A roll-up's fresh snapshots and rows, recomputed whole: two runs with the same inputs write the same items. */
export async function saveRollup(snapshots: readonly Snapshot[], rows: readonly RegionIndicators[]): Promise<void> {
  const writes = [...snapshots.map(snapshotItem), ...rows.map(indicatorItem)].map(putDerived);
  for (let i = 0; i < writes.length; i += MAX_TX) await transact(writes.slice(i, i + MAX_TX));
}

/** An assessment's results with the audit record of the run, all or nothing. */
export async function saveAssessment(year: number, quarter: number | undefined, rows: readonly AssessmentRow[], audit: Write): Promise<void> {
  await transact([...rows.map((r) => putDerived(assessmentItem(year, quarter, r))), audit]);
}

