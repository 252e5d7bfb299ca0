// Credit storage: violations, blacklist listings, supervision tasks, the blacklist policy.
//
// Access patterns:
//   violation by id              pk VIOL#<id>              sk VIOL
//   decision-number claim        pk VIOLDOC#<number>       sk VIOLDOC      (same transaction as the violation)
//   violations of an enterprise  gsi1pk VIOLENT#<eid>      gsi1sk <date>#<id>
//   violations by region         gsi2pk VIOLREG#<city>     gsi2sk <county>#<date>#<id>
//   violations by month          gsi4 period index VIOL (shared/periods.ts)
//   listing by id                pk BL#<id>                sk BL
//   listings of an enterprise    gsi1pk BLENT#<eid>        gsi1sk <from>#<id>
//   listings by region           gsi2pk BLREG#<city>       gsi2sk <county>#<from>#<id>
//   listings by publication      gsi3pk BLPUB#<YYYYQn>     gsi3sk <from>#<id>   (quarter of `from`)
//   enterprise credit state      pk CREDIT#<eid>           sk STATE
//                                (versioned: every new listing of an enterprise bumps it, so two
//                                concurrent listings of one enterprise cannot both succeed; it also
//                                remembers which evidence was already used, so a removed listing's
//                                records do not list the enterprise again)
//   supervision task by id       pk CTASK#<id>             sk CTASK
//   tasks by region              gsi2pk CTASKREG#<city>    gsi2sk <county>#<dueOn>#<id>
//   tasks of an enterprise       gsi1pk CTASKENT#<eid>     gsi1sk <dueOn>#<id>
//   blacklist policy             pk CREDITCFG              sk POLICY
//   public blacklist in force    pk BLSNAP                 sk CURRENT      (which snapshot is current, its date and size)
//   its pages                    pk BLSNAP#<snapshot>      sk P#<00000>    (SNAPSHOT_PAGE public entries each)
//                                (written whole by the daily job, so an anonymous page is two reads)
//   settled accident year        pk CREDITYEAR#<year>      sk SETTLED      (the job reads that year no more)
import { childrenOf, cityOf, countyOf, regionLevel } from "../../shared/codes/index.js";
import { decodeCursor, deleteItem, encodeCursor, eq, filterOf, getItem, isType, lte, missing, or, withinRegion, invalidCursor, type Item, type Page, putDerived, putNew, query, queryAcross, queryAll, strip, transact, type Write } from "../../shared/db.js";
import { newId } from "../../shared/ids.js";
import { periodIndexKeys } from "../../shared/periods.js";
import { addMonths, type IsoDate } from "../../shared/time.js";
import { type BlacklistPolicy, DEFAULT_BLACKLIST_POLICY } from "./config-data.js";
import { isListed, type PublicBlacklistEntry, publicationQuarter } from "./rules.js";
import type { ListingRecord, SupervisionTaskRecord, Violation } from "./schemas.js";

export const cityPartition = (regionCode: string) => cityOf(regionCode) ?? regionCode;

// ---------- violations ----------

export function violationItem(v: Violation): Item {
  return {
    pk: `VIOL#${v.id}`,
    sk: "VIOL",
    entity: "violation",
    gsi1pk: `VIOLENT#${v.enterpriseId}`,
    gsi1sk: `${v.date}#${v.id}`,
    gsi2pk: `VIOLREG#${v.cityCode}`,
    gsi2sk: `${countyOf(v.regionCode)}#${v.date}#${v.id}`,
    ...periodIndexKeys("VIOL", v.date, v.regionCode, v.id),
    ...v,
  };
}

export const violationDocClaim = (decisionNumber: string, violationId: string): Item => ({
  pk: `VIOLDOC#${decisionNumber}`,
  sk: "VIOLDOC",
  entity: "violation_doc_claim",
  violationId,
});

export async function getViolation(id: string): Promise<Violation | undefined> {
  const item = await getItem(`VIOL#${id}`, "VIOL");
  return item ? (strip(item) as unknown as Violation) : undefined;
}

