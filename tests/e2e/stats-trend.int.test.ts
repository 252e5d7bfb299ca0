// The control-indicator answer carries the region's months (January to the month asked), read
// from the roll-up's stored rows of that year, so the console can chart the year against its
// ceiling. Year 2047 holds only this file's records.
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { rollupJob } from "../../functions/stats/jobs.js";
import { db } from "../../shared/db.js";
import { env } from "../../shared/env.js";
import { newId } from "../../shared/ids.js";
import { periodIndexKeys } from "../../shared/periods.js";
import { useApi } from "../support/api.js";

const YEAR = 2047;
const api = useApi();
const wuhanStatistician = { role: "statistician", region: "420100" } as const;
const hongshanRegulator = { role: "regulator", region: "420111" } as const;

async function seedAccident(regionCode: string, occurredAt: string, deaths: number) {
  const id = newId();
  await db().send(
    new PutCommand({
      TableName: env.tableName,
      Item: {
        pk: `TESTACC#${id}`,
        sk: "ACC",
        id,
        regionCode,
        occurredAt,
        grade: "general",
        deaths,
        missing: 0,
        seriousInjuries: 0,
        injuries: 0,
        directLossYuan: 1000,
        industryCode: "26",
        accidentType: "03",
        roadTraffic: false,
        fire: false,
        status: "open",
        ...periodIndexKeys("ACC", occurredAt, regionCode, id),
      },
    }),
  );
}

type Trend = { month: number; monthly: { accidents: number; deaths: number }; ytd: { accidents: number; deaths: number } }[];

describe("GET /v1/statistics/control-indicators: the region's months", () => {
  beforeAll(async () => {
    await seedAccident("420102", `${YEAR}-01-10T02:00:00Z`, 1);
    await seedAccident("420106", `${YEAR}-03-05T02:00:00Z`, 2);
    await seedAccident("420102", `${YEAR}-03-20T02:00:00Z`, 0);
    await seedAccident("420102", `${YEAR}-05-02T02:00:00Z`, 4);
    await rollupJob({ year: YEAR, month: 4, asOf: `${YEAR}-05-01T04:00:00Z` });
  });

  it("January to the month asked, each month's figures and the running total", async () => {
    const r = await api.call("GET", `/v1/statistics/control-indicators?year=${YEAR}&regionCode=420100`, { as: wuhanStatistician });
    expect(r.status, JSON.stringify(r.body).slice(0, 400)).toBe(200);
    const trend = r.body.trend as Trend;
    expect(trend.map((m) => m.month)).toEqual([1, 2, 3, 4]);
    expect(trend.map((m) => [m.monthly.accidents, m.monthly.deaths])).toEqual([
      [1, 1],
      [0, 0],
      [2, 2],
      [0, 0],
    ]);
    expect(trend.map((m) => m.ytd.deaths)).toEqual([1, 1, 3, 3]);
    expect(trend.at(-1)?.ytd).toMatchObject({ accidents: r.body.region.ytd.accidents, deaths: r.body.region.ytd.deaths });

    // An earlier month asked: its months only, never the later ones.
    const feb = await api.call("GET", `/v1/statistics/control-indicators?year=${YEAR}&regionCode=420100&month=2`, { as: wuhanStatistician });
    expect((feb.body.trend as Trend).map((m) => m.month)).toEqual([1, 2]);
  });

  it("a county's months are its own", async () => {
    const r = await api.call("GET", `/v1/statistics/control-indicators?year=${YEAR}&regionCode=420106`, { as: wuhanStatistician });
    expect((r.body.trend as Trend).map((m) => m.monthly.deaths)).toEqual([0, 0, 2, 0]);
  });

  it("outside the caller's jurisdiction: 403, no figures", async () => {
    const r = await api.call("GET", `/v1/statistics/control-indicators?year=${YEAR}&regionCode=420100`, { as: hongshanRegulator });
    expect(r.status).toBe(403);
    expect(r.body.trend).toBeUndefined();
  });

  it("the May roll-up adds May to the months", async () => {
    await rollupJob({ year: YEAR, month: 5, asOf: `${YEAR}-05-10T04:00:00Z` });
    const r = await api.call("GET", `/v1/statistics/control-indicators?year=${YEAR}&regionCode=420100`, { as: wuhanStatistician });
    const trend = r.body.trend as Trend;
    expect(trend.map((m) => m.month)).toEqual([1, 2, 3, 4, 5]);
    expect(trend.at(-1)?.monthly.deaths).toBe(4);
    expect(trend.at(-1)?.ytd.deaths).toBe(7);
  });
});
