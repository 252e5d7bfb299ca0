// What other contexts may ask of accidents: the to-do list (reports waiting to be forwarded), licence renewal
// (安全生产许可证条例 art. 9: no fatal accident during the validity) and credit (responsible or concealed
// accidents). Reads the enterprise copy (pk ACCENT#<enterpriseId>), so it needs no scope and no scan.
import { isIsoDate, isoUtc, shanghaiEndOf, shanghaiStartOf } from "../../shared/time.js";
import { pendingStep, type ReportLevel, statisticalDeaths } from "./rules.js";
import type { AccidentRecord } from "./schemas.js";
import { allOfEnterprise, countPending, listPending } from "./store.js";

/** Statistics and the blacklist read reports month by month through the period index. */
export { accidentFactsOfMonths } from "./store.js";
export type { AccidentFacts } from "./schemas.js";

// The accident vocabulary of 493号令 other contexts count and judge by (statistics, credit, to-do).
export { ACCIDENT_GRADES, type AccidentGrade, isGradeAtLeast, levelRegion, type ReportLevel, SUPPLEMENT_WINDOW_DAYS, statisticalDeaths } from "./rules.js";

/**
 * An enterprise's accident as other contexts judge it: deaths as reported (missing people not
 * included), whether the investigation found the enterprise responsible (set at closure), whether a
 * regulator confirmed it concealed or falsely reported (瞒报/谎报), and the statistical deaths as of
 * the call (deaths plus missing people who count as dead by the 30/7-day rule).
 */
export type EnterpriseAccidentSummary = Pick<AccidentRecord, "id" | "occurredAt" | "grade" | "deaths" | "missing" | "status" | "enterpriseResponsible" | "concealed" | "statisticalDeaths">;

/** A date (Asia/Shanghai calendar day, whole day) or an instant with an offset. */
function bound(value: string, end: boolean): string {
  if (isIsoDate(value)) return (end ? shanghaiEndOf(value) : shanghaiStartOf(value)).toISOString();
  return isoUtc(value);
}

/** Accidents of an enterprise that occurred in [fromIso, toIso], summarised (for licence renewal and credit). */
export async function accidentsOfEnterprise(enterpriseId: string, fromIso: string, toIso: string): Promise<EnterpriseAccidentSummary[]> {
  const now = new Date();
  const records = await allOfEnterprise(enterpriseId, bound(fromIso, false), bound(toIso, true));
  return records.map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt,
    grade: r.grade,
    deaths: r.deaths,
    missing: r.missing,
    status: r.status,
    ...(r.enterpriseResponsible === undefined ? {} : { enterpriseResponsible: r.enterpriseResponsible }),
    ...(r.concealed ? { concealed: true } : {}),
    statisticalDeaths: statisticalDeaths({
      deaths: r.deaths,
      missing: r.missing,
      occurredAt: r.occurredAt,
      flags: { roadTraffic: r.roadTraffic, fire: r.fire },
      now,
    }),
  }));
}

/** Reports waiting for a level's regulator to forward them (493号令 art.11), earliest due first: at most `limit` and (with `count`) how many there are. */
export async function pendingForwards(level: ReportLevel, region: string, limit: number, count = true): Promise<{ items: { id: string; regionCode: string; grade: string; summary: string; dueAt: string }[]; total: number }> {
  const page = await listPending(level, region, limit);
  // A partition read to its end is counted by its page.
  const counted = count && page.nextCursor ? await countPending(level, region) : page.items.length;
  const items = page.items.flatMap((r) => {
    const step = pendingStep(r.chain);
    return step ? [{ id: r.id, regionCode: r.regionCode, grade: r.grade, summary: r.summary, dueAt: step.dueAt }] : [];
  });
  return { items, total: counted };
}
