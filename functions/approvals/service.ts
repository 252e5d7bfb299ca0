// The approvals middle layer: what the route groups (handlers/) share between reading a request
// and answering it. It loads through store.ts, decides with the pure rules (rules.ts, workflow.ts)
// and returns the records, views, writes and audit entries; the stack commits them together.
import type { AuditEntry } from "../../shared/audit.js";
import { HUBEI_PROVINCE_CODE } from "../../shared/codes/index.js";
import type { Page, Write } from "../../shared/db.js";
import { type ApiError, conflict, forbidden, illegalTransition, notFound } from "../../shared/errors.js";
import { newId } from "../../shared/ids.js";
import { type Actor, isProvinceAdmin } from "../../shared/policy.js";
import { reachable } from "../../shared/scope.js";
import { addDays, shanghaiDate } from "../../shared/time.js";
import { currentListing } from "../credit/public.js";
import {
  type ApplicationAction,
  acceptanceNoticeDeadline,
  type AuthorityCode,
  CANCELLATION_BASIS,
  type Calendars,
  type DelegationState,
  hadFatalAccident,
  heldItems,
  holderOf,
  isSafetyProductionLicence,
  type LicenceAction,
  latestDelegations,
  licenceNumber,
  licenceTransition,
  licenceValidTo,
  officerAuthority,
  renewalDecision,
  renewalWindowOpensOn,
} from "./rules.js";
import type { Application, CatalogueItem, Licence, LicenceEventRecord, Step } from "./schemas.js";
import {
  type ApplicationBundle,
  applicationWrites,
  authorityCheck,
  authorityRevoked,
  decisionWrite,
  delegationState,
  getApplicationBundle,
  getCatalogueItem,
  getDelegation,
  getLicence,
  licenceEventWrite,
  licenceHistory,
  licenceUpdateWrite,
  listDelegations,
  listItems,
  loadCalendars,
  newLicenceWrite,
} from "./store.js";
import { allowedFor, applicationClock, applyAction, deemIfDue } from "./workflow.js";

export const APPLICATION = { zh: "审批申请", en: "application" };
export const LICENCE = { zh: "许可证", en: "licence" };
export const ITEM = { zh: "审批事项", en: "approval item" };
export const DELEGATION = { zh: "委托", en: "delegation" };

export function requireProvinceAdmin(actor: Actor): void {
  if (!isProvinceAdmin(actor)) {
    throw forbidden("province_admin_required", { zh: "仅省级管理员可执行此操作", en: "only a province administrator may do this" });
  }
}

export async function requireItem(code: string): Promise<CatalogueItem> {
  const item = await getCatalogueItem(code);
  if (!item) throw notFound(ITEM);
  return item;
}

// ---------- authority ----------

function authorityError(code: AuthorityCode): ApiError {
  switch (code) {
    case "authority_revoked":
      return authorityRevoked();
    case "delegated_to_city":
      return forbidden("delegated_to_city", { zh: "该事项已委托市级办理，省级不得同时办理", en: "the item is delegated to the city; the province does not act on it meanwhile" });
    case "no_authority":
      return forbidden("no_authority", { zh: "您不持有该事项对该申请人的许可权限", en: "you do not hold this item's authority for this applicant" });
  }
}

/** Who may act on a record of this item for this applicant, today; throws the 403 that says why not. */
async function authorise(actor: Actor, item: CatalogueItem, target: { regionCode: string; cityCode: string }, today: string) {
  const delegation = item.issuer === "province_delegable" ? await delegationState(item.code, target.cityCode, true) : undefined;
  const decision = officerAuthority({
    officerRegion: actor.regionCode,
    applicantRegion: target.regionCode,
    applicantCityCode: target.cityCode,
    issuer: item.issuer,
    delegation,
    today,
  });
  if (!decision.ok) throw authorityError(decision.code);
  const check = authorityCheck(item.code, target.cityCode, decision.holder, item.issuer === "province_delegable", today);
  return { holder: decision.holder, check, delegation };
}

/**
 * An officer's queue: for each city, the codes of the items the officer holds there today for
 * applicants of `regionCode` (narrowed to `itemCode` when asked).
 */
