// What other contexts may call in the approvals context (the to-do list reads licences ending). Nothing here writes: it returns writes and audit entries for the caller's own
// transaction, so the hazard change and the licence change land together or not at all.
import type { AuditEntry } from "../../shared/audit.js";
import type { Write } from "../../shared/db.js";
import { CITY_CODES, cityOf, regionLevel } from "../../shared/codes/index.js";
import { type Actor, coversRegion } from "../../shared/policy.js";
import { shanghaiDate } from "../../shared/time.js";
import { acceptanceNoticeDeadline, heldItems, lapseCancellation, latestDelegations, licenceTransition } from "./rules.js";
import type { Licence } from "./schemas.js";
import { licenceEventWrite, licencesOfHolder, licenceUpdateWrite, listDelegations, listItems, liveLicencesEnding, loadCalendars, openApplications } from "./store.js";
import { applicationClock } from "./workflow.js";

// What statistics (approvals within the statutory limit) and the blacklist (licence suspensions and
// revocations) count, month by month from the period index, parsed by their record schemas.
export { decisionsOfMonths, licenceEventsOfMonths } from "./store.js";
export type { ApplicationDecision, LicenceEventRecord } from "./schemas.js";

/** Who changed the licence: the hazard side's request supplies the actor in its own audit records. */
const HAZARD_ACTOR = "system:major-hazard";

/** Suspends (suspend=true) or restores (false) every safety production licence (安全生产许可证 items) of an enterprise
 *  that is currently valid (resp. suspended for this reason). Returns the writes and audit entries for the caller to put
 *  in ITS transaction (so the hazard change and the licence change land together). Licence status events must also be
 *  written as LICEVT period-index records. */
export async function licenceSuspensionWrites(
  enterpriseId: string,
  suspend: boolean,
  reason: string,
  now: Date,
): Promise<{ writes: Write[]; audit: AuditEntry[] }> {
  const at = now.toISOString();
  const today = shanghaiDate(now);
  const writes: Write[] = [];
  const audit: AuditEntry[] = [];
  for (const before of await licencesOfHolder(enterpriseId)) {
    if (!before.safetyProduction) continue;
    // Only the hold this mechanism put on is lifted: an officer's own suspension stays.
    const target = suspend ? before.status === "valid" : before.status === "suspended" && before.suspension?.source === "major_hazard";
    if (!target) continue;
    // A licence whose validity ended while it was on hold is cancelled (行政许可法 art. 70(1)) instead of coming back.
    const cancellation = suspend || !before.validTo ? null : lapseCancellation(before.validTo, today);
    const action = suspend ? "suspend" : cancellation ? "expire" : "restore";
    const next = licenceTransition(before.status, action);
    if (!next.ok) continue;
    const after: Licence = {
      ...before,
      status: next.next,
      suspension: suspend ? { source: "major_hazard", reason, since: at } : undefined,
      ...(cancellation ? { cancellation } : {}),
      version: before.version + 1,
      updatedAt: at,
    };
    if (!suspend) delete after.suspension;
    const event = action === "suspend" ? "suspended" : action === "restore" ? "restored" : "cancelled";
    writes.push(
      licenceUpdateWrite(before, after),
      licenceEventWrite({
        licenceNumber: before.number,
        itemCode: before.itemCode,
        regionCode: before.regionCode,
        enterpriseId,
        event,
        at,
        from: before.status,
        to: after.status,
        reason: cancellation ? cancellation.basis : reason,
        // The hold while production is suspended for a major hazard is not a penalty (16号令 art. 16, 23).
        cause: "major_hazard",
        actorId: HAZARD_ACTOR,
      }),
    );
    audit.push({
      action: `licence.${action === "expire" ? "cancel" : action}`,
      entityType: "licence",
      entityId: before.number,
      regionCode: before.regionCode,
      enterpriseId,
      summary: { from: before.status, to: after.status, cause: "major_hazard", ...(cancellation ? { basis: cancellation.basis } : {}) },
      reason,
    });
  }
  return { writes, audit };
}

/** The enterprise's live licences (valid or suspended) whose validity ends by `until` (renewal is applied for 3 months ahead, 条例 art.9). */
export async function licencesEnding(enterpriseId: string, until: string): Promise<{ number: string; itemName: string; validTo: string }[]> {
  return (await licencesOfHolder(enterpriseId))
    .flatMap((l) => ((l.status === "valid" || l.status === "suspended") && l.validTo !== null && l.validTo <= until ? [{ number: l.number, itemName: l.itemName, validTo: l.validTo }] : []))
    .sort((a, b) => a.validTo.localeCompare(b.validTo));
}

/** Live licences of a city whose validity ends in [from, to] (dates), for reminders. */
export async function cityLicencesEnding(cityCode: string, from: string, to: string): Promise<{ number: string; itemName: string; validTo: string; enterpriseId: string; regionCode: string }[]> {
  return (await liveLicencesEnding(cityCode, from, to)).map((l) => ({ number: l.number, itemName: l.itemName, validTo: l.validTo, enterpriseId: l.enterpriseId, regionCode: l.regionCode }));
}

export interface QueuedApplication {
  id: string;
  itemName: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  state: string;
  /** The decision's due date once accepted; before that, the day the acceptance notice is due (行政许可法 art.32). */
  dueDate: string;
  /** Working days left on the decision clock; null before acceptance. */
  workingDaysLeft: number | null;
}

/** The open applications an approval officer holds (as GET /v1/applications?queue=true), earliest due first: at most `limit` and the count. */
export async function officerQueue(actor: Actor, today: string, limit: number): Promise<{ items: QueuedApplication[]; total: number }> {
  const cities = regionLevel(actor.regionCode) === "province" ? CITY_CODES() : [cityOf(actor.regionCode) ?? actor.regionCode];
  const [items, delegations, calendars] = await Promise.all([listItems(), listDelegations(), loadCalendars()]);
  const latest = latestDelegations(delegations);
  const perCity = await Promise.all(
    cities.map(async (city) => {
      const held = new Set(heldItems(actor.regionCode, actor.regionCode, city, items, latest, today));
      if (held.size === 0) return [];
      return (await openApplications(city)).filter((a) => held.has(a.itemCode) && coversRegion(actor, a.regionCode));
    }),
  );
  const queued = perCity.flat().flatMap((a): QueuedApplication[] => {
    const clock = applicationClock(a, calendars, today);
    const dueDate = clock?.dueDate ?? (a.submittedOn ? acceptanceNoticeDeadline(a.submittedOn, calendars).date : undefined);
    if (!dueDate) return [];
    return [{ id: a.id, itemName: a.itemName, enterpriseId: a.enterpriseId, enterpriseName: a.enterpriseName, regionCode: a.regionCode, state: a.state, dueDate, workingDaysLeft: clock?.workingDaysLeft ?? null }];
  });
  queued.sort((x, y) => x.dueDate.localeCompare(y.dueDate) || x.id.localeCompare(y.id));
  return { items: queued.slice(0, limit), total: queued.length };
}
