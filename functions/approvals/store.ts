// Approvals storage: catalogue, calendars, delegations, applications (and their attachments' objects in S3), licences.
//
// Access patterns (table pk / sk; indexes named):
//   catalogue, current items       pk APCAT                   sk ITEM#<code>
//   catalogue item versions        pk APITEM#<code>           sk V#<000001>        (every version kept)
//   State Council calendars        pk APCAL                   sk <year>
//   delegation by id               pk APDEL#<id>              sk APDEL
//   all delegations                gsi1 APDELS                / <id>
//   delegation of (item, city)     pk APDELIC#<item>#<city>   sk APDELIC           (the one in force or the last
//                                  revoked; actions put a ConditionCheck on it, so a decision by a city that no
//                                  longer holds the item cannot commit even in a race)
//   application                    pk APP#<id>                sk APP
//   its steps (append-only)        pk APP#<id>                sk STEP#<0001>
//   its attachments                pk APP#<id>                sk ATT#<id>
//   attachments of one material    pk APP#<id>                sk ATTCOUNT#<material> (holds the per-record cap, shared/storage.ts)
//   its decision                   pk APP#<id>                sk DEC               gsi4 APPDEC (shared/periods.ts)
//   applications of an enterprise  gsi1 APPENT#<enterpriseId> / <id>
//   applications by region         gsi2 APPCITY#<city>        / <county>#<id>
//   open applications (daily job)  gsi3 APPOPEN#<city>        / <id>               (submitted .. approved only)
//   licence                        pk LIC#<number>            sk LIC
//   its status events              pk LIC#<number>            sk EVT#<at>#<id>     gsi4 LICEVT (shared/periods.ts)
//   licences of a holder           gsi1 LICENT#<enterpriseId> / <number>
//   licences by region             gsi2 LICCITY#<city>        / <county>#<number>
//   live licences by end date      gsi3 LICLIVE#<city>        / <validTo>#<number> (valid or suspended, with a validTo)
//
// Every item read is parsed with its record's schema (schemas.ts) after its keys are stripped.
import type * as z from "zod/mini";
import { parseRecord } from "../../shared/records.js";
import { CITY_CODES, cityOf, countyOf, regionLevel } from "../../shared/codes/index.js";
import {
  and,
  between,
  type Condition,
  check,
  eq,
  exists,
  filterOf,
  getItem,
  gt,
  type Item,
  isIn,
  missing,
  or,
  type Page,
  type Partition,
  putNew,
  putVersioned,
  query,
  queryAcross,
  queryAll,
  update,
  withinRegion,
  type Write,
} from "../../shared/db.js";
import { conflict, forbidden } from "../../shared/errors.js";
import { newId } from "../../shared/ids.js";
import { attachmentKey, attachmentSlot, downloadLink, presignUpload, type VerifiedUpload, verifyUpload } from "../../shared/storage.js";
import { periodIndexKeys, readMonths } from "../../shared/periods.js";
import type { Holder, LicenceStatus } from "./rules.js";
import {
  Application,
  ApplicationDecision,
  AttachmentRecord,
  CalendarRecord,
  CatalogueItem,
  DelegationClaim,
  type Delegation,
  DelegationRecord,
  Licence,
  LicenceEventRecord,
  Step,
} from "./schemas.js";

export type { LicenceEventRecord } from "./schemas.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

const parseAll = <S extends z.ZodMiniType>(schema: S, items: Item[]): z.output<S>[] => items.map((i) => parseRecord(schema, i));

// ---------- catalogue ----------

/** The current item and its version snapshot. */
export function itemRecords(item: CatalogueItem): { current: Item & { version: number }; snapshot: Item } {
  return {
    current: { pk: "APCAT", sk: `ITEM#${item.code}`, entity: "approval_item", ...item },
    snapshot: { pk: `APITEM#${item.code}`, sk: `V#${pad(item.version, 6)}`, entity: "approval_item_version", ...item },
  };
}

export function itemWrites(item: CatalogueItem, expectedVersion: number | undefined): Write[] {
  const { current, snapshot } = itemRecords(item);
  const exists = conflict("item_exists", { zh: `事项 ${item.code} 已存在，请带 If-Match 修改`, en: `item ${item.code} exists; send If-Match to change it` });
  return [
    expectedVersion === undefined ? putNew(current, exists) : putVersioned(current, expectedVersion),
    putNew(snapshot),
  ];
}

