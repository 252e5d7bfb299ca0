// Statistics, control indicators and target assessment: pure rules. No I/O, no clock.
// Sources: 鄂安办〔2015〕60号 tasks 6 and 7 (target assessment, control indicators) and the 2016 统计管理办法,
// the province's assessment rules (warning levels, scoring, veto). Configuration defaults live in ./config-data.ts.
//
// Exports
//   Sectors:     SectorInput, sectorOf(input, mapping?), divisionOf(industryCode)
//   Aggregation: StatsAccident, Tally, Aggregate, UNKNOWN_INDUSTRY, emptyTally, emptyAggregate, aggregate(accidents, mapping?),
//                mergeAggregates(a, b), sumAggregates(list)
//   Rates:       Denominators, Rates, computeRates(aggregate, denominators), roundRate(x)
//   Indicators:  IndicatorStatus, evaluateIndicator(value, ceiling, yearElapsed, thresholds?),
//                yearElapsedShare(year, asOf), ControlTargets, IndicatorId, IndicatorRow, INDICATOR_NAME_ZH,
//                evaluateControlIndicators(aggregate, rates, targets, yearElapsed, thresholds?)
//   Assessment:  AssessmentKind, ItemInput, VetoAccident, AssessmentInputs, ItemScore, VetoHit,
//                AssessmentResult, validateAssessmentConfig(config), assessmentConfigFor(year, configs?),
//                scoreItem(item, input), gradeFor(total, cutoffs), scoreRegion(config, inputs)
//   Periods:     Quarter, QuarterRef, PeriodRange, quarterOf(date), monthRange(year, month),
//                quarterRange(year, quarter), yearRange(year), yearToDateRange(year, month),
//                formatQuarter(ref), parseQuarter(text), previousQuarter(date), RollupTarget, rollupTarget(now)
//   Re-exported from config-data: Sector, RateId, WarningLevel, WarningThresholds, ScoringMethod,
//                AssessmentItem, AssessmentConfig, AssessmentGrade, VetoTrigger, ScheduleDefinition
//
// Business dates are `YYYY-MM-DD` in Asia/Shanghai; instants are ISO 8601 strings.

import { ACCIDENT_GRADES, type AccidentFacts, type AccidentGrade, SUPPLEMENT_WINDOW_DAYS, statisticalDeaths } from "../accidents/public.js";
import { childrenOf, CITY_CODES, HUBEI_PROVINCE_CODE, regionByCode } from "../../shared/codes/index.js";
import { sectionOf } from "../../shared/codes/industries.js";
import {
  addDays,
  daysBetween,
  type IsoDate,
  isIsoDate,
  isoUtc,
  shanghaiDate,
  shanghaiEndOf,
  shanghaiStartOf,
  type Quarter,
  type QuarterRef,
} from "../../shared/time.js";
import {
  ASSESSMENT_CONFIGS,
  ASSESSMENT_TOTAL_POINTS,
  type AssessmentConfig,
  type AssessmentGrade,
  type AssessmentItem,
  COAL_MINE_DIVISIONS,
  DEFAULT_SECTOR_MAPPING,
  DEFAULT_WARNING_THRESHOLDS,
  type GradeCutoffs,
  RATE_DECIMALS,
  RATE_IDS,
  RATE_NAME_ZH,
  RATE_SCALES,
  type RateId,
  type Sector,
  SECTOR_NAME_ZH,
  SECTORS,
  type SectorMapping,
  type VetoTrigger,
  type WarningLevel,
  type WarningThresholds,
} from "./config-data.js";
import type { HazardTally, RegionIndicators, Snapshot, StoredDenominators, StoredTargets } from "./schemas.js";

export type {
  AssessmentConfig,
  AssessmentGrade,
  AssessmentItem,
  RateId,
  ScheduleDefinition,
  ScoringMethod,
  Sector,
  VetoTrigger,
  WarningLevel,
  WarningThresholds,
} from "./config-data.js";

// ---------------------------------------------------------------------------------------------
// Sectors

export interface SectorInput {
  roadTraffic: boolean;
  fire: boolean;
  /** GB/T 4754 section letter ("C") or two-digit division ("26"). */
  industryCode?: string | null;
  /** GB 6441 code "01".."20"; only consulted through `mapping.typeOverrides`. */
  accidentType?: string | null;
}

