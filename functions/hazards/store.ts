// Hazard governance storage: every DynamoDB and S3 call of the hazards context, and every key it
// builds. The records are defined in schemas.ts; each item read is parsed with its record's schema.
//
// Access patterns (one table; gsi4 is the shared period index, nothing else):
//   checklist version          pk CHKL#<id>                 sk CHKL
//   all checklist versions     gsi1pk CHKL                  gsi1sk <family>#<version, 4 digits>   (a few dozen items)
//   self-inspection            pk SINSP#<id>                sk SINSP
//   self-inspections of ent.   gsi2pk SINSPENT#<ent>        gsi2sk <inspectedAt>#<id>
//   hazard                     pk HAZ#<id>                  sk HAZ
//   hazard attachments         pk HAZ#<id>                  sk ATT#<attachmentId>
//   attachment count           pk HAZ#<id>                  sk ATTCOUNT  (holds the per-record cap, shared/storage.ts)
//   hazards by region          gsi1pk HAZREG#<city>         gsi1sk <county>#<id>
//                              (city-sharded like the register: a quarter-end peak spreads over 17
//                              partitions; province lists page city by city)
//   hazards of an enterprise   gsi2pk HAZENT#<ent>          gsi2sk <discoveredAt>#<id>
//                              (per-enterprise lists, statistics for filings, reconciliation, grid lists)
//   hazards by status          gsi3pk HAZST#<county>#<status> gsi3sk <rectifyBy>#<id>
//                              (county-sharded; overdue = open statuses with sk < today, a key range)
//   hazards in a period        gsi4 HAZ (shared/periods.ts), month of discoveredAt
//   listed (挂牌督办) hazards  pk HAZSUP#<city>             sk <deadline>#<hazardId>
//                              (a projection kept in the hazard's own transactions while listed and
//                              not written off; serves overdueSupervisedHazards)
//   enforcement inspection     pk INSP#<id>                 sk INSP
//   inspections by region      gsi1pk INSPREG#<city>        gsi1sk <date>#<county>#<id>
//   inspections of ent.        gsi2pk INSPENT#<ent>         gsi2sk <date>#<id>
//   inspections in a period    gsi4 INSP, month of the inspection date
//   inspected enterprises      pk INSPECTED#<city>#<period> sk <county>#<ent>  (one per enterprise inspected in
//                              the quarter and in the year, written with each inspection; the regional
//                              reconciliation pages through it instead of reading every inspection)
//   filing                     pk FILING#<ent>#<period>     sk FILING   (one per enterprise and period)
//   filings of a period        gsi1pk FILINGREG#<city>#<period> gsi1sk <county>#<ent>
//   filings in a period        gsi4 FILING, month filed
//   grid                       pk GRID#<id>                 sk GRID
//   grid code claim            pk GRIDCODE#<code>           sk GRIDCODE
//   grids by region            gsi1pk GRIDREG#<city>        gsi1sk <county>#<id>
//   grid membership claim      pk GRIDENT#<ent>             sk GRIDENT   (each enterprise in ≤ 1 grid)
//   enterprises of a grid      gsi2 ENTGRID#<grid> on the enterprise item (written via registry/store.ts)
//   grid patrol                pk PATROL#<id>               sk PATROL
//   patrols of a grid          gsi2pk PATROLGRID#<grid>     gsi2sk <patrolledAt>#<id>
import { CITY_CODES, countyOf, regionLevel } from "../../shared/codes/index.js";
import {
  and,
  check,
  deleteItem,
  countAll,
  eq,
  exists,
  filterOf,
  gte,
  industryIs,
  isIn,
  isType,
  lt,
  lte,
  missing,
  not,
  or,
  withinRegion,
  getItem,
  getItems,
  type Item,
  type Page,
  putDerived,
  putNew,
  putVersioned,
  query,
  queryAcross,
  queryAll,
  type QuerySpec,
  update,
  type Write,
} from "../../shared/db.js";
import { type EnterpriseRecord, enterpriseKey } from "../../shared/enterprises.js";
import { conflict, staleVersion } from "../../shared/errors.js";
import { attachmentKey, attachmentSlot, downloadLink, presignUpload, type VerifiedUpload, verifyUpload } from "../../shared/storage.js";
import { enterpriseItem } from "../registry/public.js";
import { type PeriodKind, periodIndexKeys, readMonths } from "../../shared/periods.js";
import { shanghaiQuarter } from "../../shared/time.js";
import type * as z from "zod/mini";
import { parseRecord } from "../../shared/records.js";
import { cityCodeOf, countiesUnder } from "./regions.js";
import type { HazardLevel, HazardSource, HazardStatus } from "./rules.js";
import {
  type Attachment,
  AttachmentRecord,
  ChecklistRecord,
  EnterpriseRow,
  type Filing,
  FilingCountRecord,
  FilingFacts,
  FilingRecord,
  type Grid,
  GridClaimRecord,
  GridRecord,
  type Hazard,
  HazardFacts,
  HazardRecord,
  type Inspection,
  InspectedEnterpriseRecord,
  InspectionFacts,
  InspectionRecord,
  type Patrol,
  PatrolRecord,
  type SelfInspection,
  SelfInspectionRecord,
  type StoredChecklist,
  SupervisedHazardRecord,
} from "./schemas.js";

