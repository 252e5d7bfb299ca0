// Hazard governance storage.
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
  strip,
  update,
  type Write,
} from "../../shared/db.js";
import { conflict } from "../../shared/errors.js";
import { attachmentSlot, type VerifiedUpload } from "../../shared/storage.js";
import { periodIndexKeys } from "../../shared/periods.js";
import { shanghaiQuarter } from "../../shared/time.js";
import type { Checklist } from "./checklist-data.js";
import { cityCodeOf, countiesUnder } from "./regions.js";
import type { HazardLevel, HazardSource, HazardStatus, RectificationPlan, SupervisingLevel } from "./rules.js";

// ---------------------------------------------------------------------------------------------
// Records

export interface StoredChecklist extends Checklist {
  family: string;
  createdAt: string;
  createdBy: string;
}

export interface Supervision {
  deadline: string;
  supervisingLevel: SupervisingLevel;
  productionSuspended: boolean;
  /** Same value under the name shared/periods.ts documents for roll-ups. */
  suspendProduction: boolean;
  listedOn: string;
  listedBy: string;
  listedByRegion: string;
  note?: string;
}

export interface Hazard {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  cityCode: string;
  industryCode: string;
  industrySection: string;
  /** The enterprise's grid when reported (scope uses the enterprise's current grid). */
  gridId: string | null;
  level: HazardLevel;
  source: HazardSource;
  status: HazardStatus;
  description: string;
  location: string;
  discoveredAt: string;
  rectifyBy: string;
  checklistItemId?: string;
  fixedOnSpot: boolean;
  currentStateAndCause?: string;
  harmAndDifficultyAnalysis?: string;
  plan?: RectificationPlan;
  selfInspectionId?: string;
  inspectionId?: string;
  patrolId?: string;
  supervision?: Supervision;
  reviewRequestedOn?: string;
  reviewedOn?: string;
  rectifiedAt?: string;
  closedAt?: string;
  rejections?: { reason: string; at: string; by: string }[];
  evidence?: string[];
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface Attachment {
  id: string;
  hazardId: string;
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  createdBy: string;
  /** Set once, on the step that relied on the upload (complete); reads never ask S3 again. */
  verified?: VerifiedUpload;
}

export interface SelfInspection {
  id: string;
  enterpriseId: string;
  regionCode: string;
  cityCode: string;
  industryCode: string;
  gridId: string | null;
  checklistId: string;
  checklistVersion: number;
  inspectedAt: string;
  inspector: string;
  results: { itemCode: string; check: string; standard: string; result: "pass" | "fail" | "na"; note?: string; hazardId?: string }[];
  counts: { pass: number; fail: number; na: number };
  hazardIds: string[];
  createdAt: string;
  createdBy: string;
}

export interface Inspection {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  cityCode: string;
  industryCode: string;
  gridId: string | null;
  date: string;
  startedAt: string;
  inspectors: { name: string; certificateNo?: string }[];
  summary?: string;
  findingsCount: number;
  hazardIds: string[];
  createdAt: string;
  createdBy: string;
}

export interface Filing {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionCode: string;
  cityCode: string;
  industryCode: string;
  gridId: string | null;
  period: string;
  principal: { name: string; title?: string; phone?: string };
  note?: string;
  statistics: { asOf: string; total: unknown; byLevel: unknown };
  filedAt: string;
  deadline: string;
  late: boolean;
  createdBy: string;
}

export interface Grid {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  countyCode: string;
  cityCode: string;
  member: { userId: string; name: string; phone?: string; fullTime?: boolean };
  supervisingOfficial: { name: string; title?: string; phone?: string };
  contactLeader: { name: string; title?: string; phone?: string };
  version: number;
  createdAt: string;
  createdBy: string;
}

export interface Patrol {
  id: string;
  gridId: string;
  regionCode: string;
  patrolledAt: string;
  route?: string;
  visitedEnterpriseIds: string[];
  hazardIds: string[];
  note?: string;
  createdAt: string;
  createdBy: string;
}

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
  return item ? (strip(item) as unknown as StoredChecklist) : undefined;
}

