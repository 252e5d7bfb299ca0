// Stored records are parsed with their schema when read (functions/hazards/schemas.ts): a hazard
// item that does not match is a logged 500 naming the item, never a 200 with a wrong answer.
import { DeleteCommand, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { hazardKey } from "../../functions/hazards/store.js";
import { db } from "../../shared/db.js";
import { env } from "../../shared/env.js";
import { logger } from "../../shared/logger.js";
import { useApi } from "../support/api.js";
import { createHazard, generalBody, newEnterprise, regulator } from "../support/hazards.js";

const api = useApi();

afterEach(() => {
  vi.restoreAllMocks();
});

const corrupted: string[] = [];

afterAll(async () => {
  for (const id of corrupted) await db().send(new DeleteCommand({ TableName: env.tableName, Key: hazardKey(id) }));
});

/**
 * Rewrites the stored hazard through the store's own key, as a faulty writer or migration could.
 * It keeps only its enterprise's index entry (a fresh enterprise of this file), so the region,
 * status and period lists other test files read in parallel never meet it.
 */
async function corrupt(id: string, change: (item: Record<string, unknown>) => void) {
  const { Item } = await db().send(new GetCommand({ TableName: env.tableName, Key: hazardKey(id) }));
  expect(Item).toBeDefined();
  const item = Object.fromEntries(Object.entries(Item as Record<string, unknown>).filter(([k]) => !/^gsi\d+(pk|sk)$/.test(k) || /^gsi2(pk|sk)$/.test(k)));
  expect(item.gsi2pk).toBe(`HAZENT#${String(item.enterpriseId)}`);
  change(item);
  corrupted.push(id);
  await db().send(new PutCommand({ TableName: env.tableName, Item: item }));
}

describe("a malformed stored hazard", () => {
  it("is a 500 problem+json whose log names the item, on a read and on a list", async () => {
    const e = await newEnterprise(api, { regionCode: "420106" });
    const h = await createHazard(api, e.as, generalBody(e.id));
    const ok = await api.call("GET", `/v1/hazards/${h.id}`, { as: e.as });
    expect(ok.status).toBe(200);

    await corrupt(h.id, (item) => {
      item.level = "catastrophic";
      delete item.status;
    });
    const logged = vi.spyOn(logger, "error");

    const read = await api.call("GET", `/v1/hazards/${h.id}`, { as: e.as });
    expect(read.status).toBe(500);
    expect(read.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(read.body.status).toBe(500);
    expect(read.text).not.toContain("catastrophic");
    const messages = logged.mock.calls.map((c) => String((c[1] as { error?: Error } | undefined)?.error?.message));
    const naming = messages.filter((m) => m.includes(`HAZ#${h.id}`));
    expect(naming, messages.join("\n")).toHaveLength(1);
    expect(naming[0]).toMatch(/level/);
    expect(naming[0]).toMatch(/status/);

    const list = await api.call("GET", `/v1/hazards?enterpriseId=${e.id}`, { as: regulator("420106") });
    expect(list.status).toBe(500);
    expect(list.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("a workflow action on it writes nothing, even when the bad field is one the answer leaves out", async () => {
    const e = await newEnterprise(api, { regionCode: "420106" });
    const h = await createHazard(api, e.as, generalBody(e.id));
    await corrupt(h.id, (item) => {
      item.industrySection = 7;
    });
    vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const res = await api.call("POST", `/v1/hazards/${h.id}/start`, { as: e.as, body: {} });
    expect(res.status).toBe(500);
    const { Item } = await db().send(new GetCommand({ TableName: env.tableName, Key: hazardKey(h.id) }));
    expect(Item?.status).toBe("reported");
    expect(Item?.version).toBe(1);
  });
});