// ---------------------------------------------------------------------------------------------
// Records: defined once, in schemas.ts; every item read is parsed with its record's schema.

export type { Attachment, EnterpriseRow, Filing, Grid, Hazard, Inspection, Patrol, SelfInspection, StoredChecklist, Supervision } from "./schemas.js";

// ---------------------------------------------------------------------------------------------
// Checklists

export const checklistFamily = (id: string): string => id.replace(/-v\d+$/, "");

export function checklistItem(c: StoredChecklist): Item {
  return {
    pk: `CHKL#${c.id}`,
    sk: "CHKL",
    entity: "checklist",
    gsi1pk: "CHKL",
    gsi1sk: `${c.family}#${String(c.version).padStart(4, "0")}`,
    ...c,
  };
}

export async function getChecklist(id: string): Promise<StoredChecklist | undefined> {
  const item = await getItem(`CHKL#${id}`, "CHKL");
  return item ? parseRecord(ChecklistRecord, item) : undefined;
}

/** Every version of every checklist (reference data: a few dozen items), oldest version first. */
export async function allChecklists(): Promise<StoredChecklist[]> {
  const items = await queryAll({ index: "gsi1", pk: "CHKL" });
  return items.map((i) => parseRecord(ChecklistRecord, i));
}

export function publishChecklistWrite(c: StoredChecklist): Write {
  return putNew(
    checklistItem(c),
    conflict("checklist_version_exists", { zh: `排查清单 ${c.id} 已存在`, en: `checklist ${c.id} already exists` }, { id: c.id }),
  );
}

// ---------------------------------------------------------------------------------------------
// Hazards

export const OPEN_STATUSES: readonly HazardStatus[] = ["reported", "planned", "rectifying"];

export const hazardKey = (id: string) => ({ pk: `HAZ#${id}`, sk: "HAZ" });

export function hazardItem(h: Hazard): Item & { version: number } {
  const county = countyOf(h.regionCode);
  return {
    ...hazardKey(h.id),
    entity: "hazard",
    gsi1pk: `HAZREG#${h.cityCode}`,
    gsi1sk: `${county}#${h.id}`,
    gsi2pk: `HAZENT#${h.enterpriseId}`,
    gsi2sk: `${h.discoveredAt}#${h.id}`,
    gsi3pk: `HAZST#${county}#${h.status}`,
    gsi3sk: `${h.rectifyBy}#${h.id}`,
    ...periodIndexKeys("HAZ", h.discoveredAt, h.regionCode, h.id),
    ...h,
  };
}

export async function getHazard(id: string): Promise<Hazard | undefined> {
  // Consistent: a workflow action decides on what it reads, and the version guards the write.
  const item = await getItem(`HAZ#${id}`, "HAZ", true);
  return item ? parseRecord(HazardRecord, item) : undefined;
}

export function createHazardWrite(h: Hazard): Write {
  return putNew(hazardItem(h));
}

/** A projection of a listed hazard, kept while it is listed and not written off. */
function supervisionKey(h: Pick<Hazard, "cityCode" | "id">, deadline: string) {
  return { pk: `HAZSUP#${h.cityCode}`, sk: `${deadline}#${h.id}` };
}

