// Target assessment (责任目标考核) end to end: scores measured from period-index records of the other
// contexts (ACC, HAZ, INSP, FILING, APPDEC), seeded here through the same keys, and grid coverage
// (functions/hazards/public.ts, injected); each score explains itself; vetoes name their trigger; publication.
// Year 2043 (and 2045 for a custom configuration) hold only this file's records.
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { assess, type AssessmentSources } from "../../functions/stats/service.js";
import { quarterlyAssessmentJob } from "../../functions/stats/jobs.js";
import { db } from "../../shared/db.js";
import { env } from "../../shared/env.js";
import { newId } from "../../shared/ids.js";
import { type PeriodKind, periodIndexKeys } from "../../shared/periods.js";
import { useApi } from "../support/api.js";

const YEAR = 2043;

const api = useApi();

const provinceStatistician = { role: "statistician", region: "420000" } as const;
const wuhanStatistician = { role: "statistician", region: "420100" } as const;
const provinceAdmin = { role: "admin", region: "420000" } as const;
const wuhanRegulator = { role: "regulator", region: "420100" } as const;
const jianganRegulator = { role: "regulator", region: "420102" } as const;

async function seed(kind: PeriodKind, businessDate: string, regionCode: string, attrs: Record<string, unknown>): Promise<string> {
  const id = newId();
  await db().send(
    new PutCommand({
      TableName: env.tableName,
      Item: { pk: `TEST${kind}#${id}`, sk: kind, id, regionCode, ...attrs, ...periodIndexKeys(kind, businessDate, regionCode, id) },
    }),
  );
  return id;
}

const accident = (regionCode: string, occurredAt: string, over: Record<string, unknown> = {}) =>
  seed("ACC", occurredAt, regionCode, {
    occurredAt,
    grade: "general",
    deaths: 1,
    missing: 0,
    seriousInjuries: 0,
    injuries: 0,
    directLossYuan: 0,
    industryCode: "26",
    accidentType: "03",
    roadTraffic: false,
    fire: false,
    status: "closed",
    ...over,
  });

const hazard = (regionCode: string, discoveredAt: string, level: string, status: string, rectifyBy: string) =>
  seed("HAZ", discoveredAt, regionCode, { level, status, source: "self_inspection", discoveredAt, rectifyBy, enterpriseId: "01JDEM0000000000000000E001" });

const coverage: AssessmentSources = {
  gridCoverage: async (region) => (region === "420100" ? { enterprises: 4, inGrid: 3 } : { enterprises: 0, inGrid: 0 }),
};

type Row = { regionCode: string; total: number; grade: string; pointsGrade: string; vetoed: boolean; vetoes: { id: string; evidence: string[] }[]; items: { id: string; value: number | null; points: number; sourceCounts: Record<string, number>; missingInput: boolean }[] };
const item = (row: Row | undefined, id: string) => row?.items.find((i) => i.id === id);

