// The control-indicator roll-up (reform task 7 of 鄂安办〔2015〕60号).
//
// How it reads: only through the period index (shared/periods.ts readMonth), one month at a time.
// A month's records become one snapshot per city (the aggregate of each county); year to date is
// the sum of the year's stored snapshots (one query). So a run's reads follow the months it
// recomputes, never the history.
//
// Which months a run recomputes (everything else comes from stored snapshots):
//   - the target month;
//   - earlier months of the year with no snapshot, or whose snapshot was taken before the month
//     ended (the daily run during the month);
//   - earlier months still inside the 补报 window (493号令 art.13: casualties may change for 30
//     days, and missing people count as dead once it passes), so their figures settle;
//   - every month of the year when `full` (the month-close run re-reads the year once a month, so
//     late-filed records such as a concealed accident reported months later are counted).
// Then the rows of every region (counties, cities, the province) are rewritten for each month from
// the first recomputed one on. Everything is written with putDerived: two runs with the same inputs
// write the same items.
//
// Exactness: figures are integer sums of the leaves (counties, or a 直管 unit itself), so counties
// add up to their city and cities to the province by construction.
import { childrenOf, CITY_CODES, HUBEI_PROVINCE_CODE, regionByCode } from "../../shared/codes/index.js";
import { type Item, putDerived, transact } from "../../shared/db.js";
import { readMonth } from "../../shared/periods.js";
import { addDays, type IsoDate, shanghaiEndOf, toInstant } from "../../shared/time.js";
import { ACCIDENT_GRADES, type AccidentGrade, SUPPLEMENT_WINDOW_DAYS, statisticalDeaths } from "../accidents/public.js";
import type { SectorMapping } from "./config-data.js";
import {
  type Aggregate,
  aggregate,
  computeRates,
  type ControlTargets,
  type Denominators,
  emptyAggregate,
  evaluateControlIndicators,
  mergeAggregates,
  monthRange,
  type StatsAccident,
  type WarningLevel,
  yearElapsedShare,
} from "./rules.js";
import type { RegionIndicators, StoredDenominators, StoredTargets } from "./schemas.js";
import {
  denominatorsOfYear,
  getStatsConfig,
  type HazardTally,
  indicatorItem,
  type Snapshot,
  snapshotItem,
  snapshotsOfYear,
  type StatsConfig,
  targetsOfYear,
  ym,
} from "./store.js";

const MAX_TX = 100;
const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) && x >= 0 ? x : 0);

/** The fields statistics read from an ACC record (shared/periods.ts), deaths counted as of `asOf`. */
export function toStatsAccident(r: Item, asOf: Date): StatsAccident {
  const flags = { roadTraffic: r.roadTraffic === true, fire: r.fire === true };
  const grade = (ACCIDENT_GRADES as readonly string[]).includes(r.grade as string) ? (r.grade as AccidentGrade) : "general";
  return {
    ...flags,
    industryCode: typeof r.industryCode === "string" ? r.industryCode : null,
    accidentType: typeof r.accidentType === "string" ? r.accidentType : "20",
    grade,
    // 2016 统计管理办法: missing people count as dead once the 30-day (7 for road and fire) window has passed.
    statisticalDeaths: statisticalDeaths({ deaths: num(r.deaths), missing: num(r.missing), occurredAt: r.occurredAt as string, flags, now: asOf }),
    seriousInjuries: num(r.seriousInjuries),
    injuries: num(r.injuries),
    directLossYuan: num(r.directLossYuan),
  };
}

const emptyHazards = (): HazardTally => ({ found: 0, major: 0 });
const addHazards = (a: HazardTally, b: HazardTally): HazardTally => ({ found: a.found + b.found, major: a.major + b.major });

/** The leaves of a city: its counties, or the city itself when it has none (the 直管 units). */
export function leavesOf(cityCode: string): string[] {
  const counties = childrenOf(cityCode).map((c) => c.code);
  return counties.length > 0 ? counties : [cityCode];
}


const cityOfRecord = (r: Item) => String(r.gsi4pk).split("#")[2] as string;
const leafOfRecord = (r: Item) => String(r.gsi4sk).split("#")[0] as string;