export async function listItems(): Promise<CatalogueItem[]> {
  return parseAll(CatalogueItem, await queryAll({ pk: "APCAT", sk: { beginsWith: "ITEM#" } }));
}

export async function getCatalogueItem(code: string): Promise<CatalogueItem | undefined> {
  const item = await getItem("APCAT", `ITEM#${code}`);
  return item ? parseRecord(CatalogueItem, item) : undefined;
}

export async function itemVersions(code: string): Promise<CatalogueItem[]> {
  return parseAll(CatalogueItem, await queryAll({ pk: `APITEM#${code}`, sk: { beginsWith: "V#" } }));
}

// ---------- calendars ----------

export function calendarRecord(cal: CalendarRecord): Item & { version: number } {
  return { pk: "APCAL", sk: String(cal.year), entity: "calendar", ...cal };
}

export function calendarWrite(cal: CalendarRecord, expectedVersion: number | undefined): Write {
  const item = calendarRecord(cal);
  const exists = conflict("calendar_exists", { zh: `${cal.year} 年日历已存在，请带 If-Match 修改`, en: `the ${cal.year} calendar exists; send If-Match to change it` });
  return expectedVersion === undefined ? putNew(item, exists) : putVersioned(item, expectedVersion);
}

/** Every stored year (a handful of small items): read per request so an admin's change applies at once. */
export async function loadCalendars(): Promise<CalendarRecord[]> {
  return parseAll(CalendarRecord, await queryAll({ pk: "APCAL" }));
}

// ---------- delegations ----------

const claimKey = (itemCode: string, cityCode: string) => ({ pk: `APDELIC#${itemCode}#${cityCode}`, sk: "APDELIC" });

export function delegationItem(d: Delegation): Item & { version: number } {
  return { pk: `APDEL#${d.id}`, sk: "APDEL", entity: "delegation", gsi1pk: "APDELS", gsi1sk: d.id, ...d };
}

export async function getDelegation(id: string): Promise<Delegation | undefined> {
  const item = await getItem(`APDEL#${id}`, "APDEL");
  return item ? parseRecord(DelegationRecord, item) : undefined;
}

export async function listDelegations(): Promise<Delegation[]> {
  return parseAll(DelegationRecord, await queryAll({ index: "gsi1", pk: "APDELS" }));
}

export async function delegationState(itemCode: string, cityCode: string, consistent = false): Promise<DelegationClaim | undefined> {
  const { pk, sk } = claimKey(itemCode, cityCode);
  const item = await getItem(pk, sk, consistent);
  return item ? parseRecord(DelegationClaim, item) : undefined;
}

function claimItem(d: Delegation): Item {
  const claim: DelegationClaim = {
    delegationId: d.id,
    itemCode: d.itemCode,
    cityCode: d.cityCode,
    status: d.status,
    startDate: d.startDate,
    ...(d.revokedAt ? { revokedAt: d.revokedAt } : {}),
    version: d.version,
  };
  return { ...claimKey(d.itemCode, d.cityCode), entity: "delegation_claim", ...claim };
}

/** A new delegation; at most one in force per (item, city). */
export function createDelegationWrites(d: Delegation, previous: DelegationClaim | undefined): Write[] {
  const claim = claimItem(d);
  return [
    previous ? putVersioned({ ...claim, version: previous.version }, previous.version) : putNew(claim, alreadyDelegated(d)),
    putNew(delegationItem(d)),
  ];
}

const alreadyDelegated = (d: Pick<Delegation, "itemCode" | "cityCode">) =>
  conflict("already_delegated", { zh: `事项 ${d.itemCode} 已委托给 ${d.cityCode}`, en: `item ${d.itemCode} is already delegated to ${d.cityCode}` });

export function revokeDelegationWrites(before: Delegation, after: Delegation, claimVersion: number): Write[] {
  return [putVersioned(delegationItem(after), before.version), putVersioned({ ...claimItem(after), version: claimVersion }, claimVersion)];
}

/**
 * The ConditionCheck every officer action carries: the holder the handler decided on must still hold
 * the item when the write commits (a revocation or a new delegation in between makes it fail).
 */
