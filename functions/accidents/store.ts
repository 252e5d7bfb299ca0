// Accident report storage.
//
// Access patterns (key prefixes ACC*, unique to this context):
//   report by id (current state)     pk ACC#<id>              sk ACC
//   report versions (append-only)    pk ACC#<id>              sk VER#<000001>   (initial report = 1, each update +1;
//                                                                              putNew: a version is never overwritten)
//   reports of a city, by time       gsi1pk ACCCITY#<city>    gsi1sk <occurredAt UTC>#<id>
//                                    (city and province lists; the province pages city partition by city partition)
//   reports of a county, by time     gsi2pk ACCCNTY#<county>  gsi2sk <occurredAt UTC>#<id>
//   reports waiting for a level      gsi3pk ACCPEND#<level>#<region>  gsi3sk <dueAt UTC>#<id>
//                                    (sparse: present only while the report is open and a forward is pending;
//                                    <level> is the level holding it, <region> that level's regulator region)
//   away from home (属地)            pk ACCAWAY#<id>          sk ACCAWAY   (a derived copy of the current state when
//                                    the enterprise's home county differs: gsi2 ACCCNTY#<home county> and, when the
//                                    home city differs too, gsi1 ACCCITY#<home city>; the province list skips it)
//   reports of an enterprise         pk ACCENT#<enterpriseId> sk <occurredAt UTC>#<id>
//                                    (a derived copy of the current state, rewritten whole with every change of
//                                    the report, in the same transaction; serves the enterprise's own list and
//                                    functions/accidents/public.ts)
//   period index (roll-ups)          gsi4 via shared/periods.ts kind ACC (month of occurredAt), on the report only
//
// Every change of a report goes through `reportWrites`, so the indexes and the enterprise copy never drift.
import { childrenOf, cityOf, countyOf, regionLevel } from "../../shared/codes/index.js";
import { conflict } from "../../shared/errors.js";
import {
  and,
  countAll,
  eq,
  filterOf,
  industryIs,
  getItem,
  type Item,
  ne,
  type Page,
  putDerived,
  putNew,
  putVersioned,
  query,
  queryAcross,
  queryAll,
  type QuerySpec,
  strip,
  type Write,
} from "../../shared/db.js";
import { periodIndexKeys } from "../../shared/periods.js";
import { levelRegion, pendingLevel, pendingStep, type ReportLevel } from "./rules.js";
import type { AccidentRecord, ReportVersion } from "./schemas.js";

export const reportKey = (id: string) => ({ pk: `ACC#${id}`, sk: "ACC" });
export const versionKey = (id: string, n: number) => ({ pk: `ACC#${id}`, sk: `VER#${String(n).padStart(6, "0")}` });
const enterpriseCopyKey = (r: Pick<AccidentRecord, "enterpriseId" | "occurredAt" | "id">) => ({
  pk: `ACCENT#${r.enterpriseId}`,
  sk: `${r.occurredAt}#${r.id}`,
});

/** gsi3 keys while a forward is pending on an open report. */
function pendingKeys(r: AccidentRecord): Item {
  if (r.status !== "open") return {};
  const holder = pendingLevel(r.chain);
  const next = pendingStep(r.chain);
  if (holder === null || next === null) return {};
  return { gsi3pk: `ACCPEND#${holder}#${levelRegion(holder, r.regionCode)}`, gsi3sk: `${next.dueAt}#${r.id}` };
}

export function reportItem(r: AccidentRecord): Item {
  return {
    ...reportKey(r.id),
    entity: "accident",
    gsi1pk: `ACCCITY#${r.cityCode}`,
    gsi1sk: `${r.occurredAt}#${r.id}`,
    gsi2pk: `ACCCNTY#${r.regionCode}`,
    gsi2sk: `${r.occurredAt}#${r.id}`,
    ...pendingKeys(r),
    ...periodIndexKeys("ACC", r.occurredAt, r.regionCode, r.id),
    ...r,
  };
}

function enterpriseCopy(r: AccidentRecord): Write[] {
  return [...(r.enterpriseId ? [putDerived({ ...enterpriseCopyKey(r), entity: "accident_enterprise_copy", ...r })] : []), ...awayCopy(r)];
}

/**
 * 属地: a report of an enterprise away from its home county is listed at home too. A copy of the
 * current state carries the county index key of the home county (and the city index key of the home
 * city when that differs), so the home lists page it in time order with their own reports. Pending
 * forwards and the period index stay on the report itself: the chain is where it happened.
 */
function awayCopy(r: AccidentRecord): Write[] {
  const home = r.homeRegionCode;
  if (!home || countyOf(home) === r.regionCode) return [];
  const city = cityOf(home) ?? home;
  const sk = `${r.occurredAt}#${r.id}`;
  return [
    putDerived({
      pk: `ACCAWAY#${r.id}`,
      sk: "ACCAWAY",
      entity: AWAY_COPY,
      gsi2pk: `ACCCNTY#${countyOf(home)}`,
      gsi2sk: sk,
      ...(city === r.cityCode ? {} : { gsi1pk: `ACCCITY#${city}`, gsi1sk: sk }),
      ...r,
    }),
  ];
}

const AWAY_COPY = "accident_away_copy";

