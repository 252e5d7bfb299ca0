// Two statistical rules of the 2016 生产安全事故统计管理办法 as the API applies them:
//   - other departments pass accident information to the county work-safety department within 24 hours:
//     a report filed by an industry department carries that hand-over deadline and whether it was met;
//   - injured means ≥ 3 lost work days, seriously injured ≥ 105 (acute industrial poisoning counts as
//     serious): injured people given one by one fix the injury counts, and so the grade.
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api.js";

const api = useApi();

// County 420113 汉南 (Wuhan) and Wuhan's manufacturing department.
const hannan = { role: "regulator", region: "420113", user: "reg-hannan-stats" } as const;
const manufacturing = { role: "industry_department", region: "420100", industry: "C", user: "dept-c" } as const;

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const body = (over: Record<string, unknown> = {}) => ({
  regionCode: "420113",
  occurredAt: ago(31 * HOUR),
  unit: { name: `未登记加工厂${Math.random().toString(36).slice(2, 8)}`, address: "汉南区某路 1 号" },
  industryCode: "26",
  accidentType: "19",
  summary: "清理储罐时中毒",
  scene: "储罐区",
  deaths: 0,
  missing: 0,
  seriousInjuries: 0,
  injuries: 0,
  directLossYuan: 100_000,
  ...over,
});

const create = (as: object, over: Record<string, unknown> = {}) => api.call("POST", "/v1/accidents", { as: as as never, body: body(over) });

describe("a department's report carries its 24-hour hand-over deadline", () => {
  it("learned of 30 hours ago: due 24 hours after, 6 hours late; learned of 2 hours ago: on time", async () => {
    const knownAt = ago(30 * HOUR);
    const late = await create(manufacturing, { departmentKnownAt: knownAt });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect(late.body.departmentHandover).toMatchObject({
      knownAt: new Date(knownAt).toISOString(),
      dueAt: new Date(Date.parse(knownAt) + 24 * HOUR).toISOString(),
      late: true,
    });
    expect(late.body.departmentHandover.minutesLate).toBeGreaterThanOrEqual(6 * 60);
    expect(late.body.departmentHandover.minutesLate).toBeLessThan(6 * 60 + 5);
    const read = await api.call("GET", `/v1/accidents/${late.body.id}`, { as: hannan });
    expect(read.body.departmentHandover).toEqual(late.body.departmentHandover);

    const onTime = await create(manufacturing, { departmentKnownAt: ago(2 * HOUR) });
    expect(onTime.status).toBe(201);
    expect(onTime.body.departmentHandover).toMatchObject({ late: false, minutesLate: 0 });
  });

  it("a department must say when it learned of it; no one else may; it cannot be before the accident or in the future", async () => {
    const missing = await create(manufacturing);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].path).toBe("departmentKnownAt");
    const byRegulator = await create(hannan, { departmentKnownAt: ago(HOUR) });
    expect(byRegulator.status).toBe(400);
    expect(byRegulator.body.errors[0].path).toBe("departmentKnownAt");
    const before = await create(manufacturing, { departmentKnownAt: ago(40 * HOUR) });
    expect(before.status).toBe(400);
    const future = await create(manufacturing, { departmentKnownAt: new Date(Date.now() + HOUR).toISOString() });
    expect(future.status).toBe(400);
    const regulatorReport = await create(hannan);
    expect(regulatorReport.status).toBe(201);
    expect(regulatorReport.body.departmentHandover).toBeUndefined();
  });
});

describe("injury classes from lost work days (≥ 105 serious, ≥ 3 injured)", () => {
  const people = [
    { lostWorkDays: 105 },
    { lostWorkDays: 104 },
    { lostWorkDays: 3 },
    { lostWorkDays: 2 },
    { lostWorkDays: 1, acutePoisoning: true },
  ];

  it("the counts must be those the injured people give; each person's class is recorded", async () => {
    const ok = await create(hannan, { injured: people, seriousInjuries: 2, injuries: 2 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.injured.map((p: { injuryClass: string }) => p.injuryClass)).toEqual(["serious", "injured", "injured", "none", "serious"]);

    const wrong = await create(hannan, { injured: people, seriousInjuries: 1, injuries: 3 });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: "injury_counts_mismatch" });
    expect(wrong.body.errors[0]).toMatchObject({ path: "seriousInjuries" });
    expect(wrong.body.errors[0].message).toContain("2");
  });

  it("an update with injured people sets the counts from them, and the grade follows (10 serious injuries: 较大)", async () => {
    const a = await create(hannan, { seriousInjuries: 1, injuries: 0 });
    expect(a.body.grade).toBe("general");
    const ten = Array.from({ length: 10 }, () => ({ lostWorkDays: 150 }));
    const res = await api.call("POST", `/v1/accidents/${a.body.id}/updates`, { as: hannan, body: { note: "伤情鉴定：损失工作日", injured: [...ten, { lostWorkDays: 30 }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ seriousInjuries: 10, injuries: 1, grade: "larger" });
  });
});