/**
 * The writes of a workflow step: the hazard itself (versioned against what was read) and, for a
 * listed hazard, its supervision projection.
 */
export function updateHazardWrites(before: Hazard, after: Hazard): Write[] {
  const writes: Write[] = [putVersioned(hazardItem(after), before.version)];
  const oldSup = before.supervision;
  const newSup = after.supervision;
  if (oldSup && (!newSup || newSup.deadline !== oldSup.deadline || after.status === "closed")) {
    const k = supervisionKey(before, oldSup.deadline);
    writes.push(deleteItem(k.pk, k.sk));
  }
  if (newSup && after.status !== "closed") {
    writes.push(
      putDerived({
        ...supervisionKey(after, newSup.deadline),
        entity: "hazard_supervision",
        id: after.id,
        enterpriseId: after.enterpriseId,
        regionCode: after.regionCode,
        deadline: newSup.deadline,
        status: after.status,
        productionSuspended: newSup.productionSuspended,
      }),
    );
  }
  return writes;
}

export async function listAttachments(hazardId: string): Promise<Attachment[]> {
  const items = await queryAll({ pk: `HAZ#${hazardId}`, sk: { beginsWith: "ATT#" } });
  return items.map((i) => parseRecord(AttachmentRecord, i));
}

export async function getAttachment(hazardId: string, attachmentId: string): Promise<Attachment | undefined> {
  const item = await getItem(`HAZ#${hazardId}`, `ATT#${attachmentId}`);
  return item ? parseRecord(AttachmentRecord, item) : undefined;
}

/** The attachment and its slot under the per-hazard cap, in one transaction. */
export function attachmentWrites(a: Attachment): Write[] {
  return [
    attachmentSlot(`HAZ#${a.hazardId}`, "ATTCOUNT", { zh: "每个隐患", en: "a hazard" }),
    putNew({ pk: `HAZ#${a.hazardId}`, sk: `ATT#${a.id}`, entity: "hazard_attachment", ...a }),
  ];
}

/** Records what S3 held when the upload was verified (attachments are added facts, not versioned). */
export function attachmentVerifiedWrite(a: Attachment, verified: VerifiedUpload): Write {
  return update(`HAZ#${a.hazardId}`, `ATT#${a.id}`, "SET verified = :verified", { condition: and(exists("pk"), missing("verified")), values: { ":verified": verified } });
}

/** Where a hazard's evidence file lives in the bucket. */
export const attachmentObjectKey = (h: Pick<Hazard, "id" | "enterpriseId">, fileName: string) => attachmentKey("hazards", h.enterpriseId, h.id, fileName);

/** A presigned PUT for the attachment's object, bound to its declared type and size. */
export const attachmentUpload = (a: Attachment) => presignUpload(a.key, a.contentType, a.size);

/** A short-lived link to the attachment's object, pinned to what verification found. */
export const attachmentDownload = (a: Attachment) => downloadLink(a.key, a.verified, a);

/** What S3 holds under the attachment's key, if it matches what was declared (one HEAD). */
export const verifiedUpload = (a: Attachment) => verifyUpload(a.key, a);

export interface HazardFilter {
  level?: HazardLevel;
  status?: HazardStatus;
  source?: HazardSource;
  /** true: open and past rectifyBy; false: the opposite. Needs `today`. */
  overdue?: boolean;
  today: string;
  /** Industry departments: a section or division. */
  industry?: string;
  /** The listed region (county or township): rows must lie within it (shared/db.ts filterOf). */
  within?: string;
  /** Open and due on or before this date (to-do lists). */
  dueBy?: string;
}

function hazardFilter(f: HazardFilter): QuerySpec["filter"] {
  const open = isIn("status", OPEN_STATUSES);
  const overdue = f.overdue === undefined ? undefined : f.overdue ? and(open, lt("rectifyBy", f.today)) : or(not(open), gte("rectifyBy", f.today));
  const due = f.dueBy === undefined ? undefined : and(open, lte("rectifyBy", f.dueBy));
  return filterOf(withinRegion(f.within), eq("level", f.level), eq("source", f.source), eq("status", f.status), overdue, due, industryIs(f.industry));
}

function hazardPage(p: Page<Item>): Page<Hazard> {
  return { items: p.items.map((i) => parseRecord(HazardRecord, i)), nextCursor: p.nextCursor };
}

