// Time in one place. Storage holds instants as ISO 8601 UTC; business dates and deadlines
// are calendar dates in Asia/Shanghai (UTC+8 all year: China has had no DST since 1991,
// so a fixed offset is exact and much cheaper than Intl on every call).

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

export function toInstant(value: string | Date): Date {
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an instant: ${String(value)}`);
  return d;
}

/** Normalised storage form: ISO 8601 UTC with milliseconds. */
export function isoUtc(value: string | Date): string {
  return toInstant(value).toISOString();
}

/** Renders an instant with the +08:00 offset, e.g. 2026-10-01T08:00:00.000+08:00. */
export function renderShanghai(value: string | Date): string {
  const shifted = new Date(toInstant(value).getTime() + SHANGHAI_OFFSET_MS);
  return shifted.toISOString().replace("Z", "+08:00");
}

/** The Asia/Shanghai calendar date on which an instant falls. */
export function shanghaiDate(value: string | Date): IsoDate {
  return new Date(toInstant(value).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Shanghai calendar date begins (00:00 +08:00). */
export function shanghaiStartOf(date: IsoDate): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS);
}

/** The last instant of a Shanghai calendar date (23:59:59.999 +08:00). */
export function shanghaiEndOf(date: IsoDate): Date {
  return new Date(shanghaiStartOf(date).getTime() + DAY_MS - 1);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The end of a period of `days` days counted from an instant, as 民法典 counts it: the day on which
 * the period starts is not counted, counting begins the next day (art. 201), and the period ends at
 * 24:00 of its last day (art. 203), here the Asia/Shanghai day. The answer is that 24:00, i.e. the
 * first instant AFTER the period: an act is in time while `at < periodOfDaysEnd(from, days)`.
 * Art. 203's move of a last day falling on a holiday is not applied: the periods counted with this
 * (accident casualty changes, missing counted as dead) run on every calendar day, not office days.
 */
export function periodOfDaysEnd(from: string | Date, days: number): Date {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer, got ${String(days)}`);
  return shanghaiStartOf(addDays(shanghaiDate(from), days + 1));
}

export function addHours(value: string | Date, hours: number): Date {
  return new Date(toInstant(value).getTime() + hours * 60 * 60 * 1000);
}

/** Day of week of a calendar date: 0 Sunday .. 6 Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Whole days from `a` to `b` (b - a), both calendar dates. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Adds calendar months to a date, clamping to the month's last day (e.g. 01-31 + 1 → 02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Injectable clock: tests and jobs pass their own `now`. */
export function now(): Date {
  return new Date();
}

/**
 * Client clock drift tolerated when a declared instant must not be in the future (a report
 * typed on a phone whose clock runs a little fast is not a lie). One value for every context.
 */
export const CLOCK_SKEW_MS = 60 * 1000;

/** Is a declared instant later than now, beyond the tolerated drift? */
export function isInFuture(value: string | Date, now: Date): boolean {
  return toInstant(value).getTime() > now.getTime() + CLOCK_SKEW_MS;
}

/** The Asia/Shanghai quarter an instant or date falls in, written "2026Q4". */
export function shanghaiQuarter(value: string | Date): string {
  const d = typeof value === "string" && isIsoDate(value) ? value : shanghaiDate(value);
  return `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
}

// Quarters, as the platform spells them ("2026Q4"): filings, publication of the blacklist, assessment.

export type Quarter = 1 | 2 | 3 | 4;

export interface QuarterRef {
  year: number;
  quarter: Quarter;
}

/** "2026Q4". */
export function formatQuarter(ref: QuarterRef): string {
  return `${String(ref.year).padStart(4, "0")}Q${ref.quarter}`;
}

/** Parses "2026Q4" (case-insensitive Q); null when malformed. */
export function parseQuarter(text: string): QuarterRef | null {
  const m = /^(\d{4})[Qq]([1-4])$/.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter };
}
