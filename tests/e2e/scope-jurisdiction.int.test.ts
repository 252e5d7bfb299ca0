// Jurisdiction over HTTP: the audit trail follows the record's readers, a move out of county takes
// an enterprise off its grid, accidents away from home (属地) are seen at home and handled where they
// happened, figures a regulator stands behind go down only through the chain, and a create naming an
// enterprise out of reach answers like one naming nothing. Every row of every list being readable by
// id is scope-lists.int.test.ts.
import { describe, expect, it } from "vitest";
import type { TokenClaims } from "../../local/auth.js";
import { useApi } from "../support/api.js";
import { generalBody, newEnterprise, PROVINCE_ADMIN, regulator, today } from "../support/hazards.js";

const api = useApi();

const MIN = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const key = () => `k-${Math.random().toString(36).slice(2)}`;

function accidentBody(over: Record<string, unknown> = {}) {
  return {
    regionCode: "420102", occurredAt: ago(30 * MIN), industryCode: "26", accidentType: "19",
    summary: "反应釜检修时一名工人中毒", scene: "二车间反应釜区",
    deaths: 0, missing: 0, seriousInjuries: 0, injuries: 1, directLossYuan: 50_000,
    ...over,
  };
}

/** Each report happens at its own instant (days back, inside the 补报 window), so a list can pick it out. */
async function reportAccident(as: TokenClaims, body: Record<string, unknown>) {
  const occurredAt = ago(2 * 86_400_000 + Math.floor(Math.random() * 10 * 86_400_000));
  const res = await api.call("POST", "/v1/accidents", { as, body: accidentBody({ occurredAt, ...body }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; grade: string; deaths: number; occurredAt: string };
}

/** Every id a list gives, page after page. */
async function allIds(as: TokenClaims, q: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await api.call("GET", `/v1/accidents?limit=100${q}${cursor ? `&cursor=${cursor}` : ""}`, { as });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.items.map((x: { id: string }) => x.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

/** The list around one report's instant. */
const listedAt = (as: TokenClaims, a: { occurredAt: string }) => allIds(as, `&from=${encodeURIComponent(a.occurredAt)}&to=${encodeURIComponent(a.occurredAt)}`);
const pendingFor = (as: TokenClaims) => allIds(as, "&pending=true");

function gridBody(code: string, regionCode: string) {
  return {
    code, name: "测试网格", regionCode,
    member: { userId: `gm-${code}`, name: "网格员", phone: "027-84800001", fullTime: true },
    supervisingOfficial: { name: "监管员", phone: "027-84800002", title: "安监站站长" }, contactLeader: { name: "包联领导", phone: "027-84800003" },
  };
}
const gridCode = (prefix: string) => `GRID-${prefix}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

describe("audit trail: visible exactly to those who may read the record", () => {
  it("an approval officer who may not read an accident gets the same 404 on its audit trail", async () => {
    const e = await newEnterprise(api, { regionCode: "420102" });
    const a = await reportAccident(regulator("420102"), { enterpriseId: e.id, deaths: 3 });
    const officer: TokenClaims = { role: "approval_officer", region: "420102" };
    expect((await api.call("GET", `/v1/accidents/${a.id}`, { as: officer })).status).toBe(403);
    const audit = await api.call("GET", `/v1/audit?entityId=${a.id}`, { as: officer });
    expect(audit.status).toBe(404);
    expect(JSON.stringify(audit.body)).not.toContain("larger");
    // The regulators who read it read its trail.
    expect((await api.call("GET", `/v1/audit?entityId=${a.id}`, { as: regulator("420102") })).status).toBe(200);
    // The officer may read the enterprise, so it reads the enterprise's trail.
    expect((await api.call("GET", `/v1/audit?entityId=${e.id}`, { as: officer })).status).toBe(200);
  });

  it("decided from the record as it stands: after a move, the old county reads neither the enterprise nor its trail", async () => {
    const e = await newEnterprise(api, { regionCode: "420102" });
    const read = await api.call("GET", `/v1/enterprises/${e.id}`, { as: regulator("420100") });
    const moved = await api.call("PATCH", `/v1/enterprises/${e.id}`, { as: regulator("420100"), body: { regionCode: "420106" }, headers: { "if-match": read.headers.get("etag") as string } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // Its first page ends with its creation, made in 420102: the page no longer decides.
    const firstPage = await api.call("GET", `/v1/audit?entityId=${e.id}&limit=1`, { as: regulator("420102") });
    expect(firstPage.status).toBe(404);
    expect((await api.call("GET", `/v1/enterprises/${e.id}`, { as: regulator("420102") })).status).toBe(404);
    const now = await api.call("GET", `/v1/audit?entityId=${e.id}&limit=1`, { as: regulator("420106") });
    expect(now.status).toBe(200);
    expect(now.body.items.map((x: { action: string }) => x.action)).toEqual(["enterprise.create"]);
  });

  it("an unknown entity is a 404 like any record out of reach", async () => {
    const res = await api.call("GET", "/v1/audit?entityId=01JZZZZZZZZZZZZZZZZZZZZZZZ", { as: PROVINCE_ADMIN });
    expect(res.status).toBe(404);
  });
});

describe("grid scope after a move", () => {
  it("moving county takes the enterprise off its grid in the same change (audited); the old member loses it, its hazards and its patrols at once", async () => {
    const e = await newEnterprise(api, { regionCode: "420114" });
    const code = gridCode("MOVE");
    const grid = await api.call("POST", "/v1/grids", { as: regulator("420114"), body: gridBody(code, "420114") });
    expect(grid.status, JSON.stringify(grid.body)).toBe(201);
    const member: TokenClaims = { role: "grid_member", region: "420114", grid: grid.body.id, user: `gm-${code}` };
    expect((await api.call("POST", `/v1/grids/${grid.body.id}/enterprises`, { as: regulator("420114"), body: { enterpriseIds: [e.id] } })).status).toBe(200);
    const hazard = await api.call("POST", "/v1/hazards", { as: e.as, body: generalBody(e.id) });
    expect(hazard.status, JSON.stringify(hazard.body)).toBe(201);
    expect((await api.call("GET", `/v1/enterprises/${e.id}`, { as: member })).status).toBe(200);
    expect((await api.call("GET", `/v1/hazards/${hazard.body.id}`, { as: member })).status).toBe(200);

    const read = await api.call("GET", `/v1/enterprises/${e.id}`, { as: regulator("420100") });
    const moved = await api.call("PATCH", `/v1/enterprises/${e.id}`, { as: regulator("420100"), body: { regionCode: "420106" }, headers: { "if-match": read.headers.get("etag") as string } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.gridId ?? null).toBeNull();

    expect((await api.call("GET", `/v1/enterprises/${e.id}`, { as: member })).status).toBe(404);
    expect((await api.call("GET", `/v1/hazards/${hazard.body.id}`, { as: member })).status).toBe(404);
    expect((await api.call("GET", "/v1/enterprises", { as: member })).body.items.map((x: { id: string }) => x.id)).not.toContain(e.id);
    expect((await api.call("GET", "/v1/hazards", { as: member })).body.items.map((x: { id: string }) => x.id)).not.toContain(hazard.body.id);
    const patrol = await api.call("POST", "/v1/grid-patrols", { as: member, body: { patrolledAt: ago(5 * MIN), visitedEnterpriseIds: [e.id], findings: [] } });
    expect(patrol.status).toBe(403);
    expect((await api.call("GET", `/v1/grids/${grid.body.id}`, { as: member })).body.enterprises).toEqual([]);

    const trail = await api.call("GET", `/v1/audit?entityId=${e.id}`, { as: regulator("420100") });
    expect(trail.body.items.map((x: { action: string }) => x.action)).toEqual(expect.arrayContaining(["enterprise.leave-grid", "enterprise.update"]));
    const gridTrail = await api.call("GET", `/v1/audit?entityId=${grid.body.id}`, { as: regulator("420114") });
    expect(gridTrail.body.items.at(-1)).toMatchObject({ action: "grid.remove", summary: { removed: e.id, movedTo: "420106" } });
    // The membership claim went with it: a grid of its new county may take it.
    const newGrid = await api.call("POST", "/v1/grids", { as: regulator("420106"), body: gridBody(gridCode("NEW"), "420106") });
    expect(newGrid.status, JSON.stringify(newGrid.body)).toBe(201);
    const again = await api.call("POST", `/v1/grids/${newGrid.body.id}/enterprises`, { as: regulator("420106"), body: { enterpriseIds: [e.id] } });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.assigned).toEqual([e.id]);
  });

  it("a move inside the county keeps the grid", async () => {
    const e = await newEnterprise(api, { regionCode: "420102" });
    const read = await api.call("GET", `/v1/enterprises/${e.id}`, { as: regulator("420102") });
    const moved = await api.call("PATCH", `/v1/enterprises/${e.id}`, { as: regulator("420102"), body: { address: "武汉市江岸区新址1号" }, headers: { "if-match": read.headers.get("etag") as string } });
    expect(moved.status).toBe(200);
    const trail = await api.call("GET", `/v1/audit?entityId=${e.id}`, { as: regulator("420102") });
    expect(trail.body.items.map((x: { action: string }) => x.action)).not.toContain("enterprise.leave-grid");
  });
});

describe("accidents away from home (属地)", () => {
  it("a county reports in its county for an enterprise registered elsewhere: the home county and city see it, list it once, but do not hold or handle it", async () => {
    const e = await newEnterprise(api, { regionCode: "420281" }); // 大冶 (黄石)
    const a = await reportAccident(regulator("420102"), { enterpriseId: e.id, deaths: 3 });
    for (const home of [regulator("420281"), regulator("420200")]) {
      expect((await api.call("GET", `/v1/accidents/${a.id}`, { as: home })).status).toBe(200);
      expect(await listedAt(home, a)).toContain(a.id);
      expect(await pendingFor(home)).not.toContain(a.id);
      expect((await api.call("GET", `/v1/audit?entityId=${a.id}`, { as: home })).status).toBe(200);
    }
    // Where it happened holds it: 江岸 must pass it up.
    expect(await pendingFor(regulator("420102"))).toContain(a.id);
    expect(await listedAt(regulator("420102"), a)).toContain(a.id);
    // The home county reads but does not act.
    const fwd = await api.call("POST", `/v1/accidents/${a.id}/forward`, { as: regulator("420281"), body: {} });
    expect(fwd).toMatchObject({ status: 403, body: { code: "not_accident_region" } });
    const upd = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: regulator("420200"), body: { note: "核实", deaths: 4 } });
    expect(upd).toMatchObject({ status: 403, body: { code: "not_accident_region" } });
    // Neighbours of neither see it.
    expect((await api.call("GET", `/v1/accidents/${a.id}`, { as: regulator("420106") })).status).toBe(404);
    expect(await listedAt(regulator("420106"), a)).not.toContain(a.id);
    // The province lists it once (the home copy is not a second report).
    expect((await listedAt(regulator("420000"), a)).filter((id) => id === a.id)).toHaveLength(1);
  });

  it("an enterprise reporting for itself elsewhere stays in its home county's view", async () => {
    const e = await newEnterprise(api, { regionCode: "420114" });
    const a = await reportAccident(e.as, { regionCode: "420303" }); // 十堰 张湾
    expect((await api.call("GET", `/v1/accidents/${a.id}`, { as: regulator("420114") })).status).toBe(200);
    expect(await listedAt(regulator("420114"), a)).toContain(a.id);
    expect(await listedAt(regulator("420100"), a)).toContain(a.id);
    expect(await listedAt(regulator("420303"), a)).toContain(a.id);
  });

  it("later changes reach the home copy: a regrade shows in the home county's list", async () => {
    const e = await newEnterprise(api, { regionCode: "420281" });
    const a = await reportAccident(regulator("420102"), { enterpriseId: e.id });
    const upd = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: regulator("420102"), body: { note: "续报：两人死亡", deaths: 2 } });
    expect(upd.status, JSON.stringify(upd.body)).toBe(201);
    const at = encodeURIComponent(a.occurredAt);
    const home = await api.call("GET", `/v1/accidents?from=${at}&to=${at}`, { as: regulator("420281") });
    expect(home.body.items.find((x: { id: string }) => x.id === a.id)).toMatchObject({ deaths: 2, reportVersion: 2 });
  });
});

describe("casualty figures going down (493号令 arts. 12, 36)", () => {
  it("an enterprise cannot lower figures a regulator filed: 403 casualty_decrease_refused, nothing written", async () => {
    const e = await newEnterprise(api, { regionCode: "420102" });
    const a = await reportAccident(regulator("420102"), { enterpriseId: e.id, deaths: 3 });
    expect(a.grade).toBe("larger");
    const lower = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: e.as, body: { note: "更正：无人死亡", deaths: 0 } });
    expect(lower.status).toBe(403);
    expect(lower.body).toMatchObject({ code: "casualty_decrease_refused", fields: ["deaths"] });
    const loss = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: e.as, body: { note: "损失估算更正", directLossYuan: 1 } });
    expect(loss.body).toMatchObject({ code: "casualty_decrease_refused", fields: ["directLossYuan"] });
    const after = await api.call("GET", `/v1/accidents/${a.id}`, { as: regulator("420102") });
    expect(after.body).toMatchObject({ deaths: 3, grade: "larger", statisticalDeaths: 3, directLossYuan: 50_000 });
    // Rises stay open to the unit (补报).
    const rise = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: e.as, body: { note: "补报：又一人死亡", deaths: 4 } });
    expect(rise.status).toBe(201);
  });

  it("a regulator of the chain lowers them, the note saying why; an industry department cannot", async () => {
    const e = await newEnterprise(api, { regionCode: "420102" });
    const a = await reportAccident(regulator("420102"), { enterpriseId: e.id, deaths: 3 });
    const dept = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: { role: "industry_department", region: "420100", industry: "C" }, body: { note: "核减", deaths: 1 } });
    expect(dept.body.code).toBe("casualty_decrease_refused");
    const byCity = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: regulator("420100"), body: { note: "经核实，一名伤者误报为死亡", deaths: 2 } });
    expect(byCity.status, JSON.stringify(byCity.body)).toBe(201);
    expect(byCity.body).toMatchObject({ deaths: 2, grade: "general" });
    const trail = await api.call("GET", `/v1/audit?entityId=${a.id}`, { as: regulator("420100") });
    expect(trail.body.items.at(-1)).toMatchObject({ action: "accident.update", reason: "经核实，一名伤者误报为死亡", actorRole: "regulator" });
  });

  it("a unit corrects its own report until a regulator confirms it by passing it up", async () => {
    const e = await newEnterprise(api, { regionCode: "420102" });
    const a = await reportAccident(e.as, { deaths: 2 });
    const own = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: e.as, body: { note: "更正：一人抢救成功", deaths: 1 } });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const fwd = await api.call("POST", `/v1/accidents/${a.id}/forward`, { as: regulator("420102"), body: {} });
    expect(fwd.status, JSON.stringify(fwd.body)).toBe(200);
    const after = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: e.as, body: { note: "更正", deaths: 0 } });
    expect(after.body.code).toBe("casualty_decrease_refused");
  });
});

describe("naming an enterprise one cannot reach answers like naming none", () => {
  const missing = "01JZZZZZZZZZZZZZZZZZZZZZZZ";
  const shape = (body: Record<string, unknown>) => ({ ...body, requestId: undefined, detail: body.detail });

  it.each([
    ["POST /v1/hazards", (id: string) => ({ path: "/v1/hazards", body: generalBody(id, { source: "enforcement" }) })],
    ["POST /v1/enforcement-inspections", (id: string) => ({ path: "/v1/enforcement-inspections", body: { enterpriseId: id, date: today(), inspectors: [{ name: "执法员甲", certificateNo: "42000001" }, { name: "执法员乙", certificateNo: "42000002" }], findings: [] } })],
    ["POST /v1/violations", (id: string) => ({ path: "/v1/violations", body: { enterpriseId: id, date: "2026-03-10", act: "未按规定监测监控", legalBasis: "《安全生产法》第一百零一条", penalty: { kind: "warning" }, decisionNumber: `鄂应急罚〔2026〕${key()}号` } })],
  ])("%s", async (_name, make) => {
    const other = await newEnterprise(api, { regionCode: "420106" });
    const caller = regulator("420102");
    const out = make(other.id);
    const none = make(missing);
    const a = await api.call("POST", out.path, { as: caller, body: out.body });
    const b = await api.call("POST", none.path, { as: caller, body: none.body });
    expect(a.status).toBe(403);
    expect([b.status, b.body.code]).toEqual([a.status, a.body.code]);
    expect(shape(b.body)).toEqual(shape(a.body));
  });

  it("grid assignment", async () => {
    const other = await newEnterprise(api, { regionCode: "420106" });
    const grid = await api.call("POST", "/v1/grids", { as: regulator("420102"), body: gridBody(gridCode("N"), "420102") });
    expect(grid.status, JSON.stringify(grid.body)).toBe(201);
    const a = await api.call("POST", `/v1/grids/${grid.body.id}/enterprises`, { as: regulator("420102"), body: { enterpriseIds: [other.id] } });
    const b = await api.call("POST", `/v1/grids/${grid.body.id}/enterprises`, { as: regulator("420102"), body: { enterpriseIds: [missing] } });
    expect(a.status).toBe(403);
    expect(shape(b.body)).toEqual(shape(a.body));
    expect(b.status).toBe(a.status);
  });

  it("lists naming an enterprise (?enterpriseId=) answer alike too", async () => {
    const other = await newEnterprise(api, { regionCode: "420106" });
    for (const path of ["/v1/hazards", "/v1/violations", "/v1/enforcement-inspections"]) {
      const a = await api.call("GET", `${path}?enterpriseId=${other.id}`, { as: regulator("420102") });
      const b = await api.call("GET", `${path}?enterpriseId=${missing}`, { as: regulator("420102") });
      expect([b.status, b.body.code], path).toEqual([a.status, a.body.code]);
    }
  });
});
