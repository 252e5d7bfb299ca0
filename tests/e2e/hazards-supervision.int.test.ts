// Listed supervision (挂牌督办) over HTTP: deadline and level, the 10-day review due date and its
// flag, production suspension with the licence hold (functions/approvals/public.ts) in the same transaction,
// and functions/hazards/public.ts overdueSupervisedHazards.
import { afterEach, describe, expect, it, vi } from "vitest";
import { overdueSupervisedHazards } from "../../functions/hazards/public.js";
import { act, COMPLETE_PLAN, createHazard, giveLicence, generalBody, inDays, majorBody, newEnterprise, regulator, type TestEnterprise, today, uploadEvidence } from "../support/hazards.js";
import { addDays } from "../../shared/time.js";
import { useApi } from "../support/api.js";

const api = useApi();
afterEach(() => {
  vi.useRealTimers();
});

const county = regulator("420102");
const city = regulator("420100");

/** A major hazard with a complete plan, at `planned`. */
async function plannedMajor(e: TestEnterprise) {
  return createHazard(api, e.as, majorBody(e.id, { plan: COMPLETE_PLAN }));
}

async function toReviewRequested(e: TestEnterprise, id: string) {
  expect((await act(api, e.as, id, "start")).status).toBe(200);
  await uploadEvidence(api, e.as, id);
  expect((await act(api, e.as, id, "complete")).status).toBe(200);
  const r = await act(api, e.as, id, "request-review");
  expect(r.status).toBe(200);
  return r.body;
}

const licenceStatus = async (number: string) => (await api.call("GET", `/v1/licences/${number}`)).body.status;
const suspended = async (e: TestEnterprise) => (await api.call("GET", `/v1/enterprises/${e.id}`, { as: county })).body.productionSuspended === true;