/** The two-digit division of an industry code, or null when only a section (or nothing) is known. */
export function divisionOf(industryCode: string | null | undefined): string | null {
  return industryCode != null && /^\d{2}$/.test(industryCode) ? industryCode : null;
}

/** Sector of an accident; the order of decision is documented on `SectorMapping`. */
export function sectorOf(input: SectorInput, mapping: SectorMapping = DEFAULT_SECTOR_MAPPING): Sector {
  if (input.roadTraffic) return "road_traffic";
  if (input.fire) return "fire";
  // Own keys only: a type such as "constructor" must not reach Object.prototype.
  const t = input.accidentType;
  const override = t != null && Object.hasOwn(mapping.typeOverrides, t) ? mapping.typeOverrides[t] : undefined;
  if (override !== undefined) return override;
  const code = input.industryCode;
  if (code == null) return "other";
  const division = divisionOf(code);
  if (division !== null && mapping.otherDivisions.includes(division)) return "other";
  const section = sectionOf(code);
  return section !== undefined && mapping.imcSections.includes(section) ? "industrial_mining_commercial" : "other";
}

// ---------------------------------------------------------------------------------------------
// Aggregation

/** The fields of an accident record that statistics read. */
export interface StatsAccident extends SectorInput {
  accidentType: string;
  grade: AccidentGrade;
  /** Deaths plus missing people who count as dead after the 30/7-day window (accidents context). */
  statisticalDeaths: number;
  seriousInjuries: number;
  injuries: number;
  /** Integer yuan. */
  directLossYuan: number;
}

export interface Tally {
  accidents: number;
  /** Statistical deaths. */
  deaths: number;
  injuries: number;
  seriousInjuries: number;
  directLossYuan: number;
}

export interface Aggregate extends Tally {
  /** Every grade present, zero when none. */
  byGrade: Record<AccidentGrade, Tally>;
  /** Every sector present, zero when none. */
  bySector: Record<Sector, Tally>;
  /** GB 6441 code → tally; only codes that occurred. */
  byType: Record<string, Tally>;
  /** GB/T 4754 section letter (or "unknown") → tally; only sections that occurred. */
  byIndustry: Record<string, Tally>;
  /** 工矿商贸 accidents in coal mining (division 06): the numerator of 煤矿百万吨死亡率. */
  coalMine: Tally;
}

export const UNKNOWN_INDUSTRY = "unknown";

export function emptyTally(): Tally {
  return { accidents: 0, deaths: 0, injuries: 0, seriousInjuries: 0, directLossYuan: 0 };
}

function addTally(a: Tally, b: Tally): Tally {
  return {
    accidents: a.accidents + b.accidents,
    deaths: a.deaths + b.deaths,
    injuries: a.injuries + b.injuries,
    seriousInjuries: a.seriousInjuries + b.seriousInjuries,
    directLossYuan: a.directLossYuan + b.directLossYuan,
  };
}

function keyed<K extends string>(keys: readonly K[]): Record<K, Tally> {
  return Object.fromEntries(keys.map((k) => [k, emptyTally()])) as Record<K, Tally>;
}

export function emptyAggregate(): Aggregate {
  return {
    ...emptyTally(),
    byGrade: keyed(ACCIDENT_GRADES),
    bySector: keyed(SECTORS),
    byType: {},
    byIndustry: {},
    coalMine: emptyTally(),
  };
}

// Keys come from record fields: read own properties only and define rather than assign, so a
// key like "__proto__" or "constructor" is counted like any other instead of touching prototypes.
function addInto(map: Record<string, Tally>, key: string, t: Tally): void {
  const prev = Object.hasOwn(map, key) ? map[key] : undefined;
  Object.defineProperty(map, key, { value: addTally(prev ?? emptyTally(), t), enumerable: true, writable: true, configurable: true });
}