export function authorityCheck(itemCode: string, cityCode: string, holder: Holder, delegable: boolean, today: string): Write | undefined {
  if (holder.level === "city") {
    // A city holds the item only under this delegation (never an absent id matching anything).
    return checkClaim(itemCode, cityCode, and(eq("status", "active"), eq("delegationId", holder.delegationId ?? "")), authorityRevoked());
  }
  if (holder.level === "province" && delegable) {
    return checkClaim(
      itemCode,
      cityCode,
      or(missing("pk"), eq("status", "revoked"), gt("startDate", today)),
      conflict("delegated_to_city", { zh: "该事项已委托市级办理，请刷新", en: "the item has just been delegated to the city; reload" }),
    );
  }
  return undefined;
}

/** A ConditionCheck on the (item, city) claim; the condition compiles as a filter does (same grammar). */
function checkClaim(itemCode: string, cityCode: string, condition: Condition | undefined, onFail: Error): Write {
  const { pk, sk } = claimKey(itemCode, cityCode);
  return check(pk, sk, condition, onFail);
}

export const authorityRevoked = () =>
  forbidden("authority_revoked", { zh: "该事项的委托许可权限已被省级收回", en: "the province has taken back the delegated authority for this item" });

// ---------- applications ----------

export const OPEN_STATES: readonly Application["state"][] = ["submitted", "under_review", "paused", "reviewed", "approved"];

export function applicationItem(a: Application): Item & { version: number } {
  const county = countyOf(a.regionCode);
  return {
    pk: `APP#${a.id}`,
    sk: "APP",
    entity: "application",
    gsi1pk: `APPENT#${a.enterpriseId}`,
    gsi1sk: a.id,
    gsi2pk: `APPCITY#${a.cityCode}`,
    gsi2sk: `${county}#${a.id}`,
    ...(OPEN_STATES.includes(a.state) ? { gsi3pk: `APPOPEN#${a.cityCode}`, gsi3sk: a.id } : {}),
    ...a,
  };
}

export function stepItem(appId: string, s: Step): Item {
  return { pk: `APP#${appId}`, sk: `STEP#${pad(s.seq, 4)}`, entity: "application_step", ...s };
}

export function createApplicationWrites(a: Application): Write[] {
  return [putNew(applicationItem(a))];
}

/** A workflow step: the record moves on from the version read, and each new step is appended. */
export function applicationWrites(before: { version: number }, after: Application, steps: Step[]): Write[] {
  return [putVersioned(applicationItem(after), before.version), ...steps.map((s) => putNew(stepItem(after.id, s)))];
}

/** Where a declared material goes in S3, and the presigned PUT that puts it there. */
export async function attachmentUpload(app: Pick<Application, "id" | "enterpriseId">, fileName: string, contentType: string, size: number) {
  const key = attachmentKey("approvals", app.enterpriseId, app.id, fileName);
  return { key, upload: await presignUpload(key, contentType, size) };
}

/** What S3 holds for an attachment if it is the declared upload (one HEAD), else undefined. */
export const verifiedUpload = (a: AttachmentRecord) => verifyUpload(a.key, a);

/** A short-lived link to exactly the object submit verified. */
export const attachmentDownload = (a: AttachmentRecord) => downloadLink(a.key, a.verifiedUpload, a);

/** The attachment and its slot under the per-material cap, in one transaction. */
export function attachmentWrites(a: AttachmentRecord): Write[] {
  return [
    attachmentSlot(`APP#${a.applicationId}`, `ATTCOUNT#${a.material}`, { zh: "每项材料", en: "one material" }),
    putNew({ pk: `APP#${a.applicationId}`, sk: `ATT#${a.id}`, entity: "application_attachment", ...a }),
  ];
}

/** Records what S3 held when each attachment was verified (an added fact; attachments carry no version). */
export function attachmentVerifiedWrites(list: { a: AttachmentRecord; verified: VerifiedUpload }[]): Write[] {
  return list.map(({ a, verified }) =>
    update(`APP#${a.applicationId}`, `ATT#${a.id}`, "SET verified = :t, verifiedUpload = :v", { condition: exists("pk"), values: { ":t": true, ":v": verified } }),
  );
}

export interface ApplicationBundle {
  app: Application;
  steps: Step[];
  attachments: AttachmentRecord[];
}

export async function getApplicationBundle(id: string): Promise<ApplicationBundle | undefined> {
  const items = await queryAll({ pk: `APP#${id}` });
  const app = items.find((i) => i.sk === "APP");
  if (!app) return undefined;
  return {
    app: parseRecord(Application, app),
    steps: parseAll(Step, items.filter((i) => String(i.sk).startsWith("STEP#"))),
    attachments: parseAll(AttachmentRecord, items.filter((i) => String(i.sk).startsWith("ATT#"))),
  };
}