export async function queueItems(actor: Actor, regionCode: string, itemCode: string | undefined, now: Date): Promise<(city: string) => string[]> {
  const today = shanghaiDate(now);
  const [items, delegations] = await Promise.all([listItems(), listDelegations()]);
  const latest = latestDelegations(delegations);
  const asked = items.filter((i) => !itemCode || i.code === itemCode);
  return (city) => heldItems(actor.regionCode, regionCode, city, asked, latest, today);
}

// ---------- the application as read ----------

/** What a view needs besides the record; an action passes what it already read. */
interface Loaded {
  calendars?: Calendars;
  item?: CatalogueItem;
  delegation?: DelegationState;
}

/** The clock fields every read of an application shows (list rows and the full view). */
function clockFields(app: Application, calendars: Calendars, today: string) {
  const clock = applicationClock(app, calendars, today);
  return {
    dueDate: clock?.dueDate ?? null,
    workingDaysUsed: clock?.workingDaysUsed ?? null,
    workingDaysLeft: clock?.workingDaysLeft ?? null,
    paused: clock?.paused ?? false,
    overdue: clock?.overdue ?? false,
    fallbackYears: clock?.fallbackYears ?? [],
  };
}

/** A page of applications with each row's clock (one calendar read for the page). */
export async function withClocks(page: Page<Application>, now: Date) {
  if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
  const calendars = await loadCalendars();
  const today = shanghaiDate(now);
  return {
    items: page.items.map((app) => {
      const { fallbackYears: _, ...clock } = clockFields(app, calendars, today);
      return { ...app, ...clock };
    }),
    nextCursor: page.nextCursor,
  };
}

export async function applicationView(bundle: ApplicationBundle, now: Date, loaded: Loaded = {}) {
  const today = shanghaiDate(now);
  const [calendars, item] = await Promise.all([loaded.calendars ?? loadCalendars(), loaded.item ?? getCatalogueItem(bundle.app.itemCode)]);
  // 行政许可法 art. 32 takes effect by itself: show it even before the daily job writes it down.
  const deemed = deemIfDue(bundle.app, today, calendars);
  const app = deemed?.app ?? bundle.app;
  const history = [...bundle.steps].sort((a, b) => a.seq - b.seq);
  if (deemed) history.push(deemed.step);
  const delegation = item?.issuer !== "province_delegable" ? undefined : (loaded.delegation ?? (await delegationState(app.itemCode, app.cityCode)));
  const holder = holderOf(item?.issuer ?? "province", app.cityCode, delegation, today);
  const clock = clockFields(app, calendars, today);
  const [authorityEvents, listing, attachments] = await Promise.all([
    authorityEventsOf(history),
    currentListing(app.enterpriseId, today),
    // As stored: no S3 call on a read; a download link comes from the attachment route.
    bundle.attachments.map((a) => ({
      id: a.id,
      material: a.material,
      fileName: a.fileName,
      contentType: a.contentType,
      size: a.size,
      uploadedAt: a.uploadedAt,
      verified: a.verified,
    })),
  ]);
  const { fallbackYears, ...clockOut } = clock;
  return {
    ...app,
    ...clockOut,
    calendarFallbackYears: fallbackYears,
    ...(fallbackYears.length > 0
      ? {
          calendarNote: `No State Council calendar stored for ${fallbackYears.join(", ")}: only weekends were treated as rest days there (国务院节假日安排缺失，按周末计算)`,
        }
      : {}),
    ...(app.state === "submitted" && app.submittedOn ? { acceptanceNoticeDue: acceptanceNoticeDeadline(app.submittedOn, calendars).date } : {}),
    allowedActions: allowedFor(app.state),
    handledBy: holder,
    history,
    authorityEvents,
    attachments,
    ...(listing ? { blacklistWarning: listing } : {}),
  };
}

/** Delegations under which steps were taken and that were revoked since: the application went back to the province. */
async function authorityEventsOf(history: Step[]) {
  const ids = [...new Set(history.flatMap((s) => (s.delegationId ? [s.delegationId] : [])))];
  const delegations = await Promise.all(ids.map((id) => getDelegation(id)));
  return delegations.flatMap((d) =>
    d?.status === "revoked" && d.revokedAt ? [{ event: "authority-returned" as const, at: d.revokedAt, delegationId: d.id, toRegion: HUBEI_PROVINCE_CODE }] : [],
  );
}