/** Hazards of one enterprise, newest discovery first. */
export async function listByEnterprise(enterpriseId: string, f: HazardFilter, limit: number, cursor?: string): Promise<Page<Hazard>> {
  return hazardPage(await query({ index: "gsi2", pk: `HAZENT#${enterpriseId}`, filter: hazardFilter(f), limit, cursor, newestFirst: true }));
}

/** Hazards of several enterprises (a grid's), enterprise partition by enterprise partition. */
export async function listByEnterprises(enterpriseIds: string[], f: HazardFilter, limit: number, cursor?: string): Promise<Page<Hazard>> {
  const partitions = enterpriseIds.map((id) => `HAZENT#${id}`);
  return hazardPage(await queryAcross(partitions, { index: "gsi2", filter: hazardFilter(f), limit, newestFirst: true }, cursor));
}

/** Hazards in a region (province, city or county), newest first within each county. */
export async function listByRegion(regionCode: string, f: HazardFilter, limit: number, cursor?: string): Promise<Page<Hazard>> {
  const filter = hazardFilter({ ...f, within: regionCode });
  return hazardPage(await queryAcross(cityPartitions("HAZREG#", regionCode), { index: "gsi1", sk: countyKeys(regionCode), filter, limit, newestFirst: true }, cursor));
}

/**
 * Hazards in given statuses under a region, from the county-sharded status index. With
 * `overdueOn`, only those whose rectifyBy is before that date: a key range, not a filter.
 */
export async function listByStatus(
  regionCode: string,
  statuses: readonly HazardStatus[],
  f: Omit<HazardFilter, "status">,
  overdueOn: string | undefined,
  limit: number,
  cursor?: string,
): Promise<Page<Hazard>> {
  const partitions = countiesUnder(regionCode).flatMap((county) => statuses.map((s) => `HAZST#${county}#${s}`));
  // sk = <rectifyBy>#<id>: every sk with rectifyBy < D sorts before "D" itself.
  const sk = overdueOn ? { lte: overdueOn } : undefined;
  return hazardPage(await queryAcross(partitions, { index: "gsi3", sk, filter: hazardFilter({ ...f, within: regionCode }), limit }, cursor));
}

/**
 * The most urgent hazards in given statuses under a region (each county×status partition read in
 * rectifyBy order, at most `limit` from each) and, with `count`, how many there are in all up to `dueBy`.
 */
export async function mostUrgentByStatus(
  regionCode: string,
  statuses: readonly HazardStatus[],
  f: Omit<HazardFilter, "status" | "dueBy">,
  dueBy: string | undefined,
  limit: number,
  count = true,
): Promise<{ items: Hazard[]; total: number }> {
  const partitions = countiesUnder(regionCode).flatMap((county) => statuses.map((s) => `HAZST#${county}#${s}`));
  // sk = <rectifyBy>#<id>: "~" sorts after every id character, so dueBy itself is included.
  const spec = { index: "gsi3" as const, sk: dueBy ? { lte: `${dueBy}~` } : undefined, filter: hazardFilter({ ...f, within: regionCode }) };
  const pages = await Promise.all(partitions.map((pk) => query({ ...spec, pk, limit })));
  // A partition read to its end is counted by its page; only the longer ones need a COUNT query.
  const counts = await Promise.all(pages.map((p, i) => (count && p.nextCursor ? countAll({ ...spec, pk: partitions[i] as string }) : p.items.length)));
  const items = pages.flatMap((p) => p.items.map((i) => parseRecord(HazardRecord, i)));
  items.sort((a, b) => a.rectifyBy.localeCompare(b.rectifyBy));
  return { items: items.slice(0, limit), total: counts.reduce((a, b) => a + b, 0) };
}

/** Open hazards of an enterprise due on or before `dueBy`: at most `limit` of them and the count. */
export async function openOfEnterpriseDueBy(enterpriseId: string, dueBy: string, limit: number): Promise<{ items: Hazard[]; total: number }> {
  const spec = { index: "gsi2" as const, pk: `HAZENT#${enterpriseId}`, filter: hazardFilter({ today: dueBy, dueBy }) };
  const [page, total] = await Promise.all([query({ ...spec, limit: MAX_SCAN_FOR_TODO }), countAll(spec)]);
  const items = page.items.map((i) => parseRecord(HazardRecord, i)).sort((a, b) => a.rectifyBy.localeCompare(b.rectifyBy));
  return { items: items.slice(0, limit), total };
}
// An enterprise's open hazards are few (it fixes them); read enough to pick the most urgent.
const MAX_SCAN_FOR_TODO = 100;

