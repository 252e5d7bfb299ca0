// The public side of approvals: catalogue (service guides), versions, power list, calendar, over
// HTTP through the local adapter against DynamoDB Local. Public routes need no token and reveal
// nothing private.
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api.js";

const api = useApi();

const provinceAdmin = { role: "admin", region: "420000" } as const;

describe("public catalogue (鄂安办〔2015〕60号 task 3: every stage public)", () => {
  it("GET /v1/approval-items without a token: the notice's 7 categories with 16 items, plus the city/county trading licence", async () => {
    const res = await api.call("GET", "/v1/approval-items");
    expect(res.status).toBe(200);
    const provincial = res.body.items.filter((i: { inProvincialList: boolean }) => i.inProvincialList);
    expect(provincial).toHaveLength(16);
    expect(new Set(provincial.map((i: { category: string }) => i.category)).size).toBe(7);
    const trading = res.body.items.find((i: { code: string }) => i.code === "AQ02-90");
    expect(trading).toMatchObject({ issuer: "city_county", inProvincialList: false });
  });

  it("each item carries basis, issuer, limit, validity, fee, materials and four public stages", async () => {
    const res = await api.call("GET", "/v1/approval-items/AQ01-01");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: "AQ01-01", issuer: "province_delegable", limitWorkingDays: 45, licenceValidityYears: 3, fee: 0 });
    expect(res.body.stages.map((s: { stage: string }) => s.stage)).toEqual(["acceptance", "review", "decision", "delivery"]);
    for (const s of res.body.stages) {
      expect(s.integrityRisks.length).toBeGreaterThan(0);
      expect(s.misconductConsequence).toBeTruthy();
      expect(s.keyPoints.length).toBeGreaterThan(0);
    }
    expect(res.body.updatedBy).toBeUndefined();
    expect(res.body.createdBy).toBeUndefined();
    const other = await api.call("GET", "/v1/approval-items/AQ03-01");
    expect(other.body.limitWorkingDays).toBe(20); // 行政许可法 art. 42
  });

  it("an unknown item is a 404, a malformed code a 400 naming the field", async () => {
    expect((await api.call("GET", "/v1/approval-items/AQ99-99")).status).toBe(404);
    const bad = await api.call("GET", "/v1/approval-items/nope");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("id");
  });
});

/** A fresh test item (outside the provincial list so the notice's count stays 16). */
function testItem(over: Record<string, unknown> = {}) {
  return {
    name: "测试事项",
    category: "测试类",
    inProvincialList: false,
    legalBasis: ["《中华人民共和国行政许可法》"],
    issuer: "province",
    limitWorkingDays: 20,
    limitBasis: "《中华人民共和国行政许可法》第四十二条",
    licenceValidityYears: 3,
    fee: 0,
    materials: ["申请书"],
    stages: ["acceptance", "review", "decision", "delivery"].map((stage) => ({
      stage,
      reviewed: "审查内容",
      standard: "审查标准",
      keyPoints: ["要点"],
      integrityRisks: ["风险点"],
      misconductConsequence: "依法追究责任",
    })),
    changeReason: "测试",
    ...over,
  };
}

let codeCounter = Math.floor(Math.random() * 5000);
const freshCode = () => `ZT${String(10 + (codeCounter++ % 90)).padStart(2, "0")}-${String(Math.floor(Math.random() * 100)).padStart(2, "0")}`;

