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
import { getItem, type Item, query, queryAll, strip } from "../../shared/db.js";
import type { SectorMapping } from "./config-data.js";
import { DEFAULT_SECTOR_MAPPING, DEFAULT_WARNING_THRESHOLDS, type WarningThresholds } from "./config-data.js";
import type { Aggregate, AssessmentConfig } from "./rules.js";
import type { AssessmentRow, RegionIndicators, StoredDenominators, StoredTargets, StoredThirdParty } from "./schemas.js";

const pad2 = (n: number) => String(n).padStart(2, "0");
export const ym = (year: number, month: number) => `${year}-${pad2(month)}`;

// ---------- annual inputs ----------

export const targetsKey = (year: number, regionCode: string) => ({ pk: `CTARGET#${year}`, sk: regionCode });
export const denominatorsKey = (year: number, regionCode: string) => ({ pk: `DENOM#${year}`, sk: regionCode });
export const thirdPartyKey = (year: number, cityCode: string) => ({ pk: `ASSESS3P#${year}`, sk: cityCode });

export async function getOne<T>(key: { pk: string; sk: string }, consistent = false): Promise<T | undefined> {
  const item = await getItem(key.pk, key.sk, consistent);
  return item ? (strip(item) as unknown as T) : undefined;
}

async function allOf<T>(pk: string): Promise<Map<string, T>> {
  const items = await queryAll({ pk });
  return new Map(items.map((i) => [i.sk as string, strip(i) as unknown as T]));
}

export const targetsOfYear = (year: number) => allOf<StoredTargets>(`CTARGET#${year}`);
export const denominatorsOfYear = (year: number) => allOf<StoredDenominators>(`DENOM#${year}`);
export const thirdPartyOfYear = (year: number) => allOf<StoredThirdParty>(`ASSESS3P#${year}`);

// ---------- configuration ----------

export interface StatsConfig {
  warningThresholds: WarningThresholds;
  sectorMapping: SectorMapping;
}

export const STATS_CONFIG_KEY = { pk: "STATCFG", sk: "CURRENT" } as const;

export async function getStatsConfig(): Promise<StatsConfig> {
  const stored = await getOne<Partial<StatsConfig>>(STATS_CONFIG_KEY);
  return {
    warningThresholds: stored?.warningThresholds ?? DEFAULT_WARNING_THRESHOLDS,
    sectorMapping: stored?.sectorMapping ?? DEFAULT_SECTOR_MAPPING,
  };
}

export type StoredAssessmentConfig = AssessmentConfig & { version: number; updatedAt: string; updatedBy: string };

export const assessmentConfigKey = (year: number) => ({ pk: "ASSESSCFG", sk: String(year) });

export async function assessmentConfigs(): Promise<Record<number, StoredAssessmentConfig>> {
  const items = await queryAll({ pk: "ASSESSCFG" });
  return Object.fromEntries(items.map((i) => [Number(i.sk), strip(i) as unknown as StoredAssessmentConfig]));
}

// ---------- monthly snapshots ----------

export interface HazardTally {
  found: number;
  major: number;
}

/** One city's month: the aggregate of each leaf (county, or the city itself for a 直管 unit / city-level records). */
export interface Snapshot {
  year: number;
  month: number;
  cityCode: string;
  /** Records up to and including this Shanghai date were counted. */
  asOfDate: string;
  leaves: Record<string, { accidents: Aggregate; hazards: HazardTally }>;
  recordsRead: number;
}

export const snapshotItem = (s: Snapshot): Item => ({ pk: `STATMON#${s.year}`, sk: `${pad2(s.month)}#${s.cityCode}`, entity: "stats_snapshot", ...s });

/** Every snapshot of a year (at most 12 × 17 items). */
export async function snapshotsOfYear(year: number): Promise<Snapshot[]> {
  return (await queryAll({ pk: `STATMON#${year}` })).map((i) => strip(i) as unknown as Snapshot);
}

// ---------- control-indicator rows ----------

export function indicatorItem(r: RegionIndicators): Item {
  return {
    pk: `STAT#${r.regionCode}`,
    sk: ym(r.year, r.month),
    entity: "control_indicators",
    ...(r.parentCode ? { gsi1pk: `STATCH#${r.parentCode}#${ym(r.year, r.month)}`, gsi1sk: r.regionCode } : {}),
    ...r,
  };
}

export async function getIndicators(regionCode: string, year: number, month?: number): Promise<RegionIndicators | undefined> {
  if (month !== undefined) return getOne<RegionIndicators>({ pk: `STAT#${regionCode}`, sk: ym(year, month) });
  const page = await query({ pk: `STAT#${regionCode}`, sk: { beginsWith: `${year}-` }, limit: 1, newestFirst: true });
  const item = page.items[0];
  return item ? (strip(item) as unknown as RegionIndicators) : undefined;
}

/** A region's rows of January to `month` of a year: at most twelve items, one query. */
export async function monthsOfYear(regionCode: string, year: number, month: number): Promise<RegionIndicators[]> {
  const items = await queryAll({ pk: `STAT#${regionCode}`, sk: { between: [ym(year, 1), ym(year, month)] } });
  return items.map((i) => strip(i) as unknown as RegionIndicators);
}

export async function childIndicators(parentCode: string, year: number, month: number): Promise<RegionIndicators[]> {
  const items = await queryAll({ index: "gsi1", pk: `STATCH#${parentCode}#${ym(year, month)}` });
  return items.map((i) => strip(i) as unknown as RegionIndicators);
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
  return items.map((i) => strip(i) as unknown as AssessmentRow);
}

export const publicationKey = (year: number) => ({ pk: `ASSESSPUB#${year}`, sk: "PUB" });