/** Every version of every checklist (reference data: a few dozen items), oldest version first. */
export async function allChecklists(): Promise<StoredChecklist[]> {
  const items = await queryAll({ index: "gsi1", pk: "CHKL" });
  return items.map((i) => strip(i) as unknown as StoredChecklist);
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
  return item ? (strip(item) as unknown as Hazard) : undefined;
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
  return items.map((i) => strip(i) as unknown as Attachment);
}

export async function getAttachment(hazardId: string, attachmentId: string): Promise<Attachment | undefined> {
  const item = await getItem(`HAZ#${hazardId}`, `ATT#${attachmentId}`);
  return item ? (strip(item) as unknown as Attachment) : undefined;
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
  return update(`HAZ#${a.hazardId}`, `ATT#${a.id}`, "SET verified = :v", { condition: "attribute_exists(pk) AND attribute_not_exists(verified)", values: { ":v": verified } });
}

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
  return { items: p.items.map((i) => strip(i) as unknown as Hazard), nextCursor: p.nextCursor };
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
  const level = regionLevel(regionCode);
  const filter = hazardFilter({ ...f, within: regionCode });
  if (level === "province") {
    const cities = CITY_CODES().map((c) => `HAZREG#${c}`);
    return hazardPage(await queryAcross(cities, { index: "gsi1", filter, limit, newestFirst: true }, cursor));
  }
  const city = cityCodeOf(regionCode);
  const byCounty = level === "county" || level === "township";
  return hazardPage(
    await query({
      index: "gsi1",
      pk: `HAZREG#${city}`,
      sk: byCounty ? { beginsWith: `${countyOf(regionCode)}#` } : undefined,
      filter,
      limit,
      cursor,
      newestFirst: true,
    }),
  );
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
  const items = pages.flatMap((p) => p.items.map((i) => strip(i) as unknown as Hazard));
  items.sort((a, b) => a.rectifyBy.localeCompare(b.rectifyBy));
  return { items: items.slice(0, limit), total: counts.reduce((a, b) => a + b, 0) };
}

/** Open hazards of an enterprise due on or before `dueBy`: at most `limit` of them and the count. */
export async function openOfEnterpriseDueBy(enterpriseId: string, dueBy: string, limit: number): Promise<{ items: Hazard[]; total: number }> {
  const spec = { index: "gsi2" as const, pk: `HAZENT#${enterpriseId}`, filter: hazardFilter({ today: dueBy, dueBy }) };
  const [page, total] = await Promise.all([query({ ...spec, limit: MAX_SCAN_FOR_TODO }), countAll(spec)]);
  const items = page.items.map((i) => strip(i) as unknown as Hazard).sort((a, b) => a.rectifyBy.localeCompare(b.rectifyBy));
  return { items: items.slice(0, limit), total };
}
// An enterprise's open hazards are few (it fixes them); read enough to pick the most urgent.
const MAX_SCAN_FOR_TODO = 100;

/** Every hazard of an enterprise discovered in [fromInstant, toInstant] (ISO UTC strings). */
export async function hazardsOfEnterprise(enterpriseId: string, fromInstant?: string, toInstant?: string): Promise<Hazard[]> {
  const sk = fromInstant || toInstant ? { between: [fromInstant ?? "0", `${toInstant ?? "9"}#\uffff`] as [string, string] } : undefined;
  const items = await queryAll({ index: "gsi2", pk: `HAZENT#${enterpriseId}`, sk });
  return items.map((i) => strip(i) as unknown as Hazard);
}

/** The enterprise's major hazards that were ever listed (挂牌督办), written off or not. */
export async function listedHazardsOf(enterpriseId: string): Promise<Hazard[]> {
  const items = await queryAll({
    index: "gsi2",
    pk: `HAZENT#${enterpriseId}`,
    filter: filterOf(eq("level", "major"), exists("supervision")),
  });
  return items as unknown as Hazard[];
}

/** Listed hazards of a city whose deadline is before `date`, not written off. */
export async function supervisedBefore(cityCode: string, date: string): Promise<Item[]> {
  return queryAll({ pk: `HAZSUP#${cityCode}`, sk: { lte: date } });
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
  return item ? (strip(item) as unknown as SelfInspection) : undefined;
}

