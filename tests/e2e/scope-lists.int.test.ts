// Lists and reads share one reach rule (shared/policy.ts canReach): for random callers of every role
// and level — province, city, 直管 unit, county, township (9-digit codes), industry departments,
// enterprises and grid members — every row a list gives is readable by id by the same caller.
//
// Every list route of functions/manifest.ts is classified below. Those with a read-by-id route are
// checked row by row against it. Those without one are checked like this:
//   listFilings, listTasks        rows name enterprises: each must be readable at /v1/enterprises/{id}
//   regionReconciliation          rows name enterprises: each must be readable at /v1/enterprises/{id}/reconciliation
//   listAssessments               rows are regions: each must be covered by the caller (coversRegion)
//   listDelegations               the province's delegations are one province-wide register, not scoped
//                                 by region or enterprise: every caller the route admits sees all of it
//   audit                         one record's trail: scope-jurisdiction.int.test.ts
//   public routes                 no caller, no scope
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { TokenClaims } from "../../local/auth.js";
import { taskItem } from "../../functions/credit/store.js";
import { MANIFEST } from "../../functions/manifest.js";
import { putNew, transact } from "../../shared/db.js";
import { type Actor, coversRegion, type Role } from "../../shared/policy.js";
import { shanghaiQuarter } from "../../shared/time.js";
import { useApi } from "../support/api.js";
import { generalBody, newEnterprise, PROVINCE_ADMIN, regulator, type TestEnterprise, today } from "../support/hazards.js";

const api = useApi();

// biome-ignore lint/suspicious/noExplicitAny: rows of many shapes
type Row = any;

interface ByIdCheck {
  path: string;
  /** Lists of reference data come whole: no `limit`. */
  whole?: boolean;
  /** Query variants a caller may add: naming an enterprise or a region narrower than its own. */
  enterpriseQuery?: boolean;
  regionQuery?: boolean;
  read: (row: Row) => string;
}

/** List routes with a read-by-id route: manifest id of the list → how a row is read. */
const BY_ID: Record<string, ByIdCheck & { readRoute: string }> = {
  listEnterprises: { path: "/v1/enterprises", regionQuery: true, readRoute: "getEnterprise", read: (r) => `/v1/enterprises/${r.id}` },
  listHazards: { path: "/v1/hazards", enterpriseQuery: true, regionQuery: true, readRoute: "getHazard", read: (r) => `/v1/hazards/${r.id}` },
  listInspections: { path: "/v1/enforcement-inspections", enterpriseQuery: true, regionQuery: true, readRoute: "getInspection", read: (r) => `/v1/enforcement-inspections/${r.id}` },
  listSelfInspections: { path: "/v1/self-inspections", enterpriseQuery: true, readRoute: "getSelfInspection", read: (r) => `/v1/self-inspections/${r.id}` },
  listGrids: { path: "/v1/grids", regionQuery: true, readRoute: "getGrid", read: (r) => `/v1/grids/${r.id}` },
  listAccidents: { path: "/v1/accidents", regionQuery: true, readRoute: "getAccident", read: (r) => `/v1/accidents/${r.id}` },
  listApplications: { path: "/v1/applications", regionQuery: true, readRoute: "getApplication", read: (r) => `/v1/applications/${r.id}` },
  listLicences: { path: "/v1/licences", regionQuery: true, readRoute: "getLicenceHistory", read: (r) => `/v1/licences/${r.number}/history` },
  listViolations: { path: "/v1/violations", enterpriseQuery: true, regionQuery: true, readRoute: "getViolation", read: (r) => `/v1/violations/${r.id}` },
  listListings: { path: "/v1/blacklist-listings", enterpriseQuery: true, regionQuery: true, readRoute: "getListing", read: (r) => `/v1/blacklist-listings/${r.id}` },
  listChecklists: { path: "/v1/checklists", whole: true, readRoute: "getChecklist", read: (r) => `/v1/checklists/${r.id}` },
  listApprovalItems: { path: "/v1/approval-items", whole: true, readRoute: "getApprovalItem", read: (r) => `/v1/approval-items/${r.code}` },
};

