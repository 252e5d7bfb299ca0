// Scheduled and on-demand jobs of the stats context:
//   rollup                 daily 01:00 (the run on the 1st closes the previous month and re-reads its year);
//                          `npm run job -- rollup [--year 2026 [--month 11]]`
//   assessment-quarterly   16th of Jan/Apr/Jul/Oct: the quarter just ended; `--year 2026 --quarter 3`
//   assessment-annual      16 January: the previous year; `--year 2026`
import type { Job, JobInput } from "../../shared/jobs.js";
import { shanghaiDate, toInstant } from "../../shared/time.js";
import { assess, rollup } from "./service.js";
import { monthRange, previousQuarter, rollupTarget } from "./rules.js";
import { MAX_YEAR, MIN_YEAR } from "./schemas.js";

function intIn(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  return n;
}

const asOfOf = (input: JobInput) => (input.asOf ? toInstant(input.asOf) : new Date());

export const rollupJob: Job = async (input) => {
  const asOf = asOfOf(input);
  const year = intIn(input.year, "year", MIN_YEAR, MAX_YEAR);
  const month = intIn(input.month, "month", 1, 12);
  if (year === undefined) {
    if (month !== undefined) throw new RangeError("--month needs --year");
    // Scheduled: up to yesterday; on the 1st the previous month is closed and its year re-read.
    const t = rollupTarget(asOf);
    return rollup({ year: t.year, month: t.month, asOfDate: t.asOfDate, full: t.monthClose });
  }
  // On demand: up to today (or the end of the period, if it is over).
  const today = shanghaiDate(asOf);
  const m = month ?? (today.startsWith(`${year}-`) ? Number(today.slice(5, 7)) : 12);
  const end = monthRange(year, m).to;
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as strings, not numbers
  return rollup({ year, month: m, asOfDate: today < end ? today : end, full: month === undefined });
};

export const quarterlyAssessmentJob: Job = async (input) => {
  const asOf = asOfOf(input);
  const year = intIn(input.year, "year", MIN_YEAR, MAX_YEAR);
  const quarter = intIn(input.quarter, "quarter", 1, 4);
  const ref = year !== undefined && quarter !== undefined ? { year, quarter } : previousQuarter(asOf);
  const { rows: _rows, ...summary } = await assess({ year: ref.year, quarter: ref.quarter, asOf });
  return summary;
};

export const annualAssessmentJob: Job = async (input) => {
  const asOf = asOfOf(input);
  const year = intIn(input.year, "year", MIN_YEAR, MAX_YEAR) ?? Number(shanghaiDate(asOf).slice(0, 4)) - 1;
  const { rows: _rows, ...summary } = await assess({ year, asOf });
  return summary;
};
