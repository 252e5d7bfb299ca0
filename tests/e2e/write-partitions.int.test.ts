// The IAM write condition of each function (dynamodb:LeadingKeys, derived by infra/key-prefixes.ts)
// checked against what the handlers really write: every mutating flow below runs through the
// API (or a job's entry point) with a recorder on the real DynamoDB client, and every partition
// key written must be one the serving function's role allows. A miss here is a production outage.
import { describe, expect, it } from "vitest";
import { evaluateBlacklist } from "../../functions/credit/jobs.js";
import { MANIFEST } from "../../functions/manifest.js";
import { writePartitions } from "../../infra/key-prefixes.js";
import type { CallOptions } from "../support/api.js";
import { useApi } from "../support/api.js";
import { COMPLETE_PLAN, createHazard, generalBody, giveLicence, majorBody, newEnterprise, regulator, uploadEvidence } from "../support/hazards.js";
import { recordWrites } from "../support/reads.js";
import { shanghaiDate } from "../../shared/time.js";

const api = useApi();
const allowed = new Map<string, string[]>();
const partitionsOf = (entry: string) => {
  if (!allowed.has(entry)) allowed.set(entry, writePartitions(entry));
  return allowed.get(entry) as string[];
};
const matches = (pk: string, patterns: string[]) => patterns.some((p) => (p.endsWith("#*") ? pk.startsWith(p.slice(0, -1)) : pk === p));

let checkedWrites = 0;
const writtenBy = new Map<string, Set<string>>();

function expectAllowed(entry: string, partitions: string[]) {
  const patterns = partitionsOf(entry);
  for (const pk of partitions) expect(matches(pk, patterns), `${entry} wrote ${pk}, outside ${patterns.join(" ")}`).toBe(true);
  checkedWrites += partitions.length;
  const set = writtenBy.get(entry) ?? new Set<string>();
  for (const pk of partitions) set.add(pk.split("#")[0] as string);
  writtenBy.set(entry, set);
}

/** The manifest route a request hits (a literal path beats a template). */
function routeOf(method: string, path: string) {
  const bare = path.split("?")[0] as string;
  const candidates = MANIFEST.filter((r) => r.method === method && new RegExp(`^${r.path.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(bare));
  return candidates.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0))[0];
}

async function call(method: string, path: string, opts: CallOptions) {
  const route = routeOf(method, path);
  if (!route) throw new Error(`no route for ${method} ${path}`);
  const { result, partitions } = await recordWrites(() => api.call(method, path, opts));
  expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)}`).toBeLessThan(300);
  expectAllowed(`functions/${route.fn}/handler.ts`, partitions);
  return result;
}

describe("every partition a flow writes is one its function may write", () => {
  it("registry, hazards (with a production suspension holding a licence), inspections, filings", async () => {
    const admin = { role: "admin", region: "420000" } as const;
    const e = await newEnterprise(api, { regionCode: "420111" });
    const county = regulator("420111");
    await call("PATCH", `/v1/enterprises/${e.id}`, { as: admin, body: { address: "武汉市洪山区新址路2号" }, headers: { "if-match": `"1"` } });
    const h = await call("POST", "/v1/hazards", { as: e.as, body: generalBody(e.id), headers: { "idempotency-key": `k-${Date.now()}` } });
    await call("POST", `/v1/hazards/${h.body.id}/start`, { as: e.as, body: {} });
    const { partitions: uploadWrites } = await recordWrites(() => uploadEvidence(api, e.as, h.body.id));
    expectAllowed("functions/hazards/handler.ts", uploadWrites);
    await call("POST", `/v1/hazards/${h.body.id}/complete`, { as: e.as, body: {} });
    await giveLicence(e);
    const major = await createHazard(api, e.as, majorBody(e.id, { plan: COMPLETE_PLAN }));
    await call("POST", `/v1/hazards/${major.id}/supervise`, { as: county, body: { deadline: shanghaiDate(new Date(Date.now() + 30 * 86_400_000)), productionSuspended: true } });
    await call("POST", "/v1/enforcement-inspections", {
      as: county,
      body: { enterpriseId: e.id, date: shanghaiDate(new Date()), inspectors: [{ name: "甲", certificateNo: "42000001" }, { name: "乙", certificateNo: "42000002" }], findings: [{ level: "general", description: "消防通道堵塞", location: "仓库", rectifyBy: shanghaiDate(new Date()) }] },
    });
    await call("POST", "/v1/hazard-filings", { as: e.as, body: { period: "2025Q4", principal: { name: "王总" } } });
    const hazards = writtenBy.get("functions/hazards/handler.ts") ?? new Set();
    // The cross-context writes the derivation must not miss really happened here.
    for (const p of ["HAZ", "AUDIT", "IDEMP", "ENT", "LIC", "INSPECTED", "FILINGN"]) expect(hazards.has(p), p).toBe(true);
    for (const p of ["ENT", "AUDIT"]) expect(writtenBy.get("functions/registry/handler.ts")?.has(p), p).toBe(true);
  });

  it("accidents, approvals, credit (manual listing and removal) and the blacklist job", async () => {
    const e = await newEnterprise(api, { regionCode: "420111" });
    const county = regulator("420111");
    const accident = await call("POST", "/v1/accidents", {
      as: county,
      body: { regionCode: "420111", occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(), enterpriseId: e.id, industryCode: "26", accidentType: "03", summary: "设备检修时机械伤人", scene: "三车间", deaths: 0, missing: 0, seriousInjuries: 0, injuries: 1, directLossYuan: 80_000 },
    });
    await call("POST", `/v1/accidents/${accident.body.id}/close`, { as: county, body: { cause: "违章作业", enterpriseResponsible: true, handling: "罚款" }, headers: { "if-match": `"${accident.body.version}"` } });

    const app = await call("POST", "/v1/applications", { as: e.as, body: { itemCode: "AQ04-01", scope: "特种作业：电工作业（低压电工）" } });
    await call("POST", `/v1/applications/${app.body.id}/attachments`, { as: e.as, body: { material: app.body.materials[0], fileName: "a.pdf", contentType: "application/pdf", size: 10 } });

    const admin = { role: "admin", region: "420000" } as const;
    const listing = await call("POST", "/v1/blacklist-listings", { as: admin, body: { enterpriseId: e.id, reason: "拒不执行重大隐患整改指令" } });
    await call("POST", `/v1/blacklist-listings/${listing.body.id}/remove`, { as: admin, body: { reason: "整改到位，经复核提前移出" } });
    const { partitions } = await recordWrites(() => evaluateBlacklist(new Date(), { only: new Set([e.id]), months: 1 }));
    expectAllowed("functions/credit/jobs.ts", partitions);
    expect(writtenBy.get("functions/credit/jobs.ts")?.has("BLSNAP")).toBe(true);
    for (const p of ["ACC", "AUDIT"]) expect(writtenBy.get("functions/accidents/handler.ts")?.has(p), p).toBe(true);
    for (const p of ["APP", "AUDIT"]) expect(writtenBy.get("functions/approvals/handler.ts")?.has(p), p).toBe(true);
    for (const p of ["BL", "CREDIT", "AUDIT"]) expect(writtenBy.get("functions/credit/handler.ts")?.has(p), p).toBe(true);
    expect(checkedWrites).toBeGreaterThan(30);
  });
});