/** Seeding: every item of a report with its versions, as written by the routes. */
export function reportItems(r: AccidentRecord, versions: ReportVersion[]): Item[] {
  return [reportItem(r), ...versions.map((v) => versionItem(r.id, v)), ...enterpriseCopy(r).map((w) => w.op.Put?.Item as Item)];
}

export function versionItem(id: string, v: ReportVersion): Item {
  return { ...versionKey(id, v.n), entity: "accident_version", accidentId: id, ...v };
}

/** A new report: the report (must not exist), its first version and the enterprise copy. */
export function createReportWrites(r: AccidentRecord, first: ReportVersion): Write[] {
  const exists = conflict("accident_exists", { zh: "事故报告已存在", en: "the accident report already exists" });
  return [putNew(reportItem(r), exists), putNew(versionItem(r.id, first), exists), ...enterpriseCopy(r)];
}

/**
 * Any later change: the report replaced only if still at `readVersion` (a lost race is a 409), plus a new
 * version when the change is a report update. The versioned write comes first so its error wins.
 */
export function reportWrites(r: AccidentRecord, readVersion: number, newVersion?: ReportVersion): Write[] {
  return [
    putVersioned(reportItem(r) as Item & { version: number }, readVersion),
    ...(newVersion ? [putNew(versionItem(r.id, newVersion))] : []),
    ...enterpriseCopy(r),
  ];
}

export async function getReport(id: string): Promise<AccidentRecord | undefined> {
  const item = await getItem(reportKey(id).pk, "ACC", true);
  return item ? (strip(item) as unknown as AccidentRecord) : undefined;
}

export async function getVersions(id: string): Promise<ReportVersion[]> {
  const items = await queryAll({ pk: `ACC#${id}`, sk: { beginsWith: "VER#" } });
  return items.map((i) => {
    const { accidentId: _a, ...v } = strip(i);
    return v as unknown as ReportVersion;
  });
}

// ---------- lists ----------

export interface ListFilter {
  /** ISO UTC instants, inclusive. */
  from?: string;
  to?: string;
  grade?: string;
  accidentType?: string;
  /** A section letter matches its divisions. */
  industryCode?: string;
  /** Restrict to one county (used when listing a county from the enterprise copy). */
  regionCode?: string;
}

function timeRange(f: ListFilter): QuerySpec["sk"] {
  // Sort keys are `<ISO UTC>#<id>`: "~" sorts after every id character, so `to` is inclusive.
  if (f.from && f.to) return { between: [f.from, `${f.to}~`] };
  if (f.from) return { gte: f.from };
  if (f.to) return { lte: `${f.to}~` };
  return undefined;
}

function listConditions(f: ListFilter) {
  return and(eq("grade", f.grade), eq("accidentType", f.accidentType), eq("regionCode", f.regionCode), industryIs(f.industryCode));
}

function clean(page: Page<Item>): Page<AccidentRecord> {
  return { items: page.items.map((i) => strip(i) as unknown as AccidentRecord), nextCursor: page.nextCursor };
}

/** Reports in a province, city or county, newest first. */
export async function listByRegion(regionCode: string, f: ListFilter, limit: number, cursor?: string): Promise<Page<AccidentRecord>> {
  const level = regionLevel(regionCode);
  const spec = { sk: timeRange(f), filter: filterOf(listConditions(f)), limit, newestFirst: true };
  if (level === "province") {
    // Every report lies in one of the cities: the away copies would list it twice.
    const cities = childrenOf(regionCode).map((c) => `ACCCITY#${c.code}`);
    const own = filterOf(listConditions(f), ne("entity", AWAY_COPY));
    return clean(await queryAcross(cities, { index: "gsi1", ...spec, filter: own }, cursor));
  }
  if (level === "city") return clean(await query({ index: "gsi1", pk: `ACCCITY#${regionCode}`, ...spec, cursor }));
  return clean(await query({ index: "gsi2", pk: `ACCCNTY#${regionCode}`, ...spec, cursor }));
}

/** An enterprise's reports (from the enterprise copy), newest first. */
export async function listByEnterprise(enterpriseId: string, f: ListFilter, limit: number, cursor?: string): Promise<Page<AccidentRecord>> {
  return clean(
    await query({ pk: `ACCENT#${enterpriseId}`, sk: timeRange(f), filter: filterOf(listConditions(f)), limit, cursor, newestFirst: true }),
  );
}

/** Every report of an enterprise that occurred in [from, to] (ISO UTC): a bounded set. */
export async function allOfEnterprise(enterpriseId: string, from: string, to: string): Promise<AccidentRecord[]> {
  const items = await queryAll({ pk: `ACCENT#${enterpriseId}`, sk: timeRange({ from, to }) });
  return items.map((i) => strip(i) as unknown as AccidentRecord);
}

/** Reports waiting for a level's regulator (holder level + its region), earliest due first. */
export async function listPending(level: ReportLevel, region: string, limit: number, cursor?: string): Promise<Page<AccidentRecord>> {
  return clean(await query({ index: "gsi3", pk: `ACCPEND#${level}#${region}`, limit, cursor }));
}

export const countPending = (level: ReportLevel, region: string) => countAll({ index: "gsi3", pk: `ACCPEND#${level}#${region}` });
