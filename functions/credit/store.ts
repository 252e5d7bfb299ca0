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
import type * as z from "zod/mini";
import { childrenOf, cityOf, countyOf, regionLevel } from "../../shared/codes/index.js";
import { decodeCursor, deleteItem, encodeCursor, eq, filterOf, getItem, invalidCursor, isType, type Item, lte, missing, or, type Page, putDerived, putNew, query, queryAcross, queryAll, transact, withinRegion, type Write } from "../../shared/db.js";
import { newId } from "../../shared/ids.js";
import { periodIndexKeys, readMonths } from "../../shared/periods.js";
import { parseRecord } from "../../shared/records.js";
import { addMonths, type IsoDate } from "../../shared/time.js";
import { type BlacklistPolicy, DEFAULT_BLACKLIST_POLICY } from "./config-data.js";
import { isListed, type PublicBlacklistEntry, publicationQuarter } from "./rules.js";
import { CreditState, Listing, type ListingRecord, PolicyOut, SettledYear, SnapshotPage, SnapshotPointer, SupervisionTask, type SupervisionTaskRecord, Violation } from "./schemas.js";

export type { CreditState } from "./schemas.js";

export const cityPartition = (regionCode: string) => cityOf(regionCode) ?? regionCode;

// ---------- violations ----------

export const violationKey = (id: string) => ({ pk: `VIOL#${id}`, sk: "VIOL" });