/** The application with its steps and attachments, if the caller may see it (else 404). */
export async function readBundle(actor: Actor, id: string): Promise<ApplicationBundle> {
  const bundle = await getApplicationBundle(id);
  const app = reachable(actor, bundle?.app, APPLICATION);
  return { app, steps: bundle?.steps ?? [], attachments: bundle?.attachments ?? [] };
}

export function stepAudit(app: Application, steps: Step[]): AuditEntry[] {
  return steps.map((s) => ({
    action: `application.${s.action}`,
    entityType: "application",
    entityId: app.id,
    regionCode: app.regionCode,
    enterpriseId: app.enterpriseId,
    summary: { from: s.from, to: s.to, seq: s.seq, ...(s.actorRole === "system" ? { by: s.actorId } : {}), ...(s.missingMaterials ? { missingMaterials: s.missingMaterials } : {}) },
    reason: s.reason,
  }));
}

// ---------- officer actions ----------

/** An officer's step on an application, with the licence when the step issues one (行政许可法 art. 44). */
export async function applicationStep(actor: Actor, id: string, action: ApplicationAction, input: { reason?: string; missingMaterials?: string[] }, now: Date) {
  const bundle = await readBundle(actor, id);
  const app = bundle.app;
  const today = shanghaiDate(now);
  const at = now.toISOString();
  const item = await requireItem(app.itemCode);
  const [{ holder, check, delegation }, calendars] = await Promise.all([authorise(actor, item, app, today), loadCalendars()]);
  const writes: Write[] = check ? [check] : [];
  const audit: AuditEntry[] = [];

  // 行政许可法 art. 44: the licence is made in the same transaction as the step that records it.
  const number = action === "issue" ? licenceNumber(item.code, Number(today.slice(0, 4)), app.id.slice(-10)) : undefined;
  const result = applyAction(app, action, {
    actor,
    at,
    today,
    calendars,
    reason: input.reason,
    missingMaterials: input.missingMaterials,
    delegationId: holder.delegationId,
    licenceNumber: number,
  });
  let issued: Licence | undefined;
  if (number) {
    issued = {
      number,
      itemCode: item.code,
      itemName: item.name,
      safetyProduction: isSafetyProductionLicence(item),
      enterpriseId: app.enterpriseId,
      holderName: app.enterpriseName,
      holderUscc: app.enterpriseUscc,
      regionCode: app.regionCode,
      cityCode: app.cityCode,
      industryCode: app.industryCode,
      gridId: app.gridId ?? null,
      scope: app.scope,
      validFrom: today,
      validTo: item.licenceValidityYears ? licenceValidTo(today, item.licenceValidityYears) : null,
      status: "valid",
      applicationId: app.id,
      issuedOn: today,
      issuedBy: actor.userId,
      renewals: 0,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    writes.push(newLicenceWrite(issued), licenceEventWrite({ licenceNumber: number, itemCode: item.code, regionCode: app.regionCode, enterpriseId: app.enterpriseId, event: "issued", at, from: null, to: "valid", actorId: actor.userId }));
  }
  writes.push(...applicationWrites(app, result.app, result.steps));
  if (action === "approve" || action === "refuse") {
    const clock = applicationClock(result.app, calendars, today);
    writes.push(decisionWrite(result.app, action === "approve" ? "approved" : "refused", today, clock?.dueDate ?? today));
  }
  audit.push(...stepAudit(app, result.steps));
  if (issued) {
    audit.push({ action: "licence.issue", entityType: "licence", entityId: issued.number, regionCode: issued.regionCode, enterpriseId: issued.enterpriseId, summary: { applicationId: app.id, validFrom: issued.validFrom, validTo: issued.validTo } });
  }
  const view = await applicationView({ ...bundle, app: result.app, steps: [...bundle.steps, ...result.steps] }, now, { calendars, item, delegation });
  return { app: result.app, view, writes, audit };
}

// ---------- licences ----------

const LICENCE_EVENTS: Record<LicenceAction, LicenceEventRecord["event"]> = {
  suspend: "suspended",
  restore: "restored",
  revoke: "revoked",
  expire: "cancelled",
  cancel: "cancelled",
  renew: "renewed",
};

export async function licenceView(l: Licence) {
  const history = await licenceHistory(l.number);
  return {
    ...l,
    history: history.map((e) => ({ id: e.id, event: e.event, at: e.at, from: e.from, to: e.to, ...(e.reason ? { reason: e.reason } : {}), actorId: e.actorId })),
    renewalWindowOpensOn: l.validTo ? renewalWindowOpensOn(l.validTo) : null,
  };
}

/** An officer's action on a licence, by whoever holds its item for the holder today. */
export async function licenceStep(actor: Actor, number: string, action: Exclude<LicenceAction, "expire">, reason: string, now: Date) {
  const l = reachable(actor, await getLicence(number, true), LICENCE);
  const today = shanghaiDate(now);
  const at = now.toISOString();
  const item = await requireItem(l.itemCode);
  const { check } = await authorise(actor, item, l, today);
  const t = licenceTransition(l.status, action);
  if (!t.ok) throw illegalTransition(action, l.status, t.allowed.filter((a) => a !== "expire"));
  const after: Licence = { ...l, status: t.next, version: l.version + 1, updatedAt: at };
  let summary: Record<string, unknown> = { from: l.status, to: t.next };
  if (action === "renew") {
    // 安全生产许可证条例 art. 9: extension without fresh review is for the safety production licence.
    if (!l.safetyProduction || !l.validTo) {
      throw conflict("renewal_needs_application", { zh: "该许可证不适用延期换证，请重新申请", en: "this licence cannot be extended without review; apply again" });
    }
    // 安全生产许可证条例 art.9: extension needs no fatal accident in the licence's validity. Loaded only here (renewals are rare) to keep the accidents code off the cold start.
    const { accidentsOfEnterprise } = await import("../accidents/public.js");
    const accidents = await accidentsOfEnterprise(l.enterpriseId, l.validFrom, today);
    const decision = renewalDecision({ status: l.status, validTo: l.validTo, today, fatalAccidentDuringValidity: hadFatalAccident(accidents), years: item.licenceValidityYears ?? undefined });
    if (!decision.allowed) {
      throw conflict("renewal_not_allowed", { zh: `不能延期：${decision.reasons.join("；")}`, en: `cannot extend: ${decision.reasons.join("; ")}` }, { reasons: decision.reasons, renewalWindowOpensOn: renewalWindowOpensOn(l.validTo) });
    }
    after.validFrom = addDays(l.validTo, 1);
    after.validTo = decision.newValidTo;
    after.renewals = l.renewals + 1;
    summary = { ...summary, validFrom: after.validFrom, validTo: after.validTo, accidentsChecked: accidents.length };
  }
  if (action === "suspend") after.suspension = { source: "officer", reason, since: at };
  if (action === "cancel") after.cancellation = { ground: "officer", basis: CANCELLATION_BASIS.officer, on: today, reason };
  if (action === "restore") {
    if (l.suspension?.source === "major_hazard") {
      throw conflict("suspended_for_major_hazard", { zh: "该许可证因重大隐患停产整顿被暂扣，隐患销号后自动恢复", en: "suspended for a listed major hazard; it is restored when the hazard is written off" });
    }
    delete after.suspension;
  }
  const event = {
    licenceNumber: l.number,
    itemCode: l.itemCode,
    regionCode: l.regionCode,
    enterpriseId: l.enterpriseId,
    event: LICENCE_EVENTS[action],
    at,
    from: l.status,
    to: after.status,
    reason,
    actorId: actor.userId,
    // 暂扣 and 吊销 by an officer are administrative penalties (the blacklist reads this).
    ...(action === "suspend" || action === "revoke" ? { cause: "penalty" as const } : {}),
  };
  const eventId = newId();
  const writes: Write[] = [licenceUpdateWrite(l, after), licenceEventWrite(event, eventId)];
  if (check) writes.unshift(check);
  const view = await licenceView(after);
  return {
    licence: after,
    view: { ...view, history: [...view.history, { id: eventId, event: event.event, at, from: event.from, to: event.to, reason, actorId: actor.userId }] },
    writes,
    audit: [{ action: `licence.${action}`, entityType: "licence", entityId: l.number, regionCode: l.regionCode, enterpriseId: l.enterpriseId, summary, reason }] satisfies AuditEntry[],
  };
}