/** List routes without a read-by-id route, and how their rows are checked (see the header). */
const CHECKED_OTHERWISE: Record<string, ByIdCheck | "province-wide" | "regions" | "one-record"> = {
  listFilings: { path: `/v1/hazard-filings?period=${lastQuarter()}`, regionQuery: true, read: (r) => `/v1/enterprises/${r.enterpriseId}` },
  listTasks: { path: "/v1/inspection-tasks", enterpriseQuery: true, regionQuery: true, read: (r) => `/v1/enterprises/${r.enterpriseId}` },
  regionReconciliation: { path: `/v1/reconciliation?period=${thisQuarter()}`, whole: true, regionQuery: true, read: (r) => `/v1/enterprises/${r.enterpriseId}/reconciliation?period=${thisQuarter()}` },
  // To-do items of many kinds: each links the record it is about, which the caller must be able to read.
  getTodo: { path: "/v1/todo", whole: true, read: (r) => r.record.path },
  listAssessments: "regions",
  listDelegations: "province-wide",
  audit: "one-record",
};

/** GET routes that are not lists of records: single documents, computed figures. */
const NOT_LISTS = ["health", "openapi", "getPolicy", "controlIndicators"];

function thisQuarter(): string {
  return shanghaiQuarter(new Date());
}

/** The quarter before this one: its filings are due or filed. */
function lastQuarter(): string {
  const [year, q] = shanghaiQuarter(new Date()).split("Q").map(Number) as [number, number];
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}

const rolesOf = (id: string): readonly Role[] | "public" => {
  const r = MANIFEST.find((x) => x.id === id);
  if (!r) throw new Error(`no route ${id}`);
  return r.roles;
};

describe("every list route is classified", () => {
  it("each GET route that returns records without naming one is checked here or says why not", () => {
    const known = new Set([...Object.keys(BY_ID), ...Object.keys(CHECKED_OTHERWISE), ...NOT_LISTS]);
    const unclassified = MANIFEST.filter((r) => r.method === "GET" && !r.path.includes("{") && r.roles !== "public" && !known.has(r.id)).map((r) => r.id);
    expect(unclassified).toEqual([]);
    for (const [id, c] of Object.entries(BY_ID)) {
      expect(MANIFEST.find((r) => r.id === id)?.path.split("?")[0]).toBe(c.path);
      expect(MANIFEST.find((r) => r.id === c.readRoute)?.method).toBe("GET");
    }
  });
});

const REGIONS = ["420000", "420100", "420200", "429004", "420102", "420106", "420281", "420102001", "420102002", "429004001"];
const INDUSTRIES = ["C", "B", "26", "10"];

