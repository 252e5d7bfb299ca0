// The one query and filter toolkit (shared/db.ts) against DynamoDB Local: each condition selects
// exactly the items it names, and a list across partitions pages through all of them once.
import { describe, expect, it } from "vitest";
import {
  and,
  beginsWith,
  between,
  contains,
  type Condition,
  eq,
  exists,
  filterOf,
  gte,
  industryIs,
  isIn,
  isType,
  lt,
  missing,
  ne,
  not,
  or,
  putDerived,
  queryAcross,
  queryAll,
  transact,
  withinRegion,
} from "../../shared/db.js";
import { newId } from "../../shared/ids.js";

interface Row {
  n: number;
  status: string;
  due: string;
  regionCode: string;
  industryCode: string;
  industrySection: string;
  name: string;
  removedOn?: string | null;
}

const rows: Row[] = Array.from({ length: 24 }, (_, n) => ({
  n,
  status: ["reported", "rectifying", "closed"][n % 3] as string,
  due: `2026-03-${String(1 + n).padStart(2, "0")}`,
  regionCode: n % 2 === 0 ? "420102" : "420102001",
  industryCode: n % 4 === 0 ? "C26" : "B06",
  industrySection: n % 4 === 0 ? "C" : "B",
  name: n % 5 === 0 ? `武汉化工${n}` : `矿业${n}`,
  ...(n % 6 === 0 ? { removedOn: null } : n % 6 === 1 ? { removedOn: "2026-04-01" } : {}),
}));

const pk = `FILTERTEST#${newId()}`;
let seeded = false;
async function seed() {
  if (seeded) return;
  await transact(rows.map((r) => putDerived({ pk, sk: String(r.n).padStart(3, "0"), ...r })));
  seeded = true;
}

async function matching(...conditions: (Condition | undefined)[]): Promise<number[]> {
  await seed();
  const items = await queryAll<Row & Record<string, unknown>>({ pk, filter: filterOf(...conditions) });
  return items.map((i) => i.n).sort((a, b) => a - b);
}
const expected = (pred: (r: Row) => boolean) => rows.filter(pred).map((r) => r.n);

describe("filterOf compiles each condition as DynamoDB evaluates it", () => {
  it("comparisons, in, between, begins_with, contains", async () => {
    expect(await matching(eq("status", "closed"))).toEqual(expected((r) => r.status === "closed"));
    expect(await matching(ne("status", "closed"))).toEqual(expected((r) => r.status !== "closed"));
    expect(await matching(lt("due", "2026-03-05"))).toEqual(expected((r) => r.due < "2026-03-05"));
    expect(await matching(gte("due", "2026-03-20"))).toEqual(expected((r) => r.due >= "2026-03-20"));
    expect(await matching(isIn("status", ["reported", "rectifying"]))).toEqual(expected((r) => r.status !== "closed"));
    expect(await matching(between("due", "2026-03-03", "2026-03-07"))).toEqual(expected((r) => r.due >= "2026-03-03" && r.due <= "2026-03-07"));
    expect(await matching(between("due", undefined, "2026-03-02"))).toEqual(expected((r) => r.due <= "2026-03-02"));
    expect(await matching(beginsWith("name", "武汉"))).toEqual(expected((r) => r.name.startsWith("武汉")));
    expect(await matching(contains("name", "化工"))).toEqual(expected((r) => r.name.includes("化工")));
  });

  it("presence and type: a removedOn that is absent or null is not a removal", async () => {
    expect(await matching(exists("removedOn"))).toEqual(expected((r) => "removedOn" in r));
    expect(await matching(or(missing("removedOn"), isType("removedOn", "NULL")))).toEqual(expected((r) => !r.removedOn));
  });

  it("not, and, or nest with the precedence written, not DynamoDB's (NOT > AND > OR)", async () => {
    const open = isIn("status", ["reported", "rectifying"]);
    // "not overdue" on 2026-03-10: closed, or due on or after the day.
    expect(await matching(or(not(open), gte("due", "2026-03-10")))).toEqual(expected((r) => r.status === "closed" || r.due >= "2026-03-10"));
    // An OR inside an AND must stay grouped: without the parentheses it would read (a AND b) OR c.
    expect(await matching(eq("industrySection", "C"), or(eq("status", "closed"), lt("due", "2026-03-03")))).toEqual(
      expected((r) => r.industrySection === "C" && (r.status === "closed" || r.due < "2026-03-03")),
    );
    expect(await matching(not(and(eq("status", "closed"), eq("industryCode", "B06"))))).toEqual(expected((r) => !(r.status === "closed" && r.industryCode === "B06")));
  });

  it("industry scope matches a division or its section; region scope is a county's own prefix", async () => {
    expect(await matching(industryIs("C"))).toEqual(expected((r) => r.industrySection === "C"));
    expect(await matching(industryIs("B06"))).toEqual(expected((r) => r.industryCode === "B06"));
    expect(await matching(withinRegion("420102001"))).toEqual(expected((r) => r.regionCode === "420102001"));
    // A city's or the province's partitions hold only their own records: no condition at all.
    expect(withinRegion("420100")).toBeUndefined();
    expect(withinRegion("420000")).toBeUndefined();
  });

  it("undefined values drop out; nothing defined is no filter", async () => {
    expect(filterOf(eq("status", undefined), isIn("status", []), between("due", undefined, undefined), and(), or(undefined))).toBeUndefined();
    expect(await matching(eq("status", "closed"), eq("industryCode", undefined))).toEqual(expected((r) => r.status === "closed"));
    // One attribute used twice gets one name; every value its own placeholder.
    const f = filterOf(gte("due", "2026-03-02"), lt("due", "2026-03-09"));
    expect(Object.keys(f?.names ?? {})).toHaveLength(1);
    expect(Object.keys(f?.values ?? {})).toHaveLength(2);
  });
});

describe("queryAcross pages over partitions with their own key condition and filter", () => {
  it("every matching item once, in partition order, whatever the page size", async () => {
    const base = `ACROSSTEST#${newId()}`;
    const parts = ["a", "b", "c"];
    await transact(parts.flatMap((p) => Array.from({ length: 7 }, (_, i) => putDerived({ pk: `${base}#${p}`, sk: `${i % 2 === 0 ? "x" : "y"}#${i}`, p, i }))));
    const partitions = [
      `${base}#a`,
      { pk: `${base}#b`, sk: { beginsWith: "x#" } },
      { pk: `${base}#c`, filter: filterOf(gte("i", 5)) },
    ];
    const want = [
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => `a${i}`),
      ...[0, 2, 4, 6].map((i) => `b${i}`),
      ...[5, 6].map((i) => `c${i}`),
    ];
    for (const limit of [1, 3, 5, 50]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 30; pages++) {
        const page = await queryAcross<{ p: string; i: number }>(partitions, { limit }, cursor);
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...page.items.map((r) => `${r.p}${r.i}`));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen.sort(), `limit ${limit}`).toEqual([...want].sort());
      expect(new Set(seen).size).toBe(seen.length);
    }
  });
});
