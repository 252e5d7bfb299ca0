// The enterprise register over HTTP through the local adapter, with real tokens, against
// DynamoDB Local. Scope is tested from outside as carefully as from inside.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OPENAPI_COPY } from "../../local/openapi.js";
import { usccCheckCharacter } from "../../shared/codes/index.js";
import { startApi, useApi } from "../support/api.js";
import { enterpriseBody, uscc } from "../support/data.js";

const api = useApi();

const provinceRegulator = { role: "regulator", region: "420000" } as const;
const wuhanRegulator = { role: "regulator", region: "420100" } as const;
const jianganRegulator = { role: "regulator", region: "420102" } as const;
const wuchangRegulator = { role: "regulator", region: "420106" } as const;
const provinceAdmin = { role: "admin", region: "420000" } as const;

async function create(as: object, over: Record<string, unknown> = {}) {
  const res = await api.call("POST", "/v1/enterprises", { as: as as never, body: enterpriseBody(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("public endpoints", () => {
  it("GET /v1/regions lists the province, 17 city-level units (GB/T 2260) and counties, without a token", async () => {
    const res = await api.call("GET", "/v1/regions");
    expect(res.status).toBe(200);
    const cities = res.body.items.filter((r: { level: string }) => r.level === "city");
    expect(cities).toHaveLength(17);
    expect(res.body.items.find((r: { code: string }) => r.code === "420304")).toMatchObject({ name: "郧阳区", parentCode: "420300" });
  });

  it("GET /v1/health reports table and bucket reachable", async () => {
    const res = await api.call("GET", "/v1/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", table: true, bucket: true });
  });

  it("GET /v1/openapi.json is OpenAPI 3.1 with every manifest route and strict bodies", async () => {
    const res = await api.call("GET", "/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const post = res.body.paths["/v1/enterprises"].post;
    const ref: string = post.requestBody.content["application/json"].schema.$ref;
    expect(res.body.components.schemas[ref.replace("#/components/schemas/", "")].additionalProperties).toBe(false);
    // What the API serves is the reviewed copy (shared/openapi.test.ts keeps that copy current).
    expect(res.body).toEqual(JSON.parse(readFileSync(OPENAPI_COPY, "utf8")));
    expect(post.security).toEqual([{ jwt: [] }]);
  });
});

describe("authentication like the API Gateway JWT authorizer", () => {
  it("401 without a token, with a bad signature, with an expired token", async () => {
    expect((await api.call("GET", "/v1/enterprises")).status).toBe(401);
    const other = await startApi();
    const foreign = await other.token(provinceRegulator);
    await other.close();
    expect((await api.call("GET", "/v1/enterprises", { as: foreign })).status).toBe(401);
    const { mintToken } = await import("../../local/auth.js");
    const expired = await mintToken(api.keys.privateKey, provinceRegulator, "-1m");
    expect((await api.call("GET", "/v1/enterprises", { as: expired })).status).toBe(401);
  });

  it("401 problem+json when the claims are unusable (no enterprise on an enterprise token)", async () => {
    const res = await api.call("GET", "/v1/enterprises", { as: { role: "enterprise", region: "420102" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.code).toBe("unauthorized");
  });

  it("403 for a role the route does not allow", async () => {
    const res = await api.call("POST", "/v1/enterprises", { as: { role: "statistician", region: "420000" }, body: enterpriseBody() });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "forbidden", status: 403 });
  });
});

describe("POST /v1/enterprises", () => {
  it("creates with 201, an id, version 1 and an audit record in the same transaction", async () => {
    const e = await create(jianganRegulator);
    expect(e.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(e).toMatchObject({ version: 1, regionCode: "420102", cityCode: "420100", industrySection: "C" });
    const audit = await api.call("GET", `/v1/audit?entityId=${e.id}`, { as: jianganRegulator });
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ action: "enterprise.create", entityId: e.id, actorRole: "regulator" });
  });

  it("GB 32100: a wrong check character is a 400 on `uscc` naming the expected character", async () => {
    const good = uscc();
    const wrong = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const res = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: enterpriseBody({ uscc: wrong }) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("uscc");
    expect(res.body.errors[0].message).toContain(usccCheckCharacter(good.slice(0, 17)));
    const en = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: enterpriseBody({ uscc: wrong }), headers: { "accept-language": "en" } });
    expect(en.body.errors[0].message).toMatch(/expected/);
  });

  it("a province admin may register a failing code with a reason (audited); a regulator may not", async () => {
    const good = uscc();
    const wrong = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    const denied = await api.call("POST", "/v1/enterprises", {
      as: jianganRegulator,
      body: enterpriseBody({ uscc: wrong, checksumOverride: { reason: "工商登记档案如此" } }),
    });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe("override_not_allowed");
    const ok = await api.call("POST", "/v1/enterprises", {
      as: provinceAdmin,
      body: enterpriseBody({ uscc: wrong, checksumOverride: { reason: "工商登记档案如此" } }),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.checksumOverride).toMatchObject({ reason: "工商登记档案如此", expected: good[17] });
    const audit = await api.call("GET", `/v1/audit?entityId=${ok.body.id}`, { as: provinceAdmin });
    expect(audit.body.items[0].reason).toBe("工商登记档案如此");
  });

  it("a second enterprise with the same USCC is a 409 and writes nothing", async () => {
    const body = enterpriseBody();
    expect((await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body })).status).toBe(201);
    const again = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: { ...body, name: "另一家" } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("duplicate_uscc");
    const list = await api.call("GET", `/v1/enterprises?regionCode=420102&q=${encodeURIComponent("另一家")}`, { as: jianganRegulator });
    expect(list.body.items).toHaveLength(0);
  });

  it("rejects unknown fields and server-owned fields with a 400 naming them", async () => {
    const res = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: { ...enterpriseBody(), version: 7, status: "x" } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["status", "version"]);
  });

  it("bad JSON is a 400, a wrong media type a 415, an oversized body a 413 — never a 500", async () => {
    const bad = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, rawBody: "{", headers: { "content-type": "application/json" } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("invalid_json");
    const media = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, rawBody: "a=b", headers: { "content-type": "text/plain" } });
    expect(media.status).toBe(415);
    const big = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: { ...enterpriseBody(), address: "x".repeat(70_000) } });
    expect(big.status).toBe(413);
  });

  it("a regulator cannot register outside its region (403 out_of_scope); a county is required", async () => {
    const res = await api.call("POST", "/v1/enterprises", { as: wuchangRegulator, body: enterpriseBody({ regionCode: "420102" }) });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("out_of_scope");
    const city = await api.call("POST", "/v1/enterprises", { as: provinceRegulator, body: enterpriseBody({ regionCode: "420100" }) });
    expect(city.status).toBe(400);
    expect(city.body.errors[0].path).toBe("regionCode");
  });

  it("messages are Chinese by default and English with Accept-Language: en", async () => {
    const zh = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: { ...enterpriseBody(), scale: "huge" } });
    const en = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: { ...enterpriseBody(), scale: "huge" }, headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(zh.status).toBe(400);
    expect(zh.body.title).toBe("请求无效");
    expect(en.body.title).toBe("Bad Request");
    expect(zh.body.errors[0].message).not.toEqual(en.body.errors[0].message);
    expect(zh.body.requestId).toBeTruthy();
  });
});