/** Every hazard of an enterprise discovered in [fromInstant, toInstant] (ISO UTC strings). */
export async function hazardsOfEnterprise(enterpriseId: string, fromInstant?: string, toInstant?: string): Promise<Hazard[]> {
  const sk = fromInstant || toInstant ? { between: [fromInstant ?? "0", `${toInstant ?? "9"}#\uffff`] as [string, string] } : undefined;
  const items = await queryAll({ index: "gsi2", pk: `HAZENT#${enterpriseId}`, sk });
  return items.map((i) => parseRecord(HazardRecord, i));
}

/** The enterprise's major hazards that were ever listed (挂牌督办), written off or not. */
export async function listedHazardsOf(enterpriseId: string): Promise<Hazard[]> {
  const items = await queryAll({
    index: "gsi2",
    pk: `HAZENT#${enterpriseId}`,
    filter: filterOf(eq("level", "major"), exists("supervision")),
  });
  return items.map((i) => parseRecord(HazardRecord, i));
}

/** Listed hazards of a city whose deadline is before `date`, not written off. */
export async function supervisedBefore(cityCode: string, date: string): Promise<z.infer<typeof SupervisedHazardRecord>[]> {
  const items = await queryAll({ pk: `HAZSUP#${cityCode}`, sk: { lte: date } });
  return items.map((i) => parseRecord(SupervisedHazardRecord, i));
}

// ---------------------------------------------------------------------------------------------
// The enterprise's register record, changed inside a hazards transaction (its grid, a production
// suspension); the register owns the item and its keys (registry/public.ts, shared/enterprises.ts).

/** The register record with `changes`, versioned against the record that was read. */
export function enterpriseChangeWrite(e: EnterpriseRecord, changes: { gridId?: string | null; productionSuspended?: boolean; updatedAt?: string }): Write {
  const item = enterpriseItem({ ...e, ...changes });
  return putVersioned({ ...item, version: e.version }, e.version);
}

/** Serialises with any concurrent change of the enterprise: its version is still the one read. */
export function enterpriseUnchangedCheck(e: EnterpriseRecord): Write {
  return check(enterpriseKey(e.id).pk, enterpriseKey(e.id).sk, eq("version", e.version), staleVersion());
}

// ---------------------------------------------------------------------------------------------
// Self-inspections

export function selfInspectionWrite(s: SelfInspection): Write {
  return putNew({
    pk: `SINSP#${s.id}`,
    sk: "SINSP",
    entity: "self_inspection",
    gsi2pk: `SINSPENT#${s.enterpriseId}`,
    gsi2sk: `${s.inspectedAt}#${s.id}`,
    ...s,
  });
}

export async function getSelfInspection(id: string): Promise<SelfInspection | undefined> {
  const item = await getItem(`SINSP#${id}`, "SINSP");
  return item ? parseRecord(SelfInspectionRecord, item) : undefined;
}

export async function listSelfInspections(enterpriseId: string, limit: number, cursor?: string): Promise<Page<SelfInspection>> {
  const p = await query({ index: "gsi2", pk: `SINSPENT#${enterpriseId}`, limit, cursor, newestFirst: true });
  return { items: p.items.map((i) => parseRecord(SelfInspectionRecord, i)), nextCursor: p.nextCursor };
}

// ---------------------------------------------------------------------------------------------
// Enforcement inspections

export function inspectionWrite(i: Inspection): Write {
  const county = countyOf(i.regionCode);
  return putNew({
    pk: `INSP#${i.id}`,
    sk: "INSP",
    entity: "inspection",
    gsi1pk: `INSPREG#${i.cityCode}`,
    gsi1sk: `${i.date}#${county}#${i.id}`,
    gsi2pk: `INSPENT#${i.enterpriseId}`,
    gsi2sk: `${i.date}#${i.id}`,
    ...periodIndexKeys("INSP", i.date, i.regionCode, i.id),
    ...i,
  });
}

