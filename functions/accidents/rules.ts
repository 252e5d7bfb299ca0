// Accident direct reporting (事故归口直报): pure rules. No I/O, no clock: callers pass `now`.
// Sources: 生产安全事故报告和调查处理条例 (国务院令第493号, 2007) and the 2016 生产安全事故统计管理办法,
// Every statutory number appears once below.
//
// Exports
//   Grades:     AccidentGrade, ACCIDENT_GRADES (ascending), GRADE_NAME_ZH, gradeRank, compareGrades,
//               maxGrade, isGradeAtLeast, GradeDimension, GRADE_BOUNDS, GradeInput, GradeResult,
//               gradeDimension, gradeAccident
//   Deadlines:  UNIT_REPORT_HOURS, unitReportDueAt, Lateness, lateness,
//               DEPARTMENT_HANDOVER_HOURS, departmentHandoverDueAt
//   Chain:      ReportLevel, REPORT_LEVELS (ascending), LEVEL_NAME_ZH, levelRank, LEVEL_FORWARD_HOURS,
//               levelRegion, GRADE_CEILING, ceilingLevel, ChainStep, nextDueAt, buildChain, scheduleChain,
//               extendChain, holderLevel, pendingLevel, pendingStep, ForwardError, ForwardCheck,
//               canForward, ForwardInput, recordForward, isForwardOverdue
//   Follow-ups: FOLLOW_UP_INTERVAL_HOURS, followUpIntervalHours, followUpDueAt, isFollowUpMissed
//   补报:       SupplementFlags, SUPPLEMENT_WINDOW_DAYS, SUPPLEMENT_WINDOW_DAYS_ROAD_OR_FIRE,
//               supplementWindowDays, supplementWindowClosesAt, supplementWindowOpen,
//               missingCountsAsDead, statisticalDeaths
//   Closure:    INVESTIGATING_LEVEL, investigatingLevel, canClose
//   Statistics: SERIOUS_INJURY_MIN_LOST_DAYS, INJURY_MIN_LOST_DAYS, InjuryClass, injuryClass, InjuredPerson, injuryCounts,
//               ReporterRole, unreportedByUnit
//   Reports:    CLOCK_SKEW_MS, TimeProblem, checkReportTimes, CASUALTY_FIELDS, CasualtyCounts,
//               changedCasualties
//   Lowering:   GUARDED_FIGURES, GuardedFigure, loweredFigures, DecreaseDecision, decideDecrease
//
// GB 6441-86 accident type codes live in shared/codes/gb6441.ts (one list for every context).
//
// Instants go in as ISO 8601 strings (any offset) or Dates and come out as ISO 8601 UTC strings,
// so `…T01:30:00+08:00` and `…T17:30:00Z` (previous day) give identical results.

import { cityOf, HUBEI_PROVINCE_CODE } from "../../shared/codes/index.js";
import { addHours, isInFuture, isoUtc, periodOfDaysEnd, toInstant } from "../../shared/time.js";

type Instant = string | Date;

const ms = (t: Instant): number => toInstant(t).getTime();
const MINUTE_MS = 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Grades (493号令 art.3)

/** Least to most severe. */
export const ACCIDENT_GRADES = ["general", "larger", "major", "especially_major"] as const;
export type AccidentGrade = (typeof ACCIDENT_GRADES)[number];

export const GRADE_NAME_ZH: Readonly<Record<AccidentGrade, string>> = {
  general: "一般",
  larger: "较大",
  major: "重大",
  especially_major: "特别重大",
};

export function gradeRank(grade: AccidentGrade): number {
  return ACCIDENT_GRADES.indexOf(grade);
}

/** Negative when `a` is less severe than `b`, 0 when equal, positive when more severe. */
export function compareGrades(a: AccidentGrade, b: AccidentGrade): number {
  return gradeRank(a) - gradeRank(b);
}

export function maxGrade(a: AccidentGrade, b: AccidentGrade): AccidentGrade {
  return compareGrades(a, b) >= 0 ? a : b;
}

