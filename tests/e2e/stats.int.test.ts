// Control targets, denominators and the control-indicator roll-up end to end, on accident and
// hazard records seeded through the period-index keys the accidents and hazards contexts write.
// Year 2041 holds only this file's records, so province-wide sums can be asserted exactly.
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { reportKey } from "../../functions/accidents/store.js";
import { hazardKey } from "../../functions/hazards/store.js";
import { rollupJob } from "../../functions/stats/jobs.js";
import { type Aggregate, emptyAggregate, mergeAggregates } from "../../functions/stats/rules.js";
import { db } from "../../shared/db.js";
import { env } from "../../shared/env.js";
import { newId } from "../../shared/ids.js";
import { periodIndexKeys } from "../../shared/periods.js";
import { useApi } from "../support/api.js";

const YEAR = 2041;

const api = useApi();

const provinceStatistician = { role: "statistician", region: "420000" } as const;
const wuhanStatistician = { role: "statistician", region: "420100" } as const;
const jianganStatistician = { role: "statistician", region: "420102" } as const;
const shiyanStatistician = { role: "statistician", region: "420300" } as const;
const provinceAdmin = { role: "admin", region: "420000" } as const;
const wuhanRegulator = { role: "regulator", region: "420100" } as const;
const wuchangRegulator = { role: "regulator", region: "420106" } as const;

async function put(item: Record<string, unknown>) {
  await db().send(new PutCommand({ TableName: env.tableName, Item: item }));
}

/**
 * An accident record with the attributes shared/periods.ts promises for ACC, under the accidents
 * store's own key and the period index; without the list keys, so other files' lists never see it.
 */
async function seedAccident(regionCode: string, occurredAt: string, over: Record<string, unknown> = {}): Promise<string> {
  const id = newId();
  await put({
    ...reportKey(id),
    id,
    regionCode,
    occurredAt,
    grade: "general",
    deaths: 0,
    missing: 0,
    seriousInjuries: 0,
    injuries: 0,
    directLossYuan: 0,
    industryCode: "26",
    accidentType: "03",
    roadTraffic: false,
    fire: false,
    status: "open",
    ...over,
    ...periodIndexKeys("ACC", occurredAt, regionCode, id),
  });
  return id;
}

async function seedHazard(regionCode: string, discoveredAt: string, level: "general" | "major") {
  const id = newId();
  await put({
    ...hazardKey(id),
    id,
    enterpriseId: "01JDEM0000000000000000E001",
    regionCode,
    level,
    status: "rectifying",
    source: "self_inspection",
    discoveredAt,
    rectifyBy: "2041-12-31",
    ...periodIndexKeys("HAZ", discoveredAt, regionCode, id),
  });
}

const indicators = (as: object, query: string, headers: Record<string, string> = {}) =>
  api.call("GET", `/v1/statistics/control-indicators?${query}`, { as: as as never, headers });

const sum = (list: Aggregate[]) => list.reduce(mergeAggregates, emptyAggregate());
const indicator = (row: { indicators: { id: string }[] }, id: string) => row.indicators.find((i) => i.id === id) as unknown as { value: number | null; ceiling: number | null; shareUsed: number | null; warning: string };