/** Marks the enterprise as inspected in the inspection's quarter and year (idempotent: the same item each time). */
export function inspectedWrites(i: Inspection): Write[] {
  const county = countyOf(i.regionCode);
  return [shanghaiQuarter(i.date), i.date.slice(0, 4)].map((period) =>
    putDerived({
      pk: `INSPECTED#${i.cityCode}#${period}`,
      sk: `${county}#${i.enterpriseId}`,
      entity: "inspected_enterprise",
      enterpriseId: i.enterpriseId,
      regionCode: i.regionCode,
      industryCode: i.industryCode,
      ...(i.industrySection ? { industrySection: i.industrySection } : {}),
    }),
  );
}

/**
 * A page of the enterprises inspected in a region and period, in register order (county, then
 * enterprise). At most 5 Query calls per city partition the page touches (shared/db.ts query).
 */
export async function inspectedEnterprisesPage(regionCode: string, period: string, industry: string | undefined, limit: number, cursor?: string): Promise<Page<z.infer<typeof InspectedEnterpriseRecord>>> {
  const page = await queryAcross(cityPartitions("INSPECTED#", regionCode, `#${period}`), { sk: countyKeys(regionCode), filter: regionFilter(regionCode, industry), limit }, cursor);
  return { items: page.items.map((i) => parseRecord(InspectedEnterpriseRecord, i)), nextCursor: page.nextCursor };
}

export async function getInspection(id: string): Promise<Inspection | undefined> {
  const item = await getItem(`INSP#${id}`, "INSP");
  return item ? parseRecord(InspectionRecord, item) : undefined;
}

const dateRange = (from?: string, to?: string) =>
  from || to ? { between: [from ?? "0000-00-00", `${to ?? "9999-12-31"}#\uffff`] as [string, string] } : undefined;

export async function listInspectionsOfEnterprise(enterpriseId: string, from: string | undefined, to: string | undefined, limit: number, cursor?: string): Promise<Page<Inspection>> {
  const p = await query({ index: "gsi2", pk: `INSPENT#${enterpriseId}`, sk: dateRange(from, to), limit, cursor, newestFirst: true });
  return { items: p.items.map((i) => parseRecord(InspectionRecord, i)), nextCursor: p.nextCursor };
}

function regionFilter(regionCode: string, industry?: string): QuerySpec["filter"] {
  return filterOf(withinRegion(regionCode), industryIs(industry));
}

/** Sort keys that begin with the county: the part of a city partition a county or township lists. */
function countyKeys(regionCode: string): QuerySpec["sk"] {
  const level = regionLevel(regionCode);
  return level === "county" || level === "township" ? { beginsWith: `${countyOf(regionCode)}#` } : undefined;
}

function cityPartitions(prefix: string, regionCode: string, suffix = ""): string[] {
  const cities = regionLevel(regionCode) === "province" ? CITY_CODES() : [cityCodeOf(regionCode)];
  return cities.map((c) => `${prefix}${c}${suffix}`);
}

export async function listInspectionsOfRegion(regionCode: string, from: string | undefined, to: string | undefined, limit: number, cursor?: string): Promise<Page<Inspection>> {
  const p = await queryAcross(cityPartitions("INSPREG#", regionCode), { index: "gsi1", sk: dateRange(from, to), filter: regionFilter(regionCode), limit, newestFirst: true }, cursor);
  return { items: p.items.map((i) => parseRecord(InspectionRecord, i)), nextCursor: p.nextCursor };
}

// ---------------------------------------------------------------------------------------------
// Filings

/**
 * The filing, and its count in the period's totals (on time or late, by county and industry
 * division), in one transaction: the regulators' totals read the counts, never the filings.
 */
