// Escalation of accident reports (493号令 art.10 逐级上报, art.11 each level within 2 hours) over HTTP:
// forward by the level holding the report, skipping with a reason, pending lists per level and region,
// overdue flags, regrade extending the chain, and the 直管 units (仙桃 etc.) acting as their own city level.
// This file uses the counties 420104 硚口 and 420105 汉阳 and the 直管市 429005 潜江 so that the
// pending lists it reads are not crowded by other files' reports.
import { beforeAll, describe, expect, it } from "vitest";
import { newReport } from "../../functions/accidents/service.js";
import type { CreateAccident } from "../../functions/accidents/schemas.js";
import { createReportWrites } from "../../functions/accidents/store.js";
import { transact } from "../../shared/db.js";
import { getEnterprise } from "../../shared/enterprises.js";
import { newId } from "../../shared/ids.js";
import type { Actor } from "../../shared/policy.js";
import { useApi } from "../support/api.js";
import { enterpriseBody } from "../support/data.js";

const api = useApi();

const qiaokou = { role: "regulator", region: "420104", user: "reg-qiaokou" } as const;
const hanyang = { role: "regulator", region: "420105", user: "reg-hanyang" } as const;
const wuchang = { role: "regulator", region: "420106" } as const;
const wuhan = { role: "regulator", region: "420100", user: "reg-wuhan" } as const;
const province = { role: "regulator", region: "420000", user: "reg-province" } as const;
const qianjiang = { role: "regulator", region: "429005", user: "reg-qianjiang" } as const;

const MIN = 60_000;
const HOUR = 60 * MIN;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

let enterprise: { id: string; regionCode: string };
beforeAll(async () => {
  const res = await api.call("POST", "/v1/enterprises", { as: province, body: enterpriseBody({ regionCode: "420104" }) });
  expect(res.status).toBe(201);
  enterprise = res.body;
});
const asEnterprise = () => ({ role: "enterprise", region: enterprise.regionCode, enterprise: enterprise.id }) as const;

function accidentBody(over: Record<string, unknown> = {}) {
  return {
    regionCode: "420104",
    occurredAt: ago(20 * MIN),
    enterpriseId: enterprise.id,
    industryCode: "26",
    accidentType: "17",
    summary: "储罐超压爆裂",
    scene: "罐区",
    deaths: 0,
    missing: 0,
    seriousInjuries: 0,
    injuries: 2,
    directLossYuan: 100_000,
    ...over,
  };
}