describe("PUT /v1/control-targets/{year}/{regionCode}: the statistician of the level above", () => {
  const body = { deaths: 10, largerAccidents: 1, majorAccidents: 0, deathsBySector: { road_traffic: 3 }, rates: { deathsPerYiGdp: 0.1 } };

  it.each([
    ["the province statistician sets a city's", provinceStatistician, "420500", 201],
    ["a city statistician sets its county's", { role: "statistician", region: "420500" }, "420502", 201],
    ["the province statistician sets the province's own", provinceStatistician, "420000", 201],
    ["a city statistician may not set its own city's", { role: "statistician", region: "420600" }, "420600", 403],
    ["a city statistician may not set another city's county", { role: "statistician", region: "420600" }, "420502", 403],
    ["the province statistician may not skip a level to a county", provinceStatistician, "420602", 403],
    ["a province admin may not set a city's", provinceAdmin, "420700", 403],
    ["a regulator may not", { role: "regulator", region: "420000" }, "420800", 403],
  ] as const)("%s targets (%s → %s): %d", async (_name, as, region, status) => {
    // The table is in-memory per test run: each (year, region) here is set once.
    const year = 2038;
    const res = await api.call("PUT", `/v1/control-targets/${year}/${region}`, { as: as as never, body });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 201) expect(res.body).toMatchObject({ ...body, year, regionCode: region, version: 1 });
  });

  it("the province admin may set the province's own targets; replacing needs If-Match (428, 409 when stale) and is audited", async () => {
    const created = await api.call("PUT", "/v1/control-targets/2039/420000", { as: provinceAdmin, body: { deaths: 2492 } });
    expect(created.status).toBe(201);
    const current = await api.call("GET", "/v1/control-targets/2039/420000", { as: provinceStatistician });
    expect(current.status).toBe(200);
    const etag = current.headers.get("etag") as string;
    expect((await api.call("PUT", "/v1/control-targets/2039/420000", { as: provinceAdmin, body: { deaths: 2400 } })).status).toBe(428);
    const ok = await api.call("PUT", "/v1/control-targets/2039/420000", { as: provinceAdmin, body: { deaths: 2400 }, headers: { "if-match": etag } });
    expect(ok.status).toBe(200);
    expect(ok.body.deaths).toBe(2400);
    const stale = await api.call("PUT", "/v1/control-targets/2039/420000", { as: provinceAdmin, body: { deaths: 1 }, headers: { "if-match": etag } });
    expect(stale.status).toBe(409);
    const audit = await api.call("GET", "/v1/audit?entityId=control-targets-2039-420000", { as: provinceAdmin });
    expect(audit.body.items.at(-1).summary.deaths.to).toBe(2400);
  });

  it("bad input is a 400 naming the field", async () => {
    const neg = await api.call("PUT", "/v1/control-targets/2038/420900", { as: provinceStatistician, body: { deaths: -1 } });
    expect(neg.status).toBe(400);
    expect(neg.body.errors[0].path).toBe("deaths");
    const sector = await api.call("PUT", "/v1/control-targets/2038/420900", { as: provinceStatistician, body: { deathsBySector: { mining: 3 } } });
    expect(sector.body.errors[0].path).toBe("deathsBySector.mining");
    const year = await api.call("PUT", "/v1/control-targets/1999/420900", { as: provinceStatistician, body: { deaths: 3 } });
    expect(year.status).toBe(400);
    expect(year.body.errors[0].path).toBe("year");
    const region = await api.call("PUT", "/v1/control-targets/2038/990000", { as: provinceStatistician, body: { deaths: 3 } });
    expect(region.body.errors[0].path).toBe("regionCode");
  });
});

describe("PUT /v1/denominators/{year}/{regionCode}", () => {
  it("a statistician enters its own region's and below; not another region's; denominators must be positive", async () => {
    const own = await api.call("PUT", "/v1/denominators/2040/420102", { as: jianganStatistician, body: { gdpYi: 1200.5, motorVehicles: 300_000 } });
    expect(own.status).toBe(201);
    expect((await api.call("PUT", "/v1/denominators/2040/420106", { as: jianganStatistician, body: { gdpYi: 1 } })).status).toBe(403);
    expect((await api.call("PUT", "/v1/denominators/2040/420100", { as: shiyanStatistician, body: { gdpYi: 1 } })).status).toBe(403);
    const zero = await api.call("PUT", "/v1/denominators/2040/420300", { as: shiyanStatistician, body: { gdpYi: 0 } });
    expect(zero.status).toBe(400);
    expect(zero.body.errors[0].path).toBe("gdpYi");
    const read = await api.call("GET", "/v1/denominators/2040/420102", { as: wuhanRegulator });
    expect(read.body).toMatchObject({ gdpYi: 1200.5, motorVehicles: 300_000 });
    expect((await api.call("GET", "/v1/denominators/2040/420102", { as: wuchangRegulator })).status).toBe(403);
  });
});