describe("Idempotency-Key", () => {
  it("a retry returns the first answer and writes nothing new; a different body is a 422", async () => {
    const body = enterpriseBody();
    const key = `k-${Date.now()}-${Math.random()}`.replace(/[^A-Za-z0-9_.:-]/g, "");
    const first = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body, headers: { "idempotency-key": key } });
    const second = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("location")).toBe(`/v1/enterprises/${first.body.id}`);
    const audit = await api.call("GET", `/v1/audit?entityId=${first.body.id}`, { as: jianganRegulator });
    expect(audit.body.items).toHaveLength(1);
    const other = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: enterpriseBody(), headers: { "idempotency-key": key } });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe("idempotency_key_reused");
  });

  it("concurrent retries with one key create exactly one enterprise", async () => {
    const body = enterpriseBody();
    const key = `race-${Date.now()}`;
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => api.call("POST", "/v1/enterprises", { as: jianganRegulator, body, headers: { "idempotency-key": key } })),
    );
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
  });
});

describe("reading and scope", () => {
  it("an enterprise user reads its own record and gets 404 for another's", async () => {
    const mine = await create(jianganRegulator);
    const theirs = await create(jianganRegulator);
    const as = { role: "enterprise", region: "420102", enterprise: mine.id } as const;
    expect((await api.call("GET", `/v1/enterprises/${mine.id}`, { as })).status).toBe(200);
    const other = await api.call("GET", `/v1/enterprises/${theirs.id}`, { as });
    expect(other.status).toBe(404);
    const list = await api.call("GET", "/v1/enterprises", { as });
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([mine.id]);
  });

  it("a county regulator gets 404 for another county's enterprise; the city and province see it", async () => {
    const e = await create(jianganRegulator);
    expect((await api.call("GET", `/v1/enterprises/${e.id}`, { as: wuchangRegulator })).status).toBe(404);
    expect((await api.call("GET", `/v1/enterprises/${e.id}`, { as: wuhanRegulator })).status).toBe(200);
    expect((await api.call("GET", `/v1/enterprises/${e.id}`, { as: provinceRegulator })).status).toBe(200);
    expect((await api.call("GET", `/v1/enterprises/${e.id}`, { as: { role: "regulator", region: "420300" } })).status).toBe(404);
  });

  it("an industry department sees its industry inside its region only", async () => {
    const chem = await create(jianganRegulator, { industryCode: "26" });
    const build = await create(jianganRegulator, { industryCode: "E" });
    const dept = { role: "industry_department", region: "420100", industry: "C" } as const;
    expect((await api.call("GET", `/v1/enterprises/${chem.id}`, { as: dept })).status).toBe(200);
    expect((await api.call("GET", `/v1/enterprises/${build.id}`, { as: dept })).status).toBe(404);
    const list = await api.call("GET", "/v1/enterprises?regionCode=420102&limit=100", { as: dept });
    expect(list.body.items.every((e: { industrySection: string }) => e.industrySection === "C")).toBe(true);
    expect((await api.call("GET", "/v1/enterprises?industryCode=E", { as: dept })).status).toBe(403);
  });

  it("lists page with a cursor across city partitions at province level, each item once", async () => {
    const made = [await create(jianganRegulator), await create(provinceRegulator, { regionCode: "420304", uscc: uscc("420304") })];
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await api.call(
        "GET",
        `/v1/enterprises?limit=7${cursor ? `&cursor=${cursor}` : ""}`,
        { as: provinceRegulator },
      );
      expect(res.status).toBe(200);
      for (const e of res.body.items) {
        expect(seen.has(e.id)).toBe(false);
        seen.add(e.id);
      }
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 200);
    for (const e of made) expect(seen.has(e.id)).toBe(true);
    expect(pages).toBeGreaterThan(1);
  });

  it("a tampered cursor is a 400, a region outside scope a 403", async () => {
    expect((await api.call("GET", "/v1/enterprises?cursor=%%%", { as: provinceRegulator })).status).toBe(400);
    const out = await api.call("GET", "/v1/enterprises?regionCode=420300", { as: wuhanRegulator });
    expect(out.status).toBe(403);
  });
});