/** Reads one month through the period index and builds the 17 city snapshots. */
export async function snapshotMonth(year: number, month: number, asOfDate: IsoDate, mapping: SectorMapping): Promise<{ snapshots: Snapshot[]; read: number }> {
  const { from, to } = monthRange(year, month);
  const snapDate = asOfDate < to ? asOfDate : to;
  const cutoff = shanghaiEndOf(snapDate).getTime();
  const asOf = shanghaiEndOf(asOfDate);
  const key = ym(year, month);
  const [accidents, hazards] = from > asOfDate ? [[], []] : await Promise.all([readMonth("ACC", key), readMonth("HAZ", key)]);

  const byCity = new Map<string, { acc: Map<string, StatsAccident[]>; haz: Map<string, HazardTally> }>();
  for (const city of CITY_CODES()) byCity.set(city, { acc: new Map(leavesOf(city).map((l) => [l, []])), haz: new Map(leavesOf(city).map((l) => [l, emptyHazards()])) });
  const slot = (r: Item) => {
    const city = byCity.get(cityOfRecord(r));
    if (!city) return undefined;
    const leaf = leafOfRecord(r);
    if (!city.acc.has(leaf)) {
      city.acc.set(leaf, []);
      city.haz.set(leaf, emptyHazards());
    }
    return { city, leaf };
  };
  for (const r of accidents) {
    if (typeof r.occurredAt !== "string" || toInstant(r.occurredAt).getTime() > cutoff) continue;
    const s = slot(r);
    s?.city.acc.get(s.leaf)?.push(toStatsAccident(r, asOf));
  }
  for (const r of hazards) {
    if (typeof r.discoveredAt !== "string" || toInstant(r.discoveredAt).getTime() > cutoff) continue;
    const s = slot(r);
    if (s) s.city.haz.set(s.leaf, addHazards(s.city.haz.get(s.leaf) ?? emptyHazards(), { found: 1, major: r.level === "major" ? 1 : 0 }));
  }
  const snapshots = [...byCity].map(([cityCode, c]) => ({
    year,
    month,
    cityCode,
    asOfDate: snapDate,
    leaves: Object.fromEntries([...c.acc].map(([leaf, list]) => [leaf, { accidents: aggregate(list, mapping), hazards: c.haz.get(leaf) ?? emptyHazards() }])),
    recordsRead: [...c.acc.values()].reduce((s, l) => s + l.length, 0) + [...c.haz.values()].reduce((s, h) => s + h.found, 0),
  }));
  return { snapshots, read: accidents.length + hazards.length };
}

// ---------------------------------------------------------------------------------------------
// Rows

interface Figures {
  monthly: Aggregate;
  ytd: Aggregate;
  hazMonthly: HazardTally;
  hazYtd: HazardTally;
}

const zeroFigures = (): Figures => ({ monthly: emptyAggregate(), ytd: emptyAggregate(), hazMonthly: emptyHazards(), hazYtd: emptyHazards() });
const addFigures = (a: Figures, b: Figures): Figures => ({
  monthly: mergeAggregates(a.monthly, b.monthly),
  ytd: mergeAggregates(a.ytd, b.ytd),
  hazMonthly: addHazards(a.hazMonthly, b.hazMonthly),
  hazYtd: addHazards(a.hazYtd, b.hazYtd),
});

const DENOMINATOR_FIELDS = ["gdpYi", "imcEmployees", "motorVehicles", "coalOutputTonnes"] as const;

/**
 * A region's denominators: each field as entered for the region, else the sum of its children's
 * when every child has it (a city without its own GDP figure uses its counties' total).
 */