describe("lists never show a row a read by id hides", () => {
  const ents: TestEnterprise[] = [];
  let gridId = "";
  let emptyGridId = "";

  beforeAll(async () => {
    // Enterprises register in counties (and 直管 units); township callers see none of their records.
    for (const [regionCode, industryCode] of [["420102", "26"], ["420102", "10"], ["420106", "26"], ["420106", "10"], ["429004", "26"], ["420281", "10"]] as const) {
      ents.push(await newEnterprise(api, { regionCode, industryCode }));
    }
    const [a, b, c, d] = ents as [TestEnterprise, TestEnterprise, TestEnterprise, TestEnterprise];
    const grid = async (code: string) => {
      const res = await api.call("POST", "/v1/grids", {
        as: regulator("420102"),
        body: {
          code, name: "江岸列表网格", regionCode: "420102",
          member: { userId: `gm-${code}`, name: "网格员", phone: "027-84800001", fullTime: true },
          supervisingOfficial: { name: "监管员", phone: "027-84800002", title: "站长" }, contactLeader: { name: "领导", phone: "027-84800003" },
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const suffix = Math.random().toString(36).slice(2, 8).toUpperCase();
    gridId = await grid(`GRID-LIST-${suffix}`);
    emptyGridId = await grid(`GRID-EMPTY-${suffix}`);
    expect((await api.call("POST", `/v1/grids/${gridId}/enterprises`, { as: regulator("420102"), body: { enterpriseIds: [a.id] } })).status).toBe(200);

    const province = regulator("420000");
    const ok = (res: { status: number; body: unknown }, status = 201) => expect(res.status, JSON.stringify(res.body)).toBe(status);
    const whp = await api.call("GET", "/v1/checklists/WHP-v1", { as: a.as });
    ok(whp, 200);
    const results = whp.body.items.map((i: { code: string }) => ({ itemCode: i.code, result: "pass" }));
    for (const e of [a, c]) ok(await api.call("POST", "/v1/self-inspections", { as: e.as, body: { checklistId: "WHP-v1", inspectedAt: new Date(Date.now() - 60_000).toISOString(), inspector: "张安全", results } }));
    for (const e of ents) {
      ok(await api.call("POST", "/v1/hazards", { as: e.as, body: generalBody(e.id) }));
      ok(await api.call("POST", "/v1/enforcement-inspections", { as: province, body: { enterpriseId: e.id, date: today(), inspectors: [{ name: "执法员甲" }, { name: "执法员乙" }], findings: [] } }));
      ok(await api.call("POST", "/v1/violations", {
        as: province,
        body: { enterpriseId: e.id, date: today(), act: "未按规定监测监控", legalBasis: "《安全生产法》第一百零一条", penalty: { kind: "warning" }, decisionNumber: `鄂应急罚〔2026〕L${suffix}${e.id}号` },
      }));
      ok(await api.call("POST", "/v1/applications", { as: e.as, body: { itemCode: "AQ04-01", scope: "电工作业" } }));
      ok(await api.call("POST", "/v1/hazard-filings", { as: e.as, body: { period: lastQuarter(), principal: { name: "法定代表人" } } }));
    }
    const listings = [];
    for (const e of [a, c]) {
      const res = await api.call("POST", "/v1/blacklist-listings", { as: PROVINCE_ADMIN, body: { enterpriseId: e.id, reason: "瞒报事故" } });
      ok(res);
      listings.push(res.body);
    }
    // Supervision tasks are opened by the daily credit job, which sweeps the whole table; the test writes
    // the tasks it would open for these two listings through the store instead.
    await transact(
      listings.map((l, i) =>
        putNew(taskItem({
          id: `${l.id}-inspection-1`, kind: "inspection", listingId: l.id, enterpriseId: l.enterpriseId, enterpriseName: l.enterpriseName,
          regionCode: l.regionCode, cityCode: l.cityCode, industryCode: l.industryCode, sequence: 1 + i, opensOn: today(), dueOn: today(),
          status: "open", version: 1, createdAt: new Date().toISOString(),
        })),
      ),
    );
    // Accidents at home and away (属地): at home, another county's enterprise reported here, one reported elsewhere.
    ok(await api.call("POST", "/v1/accidents", { as: b.as, body: accident({ regionCode: "420102" }) }));
    ok(await api.call("POST", "/v1/accidents", { as: regulator("420102"), body: accident({ regionCode: "420102", enterpriseId: d.id }) }));
    ok(await api.call("POST", "/v1/accidents", { as: c.as, body: accident({ regionCode: "420281" }) }));
  });

  function accident(over: Record<string, unknown>) {
    return {
      occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(), industryCode: "26", accidentType: "19",
      summary: "检修时一名工人中毒", scene: "车间", deaths: 0, missing: 0, seriousInjuries: 0, injuries: 1, directLossYuan: 10_000, ...over,
    };
  }

  /** A caller of any role and level. */
  function actors(): fc.Arbitrary<TokenClaims> {
    const region = fc.constantFrom(...REGIONS);
    return fc.oneof(
      fc.record({ role: fc.constantFrom("regulator", "approval_officer", "statistician", "admin"), region }),
      fc.record({ role: fc.constant("industry_department"), region, industry: fc.constantFrom(...INDUSTRIES) }),
      fc.constantFrom(...ents).map((e) => e.as),
      fc.constantFrom(gridId, emptyGridId).map((grid) => ({ role: "grid_member", region: "420102", grid })),
    ) as fc.Arbitrary<TokenClaims>;
  }

  const asActor = (c: TokenClaims): Actor => ({ userId: "t", role: c.role as Role, regionCode: c.region as string, isHead: false });

  /** Lists that showed rows during the run (so the property cannot pass on empty lists alone). */
  const showedRows = new Set<string>();

  async function rowsOf(as: TokenClaims, path: string, whole = false): Promise<Row[] | undefined> {
    const res = await api.call("GET", whole ? path : `${path}${path.includes("?") ? "&" : "?"}limit=10`, { as });
    // A refused list shows nothing; anything else than 2xx or a 4xx would be a defect.
    expect(res.status, `${path}: ${res.text}`).toBeLessThan(500);
    if (res.status !== 200) return undefined;
    return (res.body.items as Row[]).slice(0, 10);
  }

  it("for random callers, every row of every list they may call is readable by id (fast-check)", async () => {
    const townships: TokenClaims[] = ["420102001", "429004001"].flatMap((region) => [
      { role: "regulator", region }, { role: "approval_officer", region }, { role: "statistician", region }, { role: "admin", region },
      { role: "industry_department", region, industry: "C" },
    ]);
    await fc.assert(
      fc.asyncProperty(actors(), fc.constantFrom(...ents), fc.constantFrom(...REGIONS), fc.constantFrom("none", "enterprise", "region"), async (as, named, region, variant) => {
        const role = as.role as Role;
        for (const [id, check] of Object.entries({ ...BY_ID, ...CHECKED_OTHERWISE })) {
          const roles = rolesOf(id);
          if (roles !== "public" && !roles.includes(role)) continue;
          if (check === "one-record" || check === "province-wide") continue;
          if (check === "regions") {
            const year = new Date().getFullYear();
            const rows = await rowsOf(as, `/v1/assessments?year=${year}`);
            for (const r of rows ?? []) expect(coversRegion(asActor(as), r.regionCode), `${id} row ${r.regionCode} for ${JSON.stringify(as)}`).toBe(true);
            continue;
          }
          let path = check.path;
          const sep = path.includes("?") ? "&" : "?";
          if (variant === "enterprise" && check.enterpriseQuery) path += `${sep}enterpriseId=${named.id}`;
          if (variant === "region" && check.regionQuery) path += `${sep}regionCode=${region}`;
          const rows = (await rowsOf(as, path, check.whole)) ?? [];
          if (rows.length > 0) showedRows.add(id);
          for (const row of rows) {
            const read = await api.call("GET", check.read(row), { as });
            expect(read.status, `${path} shows ${check.read(row)} to ${JSON.stringify(as)}, whose read answers ${read.status}`).toBe(200);
          }
        }
      }),
      {
        numRuns: 30,
        examples: [
          ...townships.map((as): [TokenClaims, TestEnterprise, string, string] => [as, ents[0] as TestEnterprise, "420102", "none"]),
          // Callers who reach the seeded rows, so every list is seen with rows in it.
          [PROVINCE_ADMIN, ents[0] as TestEnterprise, "420102", "enterprise"],
          [PROVINCE_ADMIN, ents[0] as TestEnterprise, "420102", "none"],
          [regulator("420102"), ents[0] as TestEnterprise, "420102", "none"],
          [(ents[0] as TestEnterprise).as, ents[0] as TestEnterprise, "420102", "none"],
          [{ role: "approval_officer", region: "420100" }, ents[0] as TestEnterprise, "420102", "none"],
        ],
      },
    );
    const listed = Object.entries({ ...BY_ID, ...CHECKED_OTHERWISE }).filter(([, c]) => typeof c !== "string").map(([id]) => id);
    expect([...showedRows].sort()).toEqual(listed.sort());
  }, 600_000);
});