/** Counts, deaths (statistical), injuries and loss, broken down by grade, type, sector and industry. */
export function aggregate(accidents: readonly StatsAccident[], mapping: SectorMapping = DEFAULT_SECTOR_MAPPING): Aggregate {
  const out = emptyAggregate();
  let total = emptyTally();
  for (const a of accidents) {
    const t: Tally = {
      accidents: 1,
      deaths: a.statisticalDeaths,
      injuries: a.injuries,
      seriousInjuries: a.seriousInjuries,
      directLossYuan: a.directLossYuan,
    };
    total = addTally(total, t);
    const sector = sectorOf(a, mapping);
    addInto(out.byGrade, a.grade, t);
    addInto(out.bySector, sector, t);
    addInto(out.byType, a.accidentType, t);
    addInto(out.byIndustry, (a.industryCode != null ? sectionOf(a.industryCode) : undefined) ?? UNKNOWN_INDUSTRY, t);
    const division = divisionOf(a.industryCode);
    if (sector === "industrial_mining_commercial" && division !== null && COAL_MINE_DIVISIONS.includes(division)) {
      out.coalMine = addTally(out.coalMine, t);
    }
  }
  return { ...out, ...total };
}

function mergeMaps(a: Record<string, Tally>, b: Record<string, Tally>): Record<string, Tally> {
  const out: Record<string, Tally> = { ...a };
  for (const [k, t] of Object.entries(b)) addInto(out, k, t);
  return out;
}

/** Adds two aggregates (e.g. two counties). Exact: every figure is an integer sum. */
export function mergeAggregates(a: Aggregate, b: Aggregate): Aggregate {
  return {
    ...addTally(a, b),
    byGrade: mergeMaps(a.byGrade, b.byGrade) as Record<AccidentGrade, Tally>,
    bySector: mergeMaps(a.bySector, b.bySector) as Record<Sector, Tally>,
    byType: mergeMaps(a.byType, b.byType),
    byIndustry: mergeMaps(a.byIndustry, b.byIndustry),
    coalMine: addTally(a.coalMine, b.coalMine),
  };
}

export function sumAggregates(list: readonly Aggregate[]): Aggregate {
  return list.reduce(mergeAggregates, emptyAggregate());
}

// ---------------------------------------------------------------------------------------------
// Rates

/** Yearly denominators of a region; null or absent when not entered. */
export interface Denominators {
  /** GDP in 亿元 (100 million yuan). */
  gdpYi?: number | null;
  /** 工矿商贸 employees. */
  imcEmployees?: number | null;
  motorVehicles?: number | null;
  coalOutputTonnes?: number | null;
}

export type Rates = Record<RateId, number | null>;

function rate(deaths: number, denominator: number | null | undefined, scale: number): number | null {
  if (denominator == null || !(denominator > 0)) return null;
  // Scale first: integer numerators stay exact (15 × 100,000 / 100,000 is 15, not 14.999…).
  return (deaths * scale) / denominator;
}

/** The four rate indicators; null where the denominator is missing or zero. Full precision. */
export function computeRates(agg: Aggregate, d: Denominators): Rates {
  return {
    deathsPerYiGdp: rate(agg.deaths, d.gdpYi, RATE_SCALES.deathsPerYiGdp),
    imcDeathsPer100kEmployees: rate(
      agg.bySector.industrial_mining_commercial.deaths,
      d.imcEmployees,
      RATE_SCALES.imcDeathsPer100kEmployees,
    ),
    roadDeathsPer10kVehicles: rate(agg.bySector.road_traffic.deaths, d.motorVehicles, RATE_SCALES.roadDeathsPer10kVehicles),
    coalDeathsPerMillionTonnes: rate(agg.coalMine.deaths, d.coalOutputTonnes, RATE_SCALES.coalDeathsPerMillionTonnes),
  };
}

/** Rounds a rate for publication (three decimals, e.g. 0.137). */
export function roundRate(x: number): number {
  const f = 10 ** RATE_DECIMALS;
  return Math.round(x * f) / f;
}

/** The first run of a daily schedule (Asia/Shanghai hour:minute) strictly after `now`. */
export function nextDailyRun(schedule: { hour: number; minute: number }, now: Date): Date {
  const today = shanghaiDate(now);
  const at = (date: string) => new Date(shanghaiStartOf(date).getTime() + (schedule.hour * 60 + schedule.minute) * 60_000);
  const first = at(today);
  return first.getTime() > now.getTime() ? first : at(addDays(today, 1));
}

