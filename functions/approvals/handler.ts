// The approvals Lambda: parse (done by the stack), check who you are, decide with the pure rules
// (rules.ts, workflow.ts), return the writes and audit entries; the stack commits them together.
import type { AuditEntry } from "../../shared/audit.js";
import { diff } from "../../shared/audit.js";
import { HUBEI_PROVINCE_CODE, regionByCode, regionLevel } from "../../shared/codes/index.js";
import { and, between, type Condition, eq, isIn, type Page, type Write } from "../../shared/db.js";
import { getEnterprise } from "../../shared/enterprises.js";
import { type ApiError, conflict, forbidden, illegalTransition, invalidField, invalidFields, notFound, staleVersion } from "../../shared/errors.js";
import { etag, expectedVersion, lambda } from "../../shared/http.js";
import { newId } from "../../shared/ids.js";
import { type Actor, isProvinceAdmin } from "../../shared/policy.js";
import { reachable, requireRegion } from "../../shared/scope.js";
import { attachmentKey, downloadLink, presignUpload, verifyUpload } from "../../shared/storage.js";
import { addDays, shanghaiDate } from "../../shared/time.js";
import { currentListing } from "../credit/public.js";
import { heldItems, latestDelegations } from "./queue.js";
import { routes } from "./routes.js";
import {
  type ApplicationAction,
  acceptanceNoticeDeadline,
  type AuthorityCode,
  CANCELLATION_BASIS,
  type Calendars,
  type DelegationState,
  hadFatalAccident,
  holderOf,
  isSafetyProductionLicence,
  type LicenceAction,
  licenceNumber,
  licenceTransition,
  licenceValidTo,
  officerAuthority,
  powerList,
  renewalDecision,
  renewalWindowOpensOn,
  validateApprovalItem,
  validateYearCalendar,
} from "./rules.js";
import type { Application, Delegation, Licence, Step } from "./schemas.js";
import {
  type ApplicationBundle,
  type ApplicationRecord,
  applicationWrites,
  attachmentVerifiedWrites,
  attachmentWrites,
  authorityCheck,
  authorityRevoked,
  calendarWrite,
  createApplicationWrites,
  createDelegationWrites,
  decisionWrite,
  delegationState,
  getApplication,
  getApplicationBundle,
  getCatalogueItem,
  getDelegation,
  getLicence,
  itemVersions,
  itemWrites,
  licenceEventWrite,
  licenceHistory,
  licenceUpdateWrite,
  listApplicationsByRegion,
  listApplicationsOfEnterprise,
  listDelegations,
  listItems,
  listLicencesByRegion,
  listLicencesOfHolder,
  loadCalendars,
  newLicenceWrite,
  OPEN_STATES,
  openApplications,
  type StoredCalendar,
  type StoredItem,
  revokeDelegationWrites,
} from "./store.js";
import { allowedFor, applicationClock, applyAction, deemIfDue } from "./workflow.js";

const APPLICATION = { zh: "审批申请", en: "application" };
const LICENCE = { zh: "许可证", en: "licence" };
const ITEM = { zh: "审批事项", en: "approval item" };
const DELEGATION = { zh: "委托", en: "delegation" };

// ---------- helpers ----------

function requireProvinceAdmin(actor: Actor): void {
  if (!isProvinceAdmin(actor)) {
    throw forbidden("province_admin_required", { zh: "仅省级管理员可执行此操作", en: "only a province administrator may do this" });
  }
}

/** The public view of a catalogue item: no user ids. */
function itemOut(i: StoredItem) {
  const { updatedBy: _by, ...rest } = i;
  return rest;
}


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

async function requireItem(code: string): Promise<StoredItem> {
  const item = await getCatalogueItem(code);
  if (!item) throw notFound(ITEM);
  return item;
}

