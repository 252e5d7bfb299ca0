// The approvals context's daily jobs. Each reads only what is live (open applications, licences
// still valid or suspended) through the sparse gsi3 indexes, city partition by city partition,
// and writes one small transaction per record it changes, with its audit record. Re-running a job
// for the same day changes nothing.
import { auditWrite, type AuditEntry } from "../../shared/audit.js";
import { transact, type Write } from "../../shared/db.js";
import { ApiError } from "../../shared/errors.js";
import type { Job, JobInput } from "../../shared/jobs.js";
import { count } from "../../shared/metrics.js";
import type { Actor } from "../../shared/policy.js";
import { addDays, shanghaiDate, toInstant } from "../../shared/time.js";
import { type Calendars, deadlineFlag, EXPIRY_WARNING_DAYS, lapseCancellation, licenceTransition, renewalWindowOpensOn } from "./rules.js";
import type { Application, Licence } from "./schemas.js";
import { applicationWrites, licenceEventWrite, licenceUpdateWrite, liveLicencesEnding, loadCalendars, openApplications } from "./store.js";
import { applicationClock, deemIfDue } from "./workflow.js";
import { CITY_CODES, HUBEI_PROVINCE_CODE } from "../../shared/codes/index.js";

const systemActor = (job: string): Actor => ({ userId: `system:${job}`, role: "admin", regionCode: HUBEI_PROVINCE_CODE, isHead: false });

/** Runs one record's writes; a concurrent officer action wins and the record is looked at again tomorrow. */
async function commit(writes: Write[], audit: AuditEntry[], actor: Actor, job: string, now: Date): Promise<boolean> {
  try {
    await transact([...writes, ...audit.map((a) => auditWrite(a, actor, `job:${job}`, now))]);
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) return false;
    throw err;
  }
}

type Flag = Application["deadlineFlag"];

/** The flag an open application deserves today. */
export function flagOf(app: Application, calendars: Calendars, today: string): Flag {
  if (app.state === "approved") return app.deliveryDueDate && today > app.deliveryDueDate ? "delivery_overdue" : null;
  if (app.state !== "under_review" && app.state !== "paused" && app.state !== "reviewed") return null;
  const clock = applicationClock(app, calendars, today);
  return clock ? deadlineFlag(clock) : null;
}

/**
 * 行政许可法 art. 32 and 42: writes down deemed acceptances that took effect, and flags applications
 * within 3 working days of their limit ("near"), past it ("overdue"), and approved ones whose
 * certificate is past its 10-working-day delivery date ("delivery_overdue").
 */
export const deadlines = (async (input: JobInput) => {
  const job = "approvals-deadlines";
  const actor = systemActor(job);
  const now = input.asOf ? toInstant(input.asOf) : new Date();
  const today = shanghaiDate(now);
  const calendars = await loadCalendars();
  const out = { asOf: today, scanned: 0, deemedAccepted: [] as string[], near: [] as string[], overdue: [] as string[], deliveryOverdue: [] as string[], changed: 0, conflicts: 0 };
  for (const city of CITY_CODES()) {
    for (const app of await openApplications(city)) {
      out.scanned++;
      const deemed = deemIfDue(app, today, calendars);
      const current = deemed?.app ?? app;
      const flag = flagOf(current, calendars, today);
      if (deemed) out.deemedAccepted.push(app.id);
      if (flag === "near") out.near.push(app.id);
      if (flag === "overdue") out.overdue.push(app.id);
      if (flag === "delivery_overdue") out.deliveryOverdue.push(app.id);
      if (!deemed && flag === (app.deadlineFlag ?? null)) continue;
      const after: Application = { ...current, deadlineFlag: flag, version: app.version + 1, updatedAt: now.toISOString() };
      if (flag !== (app.deadlineFlag ?? null)) after.flaggedOn = today;
      const audit: AuditEntry[] = [];
      const scope = { entityType: "application", entityId: app.id, regionCode: app.regionCode, enterpriseId: app.enterpriseId };
      if (deemed) audit.push({ ...scope, action: "application.deem-accept", summary: { from: "submitted", to: "under_review", acceptedOn: deemed.app.acceptedOn, rule: "行政许可法 art. 32" } });
      if (flag !== (app.deadlineFlag ?? null)) audit.push({ ...scope, action: "application.flag", summary: { from: app.deadlineFlag ?? null, to: flag } });
      if (await commit(applicationWrites(app, after, deemed ? [deemed.step] : []), audit, actor, job, now)) out.changed++;
      else out.conflicts++;
    }
  }
  count("ApplicationsOverdue", out.overdue.length);
  count("ApplicationsNearDeadline", out.near.length);
  count("DeliveriesOverdue", out.deliveryOverdue.length);
  return out;
}) satisfies Job;

/**
 * 行政许可法 art. 70(1): a licence whose validity (安全生产许可证条例 art. 9) ended without renewal is
 * cancelled (注销), also while suspended, with the ground and its basis recorded on the licence, in a
 * LICEVT event and in the audit; licences ending within 90 days are listed so holders can apply for renewal.
 */
export const licences = (async (input: JobInput) => {
  const job = "approvals-licences";
  const actor = systemActor(job);
  const now = input.asOf ? toInstant(input.asOf) : new Date();
  const today = shanghaiDate(now);
  const at = now.toISOString();
  const out = { asOf: today, cancelled: [] as string[], conflicts: 0, expiringWithin90Days: [] as { number: string; holderName: string; enterpriseId: string; itemCode: string; validTo: string; status: string; renewalWindowOpensOn: string }[] };
  for (const city of CITY_CODES()) {
    for (const l of await liveLicencesEnding(city, "0000-01-01", addDays(today, -1))) {
      const t = licenceTransition(l.status, "expire");
      const cancellation = lapseCancellation(l.validTo, today);
      if (!t.ok || !cancellation) continue;
      const after: Licence = { ...l, status: t.next, cancellation, version: l.version + 1, updatedAt: at };
      delete after.suspension;
      const writes = [
        licenceUpdateWrite(l, after),
        licenceEventWrite({ licenceNumber: l.number, itemCode: l.itemCode, regionCode: l.regionCode, enterpriseId: l.enterpriseId, event: "cancelled", at, from: l.status, to: t.next, reason: cancellation.basis, actorId: actor.userId }),
      ];
      const audit: AuditEntry = {
        action: "licence.cancel",
        entityType: "licence",
        entityId: l.number,
        regionCode: l.regionCode,
        enterpriseId: l.enterpriseId,
        summary: { from: l.status, to: t.next, validTo: l.validTo, ground: cancellation.ground, basis: cancellation.basis },
        reason: cancellation.reason,
      };
      if (await commit(writes, [audit], actor, job, now)) out.cancelled.push(l.number);
      else out.conflicts++;
    }
    for (const l of await liveLicencesEnding(city, today, addDays(today, EXPIRY_WARNING_DAYS))) {
      out.expiringWithin90Days.push({ number: l.number, holderName: l.holderName, enterpriseId: l.enterpriseId, itemCode: l.itemCode, validTo: l.validTo, status: l.status, renewalWindowOpensOn: renewalWindowOpensOn(l.validTo) });
    }
  }
  return out;
}) satisfies Job;
