// What other contexts may ask of accidents: licence renewal
// (安全生产许可证条例 art. 9: no fatal accident during the validity) and credit (responsible or concealed
// accidents). Reads the enterprise copy (pk ACCENT#<enterpriseId>), so it needs no scope and no scan.
import { isIsoDate, isoUtc, shanghaiEndOf, shanghaiStartOf } from "../../shared/time.js";
import { statisticalDeaths } from "./rules.js";
import { allOfEnterprise } from "./store.js";

// The accident vocabulary of 493号令 other contexts count and judge by (statistics, credit).
export { ACCIDENT_GRADES, type AccidentGrade, isGradeAtLeast, SUPPLEMENT_WINDOW_DAYS, statisticalDeaths } from "./rules.js";

export interface EnterpriseAccidentSummary {
  id: string;
  /** ISO 8601 UTC. */
  occurredAt: string;
  /** general | larger | major | especially_major */
  grade: string;
  /** Deaths as reported (missing people not included). */
  deaths: number;
  missing: number;
  /** open | closed */
  status: string;
  /** Set at closure: the investigation found the enterprise responsible. */
  enterpriseResponsible?: boolean;
  /** A regulator confirmed the accident was concealed or falsely reported (瞒报/谎报). */
  concealed?: boolean;
  /** Deaths plus missing people who count as dead (30/7-day rule), as of the call. */
  statisticalDeaths: number;
}

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