describe("the roll-up and GET /v1/statistics/control-indicators", () => {
  const ids: Record<string, string> = {};
  let first: Record<string, unknown>;

  beforeAll(async () => {
    // Targets (set by the level above) and denominators for 2041.
    const t = async (as: object, region: string, body: object) => {
      const r = await api.call("PUT", `/v1/control-targets/${YEAR}/${region}`, { as: as as never, body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    };
    await t(provinceStatistician, "420000", { deaths: 100, largerAccidents: 5, majorAccidents: 0 });
    await t(provinceStatistician, "420100", { deaths: 6, largerAccidents: 1 });
    await t(wuhanStatistician, "420102", { deaths: 5, deathsBySector: { road_traffic: 2 }, rates: { roadDeathsPer10kVehicles: 2.5 } });
    await t(wuhanStatistician, "420106", { deaths: 4, largerAccidents: 0 });
    await t(provinceStatistician, "429004", { deaths: 1 });
    const d = async (region: string, body: object) => {
      const r = await api.call("PUT", `/v1/denominators/${YEAR}/${region}`, { as: provinceStatistician, body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    };
    await d("420100", { gdpYi: 1000 });
    await d("420102", { motorVehicles: 10_000 });
    await d("420106", { coalOutputTonnes: 1_000_000 });
    await d("420000", { gdpYi: 50_000 });

    // 江岸: a chemical-plant accident and a road accident whose missing person counts dead after 7 days.
    ids.a = await seedAccident("420102", "2041-03-03T02:00:00Z", { deaths: 2, injuries: 3, seriousInjuries: 1, directLossYuan: 100_000 });
    ids.b = await seedAccident("420102", "2041-03-05T02:00:00Z", { roadTraffic: true, industryCode: "54", accidentType: "02", deaths: 1, missing: 1, directLossYuan: 20_000 });
    // 武昌: a 较大 coal-mine accident.
    ids.c = await seedAccident("420106", "2041-03-10T02:00:00Z", { grade: "larger", industryCode: "06", accidentType: "15", deaths: 3, directLossYuan: 12_000_000 });
    // 郧阳: a fire on 30 March with 2 missing: not yet dead by the month's end (7-day window).
    ids.d = await seedAccident("420304", "2041-03-30T02:00:00Z", { fire: true, industryCode: "H", accidentType: "08", deaths: 1, missing: 2 });
    // 仙桃 (直管): one in February, for year to date.
    ids.e = await seedAccident("429004", "2041-02-14T02:00:00Z", { industryCode: "E", accidentType: "09", deaths: 1 });
    // After the period: not counted in March.
    await seedAccident("420102", "2041-04-02T02:00:00Z", { deaths: 9 });
    await seedHazard("420102", "2041-03-08T02:00:00Z", "major");
    await seedHazard("420102", "2041-03-09T02:00:00Z", "general");

    first = await rollupJob({ year: YEAR, month: 3, asOf: "2041-04-05T04:00:00Z" });
  });

  it("reads only the months it rolls up, through the period index", () => {
    expect(first).toMatchObject({ year: YEAR, month: 3, asOfDate: "2041-03-31", monthsRecomputed: ["2041-01", "2041-02", "2041-03"], recordsRead: 7 });
  });

  it("county figures add up exactly to city and province figures", async () => {
    const province = await indicators(provinceStatistician, `year=${YEAR}&regionCode=420000&month=3`);
    expect(province.status, JSON.stringify(province.body).slice(0, 500)).toBe(200);
    expect(province.body.children).toHaveLength(17);
    expect(sum(province.body.children.map((c: { ytd: Aggregate }) => c.ytd))).toEqual(province.body.region.ytd);
    expect(sum(province.body.children.map((c: { monthly: Aggregate }) => c.monthly))).toEqual(province.body.region.monthly);
    expect(province.body.region.ytd).toMatchObject({ accidents: 5, deaths: 2 + 2 + 3 + 1 + 1, directLossYuan: 12_120_000, injuries: 3, seriousInjuries: 1 });
    expect(province.body.region.monthly.accidents).toBe(4);
    expect(province.body.region.hazards).toEqual({ monthly: { found: 2, major: 1 }, ytd: { found: 2, major: 1 } });

    const wuhan = await indicators(wuhanRegulator, `year=${YEAR}&regionCode=420100&month=3`);
    expect(wuhan.body.children.map((c: { regionCode: string }) => c.regionCode)).toContain("420102");
    expect(wuhan.body.children).toHaveLength(13);
    expect(sum(wuhan.body.children.map((c: { ytd: Aggregate }) => c.ytd))).toEqual(wuhan.body.region.ytd);
    expect(wuhan.body.region.ytd).toMatchObject({ accidents: 3, deaths: 7 });
    expect(wuhan.body.region.ytd.bySector).toMatchObject({ industrial_mining_commercial: { deaths: 5 }, road_traffic: { deaths: 2 } });
    expect(wuhan.body.region.ytd.byGrade.larger.accidents).toBe(1);
    expect(wuhan.body.region.ytd.byType["15"]).toMatchObject({ accidents: 1, deaths: 3 });
    expect(wuhan.body.region.ytd.byIndustry.B).toMatchObject({ deaths: 3 });

    // 直管 仙桃: a leaf of its own, reported beside the cities; February counts in March's year to date.
    const xiantao = province.body.children.find((c: { regionCode: string }) => c.regionCode === "429004");
    expect(xiantao).toMatchObject({ ytd: { accidents: 1, deaths: 1 }, monthly: { accidents: 0 } });
  });

  it("493号令 / 2016 统计办法: missing people count as dead once the 7-day (road, fire) window has passed", async () => {
    const jiangan = await indicators(wuhanRegulator, `year=${YEAR}&regionCode=420102&month=3`);
    // road accident: 1 dead + 1 missing since 5 March → 2 statistical deaths by 31 March
    expect(jiangan.body.region.ytd.bySector.road_traffic.deaths).toBe(2);
    const yunyang = await indicators(provinceStatistician, `year=${YEAR}&regionCode=420304&month=3`);
    // fire on 30 March: window open on 31 March → only the 1 dead
    expect(yunyang.body.region.ytd.deaths).toBe(1);

    // The April roll-up re-reads March (still inside the 补报 window): now 3.
    const april = await rollupJob({ year: YEAR, month: 4, asOf: "2041-04-10T04:00:00Z" });
    expect(april.monthsRecomputed).toEqual(["2041-03", "2041-04"]);
    const march = await indicators(provinceStatistician, `year=${YEAR}&regionCode=420304&month=3`);
    expect(march.body.region.monthly.deaths).toBe(3);
    const ytd = await indicators(provinceStatistician, `year=${YEAR}&regionCode=420000`);
    expect(ytd.body.month).toBe(4);
    expect(ytd.body.region.ytd).toMatchObject({ accidents: 6, deaths: 9 + 2 + 9 });
  });

  it("warnings: attention at ≥ 80 % of a ceiling, exceeded at ≥ 100 %; a ceiling of 0 is exceeded by one", async () => {
    const wuhan = await indicators(wuhanRegulator, `year=${YEAR}&regionCode=420100&month=3`);
    const jiangan = wuhan.body.children.find((c: { regionCode: string }) => c.regionCode === "420102");
    const wuchang = wuhan.body.children.find((c: { regionCode: string }) => c.regionCode === "420106");
    expect(indicator(jiangan, "deaths")).toMatchObject({ value: 4, ceiling: 5, shareUsed: 0.8, warning: "attention" }); // exactly 80 %
    expect(indicator(jiangan, "deaths.road_traffic")).toMatchObject({ value: 2, ceiling: 2, warning: "exceeded" }); // exactly 100 %
    expect(indicator(wuchang, "deaths")).toMatchObject({ value: 3, ceiling: 4, shareUsed: 0.75, warning: "none" });
    expect(indicator(wuchang, "larger_accidents")).toMatchObject({ value: 1, ceiling: 0, warning: "exceeded" });
    expect(indicator(wuhan.body.region, "deaths")).toMatchObject({ value: 7, ceiling: 6, warning: "exceeded" });
    expect(indicator(wuhan.body.region, "larger_accidents")).toMatchObject({ value: 1, ceiling: 1, warning: "exceeded" });
    expect(jiangan.warning).toBe("exceeded");
    // No targets → no warnings.
    const hanyang = wuhan.body.children.find((c: { regionCode: string }) => c.regionCode === "420105");
    expect(hanyang).toMatchObject({ hasTargets: false, warning: "none" });
    // The share of the year elapsed by 31 March 2041 (90 of 365 days).
    expect(jiangan.yearElapsed).toBeCloseTo(90 / 365, 10);
  });

  it("rates with denominators: per 亿元 GDP, road per 10,000 vehicles, coal per million tonnes; none without a denominator", async () => {
    const wuhan = await indicators(wuhanRegulator, `year=${YEAR}&regionCode=420100&month=3`);
    expect(wuhan.body.region.rates.deathsPerYiGdp).toBeCloseTo(7 / 1000, 12);
    expect(wuhan.body.region.denominatorsSource).toBe("own");
    const jiangan = wuhan.body.children.find((c: { regionCode: string }) => c.regionCode === "420102");
    expect(jiangan.rates.roadDeathsPer10kVehicles).toBe(2);
    expect(indicator(jiangan, "roadDeathsPer10kVehicles")).toMatchObject({ value: 2, ceiling: 2.5, shareUsed: 0.8, warning: "attention" });
    expect(jiangan.rates.deathsPerYiGdp).toBeNull();
    const wuchang = wuhan.body.children.find((c: { regionCode: string }) => c.regionCode === "420106");
    expect(wuchang.rates.coalDeathsPerMillionTonnes).toBe(3);
    // March re-read in April: 11 deaths (the fire's missing now count) per 50,000 亿元 entered for the province.
    const province = await indicators(provinceStatistician, `year=${YEAR}&regionCode=420000&month=3`);
    expect(province.body.region.ytd.deaths).toBe(11);
    expect(province.body.region.rates.deathsPerYiGdp).toBeCloseTo(11 / 50_000, 12);
  });

  it("run twice, same result (derived items are recomputed whole)", async () => {
    const before = await indicators(provinceStatistician, `year=${YEAR}&regionCode=420100&month=3`);
    const again = await rollupJob({ year: YEAR, month: 4, asOf: "2041-04-10T04:00:00Z" });
    expect(again.recordsRead).toBeGreaterThan(0);
    const after = await indicators(provinceStatistician, `year=${YEAR}&regionCode=420100&month=3`);
    expect(after.body).toEqual(before.body);
  });

  it("?format=csv and Accept: text/csv give the same table with Chinese headers", async () => {
    const csv = await indicators(wuhanRegulator, `year=${YEAR}&regionCode=420100&month=3&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("control-indicators-420100-2041-03.csv");
    const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("地区代码,地区名称,层级,年份,截至月份,统计截止日期,指标,本月,本年累计,控制指标,已用比例,时间进度,预警等级");
    expect(lines).toContain("420102,江岸区,县（市、区）,2041,3,2041-03-31,生产安全事故死亡人数,4,4,5,80.0%,24.7%,预警");
    expect(lines).toContain("420100,武汉市,市（州）,2041,3,2041-03-31,亿元GDP生产安全事故死亡率,0.007,0.007,,,24.7%,正常");
    // region first, then its 13 counties; 4 totals + 11 indicators each
    expect(lines).toHaveLength(1 + 14 * 15);
    const viaAccept = await indicators(wuhanRegulator, `year=${YEAR}&regionCode=420100&month=3`, { accept: "text/csv" });
    expect(viaAccept.text).toBe(csv.text);
    const en = await indicators(wuhanRegulator, `year=${YEAR}&regionCode=420100&month=3&format=csv`, { "accept-language": "en" });
    expect(en.headers.get("content-language")).toBe("en");
    expect(en.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Region code,Region,Level,Year,Up to month,As of,Indicator,This month,Year to date,Ceiling,Share of ceiling used,Share of year elapsed,Warning");
  });

  it("schedule: the 01:00 run on the 1st closes the previous month and re-reads its year", async () => {
    const close = await rollupJob({ asOf: "2041-04-30T17:00:00Z" }); // 1 May 2041, 01:00 Asia/Shanghai
    expect(close).toMatchObject({ year: YEAR, month: 4, asOfDate: "2041-04-30", monthsRecomputed: ["2041-01", "2041-02", "2041-03", "2041-04"] });
    const april = await indicators(provinceStatistician, `year=${YEAR}&regionCode=420000&month=4`);
    expect(april.body.region).toMatchObject({ asOfDate: "2041-04-30", ytd: { accidents: 6, deaths: 20 }, monthly: { accidents: 1, deaths: 9 } });
  });

  it("scope: a region outside the caller's jurisdiction is a 403; an unrolled year a 404; other roles 403", async () => {
    expect((await indicators(wuchangRegulator, `year=${YEAR}&regionCode=420102`)).status).toBe(403);
    expect((await indicators(wuhanRegulator, `year=${YEAR}&regionCode=420000`)).status).toBe(403);
    const own = await indicators(wuchangRegulator, `year=${YEAR}`);
    expect(own.status).toBe(200);
    expect(own.body.region.regionCode).toBe("420106");
    expect(own.body.children).toEqual([]);
    const none = await indicators(provinceStatistician, "year=2099&regionCode=420000");
    expect(none.status).toBe(404);
    expect(none.body.code).toBe("not_rolled_up");
    // It says how to get the period: here, on the local stack, the job's command.
    expect(none.body.command).toBe("npm run job -- rollup --year 2099");
    expect(none.body.detail).toBe("2099年的控制指标尚未统计；本地环境可立即统计：npm run job -- rollup --year 2099");
    expect((await indicators({ role: "enterprise", region: "420102", enterprise: "01JDEM0000000000000000E001" }, `year=${YEAR}`)).status).toBe(403);
    expect((await api.call("GET", `/v1/statistics/control-indicators?year=${YEAR}`)).status).toBe(401);
  });
});
