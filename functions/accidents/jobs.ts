// Scheduled entry points of the accidents context.
//
// accidents-statistical-deaths: people still missing once the 补报 window has passed (30 days, 7 for road
// traffic and fire) count as dead in statistics. Reports carry `statisticalDeaths` so roll-ups read it from
// the period index without recomputing; every write of a report refreshes it, and this job raises it for
// reports nobody touched when their window closed. Windows close at 24:00 of the 30th day after the
// accident's own day (民法典 arts. 201, 203; shared/time.ts periodOfDaysEnd), so every month touched by
// the last 62 days is read (a month of job outage is still caught up).
import { auditWrite } from "../../shared/audit.js";
import { transact } from "../../shared/db.js";
import { ApiError } from "../../shared/errors.js";
import type { Job } from "../../shared/jobs.js";
import { monthOf } from "../../shared/periods.js";
import type { Actor } from "../../shared/policy.js";
import { statisticalDeaths } from "./rules.js";
import type { AccidentRecord } from "./schemas.js";
import { reportsOfMonths, reportWrites } from "./store.js";
import { HUBEI_PROVINCE_CODE } from "../../shared/codes/index.js";

const JOB = "accidents-statistical-deaths";
export const SYSTEM_ACTOR: Actor = { userId: `system:${JOB}`, role: "admin", regionCode: HUBEI_PROVINCE_CODE, isHead: false };

const DAY_MS = 24 * 60 * 60 * 1000;

export const refreshStatisticalDeaths: Job = async (input) => {
  const asOf = input.asOf ? new Date(input.asOf) : new Date();
  if (Number.isNaN(asOf.getTime())) throw new RangeError(`asOf is not an instant: ${String(input.asOf)}`);
  const months = [...new Set([0, 14, 28, 42, 56, 62].map((d) => monthOf(new Date(asOf.getTime() - d * DAY_MS).toISOString())))];
  let scanned = 0;
  let updated = 0;
  let conflicts = 0;
  for (const month of months) {
    for (const r of await reportsOfMonths([month])) {
      scanned++;
      if (r.missing === 0) continue;
      const value = statisticalDeaths({ deaths: r.deaths, missing: r.missing, occurredAt: r.occurredAt, flags: { roadTraffic: r.roadTraffic, fire: r.fire }, now: asOf });
      // Only ever raise: an update recomputes the value itself, and a re-run for an earlier asOf must not undo.
      if (value <= r.statisticalDeaths) continue;
      const next: AccidentRecord = { ...r, statisticalDeaths: value, version: r.version + 1, updatedAt: asOf.toISOString() };
      const entry = {
        action: "accident.statistical-deaths",
        entityType: "accident",
        entityId: r.id,
        regionCode: r.regionCode,
        ...(r.enterpriseId ? { enterpriseId: r.enterpriseId } : {}),
        summary: { statisticalDeaths: { from: r.statisticalDeaths, to: value }, missing: r.missing },
      };
      try {
        await transact([...reportWrites(next, r.version), auditWrite(entry, SYSTEM_ACTOR, `job:${JOB}`, asOf)]);
        updated++;
      } catch (err) {
        // Someone changed the report meanwhile; their write recomputed the value, or the next run will.
        if (err instanceof ApiError && err.status === 409) conflicts++;
        else throw err;
      }
    }
  }
  return { months, scanned, updated, conflicts };
};