export async function getApplication(id: string, consistent = false): Promise<Application | undefined> {
  const item = await getItem(`APP#${id}`, "APP", consistent);
  return item ? parseRecord(Application, item) : undefined;
}

/** 行政许可法 decisions feed the period index (APPDEC) for the approvals-within-limit indicator. */
export function decisionWrite(a: Application, decision: ApplicationDecision["decision"], decidedOn: string, dueDate: string): Write {
  const record: ApplicationDecision = { id: a.id, regionCode: a.regionCode, enterpriseId: a.enterpriseId, itemCode: a.itemCode, decision, decidedOn, dueDate, withinLimit: decidedOn <= dueDate };
  return putNew({ pk: `APP#${a.id}`, sk: "DEC", entity: "application_decision", ...periodIndexKeys("APPDEC", decidedOn, a.regionCode, a.id), ...record });
}

/** What a list of applications may be narrowed to. */
export interface ApplicationQuery {
  state?: Application["state"];
  itemCode?: string;
  /** An officer's queue: per city, the items the officer holds there; only their open applications. */
  heldIn?: (cityCode: string) => string[];
}

/** A list's own conditions; in the queue, each city's held items and only the open states. */
function applicationConditions(q: ApplicationQuery, held?: string[]): Condition | undefined {
  return held ? and(eq("state", q.state), isIn("itemCode", held), isIn("state", OPEN_STATES)) : and(eq("state", q.state), eq("itemCode", q.itemCode));
}

export async function listApplicationsOfEnterprise(enterpriseId: string, q: ApplicationQuery, limit: number, cursor?: string): Promise<Page<Application>> {
  return clean(await query({ index: "gsi1", pk: `APPENT#${enterpriseId}`, filter: filterOf(applicationConditions(q)), limit, cursor, newestFirst: true }));
}

/**
 * Applications in a region, city partition by city partition; an officer's queue narrows each
 * city's partition to the items held there (a province officer holds different items in different
 * cities) and leaves out the cities where none is held.
 */
export async function listApplicationsByRegion(regionCode: string, q: ApplicationQuery, limit: number, cursor?: string): Promise<Page<Application>> {
  const { heldIn } = q;
  const conditionsFor = (city: string): Condition | undefined | null => {
    if (!heldIn) return applicationConditions(q);
    const held = heldIn(city);
    return held.length === 0 ? null : applicationConditions(q, held);
  };
  return clean(await queryAcross(regionPartitions("APPCITY", regionCode, conditionsFor), { index: "gsi2", limit }, cursor));
}

/** The city partitions of a region's list (gsi2, keyed `<county>#…`), each with its filter; null leaves a city out. */
function regionPartitions(prefix: "APPCITY" | "LICCITY", regionCode: string, conditionsFor: (cityCode: string) => Condition | undefined | null): Partition[] {
  const level = regionLevel(regionCode);
  const cities = level === "province" ? CITY_CODES() : [cityOf(regionCode) ?? regionCode];
  const county = level === "county" || level === "township" ? countyOf(regionCode) : undefined;
  const out: Partition[] = [];
  for (const city of cities) {
    const conditions = conditionsFor(city);
    if (conditions === null) continue;
    out.push({ pk: `${prefix}#${city}`, sk: county ? { beginsWith: `${county}#` } : undefined, filter: filterOf(withinRegion(regionCode), conditions) });
  }
  return out;
}

export async function openApplications(cityCode: string): Promise<Application[]> {
  return parseAll(Application, await queryAll({ index: "gsi3", pk: `APPOPEN#${cityCode}` }));
}

function clean(page: Page<Item>): Page<Application> {
  return { items: parseAll(Application, page.items), nextCursor: page.nextCursor };
}

// ---------- licences ----------

const LIVE: readonly LicenceStatus[] = ["valid", "suspended"];

export function licenceItem(l: Licence): Item & { version: number } {
  return {
    pk: `LIC#${l.number}`,
    sk: "LIC",
    entity: "licence",
    gsi1pk: `LICENT#${l.enterpriseId}`,
    gsi1sk: l.number,
    gsi2pk: `LICCITY#${l.cityCode}`,
    gsi2sk: `${countyOf(l.regionCode)}#${l.number}`,
    ...(LIVE.includes(l.status) && l.validTo ? { gsi3pk: `LICLIVE#${l.cityCode}`, gsi3sk: `${l.validTo}#${l.number}` } : {}),
    ...l,
  };
}

