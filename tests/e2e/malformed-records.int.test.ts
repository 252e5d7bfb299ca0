// A stored item that does not match its record's schema is a logged 500 naming its key, never an
// answer built from it. Each case makes a real record through the API, then damages it in place with
// the store's own key builder through the SDK (as a bad migration or a hand edit would), and reads it.
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reportKey } from "../../functions/accidents/store.js";
import { violationKey } from "../../functions/credit/store.js";
import { targetsKey } from "../../functions/stats/store.js";
import { db } from "../../shared/db.js";
import { auditKey } from "../../shared/audit.js";
import { enterpriseKey } from "../../shared/enterprises.js";
import { env } from "../../shared/env.js";
import { logger } from "../../shared/logger.js";
import { TABLE_INDEXES } from "../../shared/table.js";
import { useApi } from "../support/api.js";
import { enterpriseBody } from "../support/data.js";

const api = useApi();
const province = { role: "regulator", region: "420000" } as const;

/**
 * Sets one attribute of a stored item to a value its schema refuses. The item also leaves every
 * index, so the lists and jobs of tests running alongside on the same table never meet it.
 */
async function damage(key: { pk: string; sk: string }, attribute: string, value: unknown) {
  const indexKeys = TABLE_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey]);
  await db().send(
    new UpdateCommand({
      TableName: env.tableName,
      Key: key,
      UpdateExpression: `SET #a = :v REMOVE ${indexKeys.join(", ")}`,
      ExpressionAttributeNames: { "#a": attribute },
      ExpressionAttributeValues: { ":v": value },
    }),
  );
}

/** The read answers 500 problem+json, and the log names the item's key. */
async function expectMalformed(path: string, as: object, key: { pk: string; sk: string }) {
  const logged = vi.spyOn(logger, "error");
  const res = await api.call("GET", path, { as: as as never });
  expect(res.status, JSON.stringify(res.body)).toBe(500);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body.code).toBe("internal_error");
  const messages = logged.mock.calls.map((c) => JSON.stringify(c, (_k, v) => (v instanceof Error ? v.message : v)));
  expect(messages.some((m) => m.includes(key.pk) && m.includes(String(key.sk)))).toBe(true);
}

afterEach(() => vi.restoreAllMocks());

async function newEnterprise() {
  const res = await api.call("POST", "/v1/enterprises", { as: province, body: enterpriseBody() });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; regionCode: string };
}

describe("a malformed stored record", () => {
  it("accident: a report whose deaths are not a number", async () => {
    const e = await newEnterprise();
    const created = await api.call("POST", "/v1/accidents", {
      as: province,
      body: {
        enterpriseId: e.id,
        regionCode: e.regionCode,
        occurredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        industryCode: "26",
        accidentType: "19",
        summary: "反应釜检修时一名工人中毒",
        scene: "二车间反应釜区",
        deaths: 0,
        missing: 0,
        seriousInjuries: 0,
        injuries: 1,
        directLossYuan: 50_000,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const ok = await api.call("GET", `/v1/accidents/${created.body.id}`, { as: province });
    expect(ok.status).toBe(200);
    await damage(reportKey(created.body.id), "deaths", "三");
    await expectMalformed(`/v1/accidents/${created.body.id}`, province, reportKey(created.body.id));
  });

  it("enterprise: a register record whose scale is not one of the scales", async () => {
    const e = await newEnterprise();
    await damage(enterpriseKey(e.id), "scale", "huge");
    await expectMalformed(`/v1/enterprises/${e.id}`, province, enterpriseKey(e.id));
  });

  it("violation: a penalty kind outside the catalogue", async () => {
    const e = await newEnterprise();
    const created = await api.call("POST", "/v1/violations", {
      as: province,
      body: { enterpriseId: e.id, date: "2026-03-10", act: "未按规定对重大危险源进行监测监控", legalBasis: "《安全生产法》第一百零一条", penalty: { kind: "fine", amountYuan: 50_000 }, decisionNumber: `鄂应急罚〔2026〕${e.id}号` },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await damage(violationKey(created.body.id), "penaltyKind", "detention");
    await expectMalformed(`/v1/violations/${created.body.id}`, province, violationKey(created.body.id));
  });

  it("control targets: a death ceiling that is not a number", async () => {
    // A year no other test rolls up or assesses.
    const year = 2093;
    const statistician = { role: "statistician", region: "420000" } as const;
    const put = await api.call("PUT", `/v1/control-targets/${year}/420000`, { as: statistician, body: { deaths: 10 } });
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    await damage(targetsKey(year, "420000"), "deaths", "十");
    await expectMalformed(`/v1/control-targets/${year}/420000`, statistician, targetsKey(year, "420000"));
  });

  it("audit trail: an entry whose actor role is not a role", async () => {
    const e = await newEnterprise();
    const trail = await api.call("GET", `/v1/audit?entityId=${e.id}`, { as: province });
    expect(trail.status).toBe(200);
    const first = trail.body.items[0] as { id: string; at: string };
    const key = auditKey(e.id, first.at, first.id);
    await damage(key, "actorRole", "visitor");
    await expectMalformed(`/v1/audit?entityId=${e.id}`, province, key);
  });
});