/** Items of a region (province, city or county) on a gsi2 `<PREFIX>#<city>` index, city partition by city partition. */
async function byRegion<T>(prefix: string, regionCode: string, limit: number, cursor?: string): Promise<Page<T>> {
  const level = regionLevel(regionCode);
  if (level === "province") {
    const parts = childrenOf(regionCode).map((c) => `${prefix}#${c.code}`);
    return clean<T>(await queryAcross(parts, { index: "gsi2", limit, newestFirst: false }, cursor));
  }
  return clean<T>(
    await query({
      index: "gsi2",
      pk: `${prefix}#${cityPartition(regionCode)}`,
      sk: level === "city" ? undefined : { beginsWith: `${countyOf(regionCode)}#` },
      filter: filterOf(withinRegion(regionCode)),
      limit,
      cursor,
    }),
  );
}

function clean<T>(p: Page<Item>): Page<T> {
  return { items: p.items.map((i) => strip(i) as unknown as T), nextCursor: p.nextCursor };
}

export const violationsOfEnterprise = (enterpriseId: string, limit: number, cursor?: string) =>
  query({ index: "gsi1", pk: `VIOLENT#${enterpriseId}`, limit, cursor, newestFirst: true }).then((p) => clean<Violation>(p));

export const violationsOfRegion = (regionCode: string, limit: number, cursor?: string) => byRegion<Violation>("VIOLREG", regionCode, limit, cursor);

// ---------- listings ----------

export function listingItem(l: ListingRecord): Item {
  return {
    pk: `BL#${l.id}`,
    sk: "BL",
    entity: "blacklist_listing",
    gsi1pk: `BLENT#${l.enterpriseId}`,
    gsi1sk: `${l.from}#${l.id}`,
    gsi2pk: `BLREG#${l.cityCode}`,
    gsi2sk: `${countyOf(l.regionCode)}#${l.from}#${l.id}`,
    gsi3pk: `BLPUB#${l.publicationQuarter}`,
    gsi3sk: `${l.from}#${l.id}`,
    ...l,
  };
}

export async function getListing(id: string, consistent = false): Promise<ListingRecord | undefined> {
  const item = await getItem(`BL#${id}`, "BL", consistent);
  return item ? (strip(item) as unknown as ListingRecord) : undefined;
}

/** Every listing of an enterprise, oldest first (a handful at most). */
export async function listingsOfEnterprise(enterpriseId: string): Promise<ListingRecord[]> {
  const items = await queryAll({ index: "gsi1", pk: `BLENT#${enterpriseId}` });
  return items.map((i) => strip(i) as unknown as ListingRecord);
}

export const listingsOfRegion = (regionCode: string, limit: number, cursor?: string) => byRegion<ListingRecord>("BLREG", regionCode, limit, cursor);

/** Listings published in one quarter ("2026Q4"). */
export async function listingsPublishedIn(quarter: string): Promise<ListingRecord[]> {
  const items = await queryAll({ index: "gsi3", pk: `BLPUB#${quarter}` });
  return items.map((i) => strip(i) as unknown as ListingRecord);
}

/** One quarter's publication, a page at a time: listings published in it and not removed early. */
export async function listingsPublishedPage(quarter: string, limit: number, cursor?: string): Promise<Page<ListingRecord>> {
  return clean<ListingRecord>(
    await query({ index: "gsi3", pk: `BLPUB#${quarter}`, limit, cursor, newestFirst: true, filter: filterOf(or(missing("removedOn"), isType("removedOn", "NULL"))) }),
  );
}

/**
 * Every listing in force on `today`: the publications of the quarters a listing published then
 * could still run in (the longest term back), filtered by the term rule. A few small queries.
 */
export async function listingsInForce(today: IsoDate, policy: Pick<BlacklistPolicy, "firstTermYears" | "repeatTermYears">): Promise<ListingRecord[]> {
  const years = Math.max(policy.firstTermYears, policy.repeatTermYears);
  const quarters = new Set<string>();
  for (let months = 0; months <= years * 12 + 3; months += 3) quarters.add(publicationQuarter(addMonths(today, -months)));
  const all = (await Promise.all([...quarters].map(listingsPublishedIn))).flat();
  return all.filter((l) => isListed(l, today));
}

// ---------- the public blacklist snapshot ----------

