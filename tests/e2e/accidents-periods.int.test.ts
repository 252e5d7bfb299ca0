// Periods in days on accident reports, counted as 民法典 arts. 201 and 203 count them (shared/time.ts
// periodOfDaysEnd): the day of the accident is not counted and the period ends at 24:00 Asia/Shanghai
// of its last day. Two rules use the count: the 补报 window for casualty changes (493号令 art.13) and
// missing people counted as dead (2016 统计管理办法), the latter also through its daily job.
// The server runs in this process, so moving Date moves its clock (nothing here touches S3).
import { afterEach, describe, expect, it, vi } from "vitest";
import { refreshStatisticalDeaths } from "../../functions/accidents/jobs.js";
import { getReport } from "../../functions/accidents/store.js";
import { addDays, shanghaiDate, shanghaiStartOf } from "../../shared/time.js";
import { useApi } from "../support/api.js";
import { enterpriseBody } from "../support/data.js";

const api = useApi();
afterEach(() => {
  vi.useRealTimers();
});

// County 420113 汉南 keeps these reports apart from other files'.
const hannan = { role: "regulator", region: "420113", user: "reg-hannan" } as const;

async function newEnterprise(): Promise<string> {
  const res = await api.call("POST", "/v1/enterprises", { as: hannan, body: enterpriseBody({ regionCode: "420113" }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

const body = (enterpriseId: string, over: Record<string, unknown>) => ({
  regionCode: "420113",
  enterpriseId,
  industryCode: "26",
  accidentType: "03",
  summary: "设备检修时机械伤人",
  scene: "二车间",
  deaths: 0,
  missing: 2,
  seriousInjuries: 0,
  injuries: 0,
  directLossYuan: 50_000,
  ...over,
});

async function report(over: Record<string, unknown>) {
  const res = await api.call("POST", "/v1/accidents", { as: hannan, body: body(await newEnterprise(), over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A casualty change: one more missing person found dead (a different value each call). */
async function change(id: string) {
  const current = (await getReport(id)) as { deaths: number; missing: number };
  return api.call("POST", `/v1/accidents/${id}/updates`, { as: hannan, body: { note: "补报：失踪者遗体找到", deaths: current.deaths + 1, missing: current.missing - 1 } });
}

/** Moves the clock of this process (and so of the server) to an instant. */
function at(instant: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(instant));
}

describe("补报 window (493号令 art.13, 民法典 arts. 201, 203)", () => {
  it("an accident on 2026-03-01 at 08:00 may still be changed on 2026-03-31 at 12:00, and no longer at 24:00", async () => {
    at("2026-03-01T08:30:00+08:00");
    const a = await report({ occurredAt: "2026-03-01T08:00:00+08:00" });
    expect(a.supplementWindowClosesAt).toBe("2026-03-31T16:00:00.000Z"); // 2026-04-01 00:00 +08:00

    at("2026-03-31T23:59:59+08:00");
    const view = await api.call("GET", `/v1/accidents/${a.id}`, { as: hannan });
    expect(view.body.casualtyChangesOpen).toBe(true);

    at("2026-03-31T12:00:00+08:00");
    const inTime = await change(a.id);
    expect(inTime.status, JSON.stringify(inTime.body)).toBe(201);
    expect(inTime.body).toMatchObject({ deaths: 1, missing: 1 });

    at("2026-04-01T00:00:00+08:00");
    const late = await change(a.id);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: "supplement_window_closed", closesAt: "2026-03-31T16:00:00.000Z" });
  });

  it("road traffic: 7 days from the day after the accident, to 24:00 of the 7th", async () => {
    at("2026-03-01T23:00:00+08:00");
    const a = await report({ occurredAt: "2026-03-01T22:50:00+08:00", roadTraffic: true, accidentType: "02" });
    at("2026-03-08T23:00:00+08:00");
    expect((await change(a.id)).status).toBe(201);
    at("2026-03-09T00:00:01+08:00");
    expect((await change(a.id)).status).toBe(409);
  });

  it("a report made today counts in Shanghai days on the real clock too: 30 days back from the day's first second is still open", async () => {
    const today = shanghaiDate(new Date());
    const occurredAt = new Date(shanghaiStartOf(addDays(today, -30)).getTime() + 1000).toISOString();
    const a = await report({ occurredAt });
    expect(a.casualtyChangesOpen).toBe(true);
    expect((await change(a.id)).status).toBe(201);
    const closed = await report({ occurredAt: new Date(shanghaiStartOf(addDays(today, -30)).getTime() - 1000).toISOString() });
    expect(closed.casualtyChangesOpen).toBe(false);
    expect((await change(closed.id)).status).toBe(409);
  });
});

describe("missing people counted as dead (2016 统计管理办法), by the same count", () => {
  it("the report and the daily job count them only from 24:00 of the 30th day after the accident", async () => {
    at("2026-03-01T09:00:00+08:00");
    const a = await report({ occurredAt: "2026-03-01T08:00:00+08:00", deaths: 1, missing: 2 });
    expect(a.statisticalDeaths).toBe(1);

    at("2026-03-31T20:00:00+08:00");
    expect((await api.call("GET", `/v1/accidents/${a.id}`, { as: hannan })).body.statisticalDeaths).toBe(1);
    vi.useRealTimers();
    await refreshStatisticalDeaths({ asOf: "2026-03-31T23:59:59+08:00" });
    expect(await getReport(a.id)).toMatchObject({ statisticalDeaths: 1, version: 1 });

    await refreshStatisticalDeaths({ asOf: "2026-04-01T00:00:00+08:00" });
    expect(await getReport(a.id)).toMatchObject({ statisticalDeaths: 3, version: 2 });
    at("2026-04-01T00:00:00+08:00");
    expect((await api.call("GET", `/v1/accidents/${a.id}`, { as: hannan })).body.statisticalDeaths).toBe(3);
  });
});