/**
 * A rate as published text: three decimals (0.137), and for small rates as many more as three
 * significant digits need, so a county's 0.00015 deaths per 亿元 GDP is not "0.000". Zeros
 * past the third decimal are dropped (0.007, not 0.00700).
 */
export function rateText(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return x.toFixed(RATE_DECIMALS);
  const decimals = Math.min(20, Math.max(RATE_DECIMALS, 2 - Math.floor(Math.log10(Math.abs(x)))));
  const text = x.toFixed(decimals);
  return decimals === RATE_DECIMALS ? text : text.replace(new RegExp(`(\\.\\d{${RATE_DECIMALS}}\\d*?)0+$`), "$1");
}

// ---------------------------------------------------------------------------------------------
// Indicators against ceilings

export interface IndicatorStatus {
  value: number | null;
  ceiling: number | null;
  /** value / ceiling; null when there is no usable ceiling or value. */
  shareUsed: number | null;
  /** Share of the year elapsed (0..1), for reading `shareUsed` against time. */
  yearElapsed: number;
  warning: WarningLevel;
}

// Shares are floating-point quotients; a relative tolerance keeps 4/5 at exactly "80 %".
const SHARE_EPSILON = 1e-9;

/**
 * Warning level of an indicator against its ceiling. A ceiling of 0 (e.g. "no 重大 accidents")
 * has no share: any value above it is `exceeded`, zero is `none`. No ceiling → `none`.
 */
export function evaluateIndicator(
  value: number | null,
  ceiling: number | null | undefined,
  yearElapsed: number,
  thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
): IndicatorStatus {
  const c = ceiling ?? null;
  if (value === null || c === null) return { value, ceiling: c, shareUsed: null, yearElapsed, warning: "none" };
  if (c <= 0) return { value, ceiling: c, shareUsed: null, yearElapsed, warning: value > c ? "exceeded" : "none" };
  const shareUsed = value / c;
  const reached = (t: number) => shareUsed >= t - SHARE_EPSILON;
  const warning: WarningLevel = reached(thresholds.exceeded) ? "exceeded" : reached(thresholds.attention) ? "attention" : "none";
  return { value, ceiling: c, shareUsed, yearElapsed, warning };
}

/**
 * Share of `year` elapsed by the end of the Shanghai calendar day `asOf` (a date, or an instant
 * converted to its Shanghai date). 0 before the year, 1 after it; 365 or 366 days.
 */
export function yearElapsedShare(year: number, asOf: string | Date): number {
  const date = typeof asOf === "string" && isIsoDate(asOf) ? asOf : shanghaiDate(asOf);
  const start = yearRange(year).from;
  const length = daysBetween(start, yearRange(year + 1).from);
  const elapsed = Math.min(Math.max(daysBetween(start, date) + 1, 0), length);
  return elapsed / length;
}

/** Annual control targets of a region, set by the level above. Absent or null = not set. */
export interface ControlTargets {
  deaths?: number | null;
  deathsBySector?: Partial<Record<Sector, number | null>>;
  largerAccidents?: number | null;
  majorAccidents?: number | null;
  rates?: Partial<Record<RateId, number | null>>;
}

export type IndicatorId = "deaths" | `deaths.${Sector}` | "larger_accidents" | "major_accidents" | RateId;

export const INDICATOR_NAME_ZH: Readonly<Record<IndicatorId, string>> = {
  deaths: "生产安全事故死亡人数",
  ...(Object.fromEntries(SECTORS.map((s) => [`deaths.${s}`, `${SECTOR_NAME_ZH[s]}事故死亡人数`])) as Record<
    `deaths.${Sector}`,
    string
  >),
  larger_accidents: "较大事故起数",
  major_accidents: "重大事故起数",
  ...RATE_NAME_ZH,
};

export interface IndicatorRow extends IndicatorStatus {
  id: IndicatorId;
  name: string;
}