export function isGradeAtLeast(grade: AccidentGrade, min: AccidentGrade): boolean {
  return compareGrades(grade, min) >= 0;
}

export type GradeDimension = "deaths" | "seriousInjuries" | "directLoss";

const DIMENSIONS: readonly GradeDimension[] = ["deaths", "seriousInjuries", "directLoss"];

/**
 * Lower bounds ("以上", inclusive) of each grade above 一般, most severe first. Anything below
 * the 较大 row is 一般 ("以下" excludes the bound). Deaths include missing people; serious
 * injuries include acute industrial poisoning; loss is direct economic loss in yuan.
 */
export const GRADE_BOUNDS: readonly ({ grade: AccidentGrade } & Readonly<Record<GradeDimension, number>>)[] = [
  { grade: "especially_major", deaths: 30, seriousInjuries: 100, directLoss: 100_000_000 },
  { grade: "major", deaths: 10, seriousInjuries: 50, directLoss: 50_000_000 },
  { grade: "larger", deaths: 3, seriousInjuries: 10, directLoss: 10_000_000 },
];

export interface GradeInput {
  deaths: number;
  missing: number;
  seriousInjuries: number;
  directLossYuan: number;
}

export interface GradeResult {
  grade: AccidentGrade;
  /** Every dimension whose own grade equals the final grade (all three when nothing exceeds 一般). */
  gradeBasis: GradeDimension[];
}

