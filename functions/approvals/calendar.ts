// Working-day arithmetic for administrative-licence periods. 行政许可法 art. 82: the periods the
// agency must keep are counted in working days, statutory holidays excluded. Which days are
// holidays, and which weekend days are moved working days (调休), is set each year by the State
// Council, so it is data (calendar-data.ts, admin-updatable), not code. A year without data falls
// back to "Monday–Friday work" and every result says which years did so.
//
// Exports: YearCalendar, Calendars, DayStatus, WorkingDayResult, WorkingDayCount,
//   isWorkingDay, addWorkingDays, workingDaysBetween, validateYearCalendar, MAX_SCAN_DAYS.

import { addDays, isIsoDate, weekday, type IsoDate } from "../../shared/time.js";

export interface YearCalendar {
  year: number;
  /** Every rest day of the statutory holiday periods (weekday or weekend). */
  holidays: IsoDate[];
  /** Weekend days that are working days (调休 make-up days). */
  makeUpWorkdays: IsoDate[];
  /** Where the data comes from (the State Council notice). */
  source: string;
}

export type Calendars = readonly YearCalendar[];

export interface DayStatus {
  working: boolean;
  /** True when no calendar exists for the year: only weekends were treated as rest days. */
  fallback: boolean;
}

export interface WorkingDayResult {
  date: IsoDate;
  /** Years scanned that had no calendar (sorted); non-empty means the date may be wrong. */
  fallbackYears: number[];
}

export interface WorkingDayCount {
  days: number;
  fallbackYears: number[];
}

/** Guards against a runaway scan (e.g. a bad calendar marking every day a holiday). */
export const MAX_SCAN_DAYS = 3660;

interface YearIndex {
  holidays: ReadonlySet<IsoDate>;
  makeUp: ReadonlySet<IsoDate>;
}

// Calendars are treated as immutable values; the index is cached per array.
const indexCache = new WeakMap<Calendars, ReadonlyMap<number, YearIndex>>();

function indexOf(calendars: Calendars): ReadonlyMap<number, YearIndex> {
  let index = indexCache.get(calendars);
  if (!index) {
    const m = new Map<number, YearIndex>();
    for (const c of calendars) m.set(c.year, { holidays: new Set(c.holidays), makeUp: new Set(c.makeUpWorkdays) });
    index = m;
    indexCache.set(calendars, index);
  }
  return index;
}

function assertDate(date: IsoDate, name: string): void {
  if (!isIsoDate(date)) throw new RangeError(`${name} is not a YYYY-MM-DD date: ${date}`);
}

function isWeekend(date: IsoDate): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

function statusWith(date: IsoDate, index: ReadonlyMap<number, YearIndex>): DayStatus {
  const y = index.get(Number(date.slice(0, 4)));
  if (!y) return { working: !isWeekend(date), fallback: true };
  if (y.makeUp.has(date)) return { working: true, fallback: false };
  if (y.holidays.has(date)) return { working: false, fallback: false };
  return { working: !isWeekend(date), fallback: false };
}

export function isWorkingDay(date: IsoDate, calendars: Calendars): DayStatus {
  assertDate(date, "date");
  return statusWith(date, indexOf(calendars));
}

/**
 * The Nth working day after `startDate` (the start day itself never counts, 行政许可法 art. 82 and
 * the general rule that a period starts the day after the event). Dates in `pausedDates` are
 * skipped as if they were holidays (art. 45). n = 0 returns `startDate`.
 */
export function addWorkingDays(
  startDate: IsoDate,
  n: number,
  calendars: Calendars,
  pausedDates?: ReadonlySet<IsoDate>,
): WorkingDayResult {
  assertDate(startDate, "startDate");
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer: ${n}`);
  const index = indexOf(calendars);
  const fallback = new Set<number>();
  let date = startDate;
  let left = n;
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned >= MAX_SCAN_DAYS) throw new RangeError(`no ${n} working days within ${MAX_SCAN_DAYS} days of ${startDate}`);
    date = addDays(date, 1);
    const s = statusWith(date, index);
    if (s.fallback) fallback.add(Number(date.slice(0, 4)));
    if (s.working && !pausedDates?.has(date)) left--;
  }
  return { date, fallbackYears: [...fallback].sort((a, b) => a - b) };
}

/**
 * Working days d with from < d <= to (not paused): how many days of a period starting after
 * `from` have been used by the end of `to`. 0 when to <= from. Inverse of addWorkingDays:
 * workingDaysBetween(a, addWorkingDays(a, n).date) === n.
 */
export function workingDaysBetween(
  from: IsoDate,
  to: IsoDate,
  calendars: Calendars,
  pausedDates?: ReadonlySet<IsoDate>,
): WorkingDayCount {
  assertDate(from, "from");
  assertDate(to, "to");
  const index = indexOf(calendars);
  const fallback = new Set<number>();
  let days = 0;
  let scanned = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (++scanned > MAX_SCAN_DAYS * 10) throw new RangeError(`range too long: ${from}..${to}`);
    const s = statusWith(date, index);
    if (s.fallback) fallback.add(Number(date.slice(0, 4)));
    if (s.working && !pausedDates?.has(date)) days++;
  }
  return { days, fallbackYears: [...fallback].sort((a, b) => a - b) };
}

/** Problems with an admin-supplied calendar (PUT /v1/calendar/{year}), in Chinese and English; empty when valid. */
export function validateYearCalendar(cal: YearCalendar): { path: string; message: { zh: string; en: string } }[] {
  const errors: { path: string; message: { zh: string; en: string } }[] = [];
  const add = (path: string, zh: string, en: string) => errors.push({ path, message: { zh, en } });
  if (!Number.isInteger(cal.year) || cal.year < 1949 || cal.year > 9999) add("year", `年份超出范围：${cal.year}`, `year out of range: ${cal.year}`);
  if (typeof cal.source !== "string" || cal.source.trim() === "") add("source", "须注明日历来源（国务院办公厅通知）", "source is required");
  const NAME = { holidays: "节假日", makeUpWorkdays: "调休上班日" } as const;
  const check = (list: unknown, name: keyof typeof NAME): string[] => {
    if (!Array.isArray(list)) {
      add(name, `${NAME[name]}须为日期列表`, `${name} must be a list of dates`);
      return [];
    }
    const seen = new Set<string>();
    list.forEach((d: unknown, i) => {
      const at = `${name}.${i}`;
      if (typeof d !== "string" || !isIsoDate(d)) add(at, `${NAME[name]}中有无效日期：${String(d)}`, `${name}: not a date: ${String(d)}`);
      else if (Number(d.slice(0, 4)) !== cal.year) add(at, `${NAME[name]} ${d} 不在 ${cal.year} 年内`, `${name}: ${d} is not in ${cal.year}`);
      else if (seen.has(d)) add(at, `${NAME[name]} ${d} 重复`, `${name}: duplicate ${d}`);
      else seen.add(d);
    });
    return [...seen];
  };
  const holidays = new Set(check(cal.holidays, "holidays"));
  for (const d of check(cal.makeUpWorkdays, "makeUpWorkdays")) {
    // A make-up day only means something on a weekend; on a weekday it is a working day anyway.
    if (!isWeekend(d)) add("makeUpWorkdays", `调休上班日 ${d} 不是星期六或星期日`, `makeUpWorkdays: ${d} is not a Saturday or Sunday`);
    if (holidays.has(d)) add("makeUpWorkdays", `${d} 不能既是节假日又是调休上班日`, `${d} is both a holiday and a make-up working day`);
  }
  return errors;
}