describe("POST /v1/hazards/{id}/supervise (挂牌督办)", () => {
  it("lists a major hazard with a deadline and the caller's level; the status is kept, the change versioned and audited", async () => {
    const e = await newEnterprise(api);
    const h = await plannedMajor(e);
    const deadline = inDays(20);
    const res = await act(api, county, h.id, "supervise", { deadline, productionSuspended: false, note: "区级挂牌" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: "planned",
      version: 2,
      supervision: { deadline, supervisingLevel: "county", productionSuspended: false, listedOn: today(), listedByRegion: "420102" },
      // 16号令 art.23: no application yet → the department reviews within 10 days of the deadline.
      review: { requestedOn: null, dueDate: addDays(deadline, 10), overdue: false },
    });
    const audit = await api.call("GET", `/v1/audit?entityId=${h.id}`, { as: county });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(["hazard.create", "hazard.supervise"]);
  });

  it("a department lists at its own level or below; the deadline cannot be past; general hazards are not listed", async () => {
    const e = await newEnterprise(api);
    const h = await plannedMajor(e);
    const tooHigh = await act(api, county, h.id, "supervise", { deadline: inDays(10), supervisingLevel: "province", productionSuspended: false });
    expect(tooHigh.status).toBe(403);
    expect(tooHigh.body.code).toBe("supervising_level_too_high");
    const past = await act(api, county, h.id, "supervise", { deadline: inDays(-1), productionSuspended: false });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].path).toBe("deadline");
    const missing = await act(api, county, h.id, "supervise", { deadline: inDays(10) });
    expect(missing.body.errors[0].path).toBe("productionSuspended");
    const byCity = await act(api, city, h.id, "supervise", { deadline: inDays(10), supervisingLevel: "county", productionSuspended: false });
    expect(byCity.body.supervision.supervisingLevel).toBe("county");
    expect((await act(api, e.as, h.id, "supervise", { deadline: inDays(10), productionSuspended: false })).status).toBe(403);
    expect((await act(api, regulator("420106"), h.id, "supervise", { deadline: inDays(10), productionSuspended: false })).status).toBe(404);
    const g = await createHazard(api, e.as, generalBody(e.id));
    const general = await act(api, county, g.id, "supervise", { deadline: inDays(10), productionSuspended: false });
    expect(general.status).toBe(409);
    expect(general.body.allowed).toEqual(["start"]);
  });

  it("16号令 art.23: an application before the deadline is reviewed within 10 days of it", async () => {
    const e = await newEnterprise(api);
    const h = await plannedMajor(e);
    await act(api, county, h.id, "supervise", { deadline: inDays(30), productionSuspended: false });
    const requested = await toReviewRequested(e, h.id);
    expect(requested.review).toMatchObject({ requestedOn: today(), dueDate: inDays(10), decidedOn: null, overdue: false });
    const decided = await act(api, county, h.id, "write-off");
    expect(decided.body.review).toMatchObject({ decidedOn: today(), overdue: false });
  });

  it("16号令 art.23: with no application the review is due 10 days after the deadline, and flagged once missed (Asia/Shanghai)", async () => {
    const e = await newEnterprise(api);
    const h = await plannedMajor(e);
    const deadline = today();
    await act(api, county, h.id, "supervise", { deadline, productionSuspended: false });
    // Only the clock moves (no S3 call happens while it does: the hazard has no attachments, and the
    // SDK would otherwise learn a clock offset that outlives this test).
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 10 * 24 * 3600 * 1000);
    const onDueDay = await api.call("GET", `/v1/hazards/${h.id}`, { as: county });
    expect(onDueDay.body.review).toMatchObject({ dueDate: addDays(deadline, 10), overdue: false });
    vi.setSystemTime(Date.now() + 24 * 3600 * 1000);
    const dayAfter = await api.call("GET", `/v1/hazards/${h.id}`, { as: county });
    expect(dayAfter.body.review).toMatchObject({ dueDate: addDays(deadline, 10), overdue: true });
  });

  it("races: two listings at once — exactly one wins", async () => {
    const e = await newEnterprise(api);
    const h = await plannedMajor(e);
    const both = await Promise.all([
      act(api, county, h.id, "supervise", { deadline: inDays(10), productionSuspended: false }),
      act(api, city, h.id, "supervise", { deadline: inDays(20), productionSuspended: true }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe("production suspension (16号令 art.16, 23) and the licence hold", () => {
  it("listing with suspension marks the enterprise and suspends its safety production licence in the same transaction; write-off of the last one restores both", async () => {
    const e = await newEnterprise(api);
    const licence = await giveLicence(e);
    const a = await plannedMajor(e);
    const b = await plannedMajor(e);
    expect(await suspended(e)).toBe(false);

    const listed = await act(api, county, a.id, "supervise", { deadline: inDays(30), productionSuspended: true });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(await suspended(e)).toBe(true);
    expect(await licenceStatus(licence)).toBe("suspended");
    const audit = await api.call("GET", `/v1/audit?entityId=${e.id}`, { as: county });
    expect(audit.body.items.map((x: { action: string }) => x.action)).toContain("enterprise.production-suspended");

    // A second suspended listing changes nothing more; writing off the first keeps the hold (b still listed).
    await act(api, county, b.id, "supervise", { deadline: inDays(30), productionSuspended: true });
    await toReviewRequested(e, a.id);
    expect((await act(api, county, a.id, "write-off")).status).toBe(200);
    expect(await suspended(e)).toBe(true);
    expect(await licenceStatus(licence)).toBe("suspended");

    await toReviewRequested(e, b.id);
    const last = await act(api, county, b.id, "write-off");
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(await suspended(e)).toBe(false);
    expect(await licenceStatus(licence)).toBe("valid");
    const history = await api.call("GET", `/v1/licences/${licence}/history`, { as: county });
    expect(history.body.history.map((x: { event: string }) => x.event)).toEqual(expect.arrayContaining(["suspended", "restored"]));
  });

  it("re-listing without suspension lifts the hold", async () => {
    const e = await newEnterprise(api);
    const licence = await giveLicence(e);
    const h = await plannedMajor(e);
    await act(api, county, h.id, "supervise", { deadline: inDays(30), productionSuspended: true });
    expect(await licenceStatus(licence)).toBe("suspended");
    const relisted = await act(api, county, h.id, "supervise", { deadline: inDays(40), productionSuspended: false });
    expect(relisted.status).toBe(200);
    expect(await suspended(e)).toBe(false);
    expect(await licenceStatus(licence)).toBe("valid");
  });
});

describe("overdueSupervisedHazards(asOfDate)", () => {
  it("lists listed hazards whose deadline is before the date and that are not written off", async () => {
    const e = await newEnterprise(api);
    const h = await plannedMajor(e);
    const deadline = inDays(3);
    await act(api, county, h.id, "supervise", { deadline, productionSuspended: false });
    const onDeadline = await overdueSupervisedHazards(deadline);
    expect(onDeadline.map((x) => x.id)).not.toContain(h.id);
    const after = await overdueSupervisedHazards(addDays(deadline, 1));
    expect(after.find((x) => x.id === h.id)).toEqual({ id: h.id, enterpriseId: e.id, regionCode: "420102", deadline, status: "planned" });
    // The projection follows the hazard's status, and leaves with the write-off.
    await toReviewRequested(e, h.id);
    expect((await overdueSupervisedHazards(addDays(deadline, 1))).find((x) => x.id === h.id)?.status).toBe("review_requested");
    await act(api, county, h.id, "write-off");
    expect((await overdueSupervisedHazards(addDays(deadline, 1))).map((x) => x.id)).not.toContain(h.id);
  });
});