/** Every control indicator of a region (a stable list: unset ceilings give warning `none`). */
export function evaluateControlIndicators(
  agg: Aggregate,
  rates: Rates,
  targets: ControlTargets,
  yearElapsed: number,
  thresholds: WarningThresholds = DEFAULT_WARNING_THRESHOLDS,
): IndicatorRow[] {
  const row = (id: IndicatorId, value: number | null, ceiling: number | null | undefined): IndicatorRow => ({
    id,
    name: INDICATOR_NAME_ZH[id],
    ...evaluateIndicator(value, ceiling, yearElapsed, thresholds),
  });
  return [
    row("deaths", agg.deaths, targets.deaths),
    ...SECTORS.map((s) => row(`deaths.${s}`, agg.bySector[s].deaths, targets.deathsBySector?.[s])),
    row("larger_accidents", agg.byGrade.larger.accidents, targets.largerAccidents),
    row("major_accidents", agg.byGrade.major.accidents, targets.majorAccidents),
    ...RATE_IDS.map((r) => row(r, rates[r], targets.rates?.[r])),
  ];
}

// ---------------------------------------------------------------------------------------------
// Target assessment

/** Quarterly process assessment or the annual one; the `annual_fail` veto applies to annual only. */
export type AssessmentKind = "quarterly" | "annual";

/** What the job measured for one item. Which fields count depends on the item's method. */
export interface ItemInput {
  /** ratio methods */
  numerator?: number;
  denominator?: number;
  /** within_ceiling */
  value?: number;
  ceiling?: number | null;
  /** third_party: 0..100 */
  score?: number;
  /** Counts of the source records behind the figures, passed through to explain the score. */
  sourceCounts?: Readonly<Record<string, number>>;
}

export interface VetoAccident {
  id: string;
  grade: AccidentGrade;
  /** Confirmed concealed or falsified (瞒报/谎报). */
  concealed?: boolean;
}

export interface AssessmentInputs {
  kind: AssessmentKind;
  /** Keyed by item id. */
  items: Readonly<Record<string, ItemInput>>;
  /** The region's accidents in the assessed period. */
  accidents: readonly VetoAccident[];
}

export interface ItemScore {
  id: string;
  name: string;
  method: AssessmentItem["method"];
  /** The measured value: a ratio, a count, or the third-party score; null when input is missing. */
  value: number | null;
  /** The ceiling, for `within_ceiling` items. */
  ceiling?: number | null;
  sourceCounts: Readonly<Record<string, number>>;
  points: number;
  maxPoints: number;
  /** True when the inputs the method needs were not supplied: scored zero. */
  missingInput: boolean;
}

export interface VetoHit {
  id: string;
  name: string;
  kind: VetoTrigger["kind"];
  /** Accident ids that triggered it (empty for `annual_fail`). */
  evidence: string[];
}

export interface AssessmentResult {
  year: number;
  kind: AssessmentKind;
  /** Sum of item points, two decimals. */
  total: number;
  /** Grade from points alone. */
  pointsGrade: AssessmentGrade;
  /** Final grade: `fail` when vetoed. */
  grade: AssessmentGrade;
  vetoed: boolean;
  vetoes: VetoHit[];
  items: ItemScore[];
}

/** Points are kept to hundredths so that item points add up exactly to the total. */
const POINTS_SCALE = 100;
const hundredths = (x: number) => Math.round(x * POINTS_SCALE);

const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

export interface ConfigProblem {
  path: string;
  message: { zh: string; en: string };
}

