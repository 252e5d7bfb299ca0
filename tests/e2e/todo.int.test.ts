// GET /v1/todo over HTTP: each caller's items with the deadlines the owning contexts compute, scoped
// like the lists (an enterprise its own, a regulator its jurisdiction, an industry department its
// industry), and an item leaving the list when its record is done. This file works in 襄阳:
// counties 420607 襄州 and 420624 南漳, which no other test file uses, so counts are exact there.
import { describe, expect, it } from "vitest";
import { STATE_COUNCIL_CALENDARS } from "../../functions/approvals/calendar-data.js";
import { acceptanceNoticeDeadline } from "../../functions/approvals/rules.js";
import { taskItem } from "../../functions/credit/store.js";
import { filingDeadline } from "../../functions/hazards/rules.js";
import { getHazard, updateHazardWrites } from "../../functions/hazards/store.js";
import { MAX_PER_KIND } from "../../functions/todo/rules.js";
import { putNew, transact } from "../../shared/db.js";
import { newId } from "../../shared/ids.js";
import { addDays, shanghaiEndOf } from "../../shared/time.js";
import { useApi } from "../support/api.js";
import { act, COMPLETE_PLAN, submitApplication, createHazard, generalBody, giveLicence, inDays, majorBody, newEnterprise, regulator, today, uploadEvidence } from "../support/hazards.js";

const api = useApi();

const xiangzhou = regulator("420607", "reg-xiangzhou");
const nanzhang = regulator("420624", "reg-nanzhang");
const xiangyang = regulator("420600", "reg-xiangyang");

interface Item {
  kind: string;
  title: string;
  record: { type: string; id: string; path: string };
  deadline: string;
  overdue: boolean;
  daysLeft: number;
  hoursLeft: number;
}

