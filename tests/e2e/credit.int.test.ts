// Credit over HTTP: violation records (违法行为信息库), scoped by region and enterprise.
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api.js";
import { enterpriseBody } from "../support/data.js";

const api = useApi();

const jianganRegulator = { role: "regulator", region: "420102" } as const;
const wuchangRegulator = { role: "regulator", region: "420106" } as const;
const wuhanRegulator = { role: "regulator", region: "420100" } as const;
const shiyanRegulator = { role: "regulator", region: "420300" } as const;

async function enterprise(over: Record<string, unknown> = {}) {
  const res = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: enterpriseBody(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; uscc: string; regionCode: string };
}

let docCounter = 0;
const violationBody = (enterpriseId: string, over: Record<string, unknown> = {}) => ({
  enterpriseId,
  date: "2026-03-10",
  act: "未按规定对重大危险源进行监测监控",
  legalBasis: "《安全生产法》第一百零一条",
  penalty: { kind: "fine", amountYuan: 50_000 },
  decisionNumber: `鄂应急罚〔2026〕${Date.now()}-${process.pid}-${++docCounter}号`,
  ...over,
});

describe("POST /v1/violations", () => {
  it("a regulator in scope records a violation with the period index (VIOL) and an audit record", async () => {
    const e = await enterprise();
    const res = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: violationBody(e.id) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ enterpriseId: e.id, enterpriseName: e.name, uscc: e.uscc, regionCode: "420102", cityCode: "420100", penaltyKind: "fine", amountYuan: 50_000 });
    const audit = await api.call("GET", `/v1/audit?entityId=${res.body.id}`, { as: jianganRegulator });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(["violation.create"]);
    const { readMonth } = await import("../../shared/periods.js");
    const month = await readMonth("VIOL", "2026-03", "420100");
    expect(month.find((r) => r.id === res.body.id)).toMatchObject({ date: "2026-03-10", penaltyKind: "fine", amountYuan: 50_000, regionCode: "420102" });
  });

  it("a fine needs an amount: 400 naming penalty.amountYuan; unknown kind: 400 naming penalty.kind", async () => {
    const e = await enterprise();
    const noAmount = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: violationBody(e.id, { penalty: { kind: "fine" } }) });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.errors[0].path).toBe("penalty.amountYuan");
    const badKind = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: violationBody(e.id, { penalty: { kind: "detention" } }) });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors[0].path).toBe("penalty.kind");
    const future = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: violationBody(e.id, { date: "2999-01-01" }) });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].path).toBe("date");
    const extra = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: { ...violationBody(e.id), status: "x" } });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].path).toBe("status");
  });

  it("a decision document number is recorded once (409), and an Idempotency-Key retry replays", async () => {
    const e = await enterprise();
    const body = violationBody(e.id);
    const first = await api.call("POST", "/v1/violations", { as: jianganRegulator, body, headers: { "idempotency-key": `v-${body.decisionNumber.length}-${Date.now()}` } });
    expect(first.status).toBe(201);
    const again = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: { ...body, act: "另一行为" } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("duplicate_decision_number");
  });

  it("scope: another county's regulator gets 403 out_of_scope; other roles 403; an unknown enterprise answers alike", async () => {
    const e = await enterprise();
    const out = await api.call("POST", "/v1/violations", { as: wuchangRegulator, body: violationBody(e.id) });
    expect(out.status).toBe(403);
    expect(out.body.code).toBe("out_of_scope");
    const stat = await api.call("POST", "/v1/violations", { as: { role: "statistician", region: "420000" }, body: violationBody(e.id) });
    expect(stat.status).toBe(403);
    const missing = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: violationBody("01JZZZZZZZZZZZZZZZZZZZZZZZ") });
    expect([missing.status, missing.body.code]).toEqual([403, "out_of_scope"]);
  });
});

describe("GET /v1/violations", () => {
  it("lists per enterprise and per region, scoped; an enterprise sees only its own", async () => {
    const a = await enterprise();
    const b = await enterprise();
    const va = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: violationBody(a.id, { date: "2026-02-01" }) });
    const vb = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: violationBody(b.id, { penalty: { kind: "warning" } }) });
    expect([va.status, vb.status]).toEqual([201, 201]);

    const ofA = await api.call("GET", `/v1/violations?enterpriseId=${a.id}`, { as: wuhanRegulator });
    expect(ofA.body.items.map((v: { id: string }) => v.id)).toEqual([va.body.id]);

    const region = await api.call("GET", "/v1/violations?regionCode=420102&limit=100", { as: jianganRegulator });
    expect(region.status).toBe(200);
    const ids = region.body.items.map((v: { id: string }) => v.id);
    expect(ids).toEqual(expect.arrayContaining([va.body.id, vb.body.id]));

    expect((await api.call("GET", "/v1/violations?regionCode=420102", { as: wuchangRegulator })).status).toBe(403);
    expect((await api.call("GET", `/v1/violations?enterpriseId=${a.id}`, { as: shiyanRegulator })).status).toBe(403);
    expect((await api.call("GET", `/v1/violations/${va.body.id}`, { as: shiyanRegulator })).status).toBe(404);
    expect((await api.call("GET", `/v1/violations/${va.body.id}`, { as: wuhanRegulator })).status).toBe(200);

    const own = { role: "enterprise", region: "420102", enterprise: a.id } as const;
    const mine = await api.call("GET", "/v1/violations", { as: own });
    expect(mine.body.items.map((v: { id: string }) => v.id)).toEqual([va.body.id]);
    expect((await api.call("GET", `/v1/violations/${vb.body.id}`, { as: own })).status).toBe(404);
    expect((await api.call("GET", `/v1/violations?enterpriseId=${b.id}`, { as: own })).status).toBe(403);
  });

  it("an industry department sees its own industry only", async () => {
    const chem = await enterprise({ industryCode: "26" });
    const build = await enterprise({ industryCode: "E" });
    const vc = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: violationBody(chem.id) });
    const vbld = await api.call("POST", "/v1/violations", { as: jianganRegulator, body: violationBody(build.id) });
    const dept = { role: "industry_department", region: "420100", industry: "C" } as const;
    expect((await api.call("GET", `/v1/violations/${vc.body.id}`, { as: dept })).status).toBe(200);
    expect((await api.call("GET", `/v1/violations/${vbld.body.id}`, { as: dept })).status).toBe(404);
    const list = await api.call("GET", "/v1/violations?regionCode=420102&limit=100", { as: dept });
    expect(list.body.items.every((v: { industryCode: string }) => v.industryCode === "26")).toBe(true);
  });
});