function assertCount(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field} must be a non-negative integer, got ${String(value)}`);
  }
}

/** The grade one dimension alone would give. */
export function gradeDimension(dimension: GradeDimension, value: number): AccidentGrade {
  assertCount(dimension, value);
  for (const row of GRADE_BOUNDS) if (value >= row[dimension]) return row.grade;
  return "general";
}

export function gradeAccident(input: GradeInput): GradeResult {
  assertCount("deaths", input.deaths);
  assertCount("missing", input.missing);
  assertCount("seriousInjuries", input.seriousInjuries);
  assertCount("directLossYuan", input.directLossYuan);
  const values: Record<GradeDimension, number> = {
    deaths: input.deaths + input.missing,
    seriousInjuries: input.seriousInjuries,
    directLoss: input.directLossYuan,
  };
  const byDimension = DIMENSIONS.map((d) => [d, gradeDimension(d, values[d])] as const);
  const grade = byDimension.reduce<AccidentGrade>((g, [, dg]) => maxGrade(g, dg), "general");
  return { grade, gradeBasis: byDimension.filter(([, dg]) => dg === grade).map(([d]) => d) };
}

// ---------------------------------------------------------------------------------------------
// Deadlines

/** 493号令 art.9: the unit head reports to the county-level department within 1 hour. */
export const UNIT_REPORT_HOURS = 1;

export function unitReportDueAt(knownAt: Instant): string {
  return isoUtc(addHours(knownAt, UNIT_REPORT_HOURS));
}

export interface Lateness {
  late: boolean;
  /** Whole minutes, rounded up: a report 1 second late is 1 minute late. 0 when on time. */
  minutesLate: number;
}

/** Arriving exactly at `dueAt` is on time. */
export function lateness(dueAt: Instant, receivedAt: Instant): Lateness {
  const over = ms(receivedAt) - ms(dueAt);
  return over > 0 ? { late: true, minutesLate: Math.ceil(over / MINUTE_MS) } : { late: false, minutesLate: 0 };
}

/** 2016 统计管理办法: other departments pass accident information to the county department within 24 hours. */
export const DEPARTMENT_HANDOVER_HOURS = 24;

export function departmentHandoverDueAt(knownByDepartmentAt: Instant): string {
  return isoUtc(addHours(knownByDepartmentAt, DEPARTMENT_HANDOVER_HOURS));
}

// ---------------------------------------------------------------------------------------------
// Escalation chain (493号令 art.10, art.11)

/** Lowest to highest. */
export const REPORT_LEVELS = ["county", "city", "province", "national"] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

export const LEVEL_NAME_ZH: Readonly<Record<ReportLevel, string>> = {
  county: "县级",
  city: "设区的市级",
  province: "省级",
  national: "国家级",
};

export function levelRank(level: ReportLevel): number {
  return REPORT_LEVELS.indexOf(level);
}

/**
 * The regulator region acting at a level of a report made in `countyCode`: the county itself, its
 * city-level unit (a 直管 unit is its own), the province; national is outside the platform.
 */
export function levelRegion(level: ReportLevel, countyCode: string): string | undefined {
  if (level === "county") return countyCode;
  if (level === "city") return cityOf(countyCode) ?? countyCode;
  if (level === "province") return HUBEI_PROVINCE_CODE;
  return undefined;
}

/** 493号令 art.11: each level passes the report up within 2 hours of receiving it. */
export const LEVEL_FORWARD_HOURS = 2;

/** 493号令 art.10: how far up each grade must go. */
export const GRADE_CEILING: Readonly<Record<AccidentGrade, ReportLevel>> = {
  general: "city",
  larger: "province",
  major: "national",
  especially_major: "national",
};

export function ceilingLevel(grade: AccidentGrade): ReportLevel {
  return GRADE_CEILING[grade];
}

export interface ChainStep {
  level: ReportLevel;
  /**
   * When this level must have the report. For county: the time it arrived (or the unit's 1-hour
   * deadline when given to buildChain). Above: 2 hours after the level below received it; while
   * the level below has not yet received it, a projection from that level's own due time.
   */
  dueAt: string;
  receivedAt?: string;
  /** Who passed the report to this level. */
  forwardedBy?: string;
  /** Set on the step that was reached by skipping one or more levels below it (越级上报). */
  skipReason?: string;
  /** A level that was bypassed: a higher level received the report first. */
  skipped?: boolean;
  /** Set by extendChain: this level's clock cannot start before the regrade that added it. */
  notBefore?: string;
  /**
   * The same office acts at this level and the one below, so it receives the report with it: the
   * 直管市 and 神农架林区 (429004 etc.) are county-level units doing city-level work, so their "city"
   * step is themselves and the next forward goes straight to the province (GB/T 2260: the 直管市 and 神农架林区 are city-level units).
   */
  sameUnit?: boolean;
}

/** Due time for the next level, given when the level below actually received the report. */
export function nextDueAt(previousReceivedAt: Instant): string {
  return isoUtc(addHours(previousReceivedAt, LEVEL_FORWARD_HOURS));
}

/**
 * Recomputes every dueAt above county from actual receipts: a step is due 2 hours after the
 * nearest non-skipped level below it received the report (or would at the latest, if it has
 * not yet), and never earlier than 2 hours after its `notBefore`. Idempotent.
 */
export function scheduleChain(steps: readonly ChainStep[]): ChainStep[] {
  const out: ChainStep[] = [];
  let anchor: string | undefined;
  for (const step of steps) {
    let next: ChainStep = { ...step };
    if (anchor !== undefined && step.sameUnit) {
      next = { ...next, dueAt: anchor };
    } else if (anchor !== undefined && !step.skipped) {
      const start = step.notBefore !== undefined && ms(step.notBefore) > ms(anchor) ? step.notBefore : anchor;
      next = { ...next, dueAt: nextDueAt(start) };
    }
    out.push(next);
    if (!next.skipped) anchor = next.receivedAt ?? next.dueAt;
  }
  return out;
}

/**
 * The chain for a fresh report: county (holding it from `receivedByCountyAt`) up to the grade's
 * ceiling. `unitDueAt` lets the county step carry the unit's 1-hour deadline so that
 * `lateness(step.dueAt, step.receivedAt)` works the same on every step.
 * `directAdministered`: the county-level unit also acts as the city level (see `ChainStep.sameUnit`).
 * `reporterLevel`: a regulator above the county that records the report itself already holds it, so
 * every level up to its own (within the chain) receives it at once (直报 by a higher level).
 */
export function buildChain(
  grade: AccidentGrade,
  receivedByCountyAt: Instant,
  options: { unitDueAt?: Instant; reportedBy?: string; directAdministered?: boolean; reporterLevel?: ReportLevel } = {},
): ChainStep[] {
  const received = isoUtc(receivedByCountyAt);
  const by = options.reportedBy === undefined ? {} : { forwardedBy: options.reportedBy };
  const county: ChainStep = {
    level: "county",
    dueAt: options.unitDueAt === undefined ? received : isoUtc(options.unitDueAt),
    receivedAt: received,
    ...by,
  };
  const reporterRank = options.reporterLevel === undefined ? 0 : levelRank(options.reporterLevel);
  const above = REPORT_LEVELS.slice(1, levelRank(ceilingLevel(grade)) + 1).map<ChainStep>((level) => {
    if (level === "city" && options.directAdministered) return { level, dueAt: received, receivedAt: received, sameUnit: true, ...by };
    if (levelRank(level) <= reporterRank) return { level, dueAt: received, receivedAt: received, ...by };
    return { level, dueAt: received };
  });
  return scheduleChain([county, ...above]);
}

/**
 * When a grade rises, appends the levels between the chain's current top and the new ceiling.
 * The first new level is due 2 hours after the current top level receives the report, but the
 * law's clock for a level only starts once an obligation to report to it exists: if the top
 * level already held the report when the regrade happened (and had no duty to go further), the
 * new level is due 2 hours after `regradeAt`. Chains never shrink: a lower grade changes nothing.
 */
export function extendChain(existingSteps: readonly ChainStep[], newGrade: AccidentGrade, regradeAt: Instant): ChainStep[] {
  const top = existingSteps[existingSteps.length - 1];
  if (top === undefined) throw new RangeError("extendChain needs a chain with at least the county step");
  const from = levelRank(top.level) + 1;
  const to = levelRank(ceilingLevel(newGrade));
  if (to < from) return existingSteps.map((s) => ({ ...s }));
  const notBefore = isoUtc(regradeAt);
  const added = REPORT_LEVELS.slice(from, to + 1).map<ChainStep>((level) => ({ level, dueAt: notBefore, notBefore }));
  return scheduleChain([...existingSteps, ...added]);
}

/** The highest level that has received the report. */
export function holderLevel(chain: readonly ChainStep[]): ReportLevel | null {
  let holder: ReportLevel | null = null;
  for (const step of chain) if (step.receivedAt !== undefined) holder = step.level;
  return holder;
}

/** The step the report must reach next (above the holder), or null when the chain is complete. */
export function pendingStep(chain: readonly ChainStep[]): ChainStep | null {
  const holder = holderLevel(chain);
  if (holder === null) return chain[0] ?? null;
  return chain.find((s) => levelRank(s.level) > levelRank(holder)) ?? null;
}

/** The level that must act now (forward the report up), or null when nothing is pending. */
export function pendingLevel(chain: readonly ChainStep[]): ReportLevel | null {
  return pendingStep(chain) === null ? null : holderLevel(chain);
}

export type ForwardError =
  | "chain_complete" // the report has reached its ceiling; nothing to forward
  | "not_holder" // only the level currently holding the report may forward it
  | "beyond_ceiling" // the target level is above what this grade requires
  | "not_upward" // the target is not above the holder
  | "skip_reason_required"; // 越级上报 needs a reason

export type ForwardCheck = { ok: true; skipped: ReportLevel[] } | { ok: false; error: ForwardError };

export function canForward(
  chain: readonly ChainStep[],
  fromLevel: ReportLevel,
  toLevel: ReportLevel,
  reason?: string,
): ForwardCheck {
  const holder = pendingLevel(chain);
  if (holder === null) return { ok: false, error: "chain_complete" };
  if (fromLevel !== holder) return { ok: false, error: "not_holder" };
  if (levelRank(toLevel) <= levelRank(fromLevel)) return { ok: false, error: "not_upward" };
  if (!chain.some((s) => s.level === toLevel)) return { ok: false, error: "beyond_ceiling" };
  const skipped = chain
    .filter((s) => levelRank(s.level) > levelRank(fromLevel) && levelRank(s.level) < levelRank(toLevel))
    .map((s) => s.level);
  if (skipped.length > 0 && (reason === undefined || reason.trim() === "")) {
    return { ok: false, error: "skip_reason_required" };
  }
  return { ok: true, skipped };
}

export interface ForwardInput {
  fromLevel: ReportLevel;
  toLevel: ReportLevel;
  at: Instant;
  by: string;
  reason?: string;
}

/**
 * Records a forward: the target step gets receivedAt/forwardedBy (and skipReason when levels
 * were skipped), skipped levels are marked, and due times above are recomputed from the receipt.
 * A skip satisfies the holder's 2-hour duty, so the target is due when the next level would have been.
 */
export function recordForward(
  chain: readonly ChainStep[],
  input: ForwardInput,
): { ok: true; chain: ChainStep[] } | { ok: false; error: ForwardError } {
  const check = canForward(chain, input.fromLevel, input.toLevel, input.reason);
  if (!check.ok) return check;
  const at = isoUtc(input.at);
  const updated = chain.map<ChainStep>((s) => {
    if (check.skipped.includes(s.level)) return { ...s, skipped: true };
    if (s.level !== input.toLevel) return { ...s };
    return {
      ...s,
      receivedAt: at,
      forwardedBy: input.by,
      ...(check.skipped.length > 0 && input.reason !== undefined ? { skipReason: input.reason.trim() } : {}),
    };
  });
  return { ok: true, chain: scheduleChain(updated) };
}

/** A step not yet received whose due time has passed (exactly at dueAt is not overdue). */
export function isForwardOverdue(step: ChainStep, now: Instant): boolean {
  return step.receivedAt === undefined && !step.skipped && ms(now) > ms(step.dueAt);
}

// ---------------------------------------------------------------------------------------------
// Follow-up reports (续报)

/** 续报 at least daily for 一般/较大, at least twice daily for 重大 and above. */
export const FOLLOW_UP_INTERVAL_HOURS: Readonly<Record<AccidentGrade, number>> = {
  general: 24,
  larger: 24,
  major: 12,
  especially_major: 12,
};

export function followUpIntervalHours(grade: AccidentGrade): number {
  return FOLLOW_UP_INTERVAL_HOURS[grade];
}

export function followUpDueAt(grade: AccidentGrade, lastReportAt: Instant): string {
  return isoUtc(addHours(lastReportAt, followUpIntervalHours(grade)));
}

export function isFollowUpMissed(grade: AccidentGrade, lastReportAt: Instant, now: Instant): boolean {
  return ms(now) > ms(followUpDueAt(grade, lastReportAt));
}

// ---------------------------------------------------------------------------------------------
// Late casualty changes (补报, 493号令 art.13) and missing-as-dead (2016 统计管理办法)

export interface SupplementFlags {
  roadTraffic: boolean;
  fire: boolean;
}

export const SUPPLEMENT_WINDOW_DAYS = 30;
export const SUPPLEMENT_WINDOW_DAYS_ROAD_OR_FIRE = 7;

export function supplementWindowDays(flags: SupplementFlags): number {
  return flags.roadTraffic || flags.fire ? SUPPLEMENT_WINDOW_DAYS_ROAD_OR_FIRE : SUPPLEMENT_WINDOW_DAYS;
}

/**
 * When the window closes: "within 30 days of the accident" is a period in days, counted as 民法典
 * arts. 201 and 203 count it (shared/time.ts periodOfDaysEnd): the accident's own day is not
 * counted and the window ends at 24:00 Asia/Shanghai of its last day. The answer is that 24:00;
 * a change is in time while strictly before it.
 */
export function supplementWindowClosesAt(occurredAt: Instant, flags: SupplementFlags): string {
  return isoUtc(periodOfDaysEnd(occurredAt, supplementWindowDays(flags)));
}

export function supplementWindowOpen(occurredAt: Instant, now: Instant, flags: SupplementFlags): boolean {
  return ms(now) < ms(supplementWindowClosesAt(occurredAt, flags));
}

/** People still missing once the 补报 window has passed count as dead in statistics (the same day count). */
export function missingCountsAsDead(occurredAt: Instant, now: Instant, flags: SupplementFlags): boolean {
  return !supplementWindowOpen(occurredAt, now, flags);
}

export function statisticalDeaths(input: {
  deaths: number;
  missing: number;
  occurredAt: Instant;
  flags: SupplementFlags;
  now: Instant;
}): number {
  assertCount("deaths", input.deaths);
  assertCount("missing", input.missing);
  return input.deaths + (missingCountsAsDead(input.occurredAt, input.now, input.flags) ? input.missing : 0);
}

// ---------------------------------------------------------------------------------------------
// Closure

/**
 * 493号令 art.19: investigated by the county (一般), city (较大) and province (重大) governments.
 * 特别重大 is investigated by the State Council; the platform treats the province as the lowest
 * level allowed to close it, the highest level on the platform (higher levels may close anything).
 */
export const INVESTIGATING_LEVEL: Readonly<Record<AccidentGrade, ReportLevel>> = {
  general: "county",
  larger: "city",
  major: "province",
  especially_major: "province",
};

export function investigatingLevel(grade: AccidentGrade): ReportLevel {
  return INVESTIGATING_LEVEL[grade];
}

export function canClose(regulatorLevel: ReportLevel, grade: AccidentGrade): boolean {
  return levelRank(regulatorLevel) >= levelRank(investigatingLevel(grade));
}

// ---------------------------------------------------------------------------------------------
// Statistics (2016 统计管理办法)

export const SERIOUS_INJURY_MIN_LOST_DAYS = 105;
export const INJURY_MIN_LOST_DAYS = 3;

export type InjuryClass = "serious" | "injured" | "none";

export function injuryClass(lostWorkDays: number): InjuryClass {
  if (!Number.isFinite(lostWorkDays) || lostWorkDays < 0) {
    throw new RangeError(`lostWorkDays must be a non-negative number, got ${String(lostWorkDays)}`);
  }
  if (lostWorkDays >= SERIOUS_INJURY_MIN_LOST_DAYS) return "serious";
  if (lostWorkDays >= INJURY_MIN_LOST_DAYS) return "injured";
  return "none";
}

/** One injured person as reported: lost work days, and whether it was acute industrial poisoning. */
export interface InjuredPerson {
  lostWorkDays: number;
  acutePoisoning?: boolean;
}

/**
 * The injury counts a list of injured people gives (2016 统计管理办法): ≥ 105 lost work days is a serious
 * injury, 3–104 an injury, fewer is not counted; acute industrial poisoning counts as serious
 * (493号令 art. 3 counts it with serious injuries) whatever the days.
 */
export function injuryCounts(people: readonly InjuredPerson[]): { seriousInjuries: number; injuries: number } {
  let seriousInjuries = 0;
  let injuries = 0;
  for (const p of people) {
    const cls = p.acutePoisoning ? "serious" : injuryClass(p.lostWorkDays);
    if (cls === "serious") seriousInjuries++;
    else if (cls === "injured") injuries++;
  }
  return { seriousInjuries, injuries };
}

export const REPORTER_ROLES = ["enterprise", "regulator", "department"] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];

/**
 * A candidate for 瞒报/漏报 review: someone other than the unit recorded the accident and the unit
 * had not reported it itself by its 1-hour deadline (reporting exactly at the deadline is on time).
 */
export function unreportedByUnit(input: {
  reporterRole: ReporterRole;
  enterpriseReportedAt?: Instant;
  dueAt: Instant;
}): boolean {
  if (input.reporterRole === "enterprise") return false;
  return input.enterpriseReportedAt === undefined || ms(input.enterpriseReportedAt) > ms(input.dueAt);
}

// ---------------------------------------------------------------------------------------------
// Reports: what the platform checks before it accepts an initial report or an update

/** Tolerated client clock drift when deciding that a time "is in the future" (shared by every context). */
export { CLOCK_SKEW_MS } from "../../shared/time.js";

export interface TimeProblem {
  field: "occurredAt" | "knownAt";
  problem: "future" | "before_occurred";
}

/**
 * Times cannot be in the future (beyond a minute of clock drift), and the unit head cannot have
 * learned of an accident before it happened. Compared as instants, so the offset a client used
 * does not matter.
 */
export function checkReportTimes(occurredAt: Instant, knownAt: Instant | undefined, now: Instant): TimeProblem[] {
  const out: TimeProblem[] = [];
  const nowDate = new Date(ms(now));
  if (isInFuture(occurredAt, nowDate)) out.push({ field: "occurredAt", problem: "future" });
  if (knownAt !== undefined) {
    if (isInFuture(knownAt, nowDate)) out.push({ field: "knownAt", problem: "future" });
    else if (ms(knownAt) < ms(occurredAt)) out.push({ field: "knownAt", problem: "before_occurred" });
  }
  return out;
}

/** 493号令 art.13 补报 concerns casualties (伤亡人数); loss estimates may be refined until closure. */
export const CASUALTY_FIELDS = ["deaths", "missing", "seriousInjuries", "injuries"] as const;

export type CasualtyCounts = Record<(typeof CASUALTY_FIELDS)[number], number>;

/** The casualty fields whose value an update changes (sending the same value is no change). */
export function changedCasualties(before: CasualtyCounts, update: Partial<CasualtyCounts>): (typeof CASUALTY_FIELDS)[number][] {
  return CASUALTY_FIELDS.filter((f) => update[f] !== undefined && update[f] !== before[f]);
}

// ---------- Lowering the figures of a report on the government's record ----------
//
// 493号令 art.12 makes deaths, missing, injuries and the estimated direct loss part of the report
// each level passes up, and art.36 makes a false (谎报) or concealed (瞒报) report an offence. Once a
// regulator has filed a report, or confirmed a unit's by passing it up or updating it, its figures are
// the regulator's record: they go down only by a regulator of the accident's chain (the county where it
// happened and the levels above, art.10-11), stating why in the update's note. A unit that wants them lowered asks that
// regulator; its own lowering is refused (casualty_decrease_refused). Rises stay open to everyone
// within the 补报 window (art.13).

/** The figures whose lowering needs a regulator once a regulator stands behind them. */
export const GUARDED_FIGURES = ["deaths", "missing", "seriousInjuries", "directLossYuan"] as const;
export type GuardedFigure = (typeof GUARDED_FIGURES)[number];

/**
 * The guarded figures an update would lower. Missing people found dead move from one count to the
 * other (the grade counts deaths including missing): missing is lowered only when that sum drops.
 */
export function loweredFigures(before: Record<GuardedFigure, number>, update: Partial<Record<GuardedFigure, number>>): GuardedFigure[] {
  const after = (f: GuardedFigure) => update[f] ?? before[f];
  return GUARDED_FIGURES.filter(
    (f) => after(f) < before[f] && (f !== "missing" || after("deaths") + after("missing") < before.deaths + before.missing),
  );
}

export type DecreaseDecision = "allowed" | "refused";

/**
 * May this update lower these figures? `regulatorBacked`: a regulator filed or confirmed the report;
 * `chainRegulator`: the caller is a regulator of the accident's chain. The reason is the update's
 * note, which every update must carry.
 */
export function decideDecrease(input: { lowered: readonly GuardedFigure[]; regulatorBacked: boolean; chainRegulator: boolean }): DecreaseDecision {
  return input.lowered.length > 0 && input.regulatorBacked && !input.chainRegulator ? "refused" : "allowed";
}
