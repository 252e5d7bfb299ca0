// Enforcement inspections and the "two books" (两本帐) reconciliation over HTTP.
import { describe, expect, it } from "vitest";
import { createHazard, generalBody, inDays, minutesAgo, newEnterprise, regulator, type TestEnterprise, today } from "../support/hazards.js";
import { RECONCILIATION_WINDOW_DAYS } from "../../functions/hazards/rules.js";
import { monthOf, readMonth } from "../../shared/periods.js";
import { useApi } from "../support/api.js";

const api = useApi();

const hongshan = regulator("420111");
const wuhan = regulator("420100");
const inspectors = [{ name: "执法员甲", certificateNo: "42000001" }, { name: "执法员乙", certificateNo: "42000002" }];
const finding = (over: Record<string, unknown> = {}) => ({ level: "general", description: "消防通道堵塞", location: "成品仓库", rectifyBy: inDays(5), ...over });

async function inspect(as: object, enterpriseId: string, findings: Record<string, unknown>[], over: Record<string, unknown> = {}) {
  const res = await api.call("POST", "/v1/enforcement-inspections", { as: as as never, body: { enterpriseId, date: today(), inspectors, findings, ...over } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Self-reports: one by self-inspection on WHP-003 five days ago, one typed in three days ago. */
async function selfReports(e: TestEnterprise) {
  const c = await api.call("GET", "/v1/checklists/WHP-v1", { as: e.as });
  const results = c.body.items.map((i: { code: string }) =>
    i.code === "WHP-003"
      ? { itemCode: i.code, result: "fail", hazard: { level: "general", location: "氯化工段", rectifyBy: inDays(10) } }
      : { itemCode: i.code, result: "pass" },
  );
  const si = await api.call("POST", "/v1/self-inspections", { as: e.as, body: { checklistId: "WHP-v1", inspectedAt: minutesAgo(60 * 24 * 5), inspector: "张安全", results } });
  expect(si.status, JSON.stringify(si.body)).toBe(201);
  const typed = await createHazard(api, e.as, generalBody(e.id, { description: "1号储罐区静电接地线断开", location: "1号储罐区", discoveredAt: minutesAgo(60 * 24 * 3) }));
  return { checklist: si.body.hazardIds[0] as string, typed: typed.id as string };
}

describe("POST /v1/enforcement-inspections", () => {
  it("each finding becomes a hazard with source enforcement, linked to the inspection; audited", async () => {
    const e = await newEnterprise(api, { regionCode: "420111" });
    const insp = await inspect(hongshan, e.id, [finding(), finding({ level: "major", description: "液氯钢瓶无防倾倒措施", location: "气瓶间", currentStateAndCause: "未设置固定链", harmAndDifficultyAnalysis: "倾倒可能泄漏，整改容易" })], { summary: "检查氯化工段和气瓶间" });
    const registered = await api.call("GET", `/v1/enterprises/${e.id}`, { as: hongshan });
    // The record names whom it inspected and what was seen, for the list and the record page.
    expect(insp).toMatchObject({ enterpriseId: e.id, enterpriseName: registered.body.name, summary: "检查氯化工段和气瓶间", date: today(), findingsCount: 2 });
    expect(insp.hazardIds).toHaveLength(2);
    const h = await api.call("GET", `/v1/hazards/${insp.hazardIds[1]}`, { as: e.as });
    expect(h.body).toMatchObject({ source: "enforcement", inspectionId: insp.id, level: "major", status: "reported" });
    const own = await api.call("GET", `/v1/enforcement-inspections/${insp.id}`, { as: e.as });
    expect(own.status).toBe(200);
    const list = await api.call("GET", `/v1/enforcement-inspections?enterpriseId=${e.id}`, { as: hongshan });
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([insp.id]);
    const byRegion = await api.call("GET", `/v1/enforcement-inspections?regionCode=420111&from=${today()}&limit=100`, { as: wuhan });
    expect(byRegion.body.items.map((x: { id: string }) => x.id)).toContain(insp.id);
    // A range that ends before it starts is the caller's mistake, said on the field.
    const reversed = await api.call("GET", `/v1/enforcement-inspections?regionCode=420111&from=${today()}&to=2020-01-01`, { as: wuhan });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].path).toBe("to");
    const audit = await api.call("GET", `/v1/audit?entityId=${insp.id}`, { as: hongshan });
    expect(audit.body.items[0]).toMatchObject({ action: "inspection.create", summary: { findings: 2 } });
    // Period index (INSP, month of the inspection date) for the roll-ups.
    const month = await readMonth("INSP", monthOf(today()), "420100");
    expect(month.find((x) => x.id === insp.id)).toMatchObject({ regionCode: "420111", enterpriseId: e.id, date: today(), findingsCount: 2 });
  });

  it("行政处罚法 第四十二条: at least two inspectors; no future date; the arrival time falls on the date; findings are validated like hazards", async () => {
    const e = await newEnterprise(api, { regionCode: "420111" });
    const send = (over: Record<string, unknown>) => api.call("POST", "/v1/enforcement-inspections", { as: hongshan, body: { enterpriseId: e.id, date: today(), inspectors, findings: [finding()], ...over } });
    expect((await send({ inspectors: inspectors.slice(0, 1) })).body.errors[0].path).toBe("inspectors");
    expect((await send({ date: inDays(1) })).body.errors[0].path).toBe("date");
    expect((await send({ startedAt: minutesAgo(60 * 24 * 2) })).body.errors[0].path).toBe("startedAt");
    const bad = await send({ findings: [finding(), finding({ level: "major" })] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((x: { path: string }) => x.path)).toEqual(["findings.1.currentStateAndCause", "findings.1.harmAndDifficultyAnalysis"]);
    expect((await api.call("GET", `/v1/hazards?enterpriseId=${e.id}`, { as: hongshan })).body.items).toHaveLength(0);
  });

  it("scope: an enterprise cannot record one (403); a regulator only in its region (403); others' inspections are invisible (404)", async () => {
    const a = await newEnterprise(api, { regionCode: "420111" });
    const b = await newEnterprise(api, { regionCode: "420111" });
    expect((await api.call("POST", "/v1/enforcement-inspections", { as: a.as, body: { enterpriseId: a.id, date: today(), inspectors, findings: [] } })).status).toBe(403);
    const outside = await api.call("POST", "/v1/enforcement-inspections", { as: regulator("420102"), body: { enterpriseId: a.id, date: today(), inspectors, findings: [] } });
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe("out_of_scope");
    const insp = await inspect(hongshan, a.id, []);
    expect((await api.call("GET", `/v1/enforcement-inspections/${insp.id}`, { as: b.as })).status).toBe(404);
    expect((await api.call("GET", `/v1/enforcement-inspections/${insp.id}`, { as: regulator("420102") })).status).toBe(404);
  });
});

describe("two books (两本帐): GET /v1/enterprises/{id}/reconciliation", () => {
  it("matches findings to earlier self-reports by checklist item or location + similar description; lists the unmatched and the ratio", async () => {
    const e = await newEnterprise(api, { regionCode: "420111" });
    const self = await selfReports(e);
    // The inspectors arrive after those reports were made (reportedAt is the server's creation time).
    const arrived = new Date(Date.now() + 5).toISOString();
    await new Promise((r) => setTimeout(r, 10));
    const insp = await inspect(hongshan, e.id, [
      finding({ description: "氯化反应釜未实现自动化控制", location: "氯化车间", checklistItemId: "WHP-003" }),
      finding({ description: "1号储罐区静电接地线断开未修复", location: "1号 储罐区" }),
      finding(),
    ], { date: today(), startedAt: arrived });
    // Created after the inspectors arrived, backdated: it must not count (reportedAt after the finding).
    await createHazard(api, e.as, generalBody(e.id, { description: "成品仓库消防通道堵塞", location: "成品仓库", discoveredAt: minutesAgo(60 * 24 * 2) }));
    const res = await api.call("GET", `/v1/enterprises/${e.id}/reconciliation`, { as: hongshan });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ enterpriseId: e.id, findings: 3, windowDays: RECONCILIATION_WINDOW_DAYS });
    const byFinding = Object.fromEntries(res.body.matched.map((m: { finding: { id: string }; selfReport: { id: string }; rule: string }) => [m.finding.id, m]));
    expect(byFinding[insp.hazardIds[0]]).toMatchObject({ rule: "checklist_item", selfReport: { id: self.checklist } });
    expect(byFinding[insp.hazardIds[1]]).toMatchObject({ rule: "location_description", selfReport: { id: self.typed } });
    expect(res.body.unmatched.map((u: { id: string }) => u.id)).toEqual([insp.hazardIds[2]]);
    expect(res.body.selfReportRatio).toBeCloseTo(2 / 3);
    const own = await api.call("GET", `/v1/enterprises/${e.id}/reconciliation?period=${res.body.period}`, { as: e.as });
    expect(own.body.selfReportRatio).toBeCloseTo(2 / 3);
  });

  it("an enterprise with no findings has a null ratio; other enterprises and other counties get 404, as for a missing one", async () => {
    const a = await newEnterprise(api, { regionCode: "420111" });
    const b = await newEnterprise(api, { regionCode: "420111" });
    const res = await api.call("GET", `/v1/enterprises/${a.id}/reconciliation?period=2026`, { as: a.as });
    expect(res.body).toMatchObject({ findings: 0, selfReportRatio: null, from: "2026-01-01", to: "2026-12-31" });
    expect((await api.call("GET", `/v1/enterprises/${a.id}/reconciliation`, { as: b.as })).status).toBe(404);
    expect((await api.call("GET", `/v1/enterprises/${a.id}/reconciliation`, { as: regulator("420102") })).status).toBe(404);
    expect((await api.call("GET", "/v1/enterprises/01JZZZZZZZZZZZZZZZZZZZZZZZ/reconciliation", { as: hongshan })).status).toBe(404);
    expect((await api.call("GET", `/v1/enterprises/${a.id}/reconciliation?period=2026Q5`, { as: hongshan })).body.errors[0].path).toBe("period");
  });

  it("GET /v1/reconciliation ranks the region's inspected enterprises by unmatched findings", async () => {
    const honest = await newEnterprise(api, { regionCode: "420111" });
    const hiding = await newEnterprise(api, { regionCode: "420111" });
    await selfReports(honest);
    await new Promise((r) => setTimeout(r, 10));
    await inspect(hongshan, honest.id, [finding({ description: "氯化反应釜未实现自动化控制", location: "氯化车间", checklistItemId: "WHP-003" })], { startedAt: new Date().toISOString() });
    await inspect(hongshan, hiding.id, [finding(), finding({ description: "配电箱未接地", location: "机修间" })]);
    const res = await api.call("GET", "/v1/reconciliation?regionCode=420111", { as: wuhan });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ids = res.body.items.map((x: { enterpriseId: string }) => x.enterpriseId);
    expect(ids.indexOf(hiding.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(hiding.id)).toBeLessThan(ids.indexOf(honest.id));
    expect(res.body.items.find((x: { enterpriseId: string }) => x.enterpriseId === hiding.id)).toMatchObject({ findings: 2, matched: 0, unmatched: 2, selfReportRatio: 0 });
    expect(res.body.items.find((x: { enterpriseId: string }) => x.enterpriseId === honest.id)).toMatchObject({ findings: 1, matched: 1, unmatched: 0, selfReportRatio: 1 });
    const unmatched = res.body.items.map((x: { unmatched: number }) => x.unmatched);
    expect(unmatched).toEqual([...unmatched].sort((x, y) => y - x));
    expect((await api.call("GET", "/v1/reconciliation?regionCode=420500", { as: wuhan })).status).toBe(403);
    expect((await api.call("GET", "/v1/reconciliation", { as: honest.as })).status).toBe(403);
  });
});
