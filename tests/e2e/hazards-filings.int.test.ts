// Quarterly and annual hazard statistics filings (16号令 art.14 ¶1) over HTTP, at their deadline
// boundaries in Asia/Shanghai. The API runs in this process, so moving the Date clock moves the
// server's "now" (only Date is faked; timers and I/O run normally).
import { afterEach, describe, expect, it, vi } from "vitest";
import { COMPLETE_PLAN, createHazard, generalBody, majorBody, newEnterprise, regulator, type TestEnterprise } from "../support/hazards.js";
import { readMonth } from "../../shared/periods.js";
import { useApi } from "../support/api.js";

const api = useApi();
afterEach(() => {
  vi.useRealTimers();
});

const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
};
const xinzhou = regulator("420117");
const principal = { name: "王总", title: "总经理" };
const file = (e: TestEnterprise, period: string) => api.call("POST", "/v1/hazard-filings", { as: e.as, body: { period, principal } });

describe("quarterly filing: by the 15th of the month after the quarter", () => {
  it("statistics from the records; on time through 15 October 23:59 (Shanghai), late from 16 October 00:00 but accepted; missing/pending for the regulator", async () => {
    at("2026-08-10T02:00:00Z");
    const onTime = await newEnterprise(api, { regionCode: "420117" });
    const late = await newEnterprise(api, { regionCode: "420117" });
    const never = await newEnterprise(api, { regionCode: "420117" });
    await createHazard(api, onTime.as, generalBody(onTime.id, { discoveredAt: "2026-08-05T01:00:00Z", rectifyBy: "2026-08-20" }));
    await createHazard(api, onTime.as, generalBody(onTime.id, { discoveredAt: "2026-08-06T01:00:00Z", rectifyBy: "2026-08-20", fixedOnSpot: true }));
    await createHazard(api, onTime.as, majorBody(onTime.id, { discoveredAt: "2026-08-09T01:00:00Z", rectifyBy: "2026-12-31", plan: COMPLETE_PLAN }));
    // Discovered on 30 June 23:30 Shanghai: the previous quarter.
    await createHazard(api, onTime.as, generalBody(onTime.id, { discoveredAt: "2026-06-30T15:30:00Z", rectifyBy: "2026-08-20" }));

    const early = await file(onTime, "2026Q3");
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("period_not_ended");

    at("2026-10-10T02:00:00Z");
    const stats = await api.call("GET", `/v1/enterprises/${onTime.id}/hazard-statistics?period=2026Q3`, { as: xinzhou });
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body).toMatchObject({
      period: "2026Q3",
      deadline: "2026-10-15",
      total: { found: 3, fixed: 1, open: 2, overdue: 1 },
      byLevel: { general: { found: 2, fixed: 1, open: 1, overdue: 1 }, major: { found: 1, fixed: 0, open: 1, overdue: 0 } },
    });
    const pending = await api.call("GET", "/v1/hazard-filings?period=2026Q3&regionCode=420117&limit=100", { as: xinzhou });
    expect(pending.body.items.find((r: { enterpriseId: string }) => r.enterpriseId === never.id).status).toBe("pending");

    at("2026-10-15T15:59:59Z");
    const ok = await file(onTime, "2026Q3");
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ period: "2026Q3", deadline: "2026-10-15", late: false, principal, statistics: { total: { found: 3, fixed: 1, open: 2, overdue: 1 } } });
    const again = await file(onTime, "2026Q3");
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "already_filed", filingId: ok.body.id });

    at("2026-10-15T16:00:00Z");
    const lateFiling = await file(late, "2026Q3");
    expect(lateFiling.status).toBe(201);
    expect(lateFiling.body.late).toBe(true);

    // Period index (FILING, month filed in Shanghai): 15 Oct 23:59 and 16 Oct 00:00 are both October.
    const october = await readMonth("FILING", "2026-10", "420100");
    expect(october.find((x) => x.id === ok.body.id)).toMatchObject({ period: "2026Q3", late: false, filedAt: ok.body.filedAt, enterpriseId: onTime.id });
    expect(october.find((x) => x.id === lateFiling.body.id)).toMatchObject({ late: true });

    const view = await api.call("GET", "/v1/hazard-filings?period=2026Q3&regionCode=420117&limit=100", { as: regulator("420100") });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const row = (e: TestEnterprise) => view.body.items.find((r: { enterpriseId: string }) => r.enterpriseId === e.id);
    expect(row(onTime)).toMatchObject({ status: "on_time", filingId: ok.body.id });
    expect(row(late)).toMatchObject({ status: "late", filingId: lateFiling.body.id });
    expect(row(never)).toMatchObject({ status: "missing", filedAt: null });
    const t = view.body.totals;
    expect(t.on_time + t.late + t.missing + t.pending).toBe(t.enterprises);
    expect(t.on_time).toBeGreaterThanOrEqual(1);
    expect(t.late).toBeGreaterThanOrEqual(1);
    expect(view.body.deadline).toBe("2026-10-15");
  });

  it("scope: an enterprise sees only its own row; another county's regulator is refused; the period must be valid", async () => {
    const e = await newEnterprise(api, { regionCode: "420117" });
    const own = await api.call("GET", "/v1/hazard-filings?period=2026Q3", { as: e.as });
    expect(own.body.items.map((r: { enterpriseId: string }) => r.enterpriseId)).toEqual([e.id]);
    expect((await api.call("GET", "/v1/hazard-filings?period=2026Q3&regionCode=420117", { as: regulator("420102") })).status).toBe(403);
    expect((await api.call("GET", "/v1/hazard-filings?period=26Q3", { as: xinzhou })).body.errors[0].path).toBe("period");
    expect((await api.call("POST", "/v1/hazard-filings", { as: e.as, body: { period: "2026Q3" } })).body.errors[0].path).toBe("principal");
    expect((await api.call("POST", "/v1/hazard-filings", { as: xinzhou, body: { period: "2026Q3", principal } })).status).toBe(403);
  });

  it("pages the regulator's view with a cursor, totals on every page", async () => {
    const view1 = await api.call("GET", "/v1/hazard-filings?period=2026Q2&regionCode=420117&limit=1", { as: xinzhou });
    expect(view1.status).toBe(200);
    expect(view1.body.items).toHaveLength(1);
    const view2 = await api.call("GET", `/v1/hazard-filings?period=2026Q2&regionCode=420117&limit=1&cursor=${view1.body.nextCursor}`, { as: xinzhou });
    expect(view2.body.items[0].enterpriseId).not.toBe(view1.body.items[0].enterpriseId);
    expect(view2.body.totals).toEqual(view1.body.totals);
  });
});

describe("annual filing: by 31 January of the next year", () => {
  it("on time on 31 January 23:59 (Shanghai), late from 1 February 00:00", async () => {
    at("2025-11-02T02:00:00Z");
    const a = await newEnterprise(api, { regionCode: "420117" });
    const b = await newEnterprise(api, { regionCode: "420117" });
    await createHazard(api, a.as, generalBody(a.id, { discoveredAt: "2025-03-01T01:00:00Z", rectifyBy: "2025-03-10", fixedOnSpot: true }));
    at("2026-01-31T15:59:59Z");
    const ok = await file(a, "2025");
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ deadline: "2026-01-31", late: false, statistics: { total: { found: 1, fixed: 1, open: 0, overdue: 0 } } });
    at("2026-01-31T16:00:00Z");
    const late = await file(b, "2025");
    expect(late.body).toMatchObject({ deadline: "2026-01-31", late: true });
  });
});
