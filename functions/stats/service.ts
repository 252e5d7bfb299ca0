// The stats context's work between its entry points and its rules: the control-indicator roll-up
// and the target assessment. Both read other contexts' records only through the period index
// (shared/periods.ts), compute with ./rules.ts, and write derived items built by ./store.ts.
//
// ---------- the roll-up ----------
// The control-indicator roll-up (reform task 7 of 鄂安办〔2015〕60号).
//
// How it reads: only through the period index (shared/periods.ts), one month at a time.
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
import { auditWrite } from "../../shared/audit.js";
import { CITY_CODES, cityOf, countyOf, HUBEI_PROVINCE_CODE, regionByCode } from "../../shared/codes/index.js";
import type { Actor } from "../../shared/policy.js";
import { type IsoDate, shanghaiEndOf, toInstant } from "../../shared/time.js";
import { accidentFactsOfMonths } from "../accidents/public.js";
import { decisionsOfMonths } from "../approvals/public.js";
import { filingFactsOfMonths, gridCoverage as hazardsGridCoverage, hazardFactsOfMonths, inspectionFactsOfMonths, isOverdue, isRectifiedStatus } from "../hazards/public.js";
import { ASSESSMENT_GRADE_NAME_ZH, type SectorMapping } from "./config-data.js";
import {
  addHazards,
  aggregate,
  emptyHazards,
  type ItemInput,
  leavesOf,
  monthRange,
  rowsForMonth,
  scoreRegion,
  type StatsAccident,
  stillOpen,
  toStatsAccident,
  type VetoAccident,
} from "./rules.js";
import type { AssessmentRow, HazardTally, RegionIndicators, Snapshot } from "./schemas.js";
import {
  denominatorsOfYear,
  getStatsConfig,
  saveAssessment,
  saveRollup,
  snapshotsOfYear,
  targetsOfYear,
  thirdPartyOfYear,
  ym,
  configForYear,
} from "./store.js";

/** The city partition and the leaf a record is indexed under (shared/periods.ts periodIndexKeys). */
const cityOfRegion = (regionCode: unknown) => cityOf(String(regionCode)) ?? String(regionCode);
const leafOfRegion = (regionCode: unknown) => countyOf(String(regionCode));