export async function getLicence(number: string, consistent = false): Promise<Licence | undefined> {
  const item = await getItem(`LIC#${number}`, "LIC", consistent);
  return item ? parseRecord(Licence, item) : undefined;
}

/** A licence status event, also a period-index record (LICEVT) for the roll-ups. */
export function licenceEventRecord(e: Omit<LicenceEventRecord, "id">, id = newId()): Item {
  return { pk: `LIC#${e.licenceNumber}`, sk: `EVT#${e.at}#${id}`, entity: "licence_event", ...periodIndexKeys("LICEVT", e.at, e.regionCode, id), id, ...e };
}

export function licenceEventWrite(e: Omit<LicenceEventRecord, "id">, id = newId()): Write {
  return putNew(licenceEventRecord(e, id));
}

export async function licenceHistory(number: string): Promise<LicenceEventRecord[]> {
  return parseAll(LicenceEventRecord, await queryAll({ pk: `LIC#${number}`, sk: { beginsWith: "EVT#" } }));
}

/** A licence replaced from the version read (status changes, renewals). */
export function licenceUpdateWrite(before: Licence, after: Licence): Write {
  return putVersioned(licenceItem(after), before.version);
}

export async function licencesOfHolder(enterpriseId: string): Promise<Licence[]> {
  return parseAll(Licence, await queryAll({ index: "gsi1", pk: `LICENT#${enterpriseId}` }));
}

/** What a list of licences may be narrowed to. */
export interface LicenceQuery {
  itemCode?: string;
  status?: LicenceStatus;
  /** Valid licences whose validity ends within these dates (inclusive). */
  validToWithin?: readonly [string, string];
}

function licenceConditions(q: LicenceQuery): Condition | undefined {
  const expiring = q.validToWithin && and(between("validTo", q.validToWithin[0], q.validToWithin[1]), eq("status", "valid"));
  return and(eq("itemCode", q.itemCode), eq("status", q.status), expiring);
}

export async function listLicencesOfHolder(enterpriseId: string, q: LicenceQuery, limit: number, cursor?: string): Promise<Page<Licence>> {
  const page = await query({ index: "gsi1", pk: `LICENT#${enterpriseId}`, filter: filterOf(licenceConditions(q)), limit, cursor });
  return { items: parseAll(Licence, page.items), nextCursor: page.nextCursor };
}

export async function listLicencesByRegion(regionCode: string, q: LicenceQuery, limit: number, cursor?: string): Promise<Page<Licence>> {
  const conditions = licenceConditions(q);
  const page = await queryAcross(regionPartitions("LICCITY", regionCode, () => conditions), { index: "gsi2", limit }, cursor);
  return { items: parseAll(Licence, page.items), nextCursor: page.nextCursor };
}

/** Valid or suspended licences of a city whose validTo lies in [from, to] (dates). */
export async function liveLicencesEnding(cityCode: string, from: string, to: string): Promise<(Licence & { validTo: string })[]> {
  const live = parseAll(Licence, await queryAll({ index: "gsi3", pk: `LICLIVE#${cityCode}`, sk: { between: [`${from}#`, `${to}#~`] } }));
  // The index holds only licences with an end date (licenceItem).
  return live.flatMap((l) => (l.validTo === null ? [] : [{ ...l, validTo: l.validTo }]));
}

export function newLicenceWrite(l: Licence): Write {
  return putNew(licenceItem(l), conflict("licence_number_taken", { zh: `证书编号 ${l.number} 已存在`, en: `licence number ${l.number} exists` }));
}

// ---------- the period index: what statistics and the blacklist count ----------

/** 行政许可法 decisions made in these months (`YYYY-MM`). */
export async function decisionsOfMonths(months: readonly string[]): Promise<ApplicationDecision[]> {
  return (await readMonths("APPDEC", months)).map((i) => parseRecord(ApplicationDecision, i));
}

/** Licence status events of these months. */
export async function licenceEventsOfMonths(months: readonly string[]): Promise<LicenceEventRecord[]> {
  return (await readMonths("LICEVT", months)).map((i) => parseRecord(LicenceEventRecord, i));
}