/** Public entries per snapshot page: a page of the API (≤ 100) spans at most two of them. */
export const SNAPSHOT_PAGE = 100;
const SNAPSHOT_POINTER = { pk: "BLSNAP", sk: "CURRENT" } as const;
const pageKey = (snapshot: string, n: number) => ({ pk: `BLSNAP#${snapshot}`, sk: `P#${String(n).padStart(5, "0")}` });

interface SnapshotPointer {
  snapshot: string;
  asOf: IsoDate;
  total: number;
  pages: number;
}

/**
 * Replaces the public blacklist with `entries` (already in publication order): the new pages
 * first, then the pointer, then the old pages go. A reader sees the old list or the new one.
 */
export async function writeBlacklistSnapshot(entries: PublicBlacklistEntry[], asOf: IsoDate): Promise<void> {
  const old = (await getItem(SNAPSHOT_POINTER.pk, SNAPSHOT_POINTER.sk, true)) as (Item & SnapshotPointer) | undefined;
  const snapshot = newId();
  const pages: Write[] = [];
  for (let n = 0; n * SNAPSHOT_PAGE < entries.length; n++) {
    pages.push(putDerived({ ...pageKey(snapshot, n), entity: "blacklist_snapshot_page", entries: entries.slice(n * SNAPSHOT_PAGE, (n + 1) * SNAPSHOT_PAGE) }));
  }
  for (let i = 0; i < pages.length; i += 25) await transact(pages.slice(i, i + 25));
  await transact([putDerived({ ...SNAPSHOT_POINTER, entity: "blacklist_snapshot", snapshot, asOf, total: entries.length, pages: pages.length })]);
  if (old) {
    const gone = Array.from({ length: old.pages }, (_, n) => pageKey(old.snapshot, n)).map((k) => deleteItem(k.pk, k.sk));
    for (let i = 0; i < gone.length; i += 25) await transact(gone.slice(i, i + 25));
  }
}

/**
 * A page of the public blacklist in force: the pointer and the one or two snapshot pages the
 * requested slice falls in — two reads whatever the list's length. The cursor is an offset; a
 * newer snapshot in between continues at the same position.
 */
export async function blacklistSnapshotPage(limit: number, cursor?: string): Promise<{ asOf: IsoDate | null; total: number; items: PublicBlacklistEntry[]; nextCursor: string | null }> {
  const at = decodeCursor<{ o: number }>(cursor) ?? { o: 0 };
  if (!Number.isInteger(at.o) || at.o < 0) throw invalidCursor();
  const pointer = (await getItem(SNAPSHOT_POINTER.pk, SNAPSHOT_POINTER.sk)) as (Item & SnapshotPointer) | undefined;
  if (!pointer || at.o >= pointer.total) return { asOf: pointer?.asOf ?? null, total: pointer?.total ?? 0, items: [], nextCursor: null };
  const first = Math.floor(at.o / SNAPSHOT_PAGE);
  const last = Math.floor((Math.min(at.o + limit, pointer.total) - 1) / SNAPSHOT_PAGE);
  const res = await query({ pk: pageKey(pointer.snapshot, first).pk, sk: { between: [pageKey(pointer.snapshot, first).sk, pageKey(pointer.snapshot, last).sk] }, limit: last - first + 1 });
  const entries = res.items.flatMap((p) => p.entries as PublicBlacklistEntry[]);
  const from = at.o - first * SNAPSHOT_PAGE;
  const items = entries.slice(from, from + limit);
  const next = at.o + items.length;
  return { asOf: pointer.asOf, total: pointer.total, items, nextCursor: next < pointer.total && items.length > 0 ? encodeCursor({ o: next }) : null };
}

// ---------- enterprise credit state ----------

export interface CreditState {
  enterpriseId: string;
  /** Listings so far (a further one is a repeat listing). */
  listings: number;
  /** Ids of every record that already served as evidence of a listing. */
  usedEvidence: string[];
  /** The listing in force, kept here so "already listed?" is one consistent read serialised by `version`. */
  activeListingId?: string;
  activeUntil?: string;
  version: number;
}