async function todo(as: object): Promise<{ total: number; counts: { kind: string; total: number }[]; items: Item[] }> {
  const res = await api.call("GET", "/v1/todo", { as: as as never });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const itemFor = async (as: object, id: string) => (await todo(as)).items.find((i) => i.record.id === id);
const countOf = async (as: object, kind: string) => (await todo(as)).counts.find((c) => c.kind === kind)?.total ?? 0;
const endOfDay = (date: string) => shanghaiEndOf(date).toISOString();

/**
 * An application in a province officer's queue, checked against `expected`. Other test files
 * leave applications in the province's queue, and the list holds only the MAX_PER_KIND most
 * urgent: when ours is not among them, every one listed must be due no later than ours and the
 * count must say more are waiting.
 */
async function expectQueued(as: object, id: string, expected: { deadline: string; workingDaysLeft: number | null }) {
  const list = await todo(as);
  const mine = list.items.find((i) => i.record.id === id);
  if (mine) return expect(mine).toMatchObject({ kind: "application", record: { type: "application", path: `/v1/applications/${id}` }, ...expected });
  const listed = list.items.filter((i) => i.kind === "application");
  expect(listed).toHaveLength(MAX_PER_KIND);
  for (const i of listed) expect(i.deadline <= expected.deadline, `${i.record.id} listed before ours`).toBe(true);
  expect(list.counts.find((c) => c.kind === "application")?.total).toBeGreaterThan(MAX_PER_KIND);
}

describe("hazard rectification (16号令 art.15: rectified by the deadline)", () => {
  it("the enterprise, its county and its city see a hazard due in 3 days; others do not; it leaves once rectified", async () => {
    const e = await newEnterprise(api, { regionCode: "420607", industryCode: "26" });
    const other = await newEnterprise(api, { regionCode: "420607", industryCode: "26" });
    const before = await countOf(xiangzhou, "hazard_rectification");
    const h = await createHazard(api, e.as, generalBody(e.id, { rectifyBy: inDays(3) }));
    const later = await createHazard(api, e.as, generalBody(e.id, { rectifyBy: inDays(30) }));

    const own = await itemFor(e.as, h.id);
    expect(own).toMatchObject({ kind: "hazard_rectification", record: { type: "hazard", id: h.id, path: `/v1/hazards/${h.id}` }, deadline: endOfDay(inDays(3)), overdue: false, daysLeft: 3 });
    expect(own?.hoursLeft).toBeGreaterThan(48);
    expect(own?.hoursLeft).toBeLessThanOrEqual(96);
    // Beyond the 7-day horizon: not yet a to-do.
    expect(await itemFor(e.as, later.id)).toBeUndefined();

    expect(await itemFor(xiangzhou, h.id)).toMatchObject({ kind: "hazard_rectification", deadline: endOfDay(inDays(3)) });
    expect(await countOf(xiangzhou, "hazard_rectification")).toBe(before + 1);
    expect(await itemFor(xiangyang, h.id)).toBeDefined();
    expect(await itemFor(nanzhang, h.id)).toBeUndefined();
    expect(await itemFor(other.as, h.id)).toBeUndefined();
    expect(await itemFor({ role: "industry_department", region: "420600", industry: "26" }, h.id)).toBeDefined();
    expect(await itemFor({ role: "industry_department", region: "420600", industry: "B" }, h.id)).toBeUndefined();

    expect((await act(api, e.as, h.id, "start")).status).toBe(200);
    await uploadEvidence(api, e.as, h.id);
    expect((await act(api, e.as, h.id, "complete")).status).toBe(200);
    expect(await itemFor(e.as, h.id)).toBeUndefined();
    expect(await itemFor(xiangzhou, h.id)).toBeUndefined();
    expect(await countOf(xiangzhou, "hazard_rectification")).toBe(before);
  });

  it("an overdue hazard is listed with negative days, in deadline order", async () => {
    const e = await newEnterprise(api, { regionCode: "420624" });
    const h = await createHazard(api, e.as, generalBody(e.id, { rectifyBy: inDays(2) }));
    // The deadline passed: written as the store would after the days went by.
    const stored = await getHazard(h.id);
    if (!stored) throw new Error("hazard not stored");
    await transact(updateHazardWrites(stored, { ...stored, rectifyBy: inDays(-2), version: stored.version + 1 }));
    const list = await todo(e.as);
    const overdue = list.items.find((i) => i.record.id === h.id);
    expect(overdue).toMatchObject({ kind: "hazard_rectification", overdue: true, daysLeft: -2, deadline: endOfDay(inDays(-2)) });
    expect(overdue?.hoursLeft).toBeLessThan(-24);
    const deadlines = list.items.map((i) => i.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
  });
});

describe("bounded: at most 20 items of a kind, with the kind's total", () => {
  it("21 hazards due in a county: 20 listed, the most urgent first, and a count of all", async () => {
    const e = await newEnterprise(api, { regionCode: "420624" });
    const before = await countOf(nanzhang, "hazard_rectification");
    const created: { id: string; rectifyBy: string }[] = [];
    for (let n = 0; n < 21; n++) created.push(await createHazard(api, e.as, generalBody(e.id, { rectifyBy: inDays(1 + (n % 6)), description: `消防通道堵塞 ${n}` })));
    for (const as of [nanzhang, e.as]) {
      const list = await todo(as);
      const rows = list.items.filter((i) => i.kind === "hazard_rectification");
      expect(rows).toHaveLength(20);
      expect(list.counts.find((c) => c.kind === "hazard_rectification")?.total).toBe(as === e.as ? 21 : before + 21);
      const deadlines = rows.map((r) => r.deadline);
      expect(deadlines).toEqual([...deadlines].sort());
    }
    // The one left out is among the latest due (6 days ahead).
    const own = new Set((await todo(e.as)).items.map((i) => i.record.id));
    expect(created.filter((h) => !own.has(h.id)).map((h) => h.rectifyBy)).toEqual([inDays(6)]);
  }, 120_000);
});

describe("the 10-day review a regulator owes (16号令 art.23)", () => {
  it("the supervising county sees the review due 10 days after the application; it leaves on write-off", async () => {
    const e = await newEnterprise(api, { regionCode: "420607" });
    const h = await createHazard(api, e.as, majorBody(e.id, { plan: COMPLETE_PLAN }));
    expect((await act(api, xiangzhou, h.id, "supervise", { deadline: inDays(20), productionSuspended: false })).status).toBe(200);
    expect((await act(api, e.as, h.id, "start")).status).toBe(200);
    await uploadEvidence(api, e.as, h.id);
    expect((await act(api, e.as, h.id, "complete")).status).toBe(200);
    expect((await act(api, e.as, h.id, "request-review")).status).toBe(200);

    expect(await itemFor(xiangzhou, h.id)).toMatchObject({ kind: "hazard_review", deadline: endOfDay(addDays(today(), 10)), daysLeft: 10 });
    expect(await itemFor(nanzhang, h.id)).toBeUndefined();
    // The enterprise owes nothing now: the review is the department's.
    expect(await itemFor(e.as, h.id)).toBeUndefined();

    expect((await act(api, xiangzhou, h.id, "write-off")).status).toBe(200);
    expect(await itemFor(xiangzhou, h.id)).toBeUndefined();
  });
});

describe("accidents waiting for this level to forward (493号令 art.11, within 2 hours)", () => {
  it("the county sees the report with its 2-hour deadline; after forwarding it is the city's", async () => {
    const e = await newEnterprise(api, { regionCode: "420607" });
    const res = await api.call("POST", "/v1/accidents", {
      as: e.as,
      body: { regionCode: "420607", occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(), industryCode: "26", accidentType: "03", summary: "包装车间输送机卷入", scene: "包装车间", deaths: 0, missing: 0, seriousInjuries: 1, injuries: 0, directLossYuan: 50_000, measuresTaken: "已送医" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const a = res.body;
    const due = a.pending.dueAt as string;
    expect(Date.parse(due) - Date.parse(a.receivedAt)).toBe(2 * 3_600_000);

    const county = await itemFor(xiangzhou, a.id);
    expect(county).toMatchObject({ kind: "accident_forward", record: { type: "accident", id: a.id, path: `/v1/accidents/${a.id}` }, deadline: due, overdue: false, hoursLeft: 1 });
    expect(await itemFor(xiangyang, a.id)).toBeUndefined();
    expect(await itemFor(nanzhang, a.id)).toBeUndefined();
    expect(await itemFor(e.as, a.id)).toBeUndefined();

    const fwd = await api.call("POST", `/v1/accidents/${a.id}/forward`, { as: xiangzhou, body: {} });
    expect(fwd.status, JSON.stringify(fwd.body)).toBe(200);
    expect(await itemFor(xiangzhou, a.id)).toBeUndefined();
    expect(await itemFor(xiangyang, a.id)).toBeUndefined(); // 一般 ends at the city: nothing more to forward
  });

  it("a 较大 accident forwarded by the county waits for the city, due 2 hours after the city received it", async () => {
    const e = await newEnterprise(api, { regionCode: "420624" });
    const res = await api.call("POST", "/v1/accidents", {
      as: e.as,
      body: { regionCode: "420624", occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(), industryCode: "26", accidentType: "17", summary: "储罐爆裂三人死亡", scene: "罐区", deaths: 3, missing: 0, seriousInjuries: 0, injuries: 0, directLossYuan: 2_000_000, measuresTaken: "已疏散" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const fwd = await api.call("POST", `/v1/accidents/${res.body.id}/forward`, { as: nanzhang, body: {} });
    expect(fwd.status, JSON.stringify(fwd.body)).toBe(200);
    expect(await itemFor(nanzhang, res.body.id)).toBeUndefined();
    expect(await itemFor(xiangyang, res.body.id)).toMatchObject({ kind: "accident_forward", deadline: fwd.body.pending.dueAt });
  });
});

describe("an enterprise's filings and licences", () => {
  it("last quarter's statistics filing is owed until filed; a licence ending within 90 days is listed", async () => {
    const e = await newEnterprise(api, { regionCode: "420624" });
    const [y, m] = today().split("-").map(Number) as [number, number];
    const q = Math.floor((m - 1) / 3) + 1;
    const period = q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
    const filing = (await todo(e.as)).items.find((i) => i.kind === "hazard_filing" && i.record.id === period);
    expect(filing).toMatchObject({ deadline: endOfDay(filingDeadline(period)), record: { type: "hazard_filing", path: `/v1/hazard-filings?period=${period}` } });

    const number = await giveLicence(e, inDays(60));
    const far = await giveLicence(e, inDays(400));
    expect(await itemFor(e.as, number)).toMatchObject({ kind: "licence_expiry", deadline: endOfDay(inDays(60)), daysLeft: 60 });
    expect(await itemFor(e.as, far)).toBeUndefined();
    expect(await itemFor(nanzhang, number)).toBeUndefined();

    const filed = await api.call("POST", "/v1/hazard-filings", { as: e.as, body: { period, principal: { name: "陈建国", title: "总经理", phone: "027-87654321" } } });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect((await todo(e.as)).items.find((i) => i.kind === "hazard_filing" && i.record.id === period)).toBeUndefined();
  });
});

describe("inspection tasks of blacklisted enterprises (安委办〔2015〕14号: inspected every 6 months)", () => {
  it("the county sees an open task due within 30 days; it leaves when completed", async () => {
    const e = await newEnterprise(api, { regionCode: "420607" });
    const id = `${newId()}-inspection-1`;
    const at = new Date().toISOString();
    await transact([
      putNew(taskItem({ id, kind: "inspection", listingId: newId(), enterpriseId: e.id, enterpriseName: "测试企业", regionCode: "420607", cityCode: "420600", industryCode: e.industryCode, sequence: 1, opensOn: inDays(-150), dueOn: inDays(20), status: "open", version: 1, createdAt: at })),
    ]);
    expect(await itemFor(xiangzhou, id)).toMatchObject({ kind: "inspection_task", deadline: endOfDay(inDays(20)), daysLeft: 20 });
    expect(await itemFor(xiangyang, id)).toBeDefined();
    expect(await itemFor(nanzhang, id)).toBeUndefined();
    const done = await api.call("POST", `/v1/inspection-tasks/${id}/complete`, { as: xiangzhou, body: { note: "已现场检查" } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(await itemFor(xiangzhou, id)).toBeUndefined();
  });
});

describe("an approval officer's queue by the statutory clock (行政许可法 art.32, 42, 82: working days)", () => {
  const provinceOfficer = { role: "approval_officer", region: "420000", user: "po-todo" } as const;
  const submitted = (e: { id: string; as: object }) => submitApplication(api, e);

  it("a submitted application is due for the acceptance notice; once accepted, for the decision, with working days left; it leaves when declined", async () => {
    const e = await newEnterprise(api, { regionCode: "420607" });
    const app = await submitted(e);
    const notice = acceptanceNoticeDeadline(app.submittedOn, STATE_COUNCIL_CALENDARS).date;
    await expectQueued(provinceOfficer, app.id, { deadline: endOfDay(notice), workingDaysLeft: null });
    // A province item not delegated to 襄阳: the city's officers do not hold it; other cities never see it.
    expect(await itemFor({ role: "approval_officer", region: "420600" }, app.id)).toBeUndefined();
    expect(await itemFor({ role: "approval_officer", region: "420300" }, app.id)).toBeUndefined();

    const accepted = await api.call("POST", `/v1/applications/${app.id}/accept`, { as: provinceOfficer, body: {} });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    await expectQueued(provinceOfficer, app.id, { deadline: endOfDay(accepted.body.dueDate), workingDaysLeft: accepted.body.workingDaysLeft });

    const other = await submitted(e);
    await expectQueued(provinceOfficer, other.id, { deadline: endOfDay(acceptanceNoticeDeadline(other.submittedOn, STATE_COUNCIL_CALENDARS).date), workingDaysLeft: null });
    const declined = await api.call("POST", `/v1/applications/${other.id}/decline`, { as: provinceOfficer, body: { reason: "不属于本机关职权范围" } });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(await itemFor(provinceOfficer, other.id)).toBeUndefined();
  });
});

describe("who has a to-do list", () => {
  it("roles with no deadlines of their own are refused; no token is a 401", async () => {
    expect((await api.call("GET", "/v1/todo", { as: { role: "statistician", region: "420000" } })).status).toBe(403);
    expect((await api.call("GET", "/v1/todo")).status).toBe(401);
  });
});
