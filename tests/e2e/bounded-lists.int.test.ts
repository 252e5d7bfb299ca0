// Regional lists do bounded work per request: the reads a page costs depend on the page size,
// not on how many records the region holds (counted on the real DynamoDB client).
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api.js";
import { newEnterprise, regulator, type TestEnterprise } from "../support/hazards.js";
import { countCommands } from "../support/reads.js";
import { shanghaiDate } from "../../shared/time.js";

const api = useApi();
const today = () => shanghaiDate(new Date());
const inspectors = [{ name: "执法员甲", certificateNo: "42000001" }, { name: "执法员乙", certificateNo: "42000002" }];

async function inspect(as: ReturnType<typeof regulator>, e: TestEnterprise) {
  const body = { enterpriseId: e.id, date: today(), inspectors, findings: [{ level: "general", description: "消防通道堵塞", location: "成品仓库", rectifyBy: today() }] };
  const res = await api.call("POST", "/v1/enforcement-inspections", { as, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

describe("GET /v1/reconciliation pages the inspected enterprises", () => {
  it("each page costs the index plus one GetItem and one Query per enterprise on it; the pages cover every inspected enterprise once", async () => {
    const county = "420115";
    const as = regulator(county);
    const ents: TestEnterprise[] = [];
    for (let i = 0; i < 5; i++) ents.push(await newEnterprise(api, { regionCode: county }));
    for (const e of ents) {
      await inspect(as, e);
      await inspect(as, e); // inspected twice: still one row
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const limit = 2;
      const { result: res, sent } = await countCommands(() => api.call("GET", `/v1/reconciliation?regionCode=${county}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { as }));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      const onPage = res.body.items.length;
      // The bound stated at regionReconciliation: ≤ 5 index queries, then 2 reads per enterprise on the page.
      const index = sent.filter((c) => c.pk?.startsWith("INSPECTED#"));
      expect(index.length).toBeGreaterThanOrEqual(1);
      expect(index.length).toBeLessThanOrEqual(5);
      expect(sent.filter((c) => c.name === "GetItemCommand")).toHaveLength(onPage);
      expect(sent.filter((c) => c.name === "QueryCommand" && !c.pk?.startsWith("INSPECTED#"))).toHaveLength(onPage);
      expect(sent.some((c) => c.pk?.startsWith("INSPREG#"))).toBe(false);
      seen.push(...res.body.items.map((x: { enterpriseId: string }) => x.enterpriseId));
      cursor = res.body.nextCursor;
    } while (cursor);
    for (const e of ents) expect(seen.filter((id) => id === e.id)).toHaveLength(1);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe("GET /v1/hazard-filings reads the page's filings, not the region's", () => {
  it("one BatchGetItem for the page's filings and one Query of the period's counts; totals still cover the region", async () => {
    const county = "420114";
    const ents: TestEnterprise[] = [];
    for (let i = 0; i < 4; i++) ents.push(await newEnterprise(api, { regionCode: county }));
    // 2025Q4 ended long ago: these filings are late but accepted.
    for (const e of ents.slice(0, 3)) {
      const res = await api.call("POST", "/v1/hazard-filings", { as: e.as, body: { period: "2025Q4", principal: { name: "王总" } } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const as = regulator(county);
    const all = await api.call("GET", `/v1/hazard-filings?period=2025Q4&regionCode=${county}&limit=100`, { as });
    expect(all.status).toBe(200);
    const byId = new Map(all.body.items.map((r: { enterpriseId: string; status: string }) => [r.enterpriseId, r.status]));
    for (const e of ents.slice(0, 3)) expect(byId.get(e.id)).toBe("late");
    expect(byId.get(ents[3]?.id)).toBe("missing");
    expect(all.body.totals.late).toBeGreaterThanOrEqual(3);
    expect(all.body.totals.enterprises).toBeGreaterThanOrEqual(4);

    const { result: page, sent } = await countCommands(() => api.call("GET", `/v1/hazard-filings?period=2025Q4&regionCode=${county}&limit=2`, { as }));
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.totals).toEqual(all.body.totals);
    expect(sent.filter((c) => c.name === "BatchGetItemCommand")).toHaveLength(1);
    expect(sent.filter((c) => c.pk === "FILINGN#2025Q4")).toHaveLength(1);
    // No read of the region's filings, and no read per enterprise.
    expect(sent.some((c) => c.pk?.startsWith("FILINGREG#"))).toBe(false);
    expect(sent.filter((c) => c.name === "GetItemCommand")).toHaveLength(0);
  });
});