/** Problems of an assessment configuration, each with the field it concerns, in Chinese and English. */
export function validateAssessmentConfig(config: AssessmentConfig): { ok: boolean; errors: ConfigProblem[] } {
  const errors: ConfigProblem[] = [];
  const add = (path: string, zh: string, en: string) => errors.push({ path, message: { zh, en } });
  const ids = new Set<string>();
  let sum = 0;
  config.items.forEach((item, n) => {
    const at = `items.${n}`;
    if (ids.has(item.id)) add(`${at}.id`, `考核项编号「${item.id}」重复`, `duplicate item id ${item.id}`);
    ids.add(item.id);
    if (!isFiniteNumber(item.points) || item.points <= 0) add(`${at}.points`, "分值须为正数", `${item.id}: points must be positive`);
    else sum += hundredths(item.points);
    if (item.method === "ratio_higher_better" && !(item.full > item.zero)) {
      add(`${at}.full`, "越高越好的比率项，满分值须大于零分值", `${item.id}: ratio_higher_better needs full > zero`);
    }
    if (item.method === "ratio_lower_better" && !(item.full < item.zero)) {
      add(`${at}.full`, "越低越好的比率项，满分值须小于零分值", `${item.id}: ratio_lower_better needs full < zero`);
    }
    if (item.method === "within_ceiling") {
      const e = item.excess;
      if (e.kind === "per_unit" && !(e.deduct > 0)) add(`${at}.excess.deduct`, "每超一个单位的扣分须为正数", `${item.id}: per_unit deduct must be positive`);
      if (e.kind === "proportional" && !(e.zeroAtExcessShare > 0)) {
        add(`${at}.excess.zeroAtExcessShare`, "扣至零分的超出比例须为正数", `${item.id}: zeroAtExcessShare must be positive`);
      }
    }
  });
  if (sum !== ASSESSMENT_TOTAL_POINTS * POINTS_SCALE) {
    add("items", `各考核项分值合计为 ${sum / POINTS_SCALE}，须恰好为 ${ASSESSMENT_TOTAL_POINTS} 分`, `item points sum to ${sum / POINTS_SCALE}, must be exactly ${ASSESSMENT_TOTAL_POINTS}`);
  }
  const mins = config.cutoffs.map((c) => c.min);
  if (mins.length === 0) add("cutoffs", "至少须有一个等次分数线", "at least one grade cut-off is needed");
  mins.forEach((m, i) => {
    if (!isFiniteNumber(m) || m <= 0 || m > ASSESSMENT_TOTAL_POINTS) add(`cutoffs.${i}.min`, `分数线 ${m} 须大于 0 且不超过 100`, `cut-off ${m} must be in (0, 100]`);
    const prev = mins[i - 1];
    if (prev !== undefined && !(m < prev)) add(`cutoffs.${i}.min`, "分数线须从高到低严格递减", "cut-offs must be strictly descending");
  });
  if (new Set(config.cutoffs.map((c) => c.grade)).size !== config.cutoffs.length) add("cutoffs", "分数线中有重复的等次", "duplicate grade in cut-offs");
  const vetoIds = new Set<string>();
  config.vetoes.forEach((v, n) => {
    if (vetoIds.has(v.id)) add(`vetoes.${n}.id`, `否决项编号「${v.id}」重复`, `duplicate veto id ${v.id}`);
    vetoIds.add(v.id);
    if (v.kind !== "annual_fail" && !(Number.isInteger(v.atLeast) && v.atLeast >= 1)) {
      add(`vetoes.${n}.atLeast`, "触发否决的起数须为不小于 1 的整数", `${v.id}: atLeast must be an integer ≥ 1`);
    }
  });
  return { ok: errors.length === 0, errors };
}

