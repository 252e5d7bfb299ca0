// Grids (网格化) over HTTP: creation, assignment (each enterprise in at most one grid), what a grid
// member sees, patrol reports creating hazards with source grid_patrol, and functions/hazards/public.ts gridCoverage.
import { describe, expect, it } from "vitest";
import type { TokenClaims } from "../../local/auth.js";
import { gridCoverage } from "../../functions/hazards/public.js";
import { createHazard, generalBody, inDays, minutesAgo, newEnterprise, regulator } from "../support/hazards.js";
import { useApi } from "../support/api.js";

const api = useApi();

const caidian = regulator("420114");
const person = (name: string) => ({ name, phone: "027-84800000" });

async function newGrid(as: TokenClaims = caidian, over: Record<string, unknown> = {}) {
  const code = `GRID-420114-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const res = await api.call("POST", "/v1/grids", {
    as,
    body: {
      code, name: "蔡甸测试网格", regionCode: "420114",
      member: { userId: `gm-${code}`, name: "网格员", phone: "027-84800001", fullTime: false },
      supervisingOfficial: { ...person("监管员"), title: "安监站站长" }, contactLeader: person("包联领导"), ...over,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...res.body, as: { role: "grid_member", region: "420114", grid: res.body.id, user: `gm-${code}` } as TokenClaims };
}

const assign = (gridId: string, enterpriseIds: string[], as: TokenClaims = caidian) =>
  api.call("POST", `/v1/grids/${gridId}/enterprises`, { as, body: { enterpriseIds } });

describe("grids", () => {
  it("the demo grid GRID-420102-01 holds demo enterprise E001, and its member (the demo token) sees it", async () => {
    const demo: TokenClaims = { role: "grid_member", region: "420102", grid: "01JDEM0000000000000000G001", user: "demo-grid" };
    const g = await api.call("GET", "/v1/grids/01JDEM0000000000000000G001", { as: demo });
    expect(g.status).toBe(200);
    expect(g.body).toMatchObject({ code: "GRID-420102-01", regionCode: "420102", member: { userId: "demo-grid" } });
    expect(g.body.enterprises.map((e: { id: string }) => e.id)).toContain("01JDEM0000000000000000E001");
    const ents = await api.call("GET", "/v1/enterprises", { as: demo });
    expect(ents.body.items.map((e: { id: string }) => e.id)).toContain("01JDEM0000000000000000E001");
  });

  it("a regulator creates a grid in its county (or a township of it); codes are unique; other counties are refused", async () => {
    const g = await newGrid();
    expect(g).toMatchObject({ regionCode: "420114", countyCode: "420114", cityCode: "420100", version: 1, enterprises: [] });
    const dup = await api.call("POST", "/v1/grids", { as: caidian, body: { code: g.code, name: "x", regionCode: "420114", member: g.member, supervisingOfficial: person("a"), contactLeader: person("b") } });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: "duplicate_grid_code", gridId: g.id });
    const township = await newGrid(caidian, { regionCode: "420114001" });
    expect(township).toMatchObject({ regionCode: "420114001", countyCode: "420114" });
    const outside = await api.call("POST", "/v1/grids", { as: regulator("420102"), body: { code: "GRID-X-1", name: "x", regionCode: "420114", member: g.member, supervisingOfficial: person("a"), contactLeader: person("b") } });
    expect(outside.status).toBe(403);
    const cityLevel = await api.call("POST", "/v1/grids", { as: caidian, body: { code: "GRID-X-2", name: "x", regionCode: "420100", member: g.member, supervisingOfficial: person("a"), contactLeader: person("b") } });
    expect(cityLevel.body.errors[0].path).toBe("regionCode");
    expect((await api.call("POST", "/v1/grids", { as: { role: "enterprise", region: "420114", enterprise: "01JDEM0000000000000000E001" }, body: {} })).status).toBe(403);
    const list = await api.call("GET", "/v1/grids?regionCode=420114&limit=100", { as: regulator("420100") });
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([g.id, township.id]));
    expect((await api.call("GET", `/v1/grids/${g.id}`, { as: regulator("420102") })).status).toBe(404);
  });

  it("assignment sets the enterprise's grid (and its ENTGRID index), is idempotent, and refuses enterprises outside the grid's county", async () => {
    const g = await newGrid();
    const e = await newEnterprise(api, { regionCode: "420114" });
    const elsewhere = await newEnterprise(api, { regionCode: "420102" });
    const res = await assign(g.id, [e.id]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ gridId: g.id, assigned: [e.id], alreadyInGrid: [] });
    const ent = await api.call("GET", `/v1/enterprises/${e.id}`, { as: caidian });
    expect(ent.body).toMatchObject({ gridId: g.id, version: 2 });
    // The register's own grid listing (gsi2 ENTGRID#<grid>) now finds it for the grid member.
    const mine = await api.call("GET", "/v1/enterprises", { as: g.as });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([e.id]);
    expect((await assign(g.id, [e.id])).body).toEqual({ gridId: g.id, assigned: [], alreadyInGrid: [e.id] });
    const wrongCounty = await assign(g.id, [elsewhere.id]);
    expect(wrongCounty.status).toBe(403);
    // A missing enterprise answers like one out of reach: naming ids does not probe the register.
    const missing = await assign(g.id, ["01JDEM0000000000000000X999"]);
    expect([missing.status, missing.body.code]).toEqual([403, "out_of_scope"]);
    const audit = await api.call("GET", `/v1/audit?entityId=${e.id}`, { as: caidian });
    expect(audit.body.items.map((x: { action: string }) => x.action)).toContain("enterprise.assign-grid");
  });

  it("each enterprise in at most one grid: a second grid is a 409; two grids at once — exactly one wins", async () => {
    const g1 = await newGrid();
    const g2 = await newGrid();
    const e = await newEnterprise(api, { regionCode: "420114" });
    expect((await assign(g1.id, [e.id])).status).toBe(200);
    const second = await assign(g2.id, [e.id]);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: "enterprise_in_another_grid", gridId: g1.id });

    const f = await newEnterprise(api, { regionCode: "420114" });
    const race = await Promise.all([assign(g1.id, [f.id]), assign(g2.id, [f.id])]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = race[0]?.status === 200 ? g1.id : g2.id;
    expect((await api.call("GET", `/v1/enterprises/${f.id}`, { as: caidian })).body.gridId).toBe(winner);

    // Leaving one grid frees the enterprise for another.
    const out = await api.call("DELETE", `/v1/grids/${g1.id}/enterprises/${e.id}`, { as: caidian });
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect((await api.call("GET", `/v1/enterprises/${e.id}`, { as: caidian })).body.gridId).toBeNull();
    expect((await assign(g2.id, [e.id])).status).toBe(200);
  });

  it("a grid member sees its grid's enterprises and their hazards only; it reports hazards there as grid_patrol and nowhere else", async () => {
    const g = await newGrid();
    const inside = await newEnterprise(api, { regionCode: "420114" });
    const outside = await newEnterprise(api, { regionCode: "420114" });
    await assign(g.id, [inside.id]);
    const hIn = await createHazard(api, inside.as, generalBody(inside.id));
    const hOut = await createHazard(api, outside.as, generalBody(outside.id));
    expect((await api.call("GET", `/v1/hazards/${hIn.id}`, { as: g.as })).status).toBe(200);
    expect((await api.call("GET", `/v1/hazards/${hOut.id}`, { as: g.as })).status).toBe(404);
    const list = await api.call("GET", "/v1/hazards", { as: g.as });
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([hIn.id]);
    expect((await api.call("GET", `/v1/hazards?enterpriseId=${outside.id}`, { as: g.as })).status).toBe(403);

    const reported = await createHazard(api, g.as, generalBody(inside.id, { source: "grid_patrol" }));
    expect(reported.source).toBe("grid_patrol");
    const notMine = await api.call("POST", "/v1/hazards", { as: g.as, body: generalBody(outside.id, { source: "grid_patrol" }) });
    expect(notMine.status).toBe(403);
    const wrongSource = await api.call("POST", "/v1/hazards", { as: g.as, body: generalBody(inside.id) });
    expect(wrongSource.body.code).toBe("source_not_allowed");
    // Another grid's member and the grid's own pages.
    const other = await newGrid();
    expect((await api.call("GET", `/v1/hazards/${hIn.id}`, { as: other.as })).status).toBe(404);
    expect((await api.call("GET", `/v1/grids/${g.id}`, { as: other.as })).status).toBe(404);
    // Moving the enterprise out of the grid takes its hazards out of the member's sight.
    await api.call("DELETE", `/v1/grids/${g.id}/enterprises/${inside.id}`, { as: caidian });
    expect((await api.call("GET", `/v1/hazards/${hIn.id}`, { as: g.as })).status).toBe(404);
  });

  it("patrol reports: each finding becomes a hazard with source grid_patrol, all or none; only the grid's enterprises", async () => {
    const g = await newGrid();
    const a = await newEnterprise(api, { regionCode: "420114" });
    const b = await newEnterprise(api, { regionCode: "420114" });
    const stranger = await newEnterprise(api, { regionCode: "420114" });
    await assign(g.id, [a.id, b.id]);
    const finding = (enterpriseId: string, over: Record<string, unknown> = {}) => ({ enterpriseId, level: "general", description: "疏散通道堆放杂物", location: "一楼走廊", rectifyBy: inDays(3), ...over });
    const res = await api.call("POST", "/v1/grid-patrols", {
      as: g.as,
      body: { patrolledAt: minutesAgo(30), route: "工业园一路", visitedEnterpriseIds: [a.id, b.id], findings: [finding(a.id), finding(b.id, { fixedOnSpot: true })] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ gridId: g.id, hazardIds: [expect.any(String), expect.any(String)] });
    const h = await api.call("GET", `/v1/hazards/${res.body.hazardIds[1]}`, { as: b.as });
    expect(h.body).toMatchObject({ source: "grid_patrol", patrolId: res.body.id, status: "rectified" });
    expect((await api.call("GET", `/v1/grid-patrols/${res.body.id}`, { as: caidian })).status).toBe(200);

    const bad = await api.call("POST", "/v1/grid-patrols", { as: g.as, body: { patrolledAt: minutesAgo(30), findings: [finding(a.id), finding(b.id, { level: "major" })] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("findings.1.currentStateAndCause");
    const stray = await api.call("POST", "/v1/grid-patrols", { as: g.as, body: { patrolledAt: minutesAgo(30), findings: [finding(a.id), finding(stranger.id)] } });
    expect(stray.status).toBe(403);
    // A report captured offline may arrive after the enterprise left the grid: the refusal says so.
    expect(stray.body).toMatchObject({ code: "not_in_grid", detail: expect.stringContaining("不在您的网格内") });
    const hazardsOfA = await api.call("GET", `/v1/hazards?enterpriseId=${a.id}`, { as: caidian });
    expect(hazardsOfA.body.items).toHaveLength(1);
    expect((await api.call("POST", "/v1/grid-patrols", { as: caidian, body: { patrolledAt: minutesAgo(1), findings: [] } })).status).toBe(403);
  });

  it("gridCoverage counts the region's enterprises and those in a grid", async () => {
    const before = await gridCoverage("420114");
    const g = await newGrid();
    const e = await newEnterprise(api, { regionCode: "420114" });
    await newEnterprise(api, { regionCode: "420114" });
    await assign(g.id, [e.id]);
    const after = await gridCoverage("420114");
    expect(after.enterprises - before.enterprises).toBeGreaterThanOrEqual(2);
    expect(after.inGrid - before.inGrid).toBeGreaterThanOrEqual(1);
    expect(after.inGrid).toBeLessThanOrEqual(after.enterprises);
    const city = await gridCoverage("420100");
    expect(city.enterprises).toBeGreaterThanOrEqual(after.enterprises);
  });
  it("assigning and releasing move the grid's version: with a stale If-Match the change is a 409 and nothing is written", async () => {
    const g = await newGrid();
    const a = await newEnterprise(api, { regionCode: "420114" });
    const b = await newEnterprise(api, { regionCode: "420114" });
    const first = await api.call("POST", `/v1/grids/${g.id}/enterprises`, { as: caidian, headers: { "if-match": '"1"' }, body: { enterpriseIds: [a.id] } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.get("etag")).toBe('"2"');
    // A second screen still holding version 1 loses, and b stays outside the grid.
    const stale = await api.call("POST", `/v1/grids/${g.id}/enterprises`, { as: caidian, headers: { "if-match": '"1"' }, body: { enterpriseIds: [b.id] } });
    expect(stale.status).toBe(409);
    expect((await api.call("GET", `/v1/enterprises/${b.id}`, { as: caidian })).body.gridId ?? null).toBeNull();
    const staleRelease = await api.call("DELETE", `/v1/grids/${g.id}/enterprises/${a.id}`, { as: caidian, headers: { "if-match": '"1"' } });
    expect(staleRelease.status).toBe(409);
    const release = await api.call("DELETE", `/v1/grids/${g.id}/enterprises/${a.id}`, { as: caidian, headers: { "if-match": '"2"' } });
    expect(release.status).toBe(200);
    const after = await api.call("GET", `/v1/grids/${g.id}`, { as: caidian });
    expect(after.body).toMatchObject({ version: 3, enterprises: [] });
    expect(after.headers.get("etag")).toBe('"3"');
    const trail = await api.call("GET", `/v1/audit?entityId=${g.id}`, { as: caidian });
    expect(trail.body.items.map((x: { action: string }) => x.action)).toEqual(["grid.create", "grid.assign", "grid.remove"]);
  });

  it("a grid's patrols list newest first with paging, inside the grid's jurisdiction only", async () => {
    const g = await newGrid();
    const a = await newEnterprise(api, { regionCode: "420114" });
    await assign(g.id, [a.id]);
    const finding = { enterpriseId: a.id, level: "general", description: "灭火器压力不足", location: "仓库", rectifyBy: inDays(5) };
    const older = await api.call("POST", "/v1/grid-patrols", { as: g.as, body: { patrolledAt: minutesAgo(90), route: "一号路", findings: [finding] } });
    const newer = await api.call("POST", "/v1/grid-patrols", { as: g.as, body: { patrolledAt: minutesAgo(30), visitedEnterpriseIds: [a.id], findings: [] } });
    expect([older.status, newer.status]).toEqual([201, 201]);
    const page1 = await api.call("GET", `/v1/grids/${g.id}/patrols?limit=1`, { as: regulator("420100") });
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((p: { id: string }) => p.id)).toEqual([newer.body.id]);
    const page2 = await api.call("GET", `/v1/grids/${g.id}/patrols?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`, { as: regulator("420100") });
    expect(page2.body.items).toEqual([expect.objectContaining({ id: older.body.id, hazardIds: older.body.hazardIds, route: "一号路" })]);
    expect((await api.call("GET", `/v1/grids/${g.id}/patrols`, { as: g.as })).body.items).toHaveLength(2);
    expect((await api.call("GET", `/v1/grids/${g.id}/patrols`, { as: regulator("420102") })).status).toBe(404);
    expect((await api.call("GET", `/v1/grids/${g.id}/patrols`, { as: { role: "enterprise", region: "420114", enterprise: a.id } })).status).toBe(403);
  });
});
