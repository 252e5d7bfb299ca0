// Business metrics: the Embedded Metric Format lines a real handler invocation (through the
// local API Gateway adapter, on DynamoDB Local) and a real scheduled job write to stdout.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deadlines } from "../../functions/approvals/jobs.js";
import { NAMESPACE } from "../../shared/metrics.js";
import { useApi } from "../support/api.js";
import { enterpriseBody, uscc } from "../support/data.js";
import { createHazard, generalBody, majorBody, newEnterprise } from "../support/hazards.js";

const api = useApi();

interface Emf {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
}

let lines: string[] = [];
const write = process.stdout.write.bind(process.stdout);

beforeEach(() => {
  lines = [];
  process.env.POWERTOOLS_METRICS_DISABLED = "false";
  process.stdout.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
});

afterEach(() => {
  process.stdout.write = write;
  process.env.POWERTOOLS_METRICS_DISABLED = "true";
});

/** The EMF documents written that carry the named metric. */
function emitted(name: string): Emf[] {
  return lines
    .flatMap((l) => l.split("\n"))
    .filter((l) => l.startsWith("{") && l.includes('"_aws"'))
    .map((l) => JSON.parse(l) as Emf)
    .filter((d) => d._aws.CloudWatchMetrics.some((m) => m.Namespace === NAMESPACE && m.Metrics.some((x) => x.Name === name)));
}

describe("business metrics (CloudWatch EMF)", () => {
  it("a reported accident counts once under its grade", async () => {
    const ent = await newEnterprise(api);
    const res = await api.call("POST", "/v1/accidents", {
      as: { role: "regulator", region: "420102" },
      body: {
        enterpriseId: ent.id, regionCode: "420102", occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(), industryCode: "26", accidentType: "19",
        summary: "反应釜检修时三名工人死亡", scene: "二车间", deaths: 3, missing: 0, seriousInjuries: 0, injuries: 0, directLossYuan: 50_000,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const docs = emitted("AccidentsReported");
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ AccidentsReported: 1, grade: res.body.grade });
    expect(res.body.grade).toBe("larger"); // 3 deaths: 较大事故 (条例 art. 3)
    expect(docs[0]?._aws.CloudWatchMetrics[0]?.Dimensions[0]).toContain("grade");
  });

  it("hazards count by level; a refused request counts nothing", async () => {
    const ent = await newEnterprise(api);
    const as = ent.as;
    await createHazard(api, as, generalBody(ent.id));
    await createHazard(api, as, majorBody(ent.id));
    const bad = await api.call("POST", "/v1/hazards", { as, body: { ...generalBody(ent.id), level: "nonsense" } });
    expect(bad.status).toBe(400);
    const docs = emitted("HazardsReported");
    expect(docs.map((d) => [d.HazardsReported, d.level]).sort()).toEqual([
      [1, "general"],
      [1, "major"],
    ]);
  });

  it("an application decision counts under its outcome", async () => {
    const regionCode = "420102";
    const created = await api.call("POST", "/v1/enterprises", { as: { role: "regulator", region: "420000" }, body: enterpriseBody({ regionCode, uscc: uscc(regionCode) }) });
    const as = { role: "enterprise", region: regionCode, enterprise: created.body.id } as const;
    const draft = await api.call("POST", "/v1/applications", { as, body: { itemCode: "AQ04-01", scope: "特种作业：电工作业（低压电工）" } });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const pdf = Buffer.from("%PDF-1.4\n% material\n");
    for (const material of draft.body.materials as string[]) {
      const a = await api.call("POST", `/v1/applications/${draft.body.id}/attachments`, { as, body: { material, fileName: "材料.pdf", contentType: "application/pdf", size: pdf.length } });
      expect((await fetch(a.body.upload.url, { method: "PUT", headers: a.body.upload.headers, body: pdf })).status).toBe(200);
    }
    expect((await api.call("POST", `/v1/applications/${draft.body.id}/submit`, { as, body: {} })).status).toBe(200);
    const officer = { role: "approval_officer", region: "420000", user: "po-metrics" } as const;
    const declined = await api.call("POST", `/v1/applications/${draft.body.id}/decline`, { as: officer, body: { reason: "不属于本机关职权范围" } });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(emitted("ApplicationsDecided")).toEqual([expect.objectContaining({ ApplicationsDecided: 1, outcome: "declined" })]);
  });

  it("the daily deadlines job publishes its overdue counts", async () => {
    const result = await deadlines({});
    const [doc] = emitted("ApplicationsOverdue");
    expect(doc?.ApplicationsOverdue).toBe((result as { overdue: string[] }).overdue.length);
    expect(emitted("DeliveriesOverdue")[0]?.DeliveriesOverdue).toBe((result as { deliveryOverdue: string[] }).deliveryOverdue.length);
  });

  it("nothing is written when metrics are disabled", async () => {
    process.env.POWERTOOLS_METRICS_DISABLED = "true";
    const ent = await newEnterprise(api);
    await createHazard(api, ent.as, generalBody(ent.id));
    expect(emitted("HazardsReported")).toEqual([]);
  });
});