/** Who may act on a record of this item for this applicant, today; throws the 403 that says why not. */
async function authorise(actor: Actor, item: StoredItem, target: { regionCode: string; cityCode: string }, today: string) {
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

// ---------- the application as read ----------

/** What a view needs besides the record; an action passes what it already read. */
interface Loaded {
  calendars?: Calendars;
  item?: StoredItem;
  delegation?: DelegationState;
}

/** The clock fields every read of an application shows (list rows and the full view). */
function clockFields(app: ApplicationRecord, calendars: Calendars, today: string) {
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
async function withClocks(page: Page<ApplicationRecord>, now: Date) {
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

async function applicationView(bundle: ApplicationBundle, now: Date, loaded: Loaded = {}) {
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
  const ids = [...new Set(history.map((s) => s.delegationId).filter((d): d is string => !!d))];
  const delegations = await Promise.all(ids.map((id) => getDelegation(id)));
  return delegations
    .filter((d): d is Delegation => !!d && d.status === "revoked" && !!d.revokedAt)
    .map((d) => ({ event: "authority-returned" as const, at: d.revokedAt as string, delegationId: d.id, toRegion: HUBEI_PROVINCE_CODE }));
}

async function readBundle(actor: Actor, id: string): Promise<ApplicationBundle> {
  const bundle = await getApplicationBundle(id);
  reachable(actor, bundle?.app, APPLICATION);
  return bundle as ApplicationBundle;
}

function stepAudit(app: Application, steps: Step[]): AuditEntry[] {
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

function officerStep(action: ApplicationAction) {
  return async ({ params, body, actor, now }: { params: { id: string }; body: { reason?: string; missingMaterials?: string[] }; actor: Actor; now: Date }) => {
    const bundle = await readBundle(actor, params.id);
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
      reason: body.reason,
      missingMaterials: body.missingMaterials,
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
    return { body: view, headers: { etag: etag(result.app.version) }, writes, audit };
  };
}

// ---------- licence actions ----------

const LICENCE_EVENTS: Record<LicenceAction, "suspended" | "restored" | "revoked" | "cancelled" | "renewed"> = {
  suspend: "suspended",
  restore: "restored",
  revoke: "revoked",
  expire: "cancelled",
  cancel: "cancelled",
  renew: "renewed",
};

async function licenceView(l: Licence) {
  const history = await licenceHistory(l.number);
  return {
    ...l,
    history: history.map((e) => ({ id: e.id, event: e.event, at: e.at, from: e.from, to: e.to, ...(e.reason ? { reason: e.reason } : {}), actorId: e.actorId })),
    renewalWindowOpensOn: l.validTo ? renewalWindowOpensOn(l.validTo) : null,
  };
}

function licenceStep(action: Exclude<LicenceAction, "expire">) {
  return async ({ params, body, actor, now }: { params: { number: string }; body: { reason: string }; actor: Actor; now: Date }) => {
    const before = await getLicence(params.number, true);
    reachable(actor, before, LICENCE);
    const l = before as Licence;
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
    if (action === "suspend") after.suspension = { source: "officer", reason: body.reason, since: at };
    if (action === "cancel") after.cancellation = { ground: "officer", basis: CANCELLATION_BASIS.officer, on: today, reason: body.reason };
    if (action === "restore") {
      if (l.suspension?.source === "major_hazard") {
        throw conflict("suspended_for_major_hazard", { zh: "该许可证因重大隐患停产整顿被暂扣，隐患销号后自动恢复", en: "suspended for a listed major hazard; it is restored when the hazard is written off" });
      }
      delete after.suspension;
    }
    const event = { licenceNumber: l.number, itemCode: l.itemCode, regionCode: l.regionCode, enterpriseId: l.enterpriseId, event: LICENCE_EVENTS[action], at, from: l.status, to: after.status, reason: body.reason, actorId: actor.userId,
      // 暂扣 and 吊销 by an officer are administrative penalties (the blacklist reads this).
      ...(action === "suspend" || action === "revoke" ? { cause: "penalty" as const } : {}) };
    const eventId = newId();
    const writes: Write[] = [licenceUpdateWrite(l, after), licenceEventWrite(event, eventId)];
    if (check) writes.unshift(check);
    const view = await licenceView(after);
    return {
      body: { ...view, history: [...view.history, { id: eventId, event: event.event, at, from: event.from, to: event.to, reason: body.reason, actorId: actor.userId }] },
      headers: { etag: etag(after.version) },
      writes,
      audit: [{ action: `licence.${action}`, entityType: "licence", entityId: l.number, regionCode: l.regionCode, enterpriseId: l.enterpriseId, summary, reason: body.reason }],
    };
  };
}

// ---------- lists ----------

/** The list's own filters; `held` narrows it to the open applications of the items an officer holds. */
function applicationConditions(q: { state?: string; itemCode?: string }, held?: string[]): Condition | undefined {
  return and(eq("state", q.state), eq("itemCode", q.itemCode), held && isIn("itemCode", held), held && isIn("state", OPEN_STATES));
}

// ---------- the handler ----------

export const handler = lambda(routes, {
  // ----- catalogue, power list, calendar (public) -----
  listApprovalItems: async ({ query }) => {
    const items = (await listItems()).filter((i) => !query.category || i.category === query.category).sort((a, b) => a.code.localeCompare(b.code));
    return { body: { items: items.map(itemOut) }, headers: { "cache-control": "public, max-age=60" } };
  },

  getApprovalItem: async ({ params }) => {
    const item = await requireItem(params.id);
    return { body: itemOut(item), headers: { etag: etag(item.version), "cache-control": "public, max-age=60" } };
  },

  listApprovalItemVersions: async ({ params }) => {
    const versions = await itemVersions(params.id);
    if (versions.length === 0) throw notFound(ITEM);
    return { body: { items: versions.map(itemOut) } };
  },

  putApprovalItem: async ({ params, body, actor, headers, now }) => {
    requireProvinceAdmin(actor);
    const { changeReason, ...fields } = body;
    const errors = validateApprovalItem({ code: params.id, ...fields });
    if (errors.length > 0) throw invalidFields("body", errors);
    const before = await getCatalogueItem(params.id);
    let expected: number | undefined;
    if (before) {
      expected = expectedVersion(headers);
      if (before.version !== expected) throw staleVersion();
    }
    const after: StoredItem = { code: params.id, ...fields, version: (before?.version ?? 0) + 1, updatedAt: now.toISOString(), updatedBy: actor.userId, changeReason };
    const { version: _v, updatedAt: _u, updatedBy: _b, changeReason: _c, ...beforeFields } = before ?? ({} as StoredItem);
    return {
      status: before ? 200 : 201,
      body: itemOut(after),
      headers: { etag: etag(after.version) },
      writes: itemWrites(after, expected),
      audit: [{ action: before ? "approval_item.update" : "approval_item.create", entityType: "approval_item", entityId: params.id, regionCode: HUBEI_PROVINCE_CODE, summary: { version: after.version, changes: diff(beforeFields, { code: params.id, ...fields }) }, reason: changeReason }],
    };
  },

  powerList: async ({ now }) => {
    const today = shanghaiDate(now);
    const [items, delegations] = await Promise.all([listItems(), listDelegations()]);
    const entries = powerList([...items].sort((a, b) => a.code.localeCompare(b.code)), delegations, today).map((e) => ({
      ...e,
      delegatedTo: e.delegatedTo.map((d) => ({ ...d, cityName: regionByCode(d.cityCode)?.name ?? d.cityCode })),
    }));
    return { body: { generatedOn: today, items: entries }, headers: { "cache-control": "public, max-age=60" } };
  },

  getCalendar: async ({ params }) => {
    const stored = (await loadCalendars()).find((c) => c.year === params.year);
    if (!stored) {
      return {
        body: {
          year: params.year,
          holidays: [],
          makeUpWorkdays: [],
          source: null,
          fallback: true,
          note: `No State Council calendar is stored for ${params.year}: only weekends are rest days until an administrator adds it (未录入国务院节假日安排，按周末计算)`,
        },
      };
    }
    const { updatedBy: _b, ...rest } = stored;
    return { body: { ...rest, fallback: false }, headers: { etag: etag(stored.version) } };
  },

  putCalendar: async ({ params, body, actor, headers, now }) => {
    requireProvinceAdmin(actor);
    const cal = { year: params.year, holidays: [...body.holidays].sort(), makeUpWorkdays: [...body.makeUpWorkdays].sort(), source: body.source };
    const errors = validateYearCalendar(cal);
    if (errors.length > 0) throw invalidFields("body", errors);
    const before = (await loadCalendars()).find((c) => c.year === params.year);
    let expected: number | undefined;
    if (before) {
      expected = expectedVersion(headers);
      if (before.version !== expected) throw staleVersion();
    }
    const after: StoredCalendar = { ...cal, version: (before?.version ?? 0) + 1, updatedAt: now.toISOString(), updatedBy: actor.userId };
    const { updatedBy: _b, ...out } = after;
    return {
      status: before ? 200 : 201,
      body: { ...out, fallback: false },
      headers: { etag: etag(after.version) },
      writes: [calendarWrite(after, expected)],
      audit: [
        {
          action: before ? "calendar.update" : "calendar.create",
          entityType: "calendar",
          entityId: `calendar-${params.year}`,
          regionCode: HUBEI_PROVINCE_CODE,
          summary: before ? diff({ holidays: before.holidays, makeUpWorkdays: before.makeUpWorkdays, source: before.source }, cal) : { holidays: cal.holidays.length, makeUpWorkdays: cal.makeUpWorkdays.length },
        },
      ],
    };
  },

  verifyLicence: async ({ params }) => {
    const l = await getLicence(params.number);
    if (!l) throw notFound(LICENCE);
    return {
      body: { number: l.number, holderName: l.holderName, holderUscc: l.holderUscc, itemCode: l.itemCode, itemName: l.itemName, scope: l.scope, validFrom: l.validFrom, validTo: l.validTo, status: l.status, issuedOn: l.issuedOn },
    };
  },

  // ----- applications -----
  createApplication: async ({ body, actor, now }) => {
    const enterprise = await getEnterprise(actor.enterpriseId as string);
    if (!enterprise) throw forbidden("enterprise_unknown", { zh: "您的企业未登记", en: "your enterprise is not registered" });
    const item = await getCatalogueItem(body.itemCode);
    if (!item) throw invalidField("itemCode", { zh: `审批事项 ${body.itemCode} 不存在`, en: `no approval item ${body.itemCode}` });
    const at = now.toISOString();
    const app: ApplicationRecord = {
      id: newId(),
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      enterpriseUscc: enterprise.uscc,
      regionCode: enterprise.regionCode,
      cityCode: enterprise.cityCode,
      industryCode: enterprise.industryCode,
      gridId: enterprise.gridId ?? null,
      itemCode: item.code,
      itemName: item.name,
      itemVersion: item.version,
      scope: body.scope,
      materials: item.materials,
      limitWorkingDays: item.limitWorkingDays,
      state: "draft",
      pauses: [],
      extended: false,
      extensionDays: 0,
      stepCount: 0,
      version: 1,
      createdAt: at,
      createdBy: actor.userId,
      updatedAt: at,
    };
    return {
      status: 201,
      body: await applicationView({ app, steps: [], attachments: [] }, now, { item }),
      headers: { etag: etag(1), location: `/v1/applications/${app.id}` },
      writes: createApplicationWrites(app),
      audit: [{ action: "application.create", entityType: "application", entityId: app.id, regionCode: app.regionCode, enterpriseId: app.enterpriseId, summary: { itemCode: app.itemCode, itemVersion: app.itemVersion } }],
    };
  },

  listApplications: async ({ query, actor, now }) => {
    if (actor.role === "enterprise") {
      return { body: await withClocks(await listApplicationsOfEnterprise(actor.enterpriseId as string, applicationConditions(query), query.limit, query.cursor), now) };
    }
    const regionCode = query.regionCode ?? actor.regionCode;
    requireRegion(actor, regionCode);
    if (query.queue !== "true") {
      return { body: await withClocks(await listApplicationsByRegion(regionCode, () => applicationConditions(query), query.limit, query.cursor), now) };
    }
    if (actor.role !== "approval_officer") throw forbidden("officers_only", { zh: "仅审批人员有待办队列", en: "only approval officers have a queue" });
    // The queue: in each city, the items this officer holds there today.
    const today = shanghaiDate(now);
    const [items, delegations] = await Promise.all([listItems(), listDelegations()]);
    const latest = latestDelegations(delegations);
    const filterFor = (city: string) => {
      const held = heldItems(actor.regionCode, regionCode, city, items.filter((i) => !query.itemCode || i.code === query.itemCode), latest, today);
      if (held.length === 0) return null;
      return applicationConditions({ state: query.state }, held) ?? null;
    };
    return { body: await withClocks(await listApplicationsByRegion(regionCode, filterFor, query.limit, query.cursor), now) };
  },

  getApplication: async ({ params, actor, now }) => {
    const bundle = await readBundle(actor, params.id);
    return { body: await applicationView(bundle, now), headers: { etag: etag(bundle.app.version) } };
  },

  addAttachment: async ({ params, body, actor, now }) => {
    const app = reachable(actor, await getApplication(params.id), APPLICATION);
    if (app.state !== "draft" && app.state !== "missing_materials") {
      throw conflict("attachments_closed", { zh: `当前状态「${app.state}」不能上传材料`, en: `materials cannot be added in state '${app.state}'` }, { state: app.state, allowedStates: ["draft", "missing_materials"] });
    }
    if (!app.materials.includes(body.material)) {
      throw invalidField("material", { zh: `「${body.material}」不在该事项的材料清单中`, en: `'${body.material}' is not one of the item's materials` });
    }
    const id = newId();
    const key = attachmentKey("approvals", app.enterpriseId, app.id, body.fileName);
    const upload = await presignUpload(key, body.contentType, body.size);
    return {
      status: 201,
      body: { id, material: body.material, upload },
      writes: attachmentWrites({ id, applicationId: app.id, material: body.material, fileName: body.fileName, contentType: body.contentType, size: body.size, key, uploadedAt: now.toISOString(), verified: false }),
      audit: [{ action: "application.attachment", entityType: "application", entityId: app.id, regionCode: app.regionCode, enterpriseId: app.enterpriseId, summary: { attachmentId: id, material: body.material, fileName: body.fileName, size: body.size } }],
    };
  },

  getApplicationAttachment: async ({ params, actor }) => {
    const bundle = await readBundle(actor, params.id);
    const a = bundle.attachments.find((x) => x.id === params.attachmentId);
    if (!a) throw notFound({ zh: "附件", en: "attachment" });
    return { body: { id: a.id, material: a.material, fileName: a.fileName, contentType: a.contentType, size: a.size, download: await downloadLink(a.key, a.verifiedUpload, a) } };
  },

  submitApplication: async ({ params, actor, now }) => {
    const bundle = await readBundle(actor, params.id);
    const app = bundle.app;
    const today = shanghaiDate(now);
    if (app.state !== "draft" && app.state !== "missing_materials") throw illegalTransition("submit", app.state, allowedFor(app.state));
    // Every required material must really be in S3 as declared; after a notice, each material the
    // notice named must have been uploaded again since.
    const since = app.state === "missing_materials" ? app.missingNotice?.at : undefined;
    const renamed = new Set(since ? (app.missingNotice?.materials ?? []) : []);
    // Each upload is checked against S3 once, here, and what was found is kept with it.
    const checks = await Promise.all(bundle.attachments.map(async (a) => ({ a, found: a.verified ? undefined : await verifyUpload(a.key, a) })));
    const present = checks.filter((c) => c.a.verified || c.found).map((c) => c.a);
    const missing = app.materials.filter((m) => {
      const uploads = present.filter((a) => a.material === m);
      if (uploads.length === 0) return true;
      return since !== undefined && renamed.has(m) && !uploads.some((a) => a.uploadedAt > since);
    });
    if (missing.length > 0) {
      throw conflict("materials_missing", { zh: `以下材料尚未上传：${missing.join("、")}`, en: `these materials are not uploaded yet: ${missing.join(", ")}` }, { missing });
    }
    const calendars = await loadCalendars();
    const result = applyAction(app, "submit", { actor, at: now.toISOString(), today, calendars });
    const newlyVerified = checks.flatMap(({ a, found }) => (found ? [{ a, verified: found }] : []));
    const newlyIds = new Set(newlyVerified.map((n) => n.a.id));
    return {
      body: await applicationView(
        { app: result.app, steps: [...bundle.steps, ...result.steps], attachments: bundle.attachments.map((a) => (newlyIds.has(a.id) ? { ...a, verified: true } : a)) },
        now,
        { calendars },
      ),
      headers: { etag: etag(result.app.version) },
      writes: [...applicationWrites(app, result.app, result.steps), ...attachmentVerifiedWrites(newlyVerified)],
      audit: stepAudit(app, result.steps),
    };
  },

  acceptApplication: officerStep("accept"),
  notifyMissingMaterials: officerStep("notify-missing"),
  declineApplication: officerStep("decline"),
  passReview: officerStep("review-pass"),
  pauseApplication: officerStep("pause"),
  resumeApplication: officerStep("resume"),
  extendApplication: officerStep("extend"),
  approveApplication: officerStep("approve"),
  refuseApplication: officerStep("refuse"),
  issueLicence: officerStep("issue"),

  // ----- licences -----
  listLicences: async ({ query, actor, now }) => {
    const today = shanghaiDate(now);
    const expiring = query.expiringWithinDays === undefined ? undefined : and(between("validTo", today, addDays(today, query.expiringWithinDays)), eq("status", "valid"));
    const filter = and(eq("itemCode", query.itemCode), eq("status", query.status), expiring);
    if (actor.role === "enterprise") {
      return { body: await listLicencesOfHolder(actor.enterpriseId as string, filter, query.limit, query.cursor) };
    }
    const regionCode = query.regionCode ?? actor.regionCode;
    requireRegion(actor, regionCode);
    return { body: await listLicencesByRegion(regionCode, filter, query.limit, query.cursor) };
  },

  getLicenceHistory: async ({ params, actor }) => {
    const l = reachable(actor, await getLicence(params.number), LICENCE);
    return { body: await licenceView(l), headers: { etag: etag(l.version) } };
  },

  renewLicence: licenceStep("renew"),
  suspendLicence: licenceStep("suspend"),
  restoreLicence: licenceStep("restore"),
  revokeLicence: licenceStep("revoke"),
  cancelLicence: licenceStep("cancel"),

  // ----- delegations -----
  createDelegation: async ({ body, actor, now }) => {
    requireProvinceAdmin(actor);
    const today = shanghaiDate(now);
    const item = await getCatalogueItem(body.itemCode);
    if (!item) throw invalidField("itemCode", { zh: `审批事项 ${body.itemCode} 不存在`, en: `no approval item ${body.itemCode}` });
    if (item.issuer !== "province_delegable") {
      throw invalidField("itemCode", { zh: `事项 ${item.code} 不可委托（${item.issuer}）`, en: `item ${item.code} cannot be delegated (${item.issuer})` }, "not_delegable");
    }
    if (regionLevel(body.cityCode) !== "city") throw invalidField("cityCode", { zh: "须为市（州）级行政区划代码", en: "must be a city-level region code" });
    if (body.startDate < today) throw invalidField("startDate", { zh: "起始日期不得早于今天", en: "the start date may not be in the past" });
    const previous = await delegationState(item.code, body.cityCode, true);
    if (previous?.status === "active") {
      throw conflict("already_delegated", { zh: `事项 ${item.code} 已委托给 ${body.cityCode}`, en: `item ${item.code} is already delegated to ${body.cityCode}` }, { delegationId: previous.delegationId });
    }
    const d: Delegation = { id: newId(), itemCode: item.code, cityCode: body.cityCode, startDate: body.startDate, status: "active", ...(body.reason ? { reason: body.reason } : {}), createdAt: now.toISOString(), createdBy: actor.userId, version: 1 };
    return {
      status: 201,
      body: d,
      headers: { etag: etag(1), location: `/v1/delegations/${d.id}` },
      writes: createDelegationWrites(d, previous),
      audit: [{ action: "delegation.create", entityType: "delegation", entityId: d.id, regionCode: body.cityCode, summary: { itemCode: d.itemCode, cityCode: d.cityCode, startDate: d.startDate }, reason: body.reason }],
    };
  },

  listDelegations: async ({ query }) => {
    const all = (await listDelegations())
      .filter((d) => (!query.itemCode || d.itemCode === query.itemCode) && (!query.cityCode || d.cityCode === query.cityCode) && (!query.status || d.status === query.status))
      .sort((a, b) => b.id.localeCompare(a.id));
    return { body: { items: all } };
  },

  revokeDelegation: async ({ params, body, actor, now }) => {
    requireProvinceAdmin(actor);
    const before = await getDelegation(params.id);
    if (!before) throw notFound(DELEGATION);
    if (before.status !== "active") throw illegalTransition("revoke", before.status, []);
    const claim = await delegationState(before.itemCode, before.cityCode, true);
    if (!claim || claim.delegationId !== before.id) throw staleVersion();
    const at = now.toISOString();
    const after: Delegation = { ...before, status: "revoked", revokedAt: at, revokedBy: actor.userId, revokeReason: body.reason, version: before.version + 1 };
    // The authority is read live from the delegation, so the in-progress applications are the
    // province's from this commit on; they are named here for the record.
    const returned = (await openApplications(before.cityCode)).filter((a) => a.itemCode === before.itemCode).map((a) => a.id);
    return {
      body: { ...after, applicationsReturned: returned },
      writes: revokeDelegationWrites(before, after, claim.version),
      audit: [{ action: "delegation.revoke", entityType: "delegation", entityId: before.id, regionCode: before.cityCode, summary: { itemCode: before.itemCode, cityCode: before.cityCode, applicationsReturned: returned }, reason: body.reason }],
    };
  },
});