async function report(as: object, over: Record<string, unknown> = {}) {
  const body = accidentBody(over);
  if ((as as { role: string }).role === "enterprise") delete (body as Record<string, unknown>).enterpriseId;
  const res = await api.call("POST", "/v1/accidents", { as: as as never, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function forward(as: object, id: string, body: Record<string, unknown> = {}) {
  return api.call("POST", `/v1/accidents/${id}/forward`, { as: as as never, body });
}

/** Every report waiting for the caller (all pages). */
async function pending(as: object): Promise<{ id: string; pending: { dueAt: string; overdue: boolean; holderLevel: string; nextLevel: string } }[]> {
  const out = [];
  let cursor: string | null = null;
  do {
    const res = await api.call("GET", `/v1/accidents?pending=true&limit=100${cursor ? `&cursor=${cursor}` : ""}`, { as: as as never });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}
const pendingIds = async (as: object) => (await pending(as)).map((a) => a.id);

/** A report as it would have been made at `at` (the server's clock cannot be moved over HTTP). */
async function reportedAt(at: Date, actor: Actor, over: Partial<CreateAccident> = {}) {
  const body: CreateAccident = {
    ...(accidentBody({ occurredAt: new Date(at.getTime() - 20 * MIN).toISOString() }) as CreateAccident),
    roadTraffic: false,
    fire: false,
    ...over,
  };
  const e = await getEnterprise(enterprise.id);
  const { record, version } = newReport({ id: newId(), body, actor, enterprise: e, now: at });
  await transact(createReportWrites(record, version));
  return record;
}

describe("493号令 art.10-11: 一般 goes county → city, each level within 2 hours", () => {
  it("the county holds it, the city is due 2 hours after the county received it; the county forwards", async () => {
    const a = await report(asEnterprise());
    expect(a.chain.map((s: { level: string }) => s.level)).toEqual(["county", "city"]);
    expect(a.chain[1]).toMatchObject({ region: "420100", dueAt: plus(a.receivedAt, 2 * HOUR), overdue: false });
    expect(a.chain[1].receivedAt).toBeUndefined();
    expect(a.pending).toEqual({ holderLevel: "county", holderRegion: "420104", nextLevel: "city", dueAt: plus(a.receivedAt, 2 * HOUR), overdue: false });

    const waiting = (await pending(qiaokou)).find((x) => x.id === a.id);
    expect(waiting?.pending).toMatchObject({ dueAt: plus(a.receivedAt, 2 * HOUR), overdue: false });
    expect(await pendingIds(wuhan)).not.toContain(a.id);
    expect(await pendingIds(hanyang)).not.toContain(a.id);

    const res = await forward(qiaokou, a.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.chain[1]).toMatchObject({ level: "city", forwardedBy: "reg-qiaokou", late: false });
    expect(Date.parse(res.body.chain[1].receivedAt)).toBeGreaterThanOrEqual(Date.parse(a.receivedAt));
    expect(res.body.pending).toBeNull();
    expect(await pendingIds(qiaokou)).not.toContain(a.id);

    const again = await forward(qiaokou, a.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("illegal_transition");
    expect(again.body.allowed).not.toContain("forward");
    const audit = await api.call("GET", `/v1/audit?entityId=${a.id}`, { as: qiaokou });
    expect(audit.body.items.map((x: { action: string }) => x.action)).toEqual(["accident.create", "accident.forward"]);
  });

  it("493号令 art.10: 一般 goes no further than the city (409 beyond_ceiling); forwarding to the county is a 400", async () => {
    const a = await report(qiaokou);
    const high = await forward(qiaokou, a.id, { toLevel: "province", reason: "重视" });
    expect(high.status).toBe(409);
    expect(high.body).toMatchObject({ code: "beyond_ceiling", ceiling: "city" });
    const down = await forward(qiaokou, a.id, { toLevel: "county" });
    expect(down.status).toBe(400);
    expect(down.body.errors[0].path).toBe("toLevel");
  });
});

describe("493号令 art.10: 较大 goes to the province, 重大 and above to the national level", () => {
  it("较大: county → city → province, each due 2 hours after the level below actually received it", async () => {
    const a = await report(qiaokou, { deaths: 3 });
    expect(a.grade).toBe("larger");
    expect(a.chain.map((s: { level: string; region: string | null }) => [s.level, s.region])).toEqual([
      ["county", "420104"],
      ["city", "420100"],
      ["province", "420000"],
    ]);
    expect(a.chain[2].dueAt).toBe(plus(a.receivedAt, 4 * HOUR));
    const toCity = await forward(qiaokou, a.id);
    expect(toCity.status).toBe(200);
    const cityReceived = toCity.body.chain[1].receivedAt;
    expect(toCity.body.chain[2].dueAt).toBe(plus(cityReceived, 2 * HOUR));
    expect(toCity.body.pending).toMatchObject({ holderLevel: "city", holderRegion: "420100", nextLevel: "province" });
    expect(await pendingIds(wuhan)).toContain(a.id);
    expect(await pendingIds(qiaokou)).not.toContain(a.id);

    const toProvince = await forward(wuhan, a.id);
    expect(toProvince.status).toBe(200);
    expect(toProvince.body.chain[2]).toMatchObject({ level: "province", forwardedBy: "reg-wuhan" });
    expect(toProvince.body.pending).toBeNull();
    expect(await pendingIds(wuhan)).not.toContain(a.id);
  });

  it("重大: skipping the city needs a reason (400 naming it); with one the city is marked skipped; the province records the national report", async () => {
    const a = await report(hanyang, { regionCode: "420105", deaths: 10 });
    expect(a.grade).toBe("major");
    expect(a.chain.map((s: { level: string }) => s.level)).toEqual(["county", "city", "province", "national"]);
    expect(a.chain[3].region).toBeNull();

    const noReason = await forward(hanyang, a.id, { toLevel: "province" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe("reason");
    const skip = await forward(hanyang, a.id, { toLevel: "province", reason: "情况紧急，市局联系不上" });
    expect(skip.status, JSON.stringify(skip.body)).toBe(200);
    expect(skip.body.chain[1]).toMatchObject({ level: "city", skipped: true, overdue: false });
    expect(skip.body.chain[2]).toMatchObject({ level: "province", forwardedBy: "reg-hanyang", skipReason: "情况紧急，市局联系不上" });
    expect(await pendingIds(wuhan)).not.toContain(a.id);
    expect(await pendingIds(province)).toContain(a.id);

    const national = await forward(province, a.id);
    expect(national.status).toBe(200);
    expect(national.body.chain[3]).toMatchObject({ level: "national", forwardedBy: "reg-province", region: null });
    expect(national.body.chain[3].receivedAt).toBeTruthy();
    expect(national.body.pending).toBeNull();
    const audit = await api.call("GET", `/v1/audit?entityId=${a.id}`, { as: province });
    const fwd = audit.body.items.filter((x: { action: string }) => x.action === "accident.forward");
    expect(fwd.map((x: { summary: { toLevel: string }; actorId: string }) => [x.summary.toLevel, x.actorId])).toEqual([
      ["province", "reg-hanyang"],
      ["national", "reg-province"],
    ]);
    expect(fwd[0].reason).toBe("情况紧急，市局联系不上");
  });

  it("only the level holding the report forwards: 409 not_holder above it, 404 for another county, 403 for an enterprise", async () => {
    const a = await report(qiaokou, { deaths: 10 });
    const city = await forward(wuhan, a.id);
    expect(city.status).toBe(409);
    expect(city.body).toMatchObject({ code: "not_holder", holderLevel: "county", holderRegion: "420104" });
    expect((await forward(province, a.id)).status).toBe(409);
    expect((await forward(wuchang, a.id)).status).toBe(404);
    expect((await forward(asEnterprise(), a.id)).status).toBe(403);
  });

  it("two simultaneous forwards: exactly one wins, the other is a 409", async () => {
    const a = await report(qiaokou, { deaths: 3 });
    const results = await Promise.all([forward(qiaokou, a.id), forward(qiaokou, a.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const got = await api.call("GET", `/v1/accidents/${a.id}`, { as: qiaokou });
    expect(got.body.version).toBe(2);
  });

  it("a retried forward (same Idempotency-Key) gets the first answer and records one forward", async () => {
    const a = await report(qiaokou, { deaths: 3 });
    const headers = { "idempotency-key": `fwd-${a.id}` };
    const first = await api.call("POST", `/v1/accidents/${a.id}/forward`, { as: qiaokou, body: {}, headers });
    const again = await api.call("POST", `/v1/accidents/${a.id}/forward`, { as: qiaokou, body: {}, headers });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.chain[1].receivedAt).toBe(first.body.chain[1].receivedAt);
    const audit = await api.call("GET", `/v1/audit?entityId=${a.id}`, { as: qiaokou });
    expect(audit.body.items.filter((x: { action: string }) => x.action === "accident.forward")).toHaveLength(1);
  });

  it("a city regulator recording a 较大 accident itself already holds it: waiting for the city, not the county", async () => {
    const a = await report(wuhan, { deaths: 4 });
    expect(a.chain[1]).toMatchObject({ level: "city", forwardedBy: "reg-wuhan", receivedAt: a.receivedAt });
    expect(a.pending).toMatchObject({ holderLevel: "city", nextLevel: "province", dueAt: plus(a.receivedAt, 2 * HOUR) });
    expect(await pendingIds(wuhan)).toContain(a.id);
    expect(await pendingIds(qiaokou)).not.toContain(a.id);
  });
});

describe("overdue forwards (493号令 art.11)", () => {
  it("a county that has not forwarded within 2 hours is flagged overdue, in the report and in its pending list; a late forward is recorded late", async () => {
    const receivedAt = new Date(Date.now() - 3 * HOUR);
    const r = await reportedAt(receivedAt, { userId: "ent", role: "enterprise", regionCode: "420104", enterpriseId: enterprise.id, isHead: false });
    const got = await api.call("GET", `/v1/accidents/${r.id}`, { as: qiaokou });
    expect(got.body.pending).toMatchObject({ holderLevel: "county", nextLevel: "city", dueAt: plus(receivedAt.toISOString(), 2 * HOUR), overdue: true });
    expect(got.body.chain[1].overdue).toBe(true);
    const listed = (await pending(qiaokou)).find((x) => x.id === r.id);
    expect(listed?.pending.overdue).toBe(true);
    // Earliest due first: an overdue report sorts before anything due later.
    const all = await pending(qiaokou);
    expect(all.map((x) => x.pending.dueAt)).toEqual([...all.map((x) => x.pending.dueAt)].sort());

    const fwd = await forward(qiaokou, r.id);
    expect(fwd.body.chain[1].late).toBe(true);
    expect(fwd.body.chain[1].minutesLate).toBeGreaterThanOrEqual(60);
    expect(fwd.body.chain[1].overdue).toBe(false);
  });

  it("not overdue before the 2 hours are up", async () => {
    const r = await reportedAt(new Date(Date.now() - 110 * MIN), { userId: "u", role: "regulator", regionCode: "420104", isHead: false });
    const got = await api.call("GET", `/v1/accidents/${r.id}`, { as: qiaokou });
    expect(got.body.pending.overdue).toBe(false);
  });
});

describe("regrade extends the chain at once (493号令 art.10 with art.13 补报)", () => {
  it("一般 already at the city becomes 较大: the province is due 2 hours after the update and the city must act", async () => {
    const a = await report(asEnterprise());
    expect((await forward(qiaokou, a.id)).status).toBe(200);
    const upd = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: qiaokou, body: { note: "两名重伤者抢救无效死亡，另有一人死亡", deaths: 3 } });
    expect(upd.status, JSON.stringify(upd.body)).toBe(201);
    expect(upd.body.grade).toBe("larger");
    expect(upd.body.chain.map((s: { level: string }) => s.level)).toEqual(["county", "city", "province"]);
    expect(upd.body.chain[2].dueAt).toBe(plus(upd.body.updatedAt, 2 * HOUR));
    expect(upd.body.pending).toMatchObject({ holderLevel: "city", nextLevel: "province" });
    expect(await pendingIds(wuhan)).toContain(a.id);
  });

  it("一般 not yet forwarded becomes 重大: four levels, due times still from the county's receipt", async () => {
    const a = await report(qiaokou);
    const upd = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: qiaokou, body: { note: "失踪 10 人", missing: 10 } });
    expect(upd.body.grade).toBe("major");
    expect(upd.body.chain.map((s: { level: string }) => s.level)).toEqual(["county", "city", "province", "national"]);
    expect(upd.body.chain[1].dueAt).toBe(a.chain[1].dueAt);
    expect(upd.body.pending).toMatchObject({ holderLevel: "county", nextLevel: "city" });
  });

  it("a lower grade never shortens the chain", async () => {
    const a = await report(qiaokou, { deaths: 3 });
    const upd = await api.call("POST", `/v1/accidents/${a.id}/updates`, { as: qiaokou, body: { note: "核实：死亡 2 人", deaths: 2 } });
    expect(upd.body.grade).toBe("general");
    expect(upd.body.chain.map((s: { level: string }) => s.level)).toEqual(["county", "city", "province"]);
  });
});

describe("直管市/林区 (429004-429006, 429021): the county-level unit is its own city level and reports straight to the province", () => {
  it("一般 in 潜江 is complete on receipt: no one waits to forward it", async () => {
    const a = await report(qianjiang, { regionCode: "429005" });
    expect(a.chain).toEqual([
      expect.objectContaining({ level: "county", region: "429005" }),
      expect.objectContaining({ level: "city", region: "429005", sameUnit: true, receivedAt: a.receivedAt }),
    ]);
    expect(a.pending).toBeNull();
    expect(await pendingIds(qianjiang)).not.toContain(a.id);
  });

  it("较大 in 潜江 waits for 潜江 (acting at city level) and goes straight to the province within 2 hours", async () => {
    const a = await report(asEnterprise(), { regionCode: "429005", deaths: 5 });
    expect(a.pending).toEqual({ holderLevel: "city", holderRegion: "429005", nextLevel: "province", dueAt: plus(a.receivedAt, 2 * HOUR), overdue: false });
    expect(await pendingIds(qianjiang)).toContain(a.id);
    // 武汉 is the reporting enterprise's home: it sees the report but does not hold it (属地).
    expect((await forward(wuhan, a.id)).status).toBe(403);
    const res = await forward(qianjiang, a.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.chain[2]).toMatchObject({ level: "province", forwardedBy: "reg-qianjiang" });
    expect(res.body.pending).toBeNull();
  });
});

describe("GET /v1/accidents?pending=true", () => {
  it("is for regulators (403 otherwise) and takes no other filter (400 naming it)", async () => {
    const dept = await api.call("GET", "/v1/accidents?pending=true", { as: { role: "industry_department", region: "420100", industry: "C" } });
    expect(dept.status).toBe(403);
    const mixed = await api.call("GET", "/v1/accidents?pending=true&grade=major", { as: wuhan });
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors[0].path).toBe("grade");
    const bad = await api.call("GET", "/v1/accidents?pending=yes", { as: wuhan });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("pending");
  });

  it("the demo 较大 poisoning (seed A002) waits, overdue, for 武汉市 to pass it to the province", async () => {
    const waiting = (await pending(wuhan)).find((x) => x.id === "01JDEM0000000000000000A002");
    expect(waiting?.pending).toMatchObject({ holderLevel: "city", nextLevel: "province", overdue: true });
    const got = await api.call("GET", "/v1/accidents/01JDEM0000000000000000A002", { as: wuhan });
    expect(got.body).toMatchObject({ grade: "larger", deaths: 3, missing: 0, reportedLate: true, minutesLate: 25 });
    expect(got.body.history.map((v: { n: number; missing: number }) => [v.n, v.missing])).toEqual([[1, 1], [2, 0]]);
  });

  it("the other demo reports: A001 closed with the enterprise responsible, A003 recorded by 仙桃 and complete on receipt", async () => {
    const a001 = await api.call("GET", "/v1/accidents/01JDEM0000000000000000A001", { as: province });
    expect(a001.body).toMatchObject({ status: "closed", enterpriseResponsible: true, accidentType: "11", pending: null });
    const a003 = await api.call("GET", "/v1/accidents/01JDEM0000000000000000A003", { as: { role: "regulator", region: "429004" } });
    expect(a003.body).toMatchObject({ directAdministered: true, unreportedByUnit: true, pending: null });
  });
});