/** The configuration for `year`: its own, else the latest earlier one; undefined if none. */
export function assessmentConfigFor(
  year: number,
  configs: Readonly<Record<number, AssessmentConfig>> = ASSESSMENT_CONFIGS,
): AssessmentConfig | undefined {
  const years = Object.keys(configs)
    .map(Number)
    .filter((y) => y <= year)
    .sort((a, b) => b - a);
  const y = years[0];
  return y === undefined ? undefined : configs[y];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Scores one item; the result carries the value and source counts that explain it. */
export function scoreItem(item: AssessmentItem, input: ItemInput | undefined): ItemScore {
  const base = { id: item.id, name: item.name, method: item.method, maxPoints: item.points, sourceCounts: input?.sourceCounts ?? {} };
  const missing: ItemScore = { ...base, value: null, points: 0, missingInput: true };
  const scored = (value: number | null, fraction: number, extra: Partial<ItemScore> = {}): ItemScore => ({
    ...base,
    ...extra,
    value,
    points: hundredths(item.points * clamp01(fraction)) / POINTS_SCALE,
    missingInput: false,
  });
  switch (item.method) {
    case "ratio_higher_better":
    case "ratio_lower_better": {
      const { numerator: n, denominator: d } = input ?? {};
      if (!isFiniteNumber(n) || !isFiniteNumber(d) || n < 0 || d < 0) return missing;
      if (d === 0) return scored(null, item.emptyScores === "full" ? 1 : 0);
      const r = n / d;
      return scored(r, (r - item.zero) / (item.full - item.zero));
    }
    case "within_ceiling": {
      const v = input?.value;
      const c = input?.ceiling;
      if (!isFiniteNumber(v) || !isFiniteNumber(c) || v < 0 || c < 0) return missing;
      const over = v - c;
      if (over <= 0) return scored(v, 1, { ceiling: c });
      const e = item.excess;
      const fraction =
        e.kind === "per_unit" ? 1 - (over * e.deduct) / item.points : c === 0 ? 0 : 1 - over / (c * e.zeroAtExcessShare);
      return scored(v, fraction, { ceiling: c });
    }
    case "third_party": {
      const s = input?.score;
      if (!isFiniteNumber(s)) return missing;
      return scored(s, s / ASSESSMENT_TOTAL_POINTS);
    }
  }
}

export function gradeFor(total: number, cutoffs: GradeCutoffs): AssessmentGrade {
  const sorted = [...cutoffs].sort((a, b) => b.min - a.min);
  return sorted.find((c) => total >= c.min)?.grade ?? "fail";
}

function vetoHits(vetoes: readonly VetoTrigger[], inputs: AssessmentInputs, pointsGrade: AssessmentGrade): VetoHit[] {
  const hits: VetoHit[] = [];
  for (const v of vetoes) {
    const hit = (evidence: string[]) => hits.push({ id: v.id, name: v.name, kind: v.kind, evidence });
    if (v.kind === "accident_grade_count") {
      const ids = inputs.accidents.filter((a) => a.grade === v.grade).map((a) => a.id);
      if (ids.length >= v.atLeast) hit(ids);
    } else if (v.kind === "concealed_accident") {
      const ids = inputs.accidents.filter((a) => a.concealed === true).map((a) => a.id);
      if (ids.length >= v.atLeast) hit(ids);
    } else if (inputs.kind === "annual" && pointsGrade === "fail") {
      hit([]);
    }
  }
  return hits;
}

/**
 * Scores a region: every item, the total, the grade by cut-offs and the one-vote veto, which
 * forces `fail` and names its trigger(s). Throws on an invalid configuration.
 */
export function scoreRegion(config: AssessmentConfig, inputs: AssessmentInputs): AssessmentResult {
  const check = validateAssessmentConfig(config);
  if (!check.ok) throw new RangeError(`invalid assessment configuration: ${check.errors.map((e) => e.message.en).join("; ")}`);
  const items = config.items.map((item) => scoreItem(item, inputs.items[item.id]));
  const total = items.reduce((s, i) => s + hundredths(i.points), 0) / POINTS_SCALE;
  const pointsGrade = gradeFor(total, config.cutoffs);
  const vetoes = vetoHits(config.vetoes, inputs, pointsGrade);
  const vetoed = vetoes.length > 0;
  return { year: config.year, kind: inputs.kind, total, pointsGrade, grade: vetoed ? "fail" : pointsGrade, vetoed, vetoes, items };
}

// ---------------------------------------------------------------------------------------------
// Periods

export { formatQuarter, parseQuarter, type Quarter, type QuarterRef } from "../../shared/time.js";

/** Inclusive range: calendar dates in Shanghai and the matching UTC instants (for key ranges). */
export interface PeriodRange {
  from: IsoDate;
  to: IsoDate;
  /** 00:00:00.000 +08:00 of `from`, as ISO UTC. */
  fromInstant: string;
  /** 23:59:59.999 +08:00 of `to`, as ISO UTC. */
  toInstant: string;
}

const MONTHS_PER_QUARTER = 3;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`not a year: ${year}`);
}

function checkMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`not a month: ${month}`);
}

function range(from: IsoDate, to: IsoDate): PeriodRange {
  return { from, to, fromInstant: isoUtc(shanghaiStartOf(from)), toInstant: isoUtc(shanghaiEndOf(to)) };
}

const firstOfMonth = (year: number, month: number): IsoDate => `${pad(year, 4)}-${pad(month, 2)}-01`;

function lastOfMonth(year: number, month: number): IsoDate {
  return addDays(month === 12 ? firstOfMonth(year + 1, 1) : firstOfMonth(year, month + 1), -1);
}

/** The Shanghai calendar date of a date or instant. */
function toShanghaiDate(date: string | Date): IsoDate {
  return typeof date === "string" && isIsoDate(date) ? date : shanghaiDate(date);
}