export function filingWrites(f: Filing): Write[] {
  return [
    putNew(
      {
        pk: `FILING#${f.enterpriseId}#${f.period}`,
        sk: "FILING",
        entity: "hazard_filing",
        gsi1pk: `FILINGREG#${f.cityCode}#${f.period}`,
        gsi1sk: `${countyOf(f.regionCode)}#${f.enterpriseId}`,
        ...periodIndexKeys("FILING", f.filedAt, f.regionCode, f.id),
        ...f,
      },
      (current) =>
        conflict(
          "already_filed",
          { zh: `该企业 ${f.period} 的隐患统计表已报送`, en: `the hazard statistics for ${f.period} were already filed` },
          { filingId: current?.id, filedAt: current?.filedAt },
        ),
    ),
    update(`FILINGN#${f.period}`, `${countyOf(f.regionCode)}#${f.industryCode}`, `ADD #n :one SET regionCode = :county, cityCode = :city, industryCode = :ic${f.industrySection ? ", industrySection = :is" : ""}`, {
      names: { "#n": f.late ? "late" : "onTime" },
      values: { ":one": 1, ":county": countyOf(f.regionCode), ":city": f.cityCode, ":ic": f.industryCode, ...(f.industrySection ? { ":is": f.industrySection } : {}) },
    }),
  ];
}

/**
 * How many filings of a period a region has, on time and late: one Query on the period's count
 * partition (an item per county and industry division, so at most a few thousand small items).
 */
export async function filingCounts(regionCode: string, period: string, industry?: string): Promise<{ onTime: number; late: number }> {
  const items = await queryAll({
    pk: `FILINGN#${period}`,
    sk: countyKeys(regionCode),
    filter: filterOf(eq("cityCode", regionLevel(regionCode) === "city" ? cityCodeOf(regionCode) : undefined), industryIs(industry)),
  });
  return items.map((i) => parseRecord(FilingCountRecord, i)).reduce<{ onTime: number; late: number }>((t, c) => ({ onTime: t.onTime + (c.onTime ?? 0), late: t.late + (c.late ?? 0) }), { onTime: 0, late: 0 });
}

/** The filings of a period of up to 100 enterprises (a page), in one BatchGetItem. */
export async function filingsOf(enterpriseIds: string[], period: string): Promise<Filing[]> {
  if (enterpriseIds.length === 0) return [];
  const items = await getItems(enterpriseIds.map((id) => ({ pk: `FILING#${id}#${period}`, sk: "FILING" })));
  return items.map((i) => parseRecord(FilingRecord, i));
}

export async function getFiling(enterpriseId: string, period: string): Promise<Filing | undefined> {
  const item = await getItem(`FILING#${enterpriseId}#${period}`, "FILING");
  return item ? parseRecord(FilingRecord, item) : undefined;
}

function enterpriseQuery(regionCode: string, industry?: string, opts: { inGrid?: boolean } = {}) {
  const level = regionLevel(regionCode);
  const filter = filterOf(industryIs(industry), opts.inGrid ? isType("gridId", "S") : undefined);
  // The register's sort key starts with the enterprise's own region code (registry/store.ts).
  return { index: "gsi1" as const, sk: level === "county" || level === "township" ? { beginsWith: regionCode } : undefined, filter };
}

/** One page of a region's enterprises, in register order (county, then id), city partition by city partition. */
export async function enterprisePageOfRegion(regionCode: string, industry: string | undefined, limit: number, cursor?: string): Promise<Page<EnterpriseRow>> {
  const page = await queryAcross(cityPartitions("ENTREG#", regionCode), { ...enterpriseQuery(regionCode, industry), limit }, cursor);
  return { items: page.items.map((i) => parseRecord(EnterpriseRow, i)), nextCursor: page.nextCursor };
}

/** How many enterprises a region has (counted by the index, never held in memory). */
export async function countEnterprisesOfRegion(regionCode: string, industry?: string, opts: { inGrid?: boolean } = {}): Promise<number> {
  const counts = await Promise.all(cityPartitions("ENTREG#", regionCode).map((pk) => countAll({ pk, ...enterpriseQuery(regionCode, industry, opts) })));
  return counts.reduce((a, b) => a + b, 0);
}

// ---------------------------------------------------------------------------------------------
// Grids

export function gridItem(g: Grid): Item & { version: number } {
  return { pk: `GRID#${g.id}`, sk: "GRID", entity: "grid", gsi1pk: `GRIDREG#${g.cityCode}`, gsi1sk: `${g.countyCode}#${g.id}`, ...g };
}

/** The grid again with its version moved: a change of its enterprises, versioned against the grid read. */
export function gridChangeWrite(g: Grid): Write {
  return putVersioned(gridItem(g), g.version);
}