describe("admin changes the catalogue (versioned; old versions kept)", () => {
  it("create, then change with If-Match: version 2, version 1 kept, change audited with its reason", async () => {
    const code = freshCode();
    const created = await api.call("PUT", `/v1/approval-items/${code}`, { as: provinceAdmin, body: testItem() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ code, version: 1 });
    const changed = await api.call("PUT", `/v1/approval-items/${code}`, {
      as: provinceAdmin,
      body: testItem({ limitWorkingDays: 15, materials: ["申请书", "营业执照"], changeReason: "承诺时限压缩" }),
      headers: { "if-match": '"1"' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, limitWorkingDays: 15, changeReason: "承诺时限压缩" });
    expect((await api.call("GET", `/v1/approval-items/${code}`)).body.limitWorkingDays).toBe(15);
    const versions = await api.call("GET", `/v1/approval-items/${code}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.items.map((v: { version: number; limitWorkingDays: number }) => [v.version, v.limitWorkingDays])).toEqual([
      [1, 20],
      [2, 15],
    ]);
    expect(versions.text).not.toContain("updatedBy");
    const audit = await api.call("GET", `/v1/audit?entityId=${code}`, { as: provinceAdmin });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(["approval_item.create", "approval_item.update"]);
    expect(audit.body.items[1].reason).toBe("承诺时限压缩");
    expect(audit.body.items[1].summary.changes.limitWorkingDays).toEqual({ from: 20, to: 15 });
  });

  it("a change needs If-Match (428), a stale one is a 409, concurrent changes: one wins", async () => {
    const code = freshCode();
    await api.call("PUT", `/v1/approval-items/${code}`, { as: provinceAdmin, body: testItem() });
    expect((await api.call("PUT", `/v1/approval-items/${code}`, { as: provinceAdmin, body: testItem() })).status).toBe(428);
    const [a, b] = await Promise.all([
      api.call("PUT", `/v1/approval-items/${code}`, { as: provinceAdmin, body: testItem({ name: "甲" }), headers: { "if-match": '"1"' } }),
      api.call("PUT", `/v1/approval-items/${code}`, { as: provinceAdmin, body: testItem({ name: "乙" }), headers: { "if-match": '"1"' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const stale = await api.call("PUT", `/v1/approval-items/${code}`, { as: provinceAdmin, body: testItem(), headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
  });

  it("行政许可法 art. 58: a fee is refused; bad input is a 400, unknown fields named", async () => {
    const code = freshCode();
    const fee = await api.call("PUT", `/v1/approval-items/${code}`, { as: provinceAdmin, body: testItem({ fee: 100 }) });
    expect(fee.status).toBe(400);
    expect(fee.body.errors).toEqual([{ path: "fee", message: "行政许可不得收费，收费须为 0（行政许可法第五十八条）" }]);
    const feeEn = await api.call("PUT", `/v1/approval-items/${code}`, { as: provinceAdmin, body: testItem({ fee: 100 }), headers: { "accept-language": "en" } });
    expect(feeEn.body.detail).toContain("art. 58");
    const stages = await api.call("PUT", `/v1/approval-items/${code}`, { as: provinceAdmin, body: testItem({ stages: [] }) });
    expect(stages.status).toBe(400);
    const unknown = await api.call("PUT", `/v1/approval-items/${code}`, { as: provinceAdmin, body: { ...testItem(), version: 9 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(["version"]);
    expect((await api.call("GET", `/v1/approval-items/${code}`)).status).toBe(404);
  });

  it("only a province admin may change it: a city admin and an officer get 403, no token 401", async () => {
    const code = freshCode();
    const city = await api.call("PUT", `/v1/approval-items/${code}`, { as: { role: "admin", region: "420100" }, body: testItem() });
    expect(city.status).toBe(403);
    expect(city.body.code).toBe("province_admin_required");
    expect((await api.call("PUT", `/v1/approval-items/${code}`, { as: { role: "approval_officer", region: "420000" }, body: testItem() })).status).toBe(403);
    expect((await api.call("PUT", `/v1/approval-items/${code}`, { body: testItem() })).status).toBe(401);
  });
});

describe("power list and responsibility list (generated from catalogue and delegations)", () => {
  it("GET /v1/power-list without a token: every item with holder levels, basis, duties and accountability; no user ids", async () => {
    const res = await api.call("GET", "/v1/power-list");
    expect(res.status).toBe(200);
    const fireworks = res.body.items.find((i: { code: string }) => i.code === "AQ01-03");
    expect(fireworks).toMatchObject({ issuer: "province", holderLevels: ["province"], delegatedTo: [] });
    expect(fireworks.basis.length).toBeGreaterThan(0);
    expect(fireworks.responsibilities.map((r: { stage: string }) => r.stage)).toEqual(["acceptance", "review", "decision", "delivery"]);
    expect(fireworks.accountability[0].consequence).toContain("行政许可法");
    const trading = res.body.items.find((i: { code: string }) => i.code === "AQ02-90");
    expect(trading.holderLevels).toEqual(["city", "county"]);
    expect(res.text).not.toMatch(/createdBy|updatedBy|revokedBy|"seed"/);
  });

  it("a delegation in force shows the city as a holder; a revoked one disappears", async () => {
    const d = await api.call("POST", "/v1/delegations", { as: provinceAdmin, body: { itemCode: "AQ04-02", cityCode: "420600", startDate: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), reason: "放管服" } });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const list = await api.call("GET", "/v1/power-list");
    const item = list.body.items.find((i: { code: string }) => i.code === "AQ04-02");
    expect(item.holderLevels).toEqual(["province", "city"]);
    expect(item.delegatedTo).toEqual([expect.objectContaining({ cityCode: "420600", cityName: "襄阳市", inForce: true })]);
    expect((await api.call("POST", `/v1/delegations/${d.body.id}/revoke`, { as: provinceAdmin, body: { reason: "收回" } })).status).toBe(200);
    const after = await api.call("GET", "/v1/power-list");
    const back = after.body.items.find((i: { code: string }) => i.code === "AQ04-02");
    expect(back).toMatchObject({ holderLevels: ["province"], delegatedTo: [] });
  });
});

describe("State Council calendar as data (行政许可法 art. 82)", () => {
  it("2025 and 2026 are shipped: GET /v1/calendar/2026 without a token, with the 2026 National Day make-up days", async () => {
    const res = await api.call("GET", "/v1/calendar/2026");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, fallback: false });
    expect(res.body.makeUpWorkdays).toEqual(expect.arrayContaining(["2026-09-20", "2026-10-10"]));
    expect(res.body.holidays).toEqual(expect.arrayContaining(["2026-10-01", "2026-10-07", "2026-09-25"]));
    expect(res.body.updatedBy).toBeUndefined();
    expect((await api.call("GET", "/v1/calendar/2025")).body.fallback).toBe(false);
  });

  it("a year with no data falls back to weekends and says so", async () => {
    const res = await api.call("GET", "/v1/calendar/2089");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2089, fallback: true, holidays: [], makeUpWorkdays: [] });
    expect(res.body.note).toMatch(/weekends/);
  });

  it("PUT /v1/calendar/{year}: province admin creates, replaces with If-Match; bad data is a 400; others 403", async () => {
    const body = { holidays: ["2088-01-01", "2088-01-02"], makeUpWorkdays: ["2088-01-04"], source: "国务院办公厅关于2088年部分节假日安排的通知" };
    expect((await api.call("PUT", "/v1/calendar/2088", { as: { role: "admin", region: "420100" }, body })).status).toBe(403);
    expect((await api.call("PUT", "/v1/calendar/2088", { as: { role: "approval_officer", region: "420000" }, body })).status).toBe(403);
    // 2088-01-05 is a Monday: a make-up day must be a weekend day.
    const bad = await api.call("PUT", "/v1/calendar/2088", { as: provinceAdmin, body: { ...body, makeUpWorkdays: ["2088-01-05"] } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toMatch(/2088-01-05 不是星期六或星期日/);
    expect(bad.body.errors[0].path).toBe("makeUpWorkdays");
    const wrongYear = await api.call("PUT", "/v1/calendar/2088", { as: provinceAdmin, body: { ...body, holidays: ["2087-12-31"] } });
    expect(wrongYear.status).toBe(400);
    const created = await api.call("PUT", "/v1/calendar/2088", { as: provinceAdmin, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await api.call("GET", "/v1/calendar/2088")).body).toMatchObject({ fallback: false, holidays: body.holidays, version: 1 });
    expect((await api.call("PUT", "/v1/calendar/2088", { as: provinceAdmin, body })).status).toBe(428);
    const replaced = await api.call("PUT", "/v1/calendar/2088", { as: provinceAdmin, body: { ...body, holidays: ["2088-01-01"] }, headers: { "if-match": '"1"' } });
    expect(replaced.status).toBe(200);
    expect((await api.call("GET", "/v1/calendar/2088")).body).toMatchObject({ holidays: ["2088-01-01"], version: 2 });
    const audit = await api.call("GET", "/v1/audit?entityId=calendar-2088", { as: provinceAdmin });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(["calendar.create", "calendar.update"]);
  });
});