/** Quarter of a Shanghai date (an instant is first converted to its Shanghai date). */
export function quarterOf(date: string | Date): Quarter {
  const month = Number(toShanghaiDate(date).slice(5, 7));
  return (Math.floor((month - 1) / MONTHS_PER_QUARTER) + 1) as Quarter;
}

export function monthRange(year: number, month: number): PeriodRange {
  checkYear(year);
  checkMonth(month);
  return range(firstOfMonth(year, month), lastOfMonth(year, month));
}

export function quarterRange(year: number, quarter: number): PeriodRange {
  checkYear(year);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`not a quarter: ${quarter}`);
  const first = (quarter - 1) * MONTHS_PER_QUARTER + 1;
  return range(firstOfMonth(year, first), lastOfMonth(year, first + MONTHS_PER_QUARTER - 1));
}

export function yearRange(year: number): PeriodRange {
  checkYear(year);
  return range(firstOfMonth(year, 1), lastOfMonth(year, 12));
}

/** 1 January to the last day of `month`. */
export function yearToDateRange(year: number, month: number): PeriodRange {
  checkYear(year);
  checkMonth(month);
  return range(firstOfMonth(year, 1), lastOfMonth(year, month));
}

/** The quarter before the one containing `date` (what a quarterly run after it assesses). */
export function previousQuarter(date: string | Date): QuarterRef {
  const d = toShanghaiDate(date);
  const year = Number(d.slice(0, 4));
  const q = quarterOf(d);
  return q === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (q - 1) as Quarter };
}

export interface RollupTarget {
  /** The last complete Shanghai day: figures are up to and including it. */
  asOfDate: IsoDate;
  year: number;
  month: number;
  /** True when `asOfDate` is the month's last day: this run closes the month. */
  monthClose: boolean;
}

/** What a roll-up started at `now` covers: the month containing yesterday (Shanghai), to date. */
export function rollupTarget(now: string | Date): RollupTarget {
  const asOfDate = addDays(shanghaiDate(now), -1);
  const year = Number(asOfDate.slice(0, 4));
  const month = Number(asOfDate.slice(5, 7));
  return { asOfDate, year, month, monthClose: asOfDate === lastOfMonth(year, month) };
}

// ---------------------------------------------------------------------------------------------
// Roll-up rows: from a year's monthly snapshots to the rows of every region (counties, cities, the
// province). Figures are integer sums of the leaves, so counties add up to their city and cities to
// the province by construction.

/** What the roll-up reads of the stats configuration. */
export interface StatsConfig {
  warningThresholds: WarningThresholds;
  sectorMapping: SectorMapping;
}

const num = (x: unknown) => (typeof x === "number" && Number.isFinite(x) && x >= 0 ? x : 0);

/** What statistics count of a report, deaths counted as of `asOf`. */
export function toStatsAccident(r: AccidentFacts, asOf: Date): StatsAccident {
  const flags = { roadTraffic: r.roadTraffic, fire: r.fire };
  return {
    ...flags,
    industryCode: r.industryCode,
    accidentType: r.accidentType,
    grade: r.grade,
    // 2016 统计管理办法: missing people count as dead once the 30-day (7 for road and fire) window has passed.
    statisticalDeaths: statisticalDeaths({ deaths: num(r.deaths), missing: num(r.missing), occurredAt: r.occurredAt, flags, now: asOf }),
    seriousInjuries: num(r.seriousInjuries),
    injuries: num(r.injuries),
    directLossYuan: num(r.directLossYuan),
  };
}

export const emptyHazards = (): HazardTally => ({ found: 0, major: 0 });
export const addHazards = (a: HazardTally, b: HazardTally): HazardTally => ({ found: a.found + b.found, major: a.major + b.major });

/** The leaves of a city: its counties, or the city itself when it has none (the 直管 units). */
export function leavesOf(cityCode: string): string[] {
  const counties = childrenOf(cityCode).map((c) => c.code);
  return counties.length > 0 ? counties : [cityCode];
}

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

/** Whether a stored month may still change: taken before the month ended, or inside the 补报 window. */
export function stillOpen(year: number, month: number, snap: Snapshot | undefined, asOfDate: IsoDate): boolean {
  const { to } = monthRange(year, month);
  if (!snap || snap.asOfDate < to) return true;
  return addDays(to, SUPPLEMENT_WINDOW_DAYS + 1) >= asOfDate;
}