describe("PATCH /v1/enterprises/{id}", () => {
  it("updates with If-Match, bumps the version, audits the diff; a stale version is a 409", async () => {
    const e = await create(jianganRegulator);
    const ok = await api.call("PATCH", `/v1/enterprises/${e.id}`, { as: jianganRegulator, body: { address: "新地址1号" }, headers: { "if-match": '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ address: "新地址1号", version: 2 });
    expect(ok.headers.get("etag")).toBe('"2"');
    const stale = await api.call("PATCH", `/v1/enterprises/${e.id}`, { as: jianganRegulator, body: { address: "旧版本" }, headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    const audit = await api.call("GET", `/v1/audit?entityId=${e.id}`, { as: jianganRegulator });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(["enterprise.create", "enterprise.update"]);
    expect(audit.body.items[1].summary.address).toEqual({ from: e.address, to: "新地址1号" });
  });

  it("two concurrent updates from the same version: exactly one wins", async () => {
    const e = await create(jianganRegulator);
    const [a, b] = await Promise.all([
      api.call("PATCH", `/v1/enterprises/${e.id}`, { as: jianganRegulator, body: { name: "甲" }, headers: { "if-match": '"1"' } }),
      api.call("PATCH", `/v1/enterprises/${e.id}`, { as: jianganRegulator, body: { name: "乙" }, headers: { "if-match": '"1"' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });

  it("428 without If-Match; 404 outside scope; cannot move an enterprise out of one's region", async () => {
    const e = await create(jianganRegulator);
    expect((await api.call("PATCH", `/v1/enterprises/${e.id}`, { as: jianganRegulator, body: { name: "x" } })).status).toBe(428);
    expect((await api.call("PATCH", `/v1/enterprises/${e.id}`, { as: wuchangRegulator, body: { name: "x" }, headers: { "if-match": '"1"' } })).status).toBe(404);
    const move = await api.call("PATCH", `/v1/enterprises/${e.id}`, { as: jianganRegulator, body: { regionCode: "420106" }, headers: { "if-match": '"1"' } });
    expect(move.status).toBe(403);
  });
});