/** Is the enterprise listed on `today`, per its (strongly consistent) credit state? */
export function listedPerState(state: CreditState | undefined, today: string): boolean {
  return !!state?.activeListingId && !!state.activeUntil && state.activeUntil >= today;
}

export const creditStateKey = (enterpriseId: string) => ({ pk: `CREDIT#${enterpriseId}`, sk: "STATE" });

export async function getCreditState(enterpriseId: string): Promise<CreditState | undefined> {
  const item = await getItem(creditStateKey(enterpriseId).pk, "STATE", true);
  return item ? (strip(item) as unknown as CreditState) : undefined;
}

export const creditStateItem = (s: CreditState): Item => ({ ...creditStateKey(s.enterpriseId), entity: "credit_state", ...s });

// ---------- supervision tasks ----------

export function taskItem(t: SupervisionTaskRecord): Item {
  return {
    pk: `CTASK#${t.id}`,
    sk: "CTASK",
    entity: "supervision_task",
    gsi1pk: `CTASKENT#${t.enterpriseId}`,
    gsi1sk: `${t.dueOn}#${t.id}`,
    gsi2pk: `CTASKREG#${t.cityCode}`,
    gsi2sk: `${countyOf(t.regionCode)}#${t.dueOn}#${t.id}`,
    ...t,
  };
}

export async function getTask(id: string): Promise<SupervisionTaskRecord | undefined> {
  const item = await getItem(`CTASK#${id}`, "CTASK");
  return item ? (strip(item) as unknown as SupervisionTaskRecord) : undefined;
}

export const tasksOfEnterprise = (enterpriseId: string, limit: number, cursor?: string) =>
  query({ index: "gsi1", pk: `CTASKENT#${enterpriseId}`, limit, cursor }).then((p) => clean<SupervisionTaskRecord>(p));

export const tasksOfRegion = (regionCode: string, limit: number, cursor?: string) => byRegion<SupervisionTaskRecord>("CTASKREG", regionCode, limit, cursor);

/** Open tasks of a region due on or before `dueBy`: few (one per listed enterprise and half-year), so read whole. */
export async function openTasksOfRegion(regionCode: string, dueBy: IsoDate): Promise<SupervisionTaskRecord[]> {
  const level = regionLevel(regionCode);
  const cities = level === "province" ? childrenOf(regionCode).map((c) => c.code) : [cityPartition(regionCode)];
  const sk = level === "province" || level === "city" ? undefined : { between: [`${countyOf(regionCode)}#`, `${countyOf(regionCode)}#${dueBy}~`] as [string, string] };
  const filter = filterOf(withinRegion(regionCode), eq("status", "open"), lte("dueOn", dueBy));
  const parts = await Promise.all(cities.map((city) => queryAll({ index: "gsi2", pk: `CTASKREG#${city}`, sk, filter })));
  return parts.flat().map((i) => strip(i) as unknown as SupervisionTaskRecord);
}

// ---------- policy ----------

export const POLICY_KEY = { pk: "CREDITCFG", sk: "POLICY" } as const;

export type StoredPolicy = BlacklistPolicy & { version: number; updatedAt: string; updatedBy: string };

export async function getPolicy(): Promise<StoredPolicy> {
  const item = await getItem(POLICY_KEY.pk, POLICY_KEY.sk);
  if (!item) return { ...DEFAULT_BLACKLIST_POLICY, version: 0, updatedAt: "1970-01-01T00:00:00.000Z", updatedBy: "default" };
  return strip(item) as unknown as StoredPolicy;
}

export const policyItem = (p: StoredPolicy): Item => ({ ...POLICY_KEY, entity: "credit_policy", ...p });

// ---------- settled accident years ----------

/** A year whose accidents the blacklist job found settled (rules.yearSettled): it is not read again. */
const settledYearKey = (year: number) => ({ pk: `CREDITYEAR#${year}`, sk: "SETTLED" });

export async function isYearSettled(year: number): Promise<boolean> {
  const k = settledYearKey(year);
  return (await getItem(k.pk, k.sk)) !== undefined;
}

export function settledYearWrite(year: number, on: IsoDate, accidentsRead: number): Write {
  return putNew({ ...settledYearKey(year), entity: "credit_settled_year", year, settledOn: on, accidentsRead });
}
