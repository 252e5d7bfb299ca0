// Approvals storage: catalogue, calendars, delegations, applications, licences.
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
import { CITY_CODES, cityOf, countyOf, regionLevel } from "../../shared/codes/index.js";
import { check, type Condition, filterOf, getItem, type Item, type Page, type Partition, putNew, putVersioned, query, queryAcross, queryAll, strip, update, withinRegion, type Write } from "../../shared/db.js";
import { conflict, forbidden } from "../../shared/errors.js";
import { newId } from "../../shared/ids.js";
import { attachmentSlot, type VerifiedUpload } from "../../shared/storage.js";
import { periodIndexKeys } from "../../shared/periods.js";
import type { ApprovalItem, DelegationState, Holder, LicenceStatus, YearCalendar } from "./rules.js";
import type { Application, Delegation, Licence, Step } from "./schemas.js";

const pad = (n: number, width: number) => String(n).padStart(width, "0");

// ---------- catalogue ----------

export interface StoredItem extends ApprovalItem {
  version: number;
  updatedAt: string;
  updatedBy: string;
  changeReason?: string;
}

/** The current item and its version snapshot. */
export function itemRecords(item: StoredItem): { current: Item & { version: number }; snapshot: Item } {
  return {
    current: { pk: "APCAT", sk: `ITEM#${item.code}`, entity: "approval_item", ...item },
    snapshot: { pk: `APITEM#${item.code}`, sk: `V#${pad(item.version, 6)}`, entity: "approval_item_version", ...item },
  };
}

export function itemWrites(item: StoredItem, expectedVersion: number | undefined): Write[] {
  const { current, snapshot } = itemRecords(item);
  const exists = conflict("item_exists", { zh: `事项 ${item.code} 已存在，请带 If-Match 修改`, en: `item ${item.code} exists; send If-Match to change it` });
  return [
    expectedVersion === undefined ? putNew(current, exists) : putVersioned(current, expectedVersion),
    putNew(snapshot),
  ];
}

export async function listItems(): Promise<StoredItem[]> {
  return (await queryAll({ pk: "APCAT", sk: { beginsWith: "ITEM#" } })).map((i) => strip(i) as unknown as StoredItem);
}

export async function getCatalogueItem(code: string): Promise<StoredItem | undefined> {
  const item = await getItem("APCAT", `ITEM#${code}`);
  return item ? (strip(item) as unknown as StoredItem) : undefined;
}

export async function itemVersions(code: string): Promise<StoredItem[]> {
  return (await queryAll({ pk: `APITEM#${code}`, sk: { beginsWith: "V#" } })).map((i) => strip(i) as unknown as StoredItem);
}

// ---------- calendars ----------