describe("target assessment", () => {
  const ids: Record<string, string> = {};
  let q1: Awaited<ReturnType<typeof assess>>;

  beforeAll(async () => {
    // Annual targets set by the province statistician; the inspection plan for the year.
    const t = await api.call("PUT", `/v1/control-targets/${YEAR}/420100`, {
      as: provinceStatistician,
      body: { deaths: 10, largerAccidents: 1, majorAccidents: 0, inspectionsPlanned: 8 },
    });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    const tp = await api.call("PUT", `/v1/assessments/${YEAR}/420100/third-party`, { as: provinceStatistician, body: { score: 80, evaluator: "湖北省安全生产第三方评估中心" } });
    expect(tp.status, JSON.stringify(tp.body)).toBe(201);

    // 武汉 in Q1: one 较大 accident (3 dead); hazards; inspections; approvals; filings.
    ids.larger = await accident("420102", "2043-02-10T02:00:00Z", { grade: "larger", deaths: 3 });
    await hazard("420102", "2043-01-10T02:00:00Z", "major", "closed", "2043-02-01");
    await hazard("420103", "2043-01-12T02:00:00Z", "major", "rectifying", "2043-02-01"); // overdue
    await hazard("420102", "2043-03-01T02:00:00Z", "general", "rectified", "2043-03-05");
    await hazard("420102", "2043-03-02T02:00:00Z", "general", "planned", "2043-12-31");
    await seed("INSP", "2043-02-20", "420102", { date: "2043-02-20", findingsCount: 2, enterpriseId: "01JDEM0000000000000000E001" });
    await seed("INSP", "2043-03-20", "420106", { date: "2043-03-20", findingsCount: 0, enterpriseId: "01JDEM0000000000000000E001" });
    for (const within of [true, true, false]) {
      await seed("APPDEC", "2043-03-15", "420102", { enterpriseId: "01JDEM0000000000000000E001", itemCode: "HC-PROD", decision: "approved", decidedOn: "2043-03-15", dueDate: within ? "2043-03-20" : "2043-03-10", withinLimit: within });
    }
    // Filings for 2043Q1 are due by 15 April: one on time, one late; a 2042Q4 filing is not this quarter's.
    await seed("FILING", "2043-04-10T02:00:00Z", "420102", { period: "2043Q1", filedAt: "2043-04-10T02:00:00Z", late: false, enterpriseId: "E-A" });
    await seed("FILING", "2043-04-20T02:00:00Z", "420102", { period: "2043Q1", filedAt: "2043-04-20T02:00:00Z", late: true, enterpriseId: "E-B" });
    await seed("FILING", "2043-04-11T02:00:00Z", "420102", { period: "2042Q4", filedAt: "2043-04-11T02:00:00Z", late: true, enterpriseId: "E-C" });

    // 十堰: two 重大 accidents; 宜昌: a concealed one; both vetoed.
    ids.major1 = await accident("420304", "2043-01-20T02:00:00Z", { grade: "major", deaths: 10 });
    ids.major2 = await accident("420302", "2043-03-20T02:00:00Z", { grade: "major", deaths: 11 });
    ids.concealed = await accident("420502", "2043-02-02T02:00:00Z", { concealed: true });

    q1 = await assess({ year: YEAR, quarter: 1, asOf: new Date("2043-04-16T02:00:00+08:00"), sources: coverage });
  });

  it("scores every city-level unit", () => {
    expect(q1).toMatchObject({ year: YEAR, period: "2043Q1", regions: 17 });
  });

  it("every score explains itself: value, source record counts and points (Q1 process assessment of 武汉)", () => {
    const wuhan = q1.rows.find((r) => r.regionCode === "420100") as Row | undefined;
    expect(item(wuhan, "deaths_vs_ceiling")).toMatchObject({ value: 3, ceiling: 10, points: 20, sourceCounts: { accidents: 1, deaths: 3 } });
    expect(item(wuhan, "larger_accidents_vs_ceiling")).toMatchObject({ value: 1, ceiling: 1, points: 10 });
    expect(item(wuhan, "major_accidents_vs_ceiling")).toMatchObject({ value: 0, ceiling: 0, points: 10 });
    // 1 of 2 major hazards rectified = 0.5: zero points at 0.5 (config: full 1, zero 0.5)
    expect(item(wuhan, "major_hazard_rectification_rate")).toMatchObject({ value: 0.5, points: 0, sourceCounts: { majorHazards: 2, rectified: 1 } });
    // 16号令: 1 of 4 enterprises filed 2043Q1 on time
    expect(item(wuhan, "quarterly_filing_on_time_rate")).toMatchObject({ value: 0.25, points: 2.5, sourceCounts: { filings: 2, onTime: 1, late: 1, expected: 4, enterprises: 4 } });
    // 1 of 4 hazards overdue = 25 % ≥ 20 %: zero
    expect(item(wuhan, "overdue_hazard_share")).toMatchObject({ value: 0.25, points: 0, sourceCounts: { hazards: 4, overdue: 1 } });
    // a quarter of the 8 planned inspections: 2 of 2
    expect(item(wuhan, "inspections_vs_plan")).toMatchObject({ value: 1, points: 10, sourceCounts: { inspections: 2, planned: 2 } });
    expect(item(wuhan, "approvals_within_limit_rate")).toMatchObject({ points: 3.33, sourceCounts: { decisions: 3, withinLimit: 2 } });
    expect(item(wuhan, "grid_coverage_rate")).toMatchObject({ value: 0.75, points: 3.75, sourceCounts: { enterprises: 4, inGrid: 3 } });
    expect(item(wuhan, "third_party_score")).toMatchObject({ value: 80, points: 8 });
    expect(wuhan).toMatchObject({ total: 67.58, pointsGrade: "pass", grade: "pass", vetoed: false });
    expect(wuhan?.items.reduce((s, i) => s + Math.round(i.points * 100), 0)).toBe(6758);
  });

  it("one-vote veto names its trigger: two 重大 accidents (十堰), a concealed accident (宜昌)", () => {
    const shiyan = q1.rows.find((r) => r.regionCode === "420300");
    expect(shiyan).toMatchObject({ vetoed: true, grade: "fail", vetoes: [{ id: "two_major_accidents", name: "发生两起及以上重大生产安全事故" }] });
    expect(shiyan?.vetoes[0]?.evidence.sort()).toEqual([ids.major1, ids.major2].sort());
    const yichang = q1.rows.find((r) => r.regionCode === "420500");
    expect(yichang).toMatchObject({ vetoed: true, grade: "fail", vetoes: [{ id: "concealed_accident", evidence: [ids.concealed] }] });
    expect(q1.vetoed.sort()).toEqual(["420300", "420500"]);
  });

  it("inputs that are missing score zero and say so (no targets, no third-party score)", () => {
    const suizhou = q1.rows.find((r) => r.regionCode === "421300") as Row | undefined;
    expect(item(suizhou, "deaths_vs_ceiling")).toMatchObject({ missingInput: true, points: 0 });
    expect(item(suizhou, "third_party_score")).toMatchObject({ missingInput: true, points: 0, sourceCounts: { entered: 0 } });
    // nothing to rectify, nothing overdue, no decisions: full points as configured (emptyScores)
    expect(item(suizhou, "major_hazard_rectification_rate")).toMatchObject({ value: null, points: 10, missingInput: false });
    // a quarterly 不合格 on points is not a veto; the annual one is
    expect(suizhou?.vetoed).toBe(false);
  });

  it("GET /v1/assessments: statisticians and regulators see the cities in their scope", async () => {
    const all = await api.call("GET", `/v1/assessments?year=${YEAR}&quarter=1`, { as: provinceStatistician });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ year: YEAR, period: "2043Q1", published: false });
    expect(all.body.items).toHaveLength(17);
    const wuhan = await api.call("GET", `/v1/assessments?year=${YEAR}&quarter=1`, { as: wuhanRegulator });
    expect(wuhan.body.items.map((r: { regionCode: string }) => r.regionCode)).toEqual(["420100"]);
    expect(wuhan.body.items[0].items).toHaveLength(10);
    const county = await api.call("GET", `/v1/assessments?year=${YEAR}&quarter=1`, { as: jianganRegulator });
    expect(county.body.items).toEqual([]);
    expect((await api.call("GET", `/v1/assessments?year=${YEAR}&quarter=5`, { as: provinceStatistician })).status).toBe(400);
    expect((await api.call("GET", `/v1/assessments?year=${YEAR}`, { as: { role: "enterprise", region: "420102", enterprise: "01JDEM0000000000000000E001" } })).status).toBe(403);
  });

  it("the annual assessment: 不合格 on points is a veto; the quarterly job runs for the quarter just ended", async () => {
    const annual = await assess({ year: YEAR, asOf: new Date("2044-01-16T03:00:00+08:00"), sources: coverage });
    const suizhou = annual.rows.find((r) => r.regionCode === "421300");
    expect(suizhou).toMatchObject({ kind: "annual", pointsGrade: "fail", grade: "fail", vetoed: true, vetoes: [{ id: "annual_fail", evidence: [] }] });
    const wuhan = annual.rows.find((r) => r.regionCode === "420100") as Row | undefined;
    // the whole year's plan of 8 inspections, 2 done
    expect(item(wuhan, "inspections_vs_plan")).toMatchObject({ value: 0.25, sourceCounts: { inspections: 2, planned: 8 } });

    const job = await quarterlyAssessmentJob({ asOf: "2043-07-16T02:00:00+08:00" });
    expect(job).toMatchObject({ year: YEAR, period: "2043Q2", regions: 17 });
  });

  it("third-party scores: the province enters them for city-level units only", async () => {
    expect((await api.call("PUT", `/v1/assessments/${YEAR}/420300/third-party`, { as: wuhanStatistician, body: { score: 90, evaluator: "x" } })).status).toBe(403);
    const county = await api.call("PUT", `/v1/assessments/${YEAR}/420102/third-party`, { as: provinceStatistician, body: { score: 90, evaluator: "x" } });
    expect(county.status).toBe(400);
    expect(county.body.errors[0].path).toBe("regionCode");
    const high = await api.call("PUT", `/v1/assessments/${YEAR}/420300/third-party`, { as: provinceAdmin, body: { score: 101, evaluator: "x" } });
    expect(high.body.errors[0].path).toBe("score");
    expect((await api.call("PUT", `/v1/assessments/${YEAR}/420100/third-party`, { as: provinceStatistician, body: { score: 85, evaluator: "x" } })).status).toBe(428);
  });

  it("publication: the province publishes the year once; the public table shows points, grades and vetoes only", async () => {
    expect((await api.call("GET", `/v1/public/assessments?year=${YEAR}`)).status).toBe(404);
    expect((await api.call("POST", `/v1/assessments/${YEAR}/publish`, { as: wuhanStatistician })).status).toBe(403);
    const none = await api.call("POST", "/v1/assessments/2049/publish", { as: provinceStatistician });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe("not_assessed");
    const [a, b] = await Promise.all([
      api.call("POST", `/v1/assessments/${YEAR}/publish`, { as: provinceStatistician }),
      api.call("POST", `/v1/assessments/${YEAR}/publish`, { as: provinceAdmin }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const pub = await api.call("GET", `/v1/public/assessments?year=${YEAR}`);
    expect(pub.status).toBe(200);
    expect(pub.body.items).toHaveLength(17);
    const wuhan = pub.body.items.find((r: { regionCode: string }) => r.regionCode === "420100");
    expect(Object.keys(wuhan).sort()).toEqual(["grade", "gradeName", "rank", "regionCode", "regionName", "total", "vetoed", "vetoes"]);
    const shiyan = pub.body.items.find((r: { regionCode: string }) => r.regionCode === "420300");
    // its veto names the trigger (and, having no targets, it also fails the year on points)
    expect(shiyan.vetoes).toEqual(["发生两起及以上重大生产安全事故", "年度考核不合格"]);
    // vetoed regions rank last
    const vetoedRanks = pub.body.items.filter((r: { vetoed: boolean }) => r.vetoed).map((r: { rank: number }) => r.rank);
    const clearRanks = pub.body.items.filter((r: { vetoed: boolean }) => !r.vetoed).map((r: { rank: number }) => r.rank);
    expect(Math.min(...vetoedRanks)).toBeGreaterThan(Math.max(...clearRanks, 0));
    expect(pub.text).not.toContain(ids.major1);
    expect(pub.text).not.toContain("sourceCounts");
    const list = await api.call("GET", `/v1/assessments?year=${YEAR}`, { as: provinceStatistician });
    expect(list.body.published).toBe(true);
  });
});

describe("assessment configuration (per year, items summing to 100)", () => {
  it("a year without its own configuration inherits the latest earlier one; items must add up to 100 points", async () => {
    const inherited = await api.call("GET", "/v1/assessment-config/2045", { as: wuhanRegulator });
    expect(inherited.status).toBe(200);
    expect(inherited.body).toMatchObject({ year: 2045, version: 0 });
    expect(inherited.body.items.reduce((s: number, i: { points: number }) => s + i.points, 0)).toBe(100);

    const bad = await api.call("PUT", "/v1/assessment-config/2045", {
      as: provinceStatistician,
      body: { items: [{ id: "third_party_score", name: "第三方评价", points: 90, method: "third_party" }], cutoffs: [{ grade: "pass", min: 60 }], vetoes: [] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("items");
    expect(bad.body.detail).toContain("100");
    // the server-owned fields of what was read are not part of a configuration
    const echoed = await api.call("PUT", "/v1/assessment-config/2045", { as: provinceStatistician, body: inherited.body });
    expect(echoed.status).toBe(400);
    expect(echoed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["updatedAt", "updatedBy", "version", "year"]);
  });

  it("a configured year scores by its own items, cut-offs and vetoes", async () => {
    const config = {
      items: [{ id: "third_party_score", name: "第三方评价", points: 100, method: "third_party" }],
      cutoffs: [{ grade: "excellent", min: 95 }, { grade: "pass", min: 50 }],
      vetoes: [{ id: "one_larger", name: "发生较大事故", kind: "accident_grade_count", grade: "larger", atLeast: 1 }],
    };
    expect((await api.call("PUT", "/v1/assessment-config/2045", { as: wuhanStatistician, body: config })).status).toBe(403);
    const put = await api.call("PUT", "/v1/assessment-config/2045", { as: provinceStatistician, body: config });
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    for (const [region, score] of [["420100", 95], ["420200", 94]] as const) {
      expect((await api.call("PUT", `/v1/assessments/2045/${region}/third-party`, { as: provinceStatistician, body: { score, evaluator: "第三方" } })).status).toBe(201);
    }
    const larger = await accident("420202", "2045-02-01T02:00:00Z", { grade: "larger", deaths: 3 });
    const r = await assess({ year: 2045, quarter: 1, asOf: new Date("2045-04-16T02:00:00+08:00"), sources: coverage });
    expect(r.rows.find((x) => x.regionCode === "420100")).toMatchObject({ total: 95, grade: "excellent", vetoed: false });
    expect(r.rows.find((x) => x.regionCode === "420200")).toMatchObject({ total: 94, pointsGrade: "pass", grade: "fail", vetoes: [{ id: "one_larger", evidence: [larger] }] });
  });
});
