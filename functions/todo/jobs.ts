// Scheduled entry points of the to-do context.
//
// todo-reminders: the province's to-do items that are due soon (rules.ts reminderDue) — the
// regulators' items, accidents waiting at every level, licences ending, and the approval
// officers' queues of the province and of each city — are published once per item and deadline:
// a conditional put of a reminder record (store.ts) decides which run publishes, so overlapping
// runs and retries publish nothing twice, and a later deadline of the same record (a regraded
// accident, a moved rectification date) is reminded again.
import { childrenOf, CITY_CODES, cityOf, countyOf, HUBEI_PROVINCE_CODE } from "../../shared/codes/index.js";
import { ApiError } from "../../shared/errors.js";
import type { Job } from "../../shared/jobs.js";
import { logger } from "../../shared/logger.js";
import type { Actor } from "../../shared/policy.js";
import { renderShanghai, shanghaiDate } from "../../shared/time.js";
import { cityLicencesEnding } from "../approvals/public.js";
import { publish } from "./publish.js";
import { endOfDay, horizon, item, reminderDue, type TodoItem } from "./rules.js";
import { claimReminder, releaseReminder } from "./store.js";
import { forwardsOf, todoOf } from "./service.js";

const JOB = "todo-reminders";
const SYSTEM_ACTOR: Actor = { userId: `system:${JOB}`, role: "admin", regionCode: HUBEI_PROVINCE_CODE, isHead: false };
/** The approval officers of a region, as the queue sees them (no head: reading only). */
const officerOf = (regionCode: string): Actor => ({ userId: `system:${JOB}`, role: "approval_officer", regionCode, isHead: false });
/** Per kind and run: more than this many due soon at once is reminded over the next runs. */
const RUN_LIMIT = 500;

/** The record's region and each level above it, province first. */
export function regionChain(regionCode: string | undefined): string[] {
  if (!regionCode) return [HUBEI_PROVINCE_CODE];
  const city = cityOf(regionCode);
  const county = countyOf(regionCode);
  return [...new Set([HUBEI_PROVINCE_CODE, city, county, regionCode].filter((c): c is string => !!c))];
}

/** Every regulator node that can hold an accident report: the province, each city and each county. */
function reportHolders(): { level: "province" | "city" | "county"; region: string }[] {
  return [
    { level: "province", region: HUBEI_PROVINCE_CODE },
    ...CITY_CODES().flatMap((city) => {
      const counties = childrenOf(city);
      // A city-level unit without counties (直管市, 神农架) receives reports as its own county level too.
      return [{ level: "city" as const, region: city }, ...(counties.length ? counties.map((c) => ({ level: "county" as const, region: c.code })) : [{ level: "county" as const, region: city }])];
    }),
  ];
}

async function dueSoon(now: Date): Promise<TodoItem[]> {
  const today = shanghaiDate(now);
  const [province, forwards, licences, queues] = await Promise.all([
    todoOf({ regionCode: HUBEI_PROVINCE_CODE, regulator: { level: "province", region: HUBEI_PROVINCE_CODE } }, now, RUN_LIMIT, false),
    Promise.all(reportHolders().filter((h) => h.level !== "province").map((h) => forwardsOf(h.level, h.region, now, RUN_LIMIT, false))),
    Promise.all(CITY_CODES().map((city) => cityLicencesEnding(city, today, horizon("licence_expiry", today)))),
    // The province's officers hold its own items; a city's, the items delegated to it.
    Promise.all([HUBEI_PROVINCE_CODE, ...CITY_CODES()].map((region) => todoOf({ officer: officerOf(region) }, now, RUN_LIMIT, false))),
  ]);
  const licenceItems = licences.flat().map((l) =>
    item({ kind: "licence_expiry", title: `许可证即将到期：${l.itemName}（${l.number}）`, record: { type: "licence", id: l.number, path: `/v1/licences/${encodeURIComponent(l.number)}` }, regionCode: l.regionCode, enterpriseId: l.enterpriseId, deadline: endOfDay(l.validTo) }, now),
  );
  return [...province.items, ...forwards.flatMap((f) => f.items), ...licenceItems, ...queues.flatMap((q) => q.items)].filter((i) => reminderDue(i, now));
}

export const publishReminders: Job = async (input) => {
  const now = input.asOf ? new Date(input.asOf) : new Date();
  if (Number.isNaN(now.getTime())) throw new RangeError(`asOf is not an instant: ${String(input.asOf)}`);
  const requestId = `job:${JOB}:${now.toISOString()}`;
  const published: { kind: string; recordId: string; deadline: string; regions: string[] }[] = [];
  let already = 0;
  let failed = 0;
  for (const i of await dueSoon(now)) {
    try {
      await claimReminder(i, SYSTEM_ACTOR, requestId, now);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        already++;
        continue;
      }
      throw err;
    }
    const regions = regionChain(i.regionCode);
    try {
      await publish({ message: `【安全生产监管平台提醒】${i.title}，期限 ${renderShanghai(i.deadline)}`, regions, kind: i.kind, ...(i.enterpriseId ? { enterpriseId: i.enterpriseId } : {}) });
      published.push({ kind: i.kind, recordId: i.record.id, deadline: i.deadline, regions });
    } catch (err) {
      failed++;
      logger.error("reminder not published; released for the next run", { kind: i.kind, recordId: i.record.id, error: (err as Error).message });
      await releaseReminder(i);
    }
  }
  // A failed publish fails the run, so the scheduler retries it (and alarms through its DLQ).
  if (failed > 0) throw new Error(`${failed} reminders could not be published`);
  return { asOf: now.toISOString(), published, alreadyReminded: already };
};
