// Blacklist triggers (安委办〔2015〕14号) whose reading depends on other contexts' records, each through
// the daily job's entry point (evaluateBlacklist) over records made through the HTTP API:
//   - annual deaths across the year boundary: the previous year is evaluated until its accidents are
//     settled (all closed), so accidents late in a year count for their own year, and a concealment
//     confirmed months later still lists;
//   - a licence held while production is suspended for a major hazard (16号令) is not the "licence
//     suspended or revoked" trigger, which means a penalty.
// Jobs run with `only` (this file's enterprises), so they never list another file's enterprises.
// The server runs in this process: moving Date moves its clock too (nothing here touches S3 while it is moved).
import { afterEach, describe, expect, it, vi } from "vitest";
import { evaluateBlacklist } from "../../functions/credit/jobs.js";
import { act, COMPLETE_PLAN, createHazard, giveLicence, inDays, majorBody, newEnterprise, regulator, type TestEnterprise } from "../support/hazards.js";
import { useApi } from "../support/api.js";

const api = useApi();
afterEach(() => {
  vi.useRealTimers();
});

// County 420115 江夏 keeps this file's accidents apart from the other files'.
const jiangxia = regulator("420115", "reg-jiangxia");
const wuhan = regulator("420100", "reg-wuhan-credit");
const provinceAdmin = { role: "admin", region: "420000" } as const;

function at(instant: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(instant));
}

async function accident(e: TestEnterprise, occurredAt: string, over: Record<string, unknown> = {}): Promise<string> {
  const res = await api.call("POST", "/v1/accidents", {
    as: jiangxia,
    body: {
      regionCode: "420115", occurredAt, enterpriseId: e.id, industryCode: "26", accidentType: "19",
      summary: "储罐清洗作业中毒窒息", scene: "罐区", deaths: 0, missing: 0, seriousInjuries: 0, injuries: 0, directLossYuan: 500_000,
      ...over,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function close(id: string, as = wuhan) {
  const res = await api.call("POST", `/v1/accidents/${id}/close`, { as, body: { cause: "违章作业", enterpriseResponsible: true, handling: "依法处理" } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function listingsOf(e: TestEnterprise) {
  vi.useRealTimers();
  const res = await api.call("GET", `/v1/blacklist-listings?enterpriseId=${e.id}`, { as: provinceAdmin });
  expect(res.status).toBe(200);
  return res.body.items as { from: string; reasonCategory: string; triggers: { kind: string; evidence: string[]; detail?: Record<string, unknown> }[] }[];
}

describe("annual deaths across the year boundary (14号: ≥ 10 deaths from responsible accidents in a year)", () => {
  it("two 较大 accidents in late December, one closed in January: 11 deaths still list the enterprise for that year", async () => {
    const e = await newEnterprise(api, { regionCode: "420115" });
    at("2026-12-20T10:00:00+08:00");
    const first = await accident(e, "2026-12-20T09:00:00+08:00", { deaths: 6 });
    at("2026-12-28T16:00:00+08:00");
    const second = await accident(e, "2026-12-28T15:00:00+08:00", { deaths: 5 });
    at("2026-12-30T10:00:00+08:00");
    await close(first);
    at("2027-01-12T10:00:00+08:00");
    await close(second);
    vi.useRealTimers();

    const run = await evaluateBlacklist(new Date("2027-01-15T10:00:00+08:00"), { only: new Set([e.id]) });
    expect(run.listed).toBe(1);
    const [listing] = await listingsOf(e);
    expect(listing).toMatchObject({ from: "2027-01-15", reasonCategory: "annual_deaths" });
    expect(listing?.triggers).toEqual([
      { kind: "annual_deaths", evidence: expect.arrayContaining([first, second]), detail: { year: 2026, deaths: 11, threshold: 10 } },
    ]);
  });

  it("an accident of January confirmed concealed (瞒报) in the next February, beyond 12 months, still lists while its year is open", async () => {
    const e = await newEnterprise(api, { regionCode: "420115" });
    at("2026-01-10T10:00:00+08:00");
    const id = await accident(e, "2026-01-10T08:00:00+08:00", { deaths: 1 });
    at("2027-02-01T10:00:00+08:00");
    const confirmed = await api.call("POST", `/v1/accidents/${id}/confirm-concealment`, { as: jiangxia, body: { kind: "concealed", reason: "隐瞒死亡人数" } });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    vi.useRealTimers();

    const run = await evaluateBlacklist(new Date("2027-02-10T10:00:00+08:00"), { only: new Set([e.id]) });
    expect(run.listed).toBe(1);
    const [listing] = await listingsOf(e);
    expect(listing).toMatchObject({ reasonCategory: "concealed_accident", triggers: [{ kind: "concealed_accident", evidence: [id] }] });
  });
});

describe("licence held for a major hazard vs licence suspended as a penalty (14号)", () => {
  it("production suspended for a supervised major hazard holds the licence; meeting the hazard deadline, the enterprise is not listed", async () => {
    const e = await newEnterprise(api, { regionCode: "420115" });
    const number = await giveLicence(e);
    const hazard = await createHazard(api, e.as, majorBody(e.id, { plan: COMPLETE_PLAN }));
    const listed = await act(api, jiangxia, hazard.id, "supervise", { deadline: inDays(30), productionSuspended: true });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const held = await api.call("GET", `/v1/licences/${number}/history`, { as: jiangxia });
    expect(held.body).toMatchObject({ status: "suspended", suspension: { source: "major_hazard" } });
    expect(held.body.history.at(-1)).toMatchObject({ event: "suspended" });

    const run = await evaluateBlacklist(new Date(), { only: new Set([e.id]), months: 2 });
    expect(run).toMatchObject({ listed: 0, enterprisesWithTriggers: 0 });
    expect(await listingsOf(e)).toEqual([]);
  });

  it("an officer's suspension (暂扣, a penalty) lists the enterprise", async () => {
    const e = await newEnterprise(api, { regionCode: "420115" });
    const number = await giveLicence(e);
    const officer = { role: "approval_officer", region: "420000", user: "po-credit" } as const;
    const suspended = await api.call("POST", `/v1/licences/${number}/suspend`, { as: officer, body: { reason: "违法生产，暂扣许可证" } });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);

    const run = await evaluateBlacklist(new Date(), { only: new Set([e.id]), months: 2 });
    expect(run.listed).toBe(1);
    const [listing] = await listingsOf(e);
    expect(listing).toMatchObject({ reasonCategory: "licence_suspended_or_revoked" });
  });
});