export function effectiveDenominators(
  regionCode: string,
  entered: Map<string, StoredDenominators>,
  memo = new Map<string, { d: Denominators | null; source: "own" | "children" | null }>(),
): { d: Denominators | null; source: "own" | "children" | null } {
  const hit = memo.get(regionCode);
  if (hit) return hit;
  const own = entered.get(regionCode);
  const kids = childrenOf(regionCode).map((c) => effectiveDenominators(c.code, entered, memo));
  const d: Denominators = {};
  let fromChildren = false;
  for (const f of DENOMINATOR_FIELDS) {
    const v = own?.[f];
    if (v != null) d[f] = v;
    else if (kids.length > 0 && kids.every((k) => k.d?.[f] != null)) {
      d[f] = kids.reduce((s, k) => s + (k.d?.[f] as number), 0);
      fromChildren = true;
    }
  }
  const any = DENOMINATOR_FIELDS.some((f) => d[f] != null);
  const out = { d: any ? d : null, source: !any ? null : fromChildren ? ("children" as const) : ("own" as const) };
  memo.set(regionCode, out);
  return out;
}

const SEVERITY: Record<WarningLevel, number> = { none: 0, attention: 1, exceeded: 2 };

function row(
  regionCode: string,
  year: number,
  month: number,
  asOfDate: IsoDate,
  f: Figures,
  targets: StoredTargets | undefined,
  denominators: { d: Denominators | null; source: "own" | "children" | null },
  config: StatsConfig,
): RegionIndicators {
  const region = regionByCode(regionCode);
  const d = denominators.d ?? {};
  const rates = computeRates(f.ytd, d);
  const yearElapsed = yearElapsedShare(year, asOfDate);
  const t: ControlTargets = targets ?? {};
  const indicators = evaluateControlIndicators(f.ytd, rates, t, yearElapsed, config.warningThresholds);
  const warning = indicators.reduce<WarningLevel>((w, i) => (SEVERITY[i.warning] > SEVERITY[w] ? i.warning : w), "none");
  return {
    regionCode,
    regionName: region?.name ?? regionCode,
    level: region?.level ?? "county",
    parentCode: region?.parentCode ?? null,
    year,
    month,
    asOfDate,
    monthly: f.monthly,
    ytd: f.ytd,
    hazards: { monthly: f.hazMonthly, ytd: f.hazYtd },
    denominators: denominators.d,
    denominatorsSource: denominators.source,
    rates,
    monthlyRates: computeRates(f.monthly, d),
    yearElapsed,
    indicators,
    warning,
    hasTargets: targets !== undefined,
  };
}