export function violationItem(v: Violation): Item {
  return {
    ...violationKey(v.id),
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
  const key = violationKey(id);
  const item = await getItem(key.pk, key.sk);
  return item ? parseRecord(Violation, item) : undefined;
}

/** Items of a region (province, city or county) on a gsi2 `<PREFIX>#<city>` index, city partition by city partition. */
async function byRegion<S extends z.ZodMiniType>(schema: S, prefix: string, regionCode: string, limit: number, cursor?: string): Promise<Page<z.infer<S>>> {
  const level = regionLevel(regionCode);
  if (level === "province") {
    const parts = childrenOf(regionCode).map((c) => `${prefix}#${c.code}`);
    return clean(schema, await queryAcross(parts, { index: "gsi2", limit, newestFirst: false }, cursor));
  }
  return clean(
    schema,
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

function clean<S extends z.ZodMiniType>(schema: S, p: Page<Item>): Page<z.infer<S>> {
  return { items: p.items.map((i) => parseRecord(schema, i)), nextCursor: p.nextCursor };
}

export const violationsOfEnterprise = (enterpriseId: string, limit: number, cursor?: string) =>
  query({ index: "gsi1", pk: `VIOLENT#${enterpriseId}`, limit, cursor, newestFirst: true }).then((p) => clean(Violation, p));

/** Violations decided in these months (`YYYY-MM`), through the period index. */
export async function violationsOfMonths(months: readonly string[]): Promise<Violation[]> {
  return (await readMonths("VIOL", months)).map((i) => parseRecord(Violation, i));
}

export const violationsOfRegion = (regionCode: string, limit: number, cursor?: string) => byRegion(Violation, "VIOLREG", regionCode, limit, cursor);

// ---------- listings ----------

const listingKey = (id: string) => ({ pk: `BL#${id}`, sk: "BL" });

export function listingItem(l: ListingRecord): Item & { version: number } {
  return {
    ...listingKey(l.id),
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
  const key = listingKey(id);
  const item = await getItem(key.pk, key.sk, consistent);
  return item ? parseRecord(Listing, item) : undefined;
}

/** Every listing of an enterprise, oldest first (a handful at most). */
export async function listingsOfEnterprise(enterpriseId: string): Promise<ListingRecord[]> {
  const items = await queryAll({ index: "gsi1", pk: `BLENT#${enterpriseId}` });
  return items.map((i) => parseRecord(Listing, i));
}

export const listingsOfRegion = (regionCode: string, limit: number, cursor?: string) => byRegion(Listing, "BLREG", regionCode, limit, cursor);

/** Listings published in one quarter ("2026Q4"). */
export async function listingsPublishedIn(quarter: string): Promise<ListingRecord[]> {
  const items = await queryAll({ index: "gsi3", pk: `BLPUB#${quarter}` });
  return items.map((i) => parseRecord(Listing, i));
}

/** One quarter's publication, a page at a time: listings published in it and not removed early. */
export async function listingsPublishedPage(quarter: string, limit: number, cursor?: string): Promise<Page<ListingRecord>> {
  return clean(
    Listing,
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

async function snapshotPointer(consistent: boolean): Promise<SnapshotPointer | undefined> {
  const item = await getItem(SNAPSHOT_POINTER.pk, SNAPSHOT_POINTER.sk, consistent);
  return item ? parseRecord(SnapshotPointer, item) : undefined;
}

/**
 * Replaces the public blacklist with `entries` (already in publication order): the new pages
 * first, then the pointer, then the old pages go. A reader sees the old list or the new one.
 */
export async function writeBlacklistSnapshot(entries: PublicBlacklistEntry[], asOf: IsoDate): Promise<void> {
  const old = await snapshotPointer(true);
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
  const pointer = await snapshotPointer(false);
  if (!pointer || at.o >= pointer.total) return { asOf: pointer?.asOf ?? null, total: pointer?.total ?? 0, items: [], nextCursor: null };
  const first = Math.floor(at.o / SNAPSHOT_PAGE);
  const last = Math.floor((Math.min(at.o + limit, pointer.total) - 1) / SNAPSHOT_PAGE);
  const res = await query({ pk: pageKey(pointer.snapshot, first).pk, sk: { between: [pageKey(pointer.snapshot, first).sk, pageKey(pointer.snapshot, last).sk] }, limit: last - first + 1 });
  const entries = res.items.flatMap((p) => parseRecord(SnapshotPage, p).entries);
  const from = at.o - first * SNAPSHOT_PAGE;
  const items = entries.slice(from, from + limit);
  const next = at.o + items.length;
  return { asOf: pointer.asOf, total: pointer.total, items, nextCursor: next < pointer.total && items.length > 0 ? encodeCursor({ o: next }) : null };
}

// ---------- enterprise credit state ----------

/** Is the enterprise listed on `today`, per its (strongly consistent) credit state? */
export function listedPerState(state: CreditState | undefined, today: string): boolean {
  return !!state?.activeListingId && !!state.activeUntil && state.activeUntil >= today;
}

export const creditStateKey = (enterpriseId: string) => ({ pk: `CREDIT#${enterpriseId}`, sk: "STATE" });

export async function getCreditState(enterpriseId: string): Promise<CreditState | undefined> {
  const key = creditStateKey(enterpriseId);
  const item = await getItem(key.pk, key.sk, true);
  return item ? parseRecord(CreditState, item) : undefined;
}

export const creditStateItem = (s: CreditState): Item & { version: number } => ({ ...creditStateKey(s.enterpriseId), entity: "credit_state", ...s });

// ---------- supervision tasks ----------

const taskKey = (id: string) => ({ pk: `CTASK#${id}`, sk: "CTASK" });

export function taskItem(t: SupervisionTaskRecord): Item & { version: number } {
  return {
    ...taskKey(t.id),
    entity: "supervision_task",
    gsi1pk: `CTASKENT#${t.enterpriseId}`,
    gsi1sk: `${t.dueOn}#${t.id}`,
    gsi2pk: `CTASKREG#${t.cityCode}`,
    gsi2sk: `${countyOf(t.regionCode)}#${t.dueOn}#${t.id}`,
    ...t,
  };
}

export async function getTask(id: string): Promise<SupervisionTaskRecord | undefined> {
  const key = taskKey(id);
  const item = await getItem(key.pk, key.sk);
  return item ? parseRecord(SupervisionTask, item) : undefined;
}

export const tasksOfEnterprise = (enterpriseId: string, limit: number, cursor?: string) =>
  query({ index: "gsi1", pk: `CTASKENT#${enterpriseId}`, limit, cursor }).then((p) => clean(SupervisionTask, p));

export const tasksOfRegion = (regionCode: string, limit: number, cursor?: string) => byRegion(SupervisionTask, "CTASKREG", regionCode, limit, cursor);

/** Open tasks of a region due on or before `dueBy`: few (one per listed enterprise and half-year), so read whole. */
export async function openTasksOfRegion(regionCode: string, dueBy: IsoDate): Promise<SupervisionTaskRecord[]> {
  const level = regionLevel(regionCode);
  const cities = level === "province" ? childrenOf(regionCode).map((c) => c.code) : [cityPartition(regionCode)];
  const sk = level === "province" || level === "city" ? undefined : { between: [`${countyOf(regionCode)}#`, `${countyOf(regionCode)}#${dueBy}~`] as [string, string] };
  const filter = filterOf(withinRegion(regionCode), eq("status", "open"), lte("dueOn", dueBy));
  const parts = await Promise.all(cities.map((city) => queryAll({ index: "gsi2", pk: `CTASKREG#${city}`, sk, filter })));
  return parts.flat().map((i) => parseRecord(SupervisionTask, i));
}

// ---------- policy ----------

export const POLICY_KEY = { pk: "CREDITCFG", sk: "POLICY" } as const;

export type StoredPolicy = z.infer<typeof PolicyOut>;

export async function getPolicy(): Promise<StoredPolicy> {
  const item = await getItem(POLICY_KEY.pk, POLICY_KEY.sk);
  if (!item) return { ...DEFAULT_BLACKLIST_POLICY, version: 0, updatedAt: "1970-01-01T00:00:00.000Z", updatedBy: "default" };
  return parseRecord(PolicyOut, item);
}

export const policyItem = (p: StoredPolicy): Item & { version: number } => ({ ...POLICY_KEY, entity: "credit_policy", ...p });

// ---------- settled accident years ----------

/** A year whose accidents the blacklist job found settled (rules.yearSettled): it is not read again. */
const settledYearKey = (year: number) => ({ pk: `CREDITYEAR#${year}`, sk: "SETTLED" });

export async function isYearSettled(year: number): Promise<boolean> {
  const k = settledYearKey(year);
  const item = await getItem(k.pk, k.sk);
  if (!item) return false;
  parseRecord(SettledYear, item);
  return true;
}

export function settledYearWrite(year: number, on: IsoDate, accidentsRead: number): Write {
  const settled: z.infer<typeof SettledYear> = { year, settledOn: on, accidentsRead };
  return putNew({ ...settledYearKey(year), entity: "credit_settled_year", ...settled });
}