/** Reads one month through the period index and builds the 17 city snapshots. */
export async function snapshotMonth(year: number, month: number, asOfDate: IsoDate, mapping: SectorMapping): Promise<{ snapshots: Snapshot[]; read: number }> {
  const { from, to } = monthRange(year, month);
  const snapDate = asOfDate < to ? asOfDate : to;
  const cutoff = shanghaiEndOf(snapDate).getTime();
  const asOf = shanghaiEndOf(asOfDate);
  const key = ym(year, month);
  const [accidents, hazards] = from > asOfDate ? [[], []] : await Promise.all([accidentFactsOfMonths([key]), hazardFactsOfMonths([key])]);

  const byCity = new Map<string, { acc: Map<string, StatsAccident[]>; haz: Map<string, HazardTally> }>();
  for (const city of CITY_CODES()) byCity.set(city, { acc: new Map(leavesOf(city).map((l) => [l, []])), haz: new Map(leavesOf(city).map((l) => [l, emptyHazards()])) });
  const slot = (r: { regionCode?: unknown }) => {
    const city = byCity.get(cityOfRegion(r.regionCode));
    if (!city) return undefined;
    const leaf = leafOfRegion(r.regionCode);
    if (!city.acc.has(leaf)) {
      city.acc.set(leaf, []);
      city.haz.set(leaf, emptyHazards());
    }
    return { city, leaf };
  };
  for (const r of accidents) {
    if (toInstant(r.occurredAt).getTime() > cutoff) continue;
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
  const rows: RegionIndicators[] = [];
  for (let k = Math.min(...recompute); k <= last; k++) {
    if (k > month && !snapshots.some((s) => s.month === k)) continue;
    rows.push(...rowsForMonth(year, k, snapshots, targets, denominators, config));
  }
  const readMs = Date.now() - started;
  await saveRollup(fresh, rows);

  const snapshotsRead = stored.length;
  return {
    year,
    month,
    asOfDate,
    monthsRecomputed: recompute.map((k) => ym(year, k)),
    recordsRead,
    snapshotsRead,
    itemsRead: recordsRead + snapshotsRead + targets.size + denominators.size,
    rowsWritten: rows.length,
    snapshotsWritten: fresh.length,
    ms: Date.now() - started,
    readMs,
    writeMs: Date.now() - started - readMs,
  };
}

// ---------- the assessment ----------
//
// Target assessment (责任目标考核) of the 17 city-level units: the quarterly process assessment and the
// annual one. Every item's input is measured from period-index records of the other contexts
// (shared/periods.ts) and functions/hazards/public.ts (grid coverage), and carries the counts it came from.
//
// Periods:
//   - accident-control items (deaths, 较大/重大 counts) and the vetoes: the year to date through the
//     end of the assessed period, against the annual ceilings (a process assessment asks "are we
//     already over?");
//   - work items (hazards, inspections, approvals): the assessed period itself (the quarter, or
//     the year);
//   - on-time quarterly filing (16号令: by the 15th of the next quarter's first month): the filings
//     for the assessed quarter(s), read from the two months after each quarter, against every
//     registered enterprise of the city (one filing each per quarter);
//   - grid coverage: the register now (functions/hazards/public.ts);
//   - third party: the score the province entered for the year.

export const ASSESSMENT_ACTOR: Actor = { userId: "system:assessment", role: "admin", regionCode: HUBEI_PROVINCE_CODE, isHead: false };

export interface AssessmentSources {
  gridCoverage(regionCode: string): Promise<{ enterprises: number; inGrid: number }>;
}

const defaultSources: AssessmentSources = { gridCoverage: hazardsGridCoverage };

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The configuration for a year: stored ones override the shipped defaults; an earlier year's applies until replaced. */
export interface AssessOptions {
  year: number;
  /** 1–4 for a quarterly process assessment; undefined for the annual assessment. */
  quarter?: number;
  asOf: Date;
  sources?: AssessmentSources;
}

export interface AssessResult {
  [key: string]: unknown;
  year: number;
  period: string;
  regions: number;
  recordsRead: number;
  vetoed: string[];
  rows: AssessmentRow[];
}

export async function assess(opts: AssessOptions): Promise<AssessResult> {
  const { year, quarter, asOf } = opts;
  const sources = opts.sources ?? defaultSources;
  const config = await configForYear(year);
  if (!config) throw new Error(`no assessment configuration for ${year}`);
  const kind = quarter ? "quarterly" : "annual";
  const period = quarter ? `${year}Q${quarter}` : String(year);
  const lastMonth = quarter ? quarter * 3 : 12;
  const workMonths = range(quarter ? lastMonth - 2 : 1, lastMonth).map((m) => ym(year, m));
  const accidentMonths = range(1, lastMonth).map((m) => ym(year, m));
  const quarters = quarter ? [quarter] : [1, 2, 3, 4];
  // Filings for quarter q are filed in the two months after it (the 15th of the first is the deadline).
  const filingMonths = quarters.flatMap((q) => [1, 2].map((k) => (q * 3 + k > 12 ? ym(year + 1, q * 3 + k - 12) : ym(year, q * 3 + k))));
  const periodEnd = shanghaiEndOf(monthRange(year, lastMonth).to);
  const evaluatedAt = asOf.getTime() < periodEnd.getTime() ? asOf : periodEnd;

  const [accidents, hazards, inspections, decisions, filings, targets, thirdParty, statsConfig] = await Promise.all([
    accidentFactsOfMonths(accidentMonths),
    hazardFactsOfMonths(workMonths),
    inspectionFactsOfMonths(workMonths),
    decisionsOfMonths(workMonths),
    filingFactsOfMonths(filingMonths),
    targetsOfYear(year),
    thirdPartyOfYear(year),
    getStatsConfig(),
  ]);
  const wanted = new Set(quarters.map((q) => `${year}Q${q}`));
  const byCity = <T extends { regionCode?: unknown }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of list) m.set(cityOfRegion(r.regionCode), [...(m.get(cityOfRegion(r.regionCode)) ?? []), r]);
    return m;
  };
  const acc = byCity(accidents.filter((a) => toInstant(a.occurredAt).getTime() <= evaluatedAt.getTime()));
  const haz = byCity(hazards);
  const insp = byCity(inspections);
  const dec = byCity(decisions);
  const fil = byCity(filings.filter((f) => wanted.has(f.period)));

  const rows: AssessmentRow[] = [];
  for (const city of CITY_CODES()) {
    const cityAcc = acc.get(city) ?? [];
    const agg = aggregate(cityAcc.map((a) => toStatsAccident(a, evaluatedAt)), statsConfig.sectorMapping);
    const t = targets.get(city);
    const cityHaz = haz.get(city) ?? [];
    const majors = cityHaz.filter((h) => h.level === "major");
    const rectifiedMajors = majors.filter((h) => isRectifiedStatus(h.status));
    const overdue = cityHaz.filter((h) => isOverdue(h, evaluatedAt));
    const cityFilings = fil.get(city) ?? [];
    const onTime = new Set(cityFilings.filter((f) => f.late !== true).map((f) => `${f.enterpriseId}|${f.period}`));
    const coverage = await sources.gridCoverage(city).catch(() => undefined);
    const expectedFilings = coverage ? coverage.enterprises * quarters.length : new Set(cityFilings.map((f) => `${f.enterpriseId}|${f.period}`)).size;
    const inspCount = (insp.get(city) ?? []).length;
    const planned = t?.inspectionsPlanned != null ? Math.round((t.inspectionsPlanned * workMonths.length) / 12) : null;
    const cityDec = dec.get(city) ?? [];
    const withinLimit = cityDec.filter((d) => d.withinLimit === true).length;
    const tp = thirdParty.get(city);

    const inputs: Record<string, ItemInput> = {
      deaths_vs_ceiling: { value: agg.deaths, ceiling: t?.deaths ?? null, sourceCounts: { accidents: agg.accidents, deaths: agg.deaths } },
      larger_accidents_vs_ceiling: { value: agg.byGrade.larger.accidents, ceiling: t?.largerAccidents ?? null, sourceCounts: { accidents: agg.accidents, larger: agg.byGrade.larger.accidents } },
      major_accidents_vs_ceiling: { value: agg.byGrade.major.accidents, ceiling: t?.majorAccidents ?? null, sourceCounts: { accidents: agg.accidents, major: agg.byGrade.major.accidents } },
      major_hazard_rectification_rate: { numerator: rectifiedMajors.length, denominator: majors.length, sourceCounts: { majorHazards: majors.length, rectified: rectifiedMajors.length } },
      quarterly_filing_on_time_rate: {
        numerator: Math.min(onTime.size, expectedFilings),
        denominator: expectedFilings,
        sourceCounts: { filings: cityFilings.length, onTime: onTime.size, late: cityFilings.length - onTime.size, expected: expectedFilings, enterprises: coverage?.enterprises ?? -1 },
      },
      overdue_hazard_share: { numerator: overdue.length, denominator: cityHaz.length, sourceCounts: { hazards: cityHaz.length, overdue: overdue.length } },
      inspections_vs_plan:
        planned === null
          ? { sourceCounts: { inspections: inspCount } }
          : { numerator: inspCount, denominator: planned, sourceCounts: { inspections: inspCount, planned } },
      approvals_within_limit_rate: { numerator: withinLimit, denominator: cityDec.length, sourceCounts: { decisions: cityDec.length, withinLimit } },
      grid_coverage_rate: coverage
        ? { numerator: coverage.inGrid, denominator: coverage.enterprises, sourceCounts: { enterprises: coverage.enterprises, inGrid: coverage.inGrid } }
        : { sourceCounts: {} },
      third_party_score: tp ? { score: tp.score, sourceCounts: { entered: 1 } } : { sourceCounts: { entered: 0 } },
    };
    const vetoAccidents: VetoAccident[] = cityAcc.map((a) => ({
      id: a.id,
      grade: a.grade,
      concealed: a.concealed === true,
    }));
    const result = scoreRegion(config, { kind, items: inputs, accidents: vetoAccidents });
    rows.push({
      ...result,
      year,
      period,
      kind,
      regionCode: city,
      regionName: regionByCode(city)?.name ?? city,
      gradeName: ASSESSMENT_GRADE_NAME_ZH[result.grade],
      items: result.items.map((i) => ({ ...i, sourceCounts: { ...i.sourceCounts } })),
      accidentMonths,
      workMonths,
      asOf: evaluatedAt.toISOString(),
    });
  }

  const entry = {
    action: "assessment.run",
    entityType: "assessment",
    entityId: `assessment-${period}`,
    regionCode: HUBEI_PROVINCE_CODE,
    summary: { period, totals: Object.fromEntries(rows.map((r) => [r.regionCode, [r.total, r.grade]])) },
  };
  await saveAssessment(year, quarter, rows, auditWrite(entry, ASSESSMENT_ACTOR, `job:assessment-${kind}`, asOf));
  return {
    year,
    period,
    regions: rows.length,
    recordsRead: accidents.length + hazards.length + inspections.length + decisions.length + filings.length,
    vetoed: rows.filter((r) => r.vetoed).map((r) => r.regionCode),
    rows,
  };
}