export interface StoredCalendar extends YearCalendar {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export function calendarRecord(cal: StoredCalendar): Item & { version: number } {
  return { pk: "APCAL", sk: String(cal.year), entity: "calendar", ...cal };
}

export function calendarWrite(cal: StoredCalendar, expectedVersion: number | undefined): Write {
  const item = calendarRecord(cal);
  const exists = conflict("calendar_exists", { zh: `${cal.year} 年日历已存在，请带 If-Match 修改`, en: `the ${cal.year} calendar exists; send If-Match to change it` });
  return expectedVersion === undefined ? putNew(item, exists) : putVersioned(item, expectedVersion);
}

/** Every stored year (a handful of small items): read per request so an admin's change applies at once. */
export async function loadCalendars(): Promise<StoredCalendar[]> {
  return (await queryAll({ pk: "APCAL" })).map((i) => strip(i) as unknown as StoredCalendar);
}

// ---------- delegations ----------

interface DelegationClaim extends DelegationState {
  itemCode: string;
  revokedAt?: string;
  version: number;
}

const claimKey = (itemCode: string, cityCode: string) => ({ pk: `APDELIC#${itemCode}#${cityCode}`, sk: "APDELIC" });

export function delegationItem(d: Delegation): Item {
  return { pk: `APDEL#${d.id}`, sk: "APDEL", entity: "delegation", gsi1pk: "APDELS", gsi1sk: d.id, ...d };
}

export async function getDelegation(id: string): Promise<Delegation | undefined> {
  const item = await getItem(`APDEL#${id}`, "APDEL");
  return item ? (strip(item) as Delegation) : undefined;
}

export async function listDelegations(): Promise<Delegation[]> {
  return (await queryAll({ index: "gsi1", pk: "APDELS" })).map((i) => strip(i) as Delegation);
}

export async function delegationState(itemCode: string, cityCode: string, consistent = false): Promise<DelegationClaim | undefined> {
  const { pk, sk } = claimKey(itemCode, cityCode);
  const item = await getItem(pk, sk, consistent);
  return item ? (strip(item) as unknown as DelegationClaim) : undefined;
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
  return [putVersioned(delegationItem(after) as Item & { version: number }, before.version), putVersioned({ ...claimItem(after), version: claimVersion }, claimVersion)];
}

/**
 * The ConditionCheck every officer action carries: the holder the handler decided on must still hold
 * the item when the write commits (a revocation or a new delegation in between makes it fail).
 */
export function authorityCheck(itemCode: string, cityCode: string, holder: Holder, delegable: boolean, today: string): Write | undefined {
  const { pk, sk } = claimKey(itemCode, cityCode);
  if (holder.level === "city") {
    return check(pk, sk, "#s = :active AND delegationId = :d", authorityRevoked(), { "#s": "status" }, { ":active": "active", ":d": holder.delegationId });
  }
  if (holder.level === "province" && delegable) {
    return check(
      pk,
      sk,
      "attribute_not_exists(pk) OR #s = :revoked OR startDate > :today",
      conflict("delegated_to_city", { zh: "该事项已委托市级办理，请刷新", en: "the item has just been delegated to the city; reload" }),
      { "#s": "status" },
      { ":revoked": "revoked", ":today": today },
    );
  }
  return undefined;
}

export const authorityRevoked = () =>
  forbidden("authority_revoked", { zh: "该事项的委托许可权限已被省级收回", en: "the province has taken back the delegated authority for this item" });

// ---------- applications ----------

export const OPEN_STATES: readonly Application["state"][] = ["submitted", "under_review", "paused", "reviewed", "approved"];

export type ApplicationRecord = Application;

export function applicationItem(a: ApplicationRecord): Item & { version: number } {
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

export function createApplicationWrites(a: ApplicationRecord): Write[] {
  return [putNew(applicationItem(a))];
}

/** A workflow step: the record moves on from the version read, and each new step is appended. */
export function applicationWrites(before: { version: number }, after: ApplicationRecord, steps: Step[]): Write[] {
  return [putVersioned(applicationItem(after), before.version), ...steps.map((s) => putNew(stepItem(after.id, s)))];
}

export interface AttachmentRecord {
  id: string;
  applicationId: string;
  material: string;
  fileName: string;
  contentType: string;
  size: number;
  key: string;
  uploadedAt: string;
  verified: boolean;
  /** What S3 held when submit verified it; later reads and links pin exactly that object. */
  verifiedUpload?: VerifiedUpload;
}

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
    update(`APP#${a.applicationId}`, `ATT#${a.id}`, "SET verified = :t, verifiedUpload = :v", { condition: "attribute_exists(pk)", values: { ":t": true, ":v": verified } }),
  );
}

export interface ApplicationBundle {
  app: ApplicationRecord;
  steps: Step[];
  attachments: AttachmentRecord[];
}

export async function getApplicationBundle(id: string): Promise<ApplicationBundle | undefined> {
  const items = await queryAll({ pk: `APP#${id}` });
  const app = items.find((i) => i.sk === "APP");
  if (!app) return undefined;
  return {
    app: strip(app) as unknown as ApplicationRecord,
    steps: items.filter((i) => String(i.sk).startsWith("STEP#")).map((i) => strip(i) as unknown as Step),
    attachments: items.filter((i) => String(i.sk).startsWith("ATT#")).map((i) => strip(i) as unknown as AttachmentRecord),
  };
}

export async function getApplication(id: string, consistent = false): Promise<ApplicationRecord | undefined> {
  const item = await getItem(`APP#${id}`, "APP", consistent);
  return item ? (strip(item) as unknown as ApplicationRecord) : undefined;
}

/** 行政许可法 decisions feed the period index (APPDEC) for the approvals-within-limit indicator. */
export function decisionWrite(a: ApplicationRecord, decision: "approved" | "refused", decidedOn: string, dueDate: string): Write {
  return putNew({
    pk: `APP#${a.id}`,
    sk: "DEC",
    entity: "application_decision",
    ...periodIndexKeys("APPDEC", decidedOn, a.regionCode, a.id),
    id: a.id,
    regionCode: a.regionCode,
    enterpriseId: a.enterpriseId,
    itemCode: a.itemCode,
    decision,
    decidedOn,
    dueDate,
    withinLimit: decidedOn <= dueDate,
  });
}

export async function listApplicationsOfEnterprise(enterpriseId: string, conditions: Condition | undefined, limit: number, cursor?: string): Promise<Page<ApplicationRecord>> {
  return clean(await query({ index: "gsi1", pk: `APPENT#${enterpriseId}`, filter: filterOf(conditions), limit, cursor, newestFirst: true }));
}