export function createGridWrites(g: Grid): Write[] {
  return [
    putNew(
      gridCodeItem(g.code, g.id),
      (current) => conflict("duplicate_grid_code", { zh: `网格编码 ${g.code} 已存在`, en: `grid code ${g.code} is already used` }, { gridId: current?.gridId }),
    ),
    putNew(gridItem(g)),
  ];
}

export async function getGrid(id: string): Promise<Grid | undefined> {
  const item = await getItem(`GRID#${id}`, "GRID");
  return item ? parseRecord(GridRecord, item) : undefined;
}

export async function listGrids(regionCode: string, limit: number, cursor?: string): Promise<Page<Grid>> {
  const p = await queryAcross(cityPartitions("GRIDREG#", regionCode), { index: "gsi1", sk: countyKeys(regionCode), limit }, cursor);
  return { items: p.items.map((i) => parseRecord(GridRecord, i)), nextCursor: p.nextCursor };
}

/** A grid code is unique: its claim item names the grid that holds it. */
export const gridCodeItem = (code: string, gridId: string): Item => ({ pk: `GRIDCODE#${code}`, sk: "GRIDCODE", entity: "grid_code", gridId });

/** An enterprise's grid membership claim (released by shared/enterprises.ts gridClaimRelease). */
export const gridClaimItem = (enterpriseId: string, gridId: string): Item => ({ pk: `GRIDENT#${enterpriseId}`, sk: "GRIDENT", entity: "grid_claim", enterpriseId, gridId });

/** The grid an enterprise's membership claim names, if it has one (read consistently). */
export async function gridOfClaim(enterpriseId: string): Promise<string | undefined> {
  const item = await getItem(`GRIDENT#${enterpriseId}`, "GRIDENT", true);
  return item ? parseRecord(GridClaimRecord, item).gridId : undefined;
}

/** Each enterprise in at most one grid: the claim is created only if absent. */
export function gridClaimWrite(enterpriseId: string, gridId: string): Write {
  return putNew(gridClaimItem(enterpriseId, gridId), (current) =>
    conflict(
      "enterprise_in_another_grid",
      { zh: `企业 ${enterpriseId} 已属于网格 ${String(current?.gridId)}`, en: `enterprise ${enterpriseId} already belongs to grid ${String(current?.gridId)}` },
      { enterpriseId, gridId: current?.gridId },
    ),
  );
}

/** Enterprises of a grid, from the register's gsi2 (ENTGRID#<grid>). */
export async function enterprisesOfGrid(gridId: string): Promise<EnterpriseRow[]> {
  const items = await queryAll({ index: "gsi2", pk: `ENTGRID#${gridId}` });
  return items.map((i) => parseRecord(EnterpriseRow, i));
}

export function patrolWrite(p: Patrol): Write {
  return putNew({ pk: `PATROL#${p.id}`, sk: "PATROL", entity: "grid_patrol", gsi2pk: `PATROLGRID#${p.gridId}`, gsi2sk: `${p.patrolledAt}#${p.id}`, ...p });
}

export async function listPatrolsOfGrid(gridId: string, limit: number, cursor?: string): Promise<Page<Patrol>> {
  const p = await query({ index: "gsi2", pk: `PATROLGRID#${gridId}`, limit, cursor, newestFirst: true });
  return { items: p.items.map((i) => parseRecord(PatrolRecord, i)), nextCursor: p.nextCursor };
}

export async function getPatrol(id: string): Promise<Patrol | undefined> {
  const item = await getItem(`PATROL#${id}`, "PATROL");
  return item ? parseRecord(PatrolRecord, item) : undefined;
}

// ---------------------------------------------------------------------------------------------
// The period index: what statistics count, month by month

async function factsOfMonths<S extends z.ZodMiniType>(kind: PeriodKind, schema: S, months: readonly string[]): Promise<z.infer<S>[]> {
  return (await readMonths(kind, months)).map((i) => parseRecord(schema, i));
}
/** Hazards discovered in these months (`YYYY-MM`). */
export const hazardFactsOfMonths = (months: readonly string[]) => factsOfMonths("HAZ", HazardFacts, months);
/** Enforcement inspections held in these months. */
export const inspectionFactsOfMonths = (months: readonly string[]) => factsOfMonths("INSP", InspectionFacts, months);
/** Quarterly and annual filings filed in these months. */
export const filingFactsOfMonths = (months: readonly string[]) => factsOfMonths("FILING", FilingFacts, months);
