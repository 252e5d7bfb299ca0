// Hazard governance over HTTP (local API adapter, real tokens, DynamoDB Local, s3rver):
// checklists, self-inspections, hazards and every workflow transition, races, evidence, lists, scope.
import { describe, expect, it } from "vitest";
import {
  act,
  COMPLETE_PLAN,
  createHazard,
  generalBody,
  inDays,
  majorBody,
  minutesAgo,
  newEnterprise,
  PROVINCE_ADMIN,
  regulator,
  type TestEnterprise,
  today,
  uploadEvidence,
} from "../support/hazards.js";
import { allowedActions, HAZARD_ACTIONS, type HazardAction, type HazardLevel, type HazardStatus } from "../../functions/hazards/rules.js";
import { monthOf, readMonth } from "../../shared/periods.js";
import { useApi } from "../support/api.js";

const api = useApi();

const jiangan = regulator("420102");
const wuchang = regulator("420106");
const wuhan = regulator("420100");

// ---------------------------------------------------------------------------------------------
describe("checklists (排查清单)", () => {
  it("GET /v1/checklists?industryCode=26 offers hazardous chemicals, fireworks and the general checklist", async () => {
    const res = await api.call("GET", "/v1/checklists?industryCode=26", { as: jiangan });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const families = res.body.items.map((c: { family: string }) => c.family);
    expect(families).toEqual(expect.arrayContaining(["WHP", "YHBZ", "TY"]));
    expect(families).not.toContain("JZSG");
    const all = await api.call("GET", "/v1/checklists", { as: jiangan });
    expect(all.body.items.map((c: { family: string }) => c.family)).toEqual(expect.arrayContaining(["WHP", "FMKS", "YJ", "YHBZ", "JZSG", "TY"]));
  });

  it("GET /v1/checklists/{id}: each item has code, check, standard and legal basis; unknown id 404, malformed 400", async () => {
    const res = await api.call("GET", "/v1/checklists/WHP-v1", { as: jiangan });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(15);
    expect(res.body.items[0]).toMatchObject({ code: "WHP-001", check: expect.any(String), standard: expect.any(String), basis: expect.stringContaining("《") });
    expect((await api.call("GET", "/v1/checklists/WHP-v99", { as: jiangan })).status).toBe(404);
    expect((await api.call("GET", "/v1/checklists/whp1", { as: jiangan })).status).toBe(400);
  });

  it("versioned: a new version becomes current; an inspection made against the old version keeps the old text", async () => {
    const family = `T${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    const items = (text: string) =>
      Array.from({ length: 3 }, (_, i) => ({ code: `${family}-00${i + 1}`, check: `${text}${i + 1}`, standard: "符合标准", basis: "《安全生产法》" }));
    const v1 = await api.call("POST", "/v1/checklists", { as: PROVINCE_ADMIN, body: { family, industryCode: "26", name: "测试清单", items: items("旧检查项") } });
    expect(v1.status, JSON.stringify(v1.body)).toBe(201);
    expect(v1.body).toMatchObject({ id: `${family}-v1`, version: 1, current: true });

    const e = await newEnterprise(api);
    const insp = await api.call("POST", "/v1/self-inspections", {
      as: e.as,
      body: { checklistId: `${family}-v1`, inspectedAt: minutesAgo(5), inspector: "张安全", results: items("").map((i) => ({ itemCode: i.code, result: "pass" })) },
    });
    expect(insp.status, JSON.stringify(insp.body)).toBe(201);

    const v2 = await api.call("POST", "/v1/checklists", { as: PROVINCE_ADMIN, body: { family, industryCode: "26", name: "测试清单", items: items("新检查项") } });
    expect(v2.body).toMatchObject({ id: `${family}-v2`, version: 2, current: true });
    const list = await api.call("GET", "/v1/checklists?industryCode=26", { as: jiangan });
    const mine = list.body.items.filter((c: { family: string }) => c.family === family);
    expect(mine.map((c: { id: string }) => c.id)).toEqual([`${family}-v2`]);
    const old = await api.call("GET", `/v1/checklists/${family}-v1`, { as: jiangan });
    expect(old.body).toMatchObject({ current: false, items: [{ check: "旧检查项1" }, {}, {}] });
    const again = await api.call("GET", `/v1/self-inspections/${insp.body.id}`, { as: e.as });
    expect(again.body).toMatchObject({ checklistId: `${family}-v1`, checklistVersion: 1 });
    expect(again.body.results[0].check).toBe("旧检查项1");

    // Publishing is provincial; a changed industry is refused.
    const county = await api.call("POST", "/v1/checklists", { as: jiangan, body: { family, industryCode: "26", name: "x", items: items("x") } });
    expect(county.status).toBe(403);
    const moved = await api.call("POST", "/v1/checklists", { as: PROVINCE_ADMIN, body: { family, industryCode: "B", name: "x", items: items("x") } });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0].path).toBe("industryCode");
  });
});

// ---------------------------------------------------------------------------------------------
describe("self-inspections", () => {
  async function whpResults(fails: Record<string, unknown> = {}) {
    const c = await api.call("GET", "/v1/checklists/WHP-v1", { as: jiangan });
    return c.body.items.map((i: { code: string }) =>
      i.code in fails ? { itemCode: i.code, result: "fail", note: "现场发现", hazard: fails[i.code] } : { itemCode: i.code, result: i.code === "WHP-018" ? "na" : "pass" },
    );
  }

  it("a result per item; every fail becomes a hazard linked to the item, in the same request", async () => {
    const e = await newEnterprise(api);
    const results = await whpResults({
      "WHP-003": { level: "general", location: "氯化工段", rectifyBy: inDays(10) },
      "WHP-006": { level: "major", location: "罐区", rectifyBy: inDays(30), currentStateAndCause: "报警器损坏", harmAndDifficultyAnalysis: "泄漏无法报警，需更换" },
    });
    const res = await api.call("POST", "/v1/self-inspections", { as: e.as, body: { checklistId: "WHP-v1", inspectedAt: minutesAgo(60), inspector: "张安全", results } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.counts).toEqual({ pass: results.length - 3, fail: 2, na: 1 });
    expect(res.body.hazardIds).toHaveLength(2);
    const failed = res.body.results.find((r: { itemCode: string }) => r.itemCode === "WHP-003");
    const h = await api.call("GET", `/v1/hazards/${failed.hazardId}`, { as: e.as });
    expect(h.body).toMatchObject({ source: "self_inspection", checklistItemId: "WHP-003", selfInspectionId: res.body.id, level: "general", status: "reported" });
    expect(h.body.description).toContain("自动化控制");
    const list = await api.call("GET", `/v1/hazards?enterpriseId=${e.id}`, { as: e.as });
    expect(list.body.items.map((x: { id: string }) => x.id).sort()).toEqual([...res.body.hazardIds].sort());
    const mine = await api.call("GET", "/v1/self-inspections", { as: e.as });
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([res.body.id]);
  });

  it("all or none: one bad failed item is a 400 naming it, and nothing is written", async () => {
    const e = await newEnterprise(api);
    const results = await whpResults({
      "WHP-003": { level: "general", location: "氯化工段", rectifyBy: inDays(10) },
      "WHP-006": { level: "major", location: "罐区", rectifyBy: inDays(30) },
    });
    const res = await api.call("POST", "/v1/self-inspections", { as: e.as, body: { checklistId: "WHP-v1", inspectedAt: minutesAgo(60), inspector: "张安全", results } });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((x: { path: string }) => x.path);
    const idx = results.findIndex((r: { itemCode: string }) => r.itemCode === "WHP-006");
    expect(paths).toEqual([`results.${idx}.hazard.currentStateAndCause`, `results.${idx}.hazard.harmAndDifficultyAnalysis`]);
    expect((await api.call("GET", `/v1/hazards?enterpriseId=${e.id}`, { as: e.as })).body.items).toHaveLength(0);
    expect((await api.call("GET", "/v1/self-inspections", { as: e.as })).body.items).toHaveLength(0);
  });

  it("every item exactly once; a fail needs its hazard; a pass has none; the checklist must fit the industry", async () => {
    const e = await newEnterprise(api);
    const results = await whpResults();
    const send = (body: Record<string, unknown>) => api.call("POST", "/v1/self-inspections", { as: e.as, body: { checklistId: "WHP-v1", inspectedAt: minutesAgo(5), inspector: "张", results, ...body } });
    const missing = await send({ results: results.slice(1) });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ path: "results", message: expect.stringContaining("WHP-001") });
    const unknown = await send({ results: [...results, { itemCode: "WHP-999", result: "pass" }] });
    expect(unknown.body.errors[0].path).toBe(`results.${results.length}.itemCode`);
    const noHazard = await send({ results: [{ itemCode: "WHP-001", result: "fail" }, ...results.slice(1)] });
    expect(noHazard.body.errors[0].path).toBe("results.0.hazard");
    const passWithHazard = await send({ results: [{ itemCode: "WHP-001", result: "pass", hazard: { level: "general", location: "x", rectifyBy: inDays(1) } }, ...results.slice(1)] });
    expect(passWithHazard.body.errors[0].path).toBe("results.0.hazard");
    const wrongIndustry = await send({ checklistId: "JZSG-v1" });
    expect(wrongIndustry.status).toBe(400);
    expect(wrongIndustry.body.errors[0].path).toBe("checklistId");
    const regulatorTries = await api.call("POST", "/v1/self-inspections", { as: jiangan, body: { checklistId: "WHP-v1", inspectedAt: minutesAgo(5), inspector: "张", results } });
    expect(regulatorTries.status).toBe(403);
  });

  it("Idempotency-Key: a retried self-inspection returns the first answer and creates its hazards once", async () => {
    const e = await newEnterprise(api);
    const body = { checklistId: "WHP-v1", inspectedAt: minutesAgo(5), inspector: "张", results: await whpResults({ "WHP-010": { level: "general", location: "仓库", rectifyBy: inDays(3) } }) };
    const headers = { "idempotency-key": `si-${e.id}` };
    const [a, b] = await Promise.all([
      api.call("POST", "/v1/self-inspections", { as: e.as, body, headers }),
      api.call("POST", "/v1/self-inspections", { as: e.as, body, headers }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect((await api.call("GET", `/v1/hazards?enterpriseId=${e.id}`, { as: e.as })).body.items).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
describe("POST /v1/hazards and GET /v1/hazards/{id}", () => {
  it("creates a general hazard (201, version 1, audited) and reads it back with computed fields", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id, { checklistItemId: "TY-014" }));
    expect(h).toMatchObject({ status: "reported", version: 1, overdue: false, allowedActions: ["start"], enterpriseId: e.id, regionCode: "420102", checklistItemId: "TY-014" });
    const got = await api.call("GET", `/v1/hazards/${h.id}`, { as: e.as });
    expect(got.status).toBe(200);
    expect(got.headers.get("etag")).toBe('"1"');
    expect(got.body.attachments).toEqual([]);
    const audit = await api.call("GET", `/v1/audit?entityId=${h.id}`, { as: jiangan });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(["hazard.create"]);
  });

  it("carries the period-index keys (HAZ, month of discoveredAt, city partition) with what roll-ups read", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id, { fixedOnSpot: true }));
    const month = await readMonth("HAZ", monthOf(h.discoveredAt), "420100");
    expect(month.find((x) => x.id === h.id)).toMatchObject({
      regionCode: "420102", enterpriseId: e.id, level: "general", status: "rectified", source: "self_inspection",
      discoveredAt: h.discoveredAt, rectifyBy: h.rectifyBy, rectifiedAt: h.discoveredAt,
    });
  });

  it("16号令 art.15 ¶1: a general hazard fixed on the spot starts at rectified; a major one cannot be", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id, { fixedOnSpot: true }));
    expect(h).toMatchObject({ status: "rectified", fixedOnSpot: true, allowedActions: ["accept"] });
    const major = await api.call("POST", "/v1/hazards", { as: e.as, body: majorBody(e.id, { fixedOnSpot: true }) });
    expect(major.status).toBe(400);
    expect(major.body.errors.map((x: { path: string }) => x.path)).toEqual(["fixedOnSpot"]);
  });

  it("16号令 art.14 ¶2: a major hazard needs current state and cause and the harm/difficulty analysis; with a complete plan it starts planned", async () => {
    const e = await newEnterprise(api);
    const bad = await api.call("POST", "/v1/hazards", { as: e.as, body: majorBody(e.id, { currentStateAndCause: undefined, harmAndDifficultyAnalysis: undefined }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((x: { path: string }) => x.path)).toEqual(["currentStateAndCause", "harmAndDifficultyAnalysis"]);
    const reported = await createHazard(api, e.as, majorBody(e.id, { plan: { goalAndTasks: "只写了目标" } }));
    expect(reported).toMatchObject({ status: "reported", allowedActions: ["plan", "supervise"] });
    expect(reported.missingPlanParts).toHaveLength(5);
    const planned = await createHazard(api, e.as, majorBody(e.id, { plan: COMPLETE_PLAN }));
    expect(planned).toMatchObject({ status: "planned", missingPlanParts: [] });
    const generalWithPlan = await api.call("POST", "/v1/hazards", { as: e.as, body: generalBody(e.id, { plan: COMPLETE_PLAN }) });
    expect(generalWithPlan.body.errors.map((x: { path: string }) => x.path)).toEqual(["plan"]);
  });

  it("bad input is a 400 naming the field: unknown fields, server-owned fields, dates, enums, checklist items", async () => {
    const e = await newEnterprise(api);
    const call = (over: Record<string, unknown>) => api.call("POST", "/v1/hazards", { as: e.as, body: generalBody(e.id, over) });
    const unknown = await call({ status: "closed", version: 3 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((x: { path: string }) => x.path).sort()).toEqual(["status", "version"]);
    expect((await call({ level: "minor" })).body.errors[0].path).toBe("level");
    expect((await call({ rectifyBy: "2026-02-30" })).body.errors[0].path).toBe("rectifyBy");
    expect((await call({ discoveredAt: "2026-01-01" })).body.errors[0].path).toBe("discoveredAt");
    expect((await call({ discoveredAt: new Date(Date.now() + 3_600_000).toISOString() })).body.errors[0].path).toBe("discoveredAt");
    expect((await call({ discoveredAt: minutesAgo(60 * 24 * 3), rectifyBy: inDays(-5) })).body.errors[0].path).toBe("rectifyBy");
    expect((await call({ checklistItemId: "WHP-999" })).body.errors[0].path).toBe("checklistItemId");
    expect((await call({ description: "   " })).body.errors[0].path).toBe("description");
    expect((await call({ enterpriseId: "not-a-ulid" })).body.errors[0].path).toBe("enterpriseId");
  });

  it("who may create: an enterprise for itself only, as self_inspection; a regulator in its region as enforcement", async () => {
    const a = await newEnterprise(api);
    const b = await newEnterprise(api);
    const forB = await api.call("POST", "/v1/hazards", { as: a.as, body: generalBody(b.id) });
    expect(forB.status).toBe(403);
    expect(forB.body.code).toBe("out_of_scope");
    const wrongSource = await api.call("POST", "/v1/hazards", { as: a.as, body: generalBody(a.id, { source: "enforcement" }) });
    expect(wrongSource.status).toBe(403);
    expect(wrongSource.body).toMatchObject({ code: "source_not_allowed", allowed: ["self_inspection"] });
    const byRegulator = await createHazard(api, jiangan, generalBody(a.id, { source: "enforcement" }));
    expect(byRegulator.source).toBe("enforcement");
    const otherCounty = await api.call("POST", "/v1/hazards", { as: wuchang, body: generalBody(a.id, { source: "enforcement" }) });
    expect(otherCounty.status).toBe(403);
    const stats = await api.call("POST", "/v1/hazards", { as: { role: "statistician", region: "420000" }, body: generalBody(a.id) });
    expect(stats.status).toBe(403);
  });

  it("scope: enterprise A never sees B's hazard (404); a county regulator sees its county only; city and province see it", async () => {
    const a = await newEnterprise(api);
    const b = await newEnterprise(api);
    const h = await createHazard(api, a.as, generalBody(a.id));
    expect((await api.call("GET", `/v1/hazards/${h.id}`, { as: b.as })).status).toBe(404);
    expect((await api.call("GET", `/v1/hazards/${h.id}`, { as: wuchang })).status).toBe(404);
    expect((await api.call("GET", `/v1/hazards/${h.id}`, { as: jiangan })).status).toBe(200);
    expect((await api.call("GET", `/v1/hazards/${h.id}`, { as: wuhan })).status).toBe(200);
    expect((await api.call("GET", `/v1/hazards/${h.id}`, { as: regulator("420000") })).status).toBe(200);
    expect((await api.call("GET", `/v1/hazards/${h.id}`, { as: regulator("420500") })).status).toBe(404);
    const industry = { role: "industry_department", region: "420100", industry: "C" } as const;
    const construction = { role: "industry_department", region: "420100", industry: "E" } as const;
    expect((await api.call("GET", `/v1/hazards/${h.id}`, { as: industry })).status).toBe(200);
    expect((await api.call("GET", `/v1/hazards/${h.id}`, { as: construction })).status).toBe(404);
    // Acting on B's hazard is as invisible as reading it.
    expect((await act(api, b.as, h.id, "start")).status).toBe(404);
    const listB = await api.call("GET", `/v1/hazards?enterpriseId=${a.id}`, { as: b.as });
    expect(listB.status).toBe(403);
    const ownList = await api.call("GET", "/v1/hazards", { as: b.as });
    expect(ownList.body.items.map((x: { id: string }) => x.id)).not.toContain(h.id);
  });
});

// ---------------------------------------------------------------------------------------------
describe("workflow (16号令 art.15, 18, 23): every transition, legal and illegal", () => {
  const enterpriseActions = new Set<HazardAction>(["plan", "start", "complete", "request-review"]);

  /** Every action not allowed from the current state answers 409 naming exactly the allowed ones. */
  async function illegalFrom(h: { id: string; level: HazardLevel; status: HazardStatus }, e: TestEnterprise) {
    const allowed = allowedActions(h.level, h.status);
    for (const action of HAZARD_ACTIONS.filter((a) => !allowed.includes(a))) {
      const as = enterpriseActions.has(action) ? e.as : jiangan;
      const body =
        action === "plan" ? { plan: COMPLETE_PLAN } : action === "reject" ? { reason: "x" } : action === "supervise" ? { deadline: inDays(30), productionSuspended: false } : {};
      const res = await act(api, as, h.id, action, body);
      expect(res.status, `${h.level} ${h.status} -${action}→ ${JSON.stringify(res.body)}`).toBe(409);
      expect(res.body).toMatchObject({ code: "illegal_transition", state: h.status, allowed });
    }
  }

  it("general: reported → start → rectifying → complete (evidence) → rectified → accept → closed; illegal steps 409", async () => {
    const e = await newEnterprise(api);
    let h = await createHazard(api, e.as, generalBody(e.id));
    await illegalFrom(h, e);
    h = (await act(api, e.as, h.id, "start", { note: "已安排" })).body;
    expect(h).toMatchObject({ status: "rectifying", version: 2, allowedActions: ["complete"] });
    await illegalFrom(h, e);
    const noEvidence = await act(api, e.as, h.id, "complete");
    expect(noEvidence.status).toBe(409);
    expect(noEvidence.body).toMatchObject({ code: "evidence_required", minimum: 1 });
    await uploadEvidence(api, e.as, h.id);
    const done = await act(api, e.as, h.id, "complete");
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    h = done.body;
    expect(h).toMatchObject({ status: "rectified", allowedActions: ["accept"] });
    await illegalFrom(h, e);
    h = (await act(api, e.as, h.id, "accept")).body;
    expect(h).toMatchObject({ status: "closed", allowedActions: [] });
    await illegalFrom(h, e);
    const audit = await api.call("GET", `/v1/audit?entityId=${h.id}`, { as: jiangan });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual([
      "hazard.create", "hazard.start", "hazard.attachment", "hazard.complete", "hazard.accept",
    ]);
  });

  it("major: reported → plan → planned → start → rectifying → complete → rectified → request-review → reject → … → write-off → closed", async () => {
    const e = await newEnterprise(api);
    let h = await createHazard(api, e.as, majorBody(e.id, { plan: { goalAndTasks: "目标", methodsAndMeasures: "措施" } }));
    await illegalFrom(h, e);
    // 16号令 art.15 ¶2: the plan needs all six parts; they may come over several requests, and
    // a request that still leaves parts out is refused naming them (nothing is stored).
    const partial = await act(api, e.as, h.id, "plan", { plan: { fundsAndMaterials: "安全费用" } });
    expect(partial.status).toBe(400);
    expect(partial.body.errors.map((x: { path: string }) => x.path)).toEqual([
      "plan.responsibleOrgAndPeople", "plan.timeLimitAndRequirements", "plan.safetyAndEmergencyMeasures",
    ]);
    const { goalAndTasks: _g, methodsAndMeasures: _m, ...rest } = COMPLETE_PLAN;
    h = (await act(api, e.as, h.id, "plan", { plan: rest })).body;
    expect(h).toMatchObject({ status: "planned", missingPlanParts: [], allowedActions: ["plan", "start", "supervise"] });
    await illegalFrom(h, e);
    h = (await act(api, e.as, h.id, "start")).body;
    expect(h.status).toBe("rectifying");
    await illegalFrom(h, e);
    await uploadEvidence(api, e.as, h.id);
    h = (await act(api, e.as, h.id, "complete")).body;
    expect(h.status).toBe("rectified");
    await illegalFrom(h, e);
    expect((await act(api, jiangan, h.id, "request-review")).status).toBe(403);
    h = (await act(api, e.as, h.id, "request-review")).body;
    expect(h).toMatchObject({ status: "review_requested", review: { requestedOn: today(), dueDate: inDays(10), decidedOn: null, overdue: false } });
    await illegalFrom(h, e);
    expect((await act(api, e.as, h.id, "write-off")).status).toBe(403);
    const noReason = await act(api, jiangan, h.id, "reject", {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe("reason");
    h = (await act(api, jiangan, h.id, "reject", { reason: "现场复查阀门仍无法关闭" })).body;
    expect(h).toMatchObject({ status: "rectifying", rejections: [{ reason: "现场复查阀门仍无法关闭" }] });
    h = (await act(api, e.as, h.id, "complete")).body;
    h = (await act(api, e.as, h.id, "request-review")).body;
    const closed = await act(api, jiangan, h.id, "write-off", { note: "复查合格" });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: "closed", allowedActions: [] });
    await illegalFrom(closed.body, e);
  });

  it("an enforcement finding is accepted by the regulator, not by the enterprise itself", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, jiangan, generalBody(e.id, { source: "enforcement", fixedOnSpot: true }));
    const self = await act(api, e.as, h.id, "accept");
    expect(self.status).toBe(403);
    expect(self.body.code).toBe("action_not_allowed");
    expect((await act(api, jiangan, h.id, "accept")).body.status).toBe("closed");
  });

  it("grid members, statisticians and admins take no workflow action (403)", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    expect((await act(api, { role: "grid_member", region: "420102", grid: "01JDEM0000000000000000G001" }, h.id, "start")).status).toBe(403);
    expect((await act(api, PROVINCE_ADMIN, h.id, "accept")).status).toBe(403);
  });

  it("races: two conflicting actions at once — exactly one wins, the other is a 409", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    const starts = await Promise.all([act(api, e.as, h.id, "start"), act(api, e.as, h.id, "start")]);
    expect(starts.map((r) => r.status).sort()).toEqual([200, 409]);

    const m = await createHazard(api, e.as, majorBody(e.id, { plan: COMPLETE_PLAN }));
    await act(api, e.as, m.id, "start");
    await uploadEvidence(api, e.as, m.id);
    await act(api, e.as, m.id, "complete");
    await act(api, e.as, m.id, "request-review");
    const decisions = await Promise.all([act(api, jiangan, m.id, "write-off"), act(api, wuhan, m.id, "reject", { reason: "不合格" })]);
    expect(decisions.map((r) => r.status).sort()).toEqual([200, 409]);
    const final = await api.call("GET", `/v1/hazards/${m.id}`, { as: e.as });
    const winner = decisions.find((r) => r.status === 200);
    expect(final.body.status).toBe(winner?.body.status);
    // create 1, start 2, complete 3, request-review 4, the one decision 5 (attachments do not bump it)
    expect(final.body.version).toBe(5);
  });

  it("If-Match with a stale version is a 409 version_conflict; with the current one it proceeds", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    const stale = await api.call("POST", `/v1/hazards/${h.id}/start`, { as: e.as, body: {}, headers: { "if-match": '"7"' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    const ok = await api.call("POST", `/v1/hazards/${h.id}/start`, { as: e.as, body: {}, headers: { "if-match": '"1"' } });
    expect(ok.status).toBe(200);
  });

  it("Idempotency-Key on create: concurrent retries make one hazard; same key, other body → 422", async () => {
    const e = await newEnterprise(api);
    const body = generalBody(e.id);
    const headers = { "idempotency-key": `haz-${e.id}` };
    const results = await Promise.all([1, 2, 3].map(() => api.call("POST", "/v1/hazards", { as: e.as, body, headers })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const other = await api.call("POST", "/v1/hazards", { as: e.as, body: { ...body, location: "别处" }, headers });
    expect(other.status).toBe(422);
    expect((await api.call("GET", `/v1/hazards?enterpriseId=${e.id}`, { as: e.as })).body.items).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
describe("evidence (presigned uploads to S3)", () => {
  it("only JPEG, PNG and PDF up to 10 MB; anything else is a 400 before any URL (and nothing is recorded)", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    const ask = (body: Record<string, unknown>) => api.call("POST", `/v1/hazards/${h.id}/attachments`, { as: e.as, body });
    const gif = await ask({ fileName: "a.gif", contentType: "image/gif", size: 10 });
    expect(gif.status).toBe(400);
    expect(gif.body.errors[0].path).toBe("contentType");
    expect(gif.body.upload).toBeUndefined();
    const big = await ask({ fileName: "a.pdf", contentType: "application/pdf", size: 10 * 1024 * 1024 + 1 });
    expect(big.status).toBe(400);
    expect(big.body.errors[0].path).toBe("size");
    expect((await ask({ fileName: "../../etc/passwd", contentType: "application/pdf", size: 10 })).body.errors[0].path).toBe("fileName");
    expect((await ask({ fileName: "a.png", contentType: "image/png", size: 0 })).status).toBe(400);
    const max = await ask({ fileName: "现场.jpg", contentType: "image/jpeg", size: 10 * 1024 * 1024 });
    expect(max.status).toBe(201);
    expect(max.body.upload).toMatchObject({ method: "PUT", headers: { "content-type": "image/jpeg", "if-none-match": "*" } });
    const got = await api.call("GET", `/v1/hazards/${h.id}`, { as: e.as });
    expect(got.body.attachments).toHaveLength(1);
    expect(got.body.attachments[0]).toMatchObject({ contentType: "image/jpeg", uploaded: false });
  });

  it("complete needs an attachment that really exists in S3: a URL alone, or a different size, does not count", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    await act(api, e.as, h.id, "start");
    const asked = await api.call("POST", `/v1/hazards/${h.id}/attachments`, { as: e.as, body: { fileName: "p.png", contentType: "image/png", size: 100 } });
    expect((await act(api, e.as, h.id, "complete")).body.code).toBe("evidence_required");
    // Declared 100 bytes, uploaded 5: not the declared evidence.
    await fetch(asked.body.upload.url, { method: "PUT", headers: asked.body.upload.headers, body: Buffer.from("12345") });
    expect((await act(api, e.as, h.id, "complete")).body.code).toBe("evidence_required");
    const id = await uploadEvidence(api, e.as, h.id);
    const done = await act(api, e.as, h.id, "complete");
    expect(done.status).toBe(200);
    expect(done.body.evidence).toEqual([id]);
    const att = done.body.attachments.find((a: { id: string }) => a.id === id);
    expect(att.uploaded).toBe(true);
    const link = await api.call("GET", `/v1/hazards/${h.id}/attachments/${id}`, { as: e.as });
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    const download = await fetch(link.body.download.url);
    expect(await download.text()).toBe("%PDF-1.4 evidence");
  });

  it("keys are not guessable across enterprises; another enterprise cannot attach to or see the evidence", async () => {
    const a = await newEnterprise(api);
    const b = await newEnterprise(api);
    const h = await createHazard(api, a.as, generalBody(a.id));
    const res = await api.call("POST", `/v1/hazards/${h.id}/attachments`, { as: a.as, body: { fileName: "x.pdf", contentType: "application/pdf", size: 3 } });
    const key = decodeURIComponent(new URL(res.body.upload.url).pathname);
    // hazards/<enterprise>/<hazard>/<fresh ULID>/<file>: 80 random bits per upload.
    expect(key).toMatch(new RegExp(`/hazards/${a.id}/${h.id}/[0-9A-HJKMNP-TV-Z]{26}/x\\.pdf$`));
    const other = await api.call("POST", `/v1/hazards/${h.id}/attachments`, { as: b.as, body: { fileName: "x.pdf", contentType: "application/pdf", size: 3 } });
    expect(other.status).toBe(404);
  });
});

// ---------------------------------------------------------------------------------------------
describe("GET /v1/hazards: filters on indexes, overdue in Asia/Shanghai, scope", () => {
  it("filters by enterprise, status, level and overdue; overdue means past rectifyBy and not rectified", async () => {
    const e = await newEnterprise(api);
    const late = await createHazard(api, e.as, generalBody(e.id, { discoveredAt: minutesAgo(60 * 24 * 10), rectifyBy: inDays(-1) }));
    const dueToday = await createHazard(api, e.as, generalBody(e.id, { discoveredAt: minutesAgo(60 * 24 * 10), rectifyBy: today() }));
    const lateButFixed = await createHazard(api, e.as, generalBody(e.id, { discoveredAt: minutesAgo(60 * 24 * 10), rectifyBy: inDays(-2), fixedOnSpot: true }));
    const major = await createHazard(api, e.as, majorBody(e.id));
    expect(late.overdue).toBe(true);
    expect(dueToday.overdue).toBe(false);
    expect(lateButFixed.overdue).toBe(false);
    const ids = async (q: string, as = e.as) => {
      const res = await api.call("GET", `/v1/hazards?${q}`, { as });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((x: { id: string }) => x.id).sort();
    };
    expect(await ids(`enterpriseId=${e.id}&overdue=true`)).toEqual([late.id]);
    expect(await ids(`enterpriseId=${e.id}&overdue=false`)).toEqual([dueToday.id, lateButFixed.id, major.id].sort());
    expect(await ids(`enterpriseId=${e.id}&level=major`)).toEqual([major.id]);
    expect(await ids(`enterpriseId=${e.id}&status=rectified`)).toEqual([lateButFixed.id]);
    expect(await ids("status=rectified")).toEqual([lateButFixed.id]);
    // A regulator's view of its county: status and overdue come from the county-sharded status index.
    const county = (await ids("overdue=true&limit=100", jiangan)).filter((id: string) => [late.id, dueToday.id, lateButFixed.id, major.id].includes(id));
    expect(county).toEqual([late.id]);
    const reported = (await ids("status=reported&level=major&limit=100", jiangan)).filter((id: string) => id === major.id);
    expect(reported).toEqual([major.id]);
    expect(await ids("status=reported&overdue=true", wuchang)).not.toContain(late.id);
  });

  it("pages by cursor across region partitions, each item once; a tampered cursor is a 400, a region outside scope a 403", async () => {
    const e = await newEnterprise(api, { regionCode: "420115" });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await createHazard(api, e.as, generalBody(e.id))).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `regionCode=420115&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await api.call("GET", `/v1/hazards?${q}`, { as: wuhan });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.items.map((x: { id: string }) => x.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    const mine = seen.filter((id) => made.includes(id));
    expect(mine.sort()).toEqual([...made].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect((await api.call("GET", "/v1/hazards?cursor=%%%", { as: wuhan })).status).toBe(400);
    expect((await api.call("GET", "/v1/hazards?regionCode=420500", { as: wuhan })).status).toBe(403);
    expect((await api.call("GET", "/v1/hazards?overdue=maybe", { as: wuhan })).body.errors[0].path).toBe("overdue");
  });

  it("province-wide overdue list pages city by city and finds a hazard of a 直管市 (仙桃)", async () => {
    const e = await newEnterprise(api, { regionCode: "429004" });
    const h = await createHazard(api, e.as, generalBody(e.id, { discoveredAt: minutesAgo(60 * 24 * 5), rectifyBy: inDays(-3) }));
    const province = regulator("420000");
    let found = false;
    let cursor: string | null = null;
    for (let i = 0; i < 200 && !found; i++) {
      const res = await api.call("GET", `/v1/hazards?overdue=true&limit=100${cursor ? `&cursor=${cursor}` : ""}`, { as: province });
      expect(res.status).toBe(200);
      found = res.body.items.some((x: { id: string }) => x.id === h.id);
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(found).toBe(true);
    const xiantao = await api.call("GET", "/v1/hazards?regionCode=429004&limit=100", { as: regulator("429004") });
    expect(xiantao.body.items.map((x: { id: string }) => x.id)).toContain(h.id);
  });

  it("an industry department lists only its industry in its region", async () => {
    const chem = await newEnterprise(api, { regionCode: "420116", industryCode: "26" });
    const build = await newEnterprise(api, { regionCode: "420116", industryCode: "48" });
    const hc = await createHazard(api, chem.as, generalBody(chem.id));
    const hb = await createHazard(api, build.as, generalBody(build.id));
    const industry = { role: "industry_department", region: "420100", industry: "E" } as const;
    const res = await api.call("GET", "/v1/hazards?regionCode=420116&limit=100", { as: industry });
    const ids = res.body.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(hb.id);
    expect(ids).not.toContain(hc.id);
    expect((await api.call("GET", `/v1/hazards?enterpriseId=${chem.id}`, { as: industry })).status).toBe(403);
  });
});