/**
 * Applications in a region, city partition by city partition; `conditionsFor` may narrow each city's
 * partition differently (a province officer's queue holds different items in different cities), and
 * null leaves a city out.
 */
export async function listApplicationsByRegion(
  regionCode: string,
  conditionsFor: (cityCode: string) => Condition | undefined | null,
  limit: number,
  cursor?: string,
): Promise<Page<ApplicationRecord>> {
  return clean(await queryAcross(regionPartitions("APPCITY", regionCode, conditionsFor), { index: "gsi2", limit }, cursor));
}

/** The city partitions of a region's list (gsi2, keyed `<county>#…`), each with its filter. */
function regionPartitions(prefix: string, regionCode: string, conditionsFor: (cityCode: string) => Condition | undefined | null): Partition[] {
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

export async function openApplications(cityCode: string): Promise<ApplicationRecord[]> {
  return (await queryAll({ index: "gsi3", pk: `APPOPEN#${cityCode}` })).map((i) => strip(i) as unknown as ApplicationRecord);
}

function clean(page: Page<Item>): Page<ApplicationRecord> {
  return { items: page.items.map((i) => strip(i) as unknown as ApplicationRecord), nextCursor: page.nextCursor };
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
  return item ? (strip(item) as Licence) : undefined;
}

export interface LicenceEventRecord {
  id: string;
  licenceNumber: string;
  itemCode: string;
  regionCode: string;
  enterpriseId: string;
  event: "suspended" | "restored" | "revoked" | "cancelled" | "issued" | "renewed";
  /**
   * What a suspension or revocation is: `penalty` (an administrative penalty, the blacklist trigger of
   * 安委办〔2015〕14号) or `major_hazard` (the hold while production is suspended for a listed major
   * hazard, 16号令; not a penalty).
   */
  cause?: "penalty" | "major_hazard";
  at: string;
  from: LicenceStatus | null;
  to: LicenceStatus;
  reason?: string;
  actorId: string;
}

/** A licence status event, also a period-index record (LICEVT) for the roll-ups. */
export function licenceEventRecord(e: Omit<LicenceEventRecord, "id">, id = newId()): Item {
  return { pk: `LIC#${e.licenceNumber}`, sk: `EVT#${e.at}#${id}`, entity: "licence_event", ...periodIndexKeys("LICEVT", e.at, e.regionCode, id), id, ...e };
}

export function licenceEventWrite(e: Omit<LicenceEventRecord, "id">, id = newId()): Write {
  return putNew(licenceEventRecord(e, id));
}

export async function licenceHistory(number: string): Promise<LicenceEventRecord[]> {
  return (await queryAll({ pk: `LIC#${number}`, sk: { beginsWith: "EVT#" } })).map((i) => strip(i) as unknown as LicenceEventRecord);
}

/** A licence replaced from the version read (status changes, renewals). */
export function licenceUpdateWrite(before: Licence, after: Licence): Write {
  return putVersioned(licenceItem(after), before.version);
}

export async function licencesOfHolder(enterpriseId: string): Promise<Licence[]> {
  return (await queryAll({ index: "gsi1", pk: `LICENT#${enterpriseId}` })).map((i) => strip(i) as Licence);
}

export async function listLicencesOfHolder(enterpriseId: string, conditions: Condition | undefined, limit: number, cursor?: string): Promise<Page<Licence>> {
  const page = await query({ index: "gsi1", pk: `LICENT#${enterpriseId}`, filter: filterOf(conditions), limit, cursor });
  return { items: page.items.map((i) => strip(i) as Licence), nextCursor: page.nextCursor };
}

export async function listLicencesByRegion(regionCode: string, conditions: Condition | undefined, limit: number, cursor?: string): Promise<Page<Licence>> {
  const page = await queryAcross(regionPartitions("LICCITY", regionCode, () => conditions), { index: "gsi2", limit }, cursor);
  return { items: page.items.map((i) => strip(i) as Licence), nextCursor: page.nextCursor };
}

/** Valid or suspended licences of a city whose validTo lies in [from, to] (dates). */
export async function liveLicencesEnding(cityCode: string, from: string, to: string): Promise<Licence[]> {
  return (await queryAll({ index: "gsi3", pk: `LICLIVE#${cityCode}`, sk: { between: [`${from}#`, `${to}#~`] } })).map((i) => strip(i) as Licence);
}

export function newLicenceWrite(l: Licence): Write {
  return putNew(licenceItem(l), conflict("licence_number_taken", { zh: `证书编号 ${l.number} 已存在`, en: `licence number ${l.number} exists` }));
}