export async function listSelfInspections(enterpriseId: string, limit: number, cursor?: string): Promise<Page<SelfInspection>> {
  const p = await query({ index: "gsi2", pk: `SINSPENT#${enterpriseId}`, limit, cursor, newestFirst: true });
  return { items: p.items.map((i) => strip(i) as unknown as SelfInspection), nextCursor: p.nextCursor };
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
export function inspectedWrites(i: Inspection & { industrySection?: string }): Write[] {
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
export async function inspectedEnterprisesPage(regionCode: string, period: string, industry: string | undefined, limit: number, cursor?: string): Promise<Page<{ enterpriseId: string; regionCode: string }>> {
  const level = regionLevel(regionCode);
  const sk = level === "province" || level === "city" ? undefined : { beginsWith: `${countyOf(regionCode)}#` };
  const page = await queryAcross(cityPartitions("INSPECTED#", regionCode, `#${period}`), { sk, filter: regionFilter(regionCode, industry), limit }, cursor);
  return { items: page.items.map((i) => ({ enterpriseId: i.enterpriseId as string, regionCode: i.regionCode as string })), nextCursor: page.nextCursor };
}

export async function getInspection(id: string): Promise<Inspection | undefined> {
  const item = await getItem(`INSP#${id}`, "INSP");
  return item ? (strip(item) as unknown as Inspection) : undefined;
}

const dateRange = (from?: string, to?: string) =>
  from || to ? { between: [from ?? "0000-00-00", `${to ?? "9999-12-31"}#\uffff`] as [string, string] } : undefined;

export async function listInspectionsOfEnterprise(enterpriseId: string, from: string | undefined, to: string | undefined, limit: number, cursor?: string): Promise<Page<Inspection>> {
  const p = await query({ index: "gsi2", pk: `INSPENT#${enterpriseId}`, sk: dateRange(from, to), limit, cursor, newestFirst: true });
  return { items: p.items.map((i) => strip(i) as unknown as Inspection), nextCursor: p.nextCursor };
}

function regionFilter(regionCode: string, industry?: string): QuerySpec["filter"] {
  return filterOf(withinRegion(regionCode), industryIs(industry));
}

function cityPartitions(prefix: string, regionCode: string, suffix = ""): string[] {
  const cities = regionLevel(regionCode) === "province" ? CITY_CODES() : [cityCodeOf(regionCode)];
  return cities.map((c) => `${prefix}${c}${suffix}`);
}

export async function listInspectionsOfRegion(regionCode: string, from: string | undefined, to: string | undefined, limit: number, cursor?: string): Promise<Page<Inspection>> {
  const p = await queryAcross(cityPartitions("INSPREG#", regionCode), { index: "gsi1", sk: dateRange(from, to), filter: regionFilter(regionCode), limit, newestFirst: true }, cursor);
  return { items: p.items.map((i) => strip(i) as unknown as Inspection), nextCursor: p.nextCursor };
}

// ---------------------------------------------------------------------------------------------
// Filings

/**
 * The filing, and its count in the period's totals (on time or late, by county and industry
 * division), in one transaction: the regulators' totals read the counts, never the filings.
 */
export function filingWrites(f: Filing & { industrySection?: string }): Write[] {
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
  const level = regionLevel(regionCode);
  const county = level === "province" || level === "city" ? undefined : countyOf(regionCode);
  const items = await queryAll({
    pk: `FILINGN#${period}`,
    sk: county ? { beginsWith: `${county}#` } : undefined,
    filter: filterOf(eq("cityCode", level === "city" ? cityCodeOf(regionCode) : undefined), industryIs(industry)),
  });
  return items.reduce<{ onTime: number; late: number }>((t, i) => ({ onTime: t.onTime + Number(i.onTime ?? 0), late: t.late + Number(i.late ?? 0) }), { onTime: 0, late: 0 });
}

/** The filings of a period of up to 100 enterprises (a page), in one BatchGetItem. */
export async function filingsOf(enterpriseIds: string[], period: string): Promise<Filing[]> {
  if (enterpriseIds.length === 0) return [];
  const items = await getItems(enterpriseIds.map((id) => ({ pk: `FILING#${id}#${period}`, sk: "FILING" })));
  return items.map((i) => strip(i) as unknown as Filing);
}

export async function getFiling(enterpriseId: string, period: string): Promise<Filing | undefined> {
  const item = await getItem(`FILING#${enterpriseId}#${period}`, "FILING");
  return item ? (strip(item) as unknown as Filing) : undefined;
}

function enterpriseQuery(regionCode: string, industry?: string, opts: { inGrid?: boolean } = {}) {
  const level = regionLevel(regionCode);
  const filter = filterOf(industryIs(industry), opts.inGrid ? isType("gridId", "S") : undefined);
  // The register's sort key starts with the enterprise's own region code (registry/store.ts).
  return { index: "gsi1" as const, sk: level === "county" || level === "township" ? { beginsWith: regionCode } : undefined, filter };
}

/** One page of a region's enterprises, in register order (county, then id), city partition by city partition. */
export async function enterprisePageOfRegion(regionCode: string, industry: string | undefined, limit: number, cursor?: string): Promise<Page<Item>> {
  const page = await queryAcross(cityPartitions("ENTREG#", regionCode), { ...enterpriseQuery(regionCode, industry), limit }, cursor);
  return { items: page.items.map((i) => strip(i)), nextCursor: page.nextCursor };
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

export function createGridWrites(g: Grid): Write[] {
  return [
    putNew(
      { pk: `GRIDCODE#${g.code}`, sk: "GRIDCODE", entity: "grid_code", gridId: g.id },
      (current) => conflict("duplicate_grid_code", { zh: `网格编码 ${g.code} 已存在`, en: `grid code ${g.code} is already used` }, { gridId: current?.gridId }),
    ),
    putNew(gridItem(g)),
  ];
}

export async function getGrid(id: string): Promise<Grid | undefined> {
  const item = await getItem(`GRID#${id}`, "GRID");
  return item ? (strip(item) as unknown as Grid) : undefined;
}

export async function listGrids(regionCode: string, limit: number, cursor?: string): Promise<Page<Grid>> {
  const level = regionLevel(regionCode);
  const county = level !== "province" && level !== "city" ? countyOf(regionCode) : undefined;
  const p = await queryAcross(
    cityPartitions("GRIDREG#", regionCode),
    { index: "gsi1", sk: county ? { beginsWith: `${county}#` } : undefined, limit },
    cursor,
  );
  return { items: p.items.map((i) => strip(i) as unknown as Grid), nextCursor: p.nextCursor };
}

/** Each enterprise in at most one grid: the claim is created only if absent. */
export function gridClaimWrite(enterpriseId: string, gridId: string): Write {
  return putNew({ pk: `GRIDENT#${enterpriseId}`, sk: "GRIDENT", entity: "grid_claim", enterpriseId, gridId }, (current) =>
    conflict(
      "enterprise_in_another_grid",
      { zh: `企业 ${enterpriseId} 已属于网格 ${String(current?.gridId)}`, en: `enterprise ${enterpriseId} already belongs to grid ${String(current?.gridId)}` },
      { enterpriseId, gridId: current?.gridId },
    ),
  );
}

/** Enterprises of a grid, from the register's gsi2 (ENTGRID#<grid>). */
export async function enterprisesOfGrid(gridId: string): Promise<Item[]> {
  const items = await queryAll({ index: "gsi2", pk: `ENTGRID#${gridId}` });
  return items.map((i) => strip(i));
}

export function patrolWrite(p: Patrol): Write {
  return putNew({ pk: `PATROL#${p.id}`, sk: "PATROL", entity: "grid_patrol", gsi2pk: `PATROLGRID#${p.gridId}`, gsi2sk: `${p.patrolledAt}#${p.id}`, ...p });
}

export async function listPatrolsOfGrid(gridId: string, limit: number, cursor?: string): Promise<Page<Patrol>> {
  const p = await query({ index: "gsi2", pk: `PATROLGRID#${gridId}`, limit, cursor, newestFirst: true });
  return { items: p.items.map((i) => strip(i) as unknown as Patrol), nextCursor: p.nextCursor };
}

export async function getPatrol(id: string): Promise<Patrol | undefined> {
  const item = await getItem(`PATROL#${id}`, "PATROL");
  return item ? (strip(item) as unknown as Patrol) : undefined;
}