/** Rows of every region for month `month`, from the year's snapshots (months 1..month). */
export function rowsForMonth(
  year: number,
  month: number,
  snapshots: readonly Snapshot[],
  targets: Map<string, StoredTargets>,
  denominators: Map<string, StoredDenominators>,
  config: StatsConfig,
): RegionIndicators[] {
  const leafFigures = new Map<string, Figures>();
  let asOfDate = monthRange(year, month).from;
  for (const s of snapshots) {
    if (s.year !== year || s.month > month) continue;
    if (s.month === month && s.asOfDate > asOfDate) asOfDate = s.asOfDate;
    for (const [leaf, v] of Object.entries(s.leaves)) {
      const prev = leafFigures.get(`${s.cityCode}|${leaf}`) ?? zeroFigures();
      const add: Figures = {
        monthly: s.month === month ? v.accidents : emptyAggregate(),
        ytd: v.accidents,
        hazMonthly: s.month === month ? v.hazards : emptyHazards(),
        hazYtd: v.hazards,
      };
      leafFigures.set(`${s.cityCode}|${leaf}`, addFigures(prev, add));
    }
  }
  const memo = new Map();
  const rows: RegionIndicators[] = [];
  const cityFigures: Figures[] = [];
  for (const city of CITY_CODES()) {
    const leaves = [...leafFigures].filter(([k]) => k.startsWith(`${city}|`));
    const counties = new Set(childrenOf(city).map((c) => c.code));
    for (const [k, f] of leaves) {
      const leaf = k.split("|")[1] as string;
      // Counties get their own row; a 直管 unit is its own leaf and gets the city row below.
      if (counties.has(leaf)) rows.push(row(leaf, year, month, asOfDate, f, targets.get(leaf), effectiveDenominators(leaf, denominators, memo), config));
    }
    const total = leaves.reduce((acc, [, f]) => addFigures(acc, f), zeroFigures());
    cityFigures.push(total);
    rows.push(row(city, year, month, asOfDate, total, targets.get(city), effectiveDenominators(city, denominators, memo), config));
  }
  const province = cityFigures.reduce(addFigures, zeroFigures());
  rows.push(
    row(HUBEI_PROVINCE_CODE, year, month, asOfDate, province, targets.get(HUBEI_PROVINCE_CODE), effectiveDenominators(HUBEI_PROVINCE_CODE, denominators, memo), config),
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The run

export interface RollupOptions {
  year: number;
  month: number;
  /** Records up to and including this Shanghai date count. */
  asOfDate: IsoDate;
  /** Re-read every month of the year up to `month` (the month-close run). */
  full?: boolean;
}

export interface RollupResult {
  [key: string]: unknown;
  year: number;
  month: number;
  asOfDate: IsoDate;
  /** Months read from the period index. */
  monthsRecomputed: string[];
  /** Period-index records read (accidents and hazards). */
  recordsRead: number;
  /** Stored snapshots read for year to date. */
  snapshotsRead: number;
  /** Everything read: records + snapshots + annual inputs. */
  itemsRead: number;
  rowsWritten: number;
  snapshotsWritten: number;
  ms: number;
  /** Of `ms`: reading (records, snapshots, inputs) and writing the derived items. */
  readMs: number;
  writeMs: number;
}

/** Whether a stored month may still change: taken before the month ended, or inside the 补报 window. */
function stillOpen(year: number, month: number, snap: Snapshot | undefined, asOfDate: IsoDate): boolean {
  const { to } = monthRange(year, month);
  if (!snap || snap.asOfDate < to) return true;
  return addDays(to, SUPPLEMENT_WINDOW_DAYS + 1) >= asOfDate;
}

export async function rollup(opts: RollupOptions): Promise<RollupResult> {
  const started = Date.now();
  const { year, month, asOfDate } = opts;
  const config = await getStatsConfig();
  const [stored, targets, denominators] = await Promise.all([snapshotsOfYear(year), targetsOfYear(year), denominatorsOfYear(year)]);

  const firstOfMonth = new Map<number, Snapshot>();
  for (const s of stored) if (!firstOfMonth.has(s.month)) firstOfMonth.set(s.month, s);
  const recompute: number[] = [];
  for (let k = 1; k <= month; k++) {
    if (k === month || opts.full || stillOpen(year, k, firstOfMonth.get(k), asOfDate)) recompute.push(k);
  }

  let recordsRead = 0;
  const fresh: Snapshot[] = [];
  for (const k of recompute) {
    const { snapshots: snaps, read } = await snapshotMonth(year, k, asOfDate, config.sectorMapping);
    recordsRead += read;
    fresh.push(...snaps);
  }
  const recomputed = new Set(recompute);
  const snapshots = [...stored.filter((s) => !recomputed.has(s.month)), ...fresh];

  // Rows from the first recomputed month to the last month with data (later months' year to date moved too).
  const last = Math.max(month, ...snapshots.map((s) => s.month));
  const rowItems: Item[] = [];
  for (let k = Math.min(...recompute); k <= last; k++) {
    if (k > month && !snapshots.some((s) => s.month === k)) continue;
    for (const r of rowsForMonth(year, k, snapshots, targets, denominators, config)) rowItems.push(indicatorItem(r));
  }
  const readMs = Date.now() - started;
  const writes = [...fresh.map(snapshotItem), ...rowItems].map(putDerived);
  for (let i = 0; i < writes.length; i += MAX_TX) await transact(writes.slice(i, i + MAX_TX));

  const snapshotsRead = stored.length;
  return {
    year,
    month,
    asOfDate,
    monthsRecomputed: recompute.map((k) => ym(year, k)),
    recordsRead,
    snapshotsRead,
    itemsRead: recordsRead + snapshotsRead + targets.size + denominators.size,
    rowsWritten: rowItems.length,
    snapshotsWritten: fresh.length,
    ms: Date.now() - started,
    readMs,
    writeMs: Date.now() - started - readMs,
  };
}

