// The HTTP stack's pure pieces: language, validation errors, problem+json, error mapping.
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { ApiError, localiseFieldProblems } from "./errors.js";
import { expectedVersion, lambda, languageOf, lazyRoutes, problem, route, toApiError, validate } from "./http.js";
import { logger } from "./logger.js";
import { problemCodes } from "./route.js";

describe("languageOf", () => {
  it.each([
    [undefined, "zh"],
    ["zh-CN,zh;q=0.9", "zh"],
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR", "zh"],
  ])("%s → %s", (header, lang) => expect(languageOf(header)).toBe(lang));
});

describe("validate", () => {
  const schema = z.strictObject({ name: z.string().check(z.minLength(2)), n: z.number() });
  it("names each field; unknown fields one by one", () => {
    try {
      validate(schema, { name: "x", n: "y", extra: 1, status: "z" }, "body");
      expect.unreachable();
    } catch (err) {
      const e = err as ApiError;
      expect(e.status).toBe(400);
      expect(e.code).toBe("validation_failed");
      expect(e.fieldErrors.map((f) => f.path).sort()).toEqual(["extra", "n", "name", "status"]);
    }
  });
  it("messages follow the language", () => {
    const msg = (lang: "zh" | "en") => {
      try {
        validate(schema, { name: "x", n: 1 }, "body");
      } catch (err) {
        return localiseFieldProblems((err as ApiError).fieldErrors, lang)[0]?.message;
      }
    };
    expect(msg("zh")).toMatch(/[\u4e00-\u9fff]/);
    expect(msg("en")).toMatch(/at least 2/);
  });
});

describe("problem+json (RFC 9457)", () => {
  it("has type, title, status, detail, code, requestId and localised field errors", () => {
    const err = new ApiError(400, "x_bad", { zh: "坏", en: "bad" }, {}, [{ path: "a", message: { zh: "甲错", en: "a wrong" } }]);
    const res = problem(err, "req-1", "en");
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(JSON.parse(res.body as string)).toEqual({
      type: "/problems/x_bad", title: "Bad Request", status: 400, detail: "bad", code: "x_bad", requestId: "req-1",
      errors: [{ path: "a", message: "a wrong" }],
    });
  });
  it("503 carries Retry-After", () => {
    const res = problem(toApiError({ name: "ProvisionedThroughputExceededException" }), "r", "zh");
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("5");
  });
  it("an unknown error is a 500 without internals", () => {
    const res = problem(toApiError(new Error("secret stack detail")), "r", "en");
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain("secret");
  });
});

describe("If-Match", () => {
  it("reads quoted, weak and bare versions; 428 when absent; 400 when malformed", () => {
    expect(expectedVersion({ "if-match": '"3"' })).toBe(3);
    expect(expectedVersion({ "if-match": 'W/"4"' })).toBe(4);
    expect(expectedVersion({ "if-match": "5" })).toBe(5);
    expect(() => expectedVersion({})).toThrow(expect.objectContaining({ status: 428 }));
    expect(() => expectedVersion({ "if-match": "*" })).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe("with VALIDATE_RESPONSES, a route answers only what its spec declares (the OpenAPI document lists it)", () => {
  const spec = route({
    method: "GET", path: "/v1/things/{id}", fn: "platform", roles: "public", summary: "test",
    errors: { 409: ["thing_busy"] }, returns: ["etag"],
  });
  const handler = lambda({ thing: spec }, {
    thing: async ({ headers }) => {
      if (headers["x-throw"]) throw new ApiError(409, headers["x-throw"], { zh: "忙", en: "busy" });
      const answer: Record<string, string> = headers["x-location"] ? { location: "/v1/things/1" } : { etag: '"1"' };
      return { body: {}, headers: answer };
    },
  });
  const call = (headers: Record<string, string>) =>
    handler({ routeKey: "GET /v1/things/{id}", headers, requestContext: { requestId: "r" }, pathParameters: { id: "1" } } as never, {} as never);

  it("a declared code passes; an undeclared one is a 500 that names it", async () => {
    const before = process.env.VALIDATE_RESPONSES;
    process.env.VALIDATE_RESPONSES = "1";
    try {
      expect((await call({ "x-throw": "thing_busy" })).statusCode).toBe(409);
      expect((await call({ "x-throw": "thing_gone" })).statusCode).toBe(500);
      expect((await call({})).statusCode).toBe(200);
      expect((await call({ "x-location": "1" })).statusCode).toBe(500);
    } finally {
      process.env.VALIDATE_RESPONSES = before;
    }
  });

  it("codes follow from the spec's shape: validation, token, role, idempotency, If-Match, storage", () => {
    const codes = problemCodes({ ...spec, method: "POST", roles: ["admin"], body: z.strictObject({}), ifMatch: "required" });
    expect(codes).toMatchObject({
      400: expect.arrayContaining(["validation_failed", "invalid_json", "invalid_idempotency_key", "invalid_if_match"]),
      401: ["unauthorized"],
      403: ["forbidden", "out_of_scope"],
      404: ["not_found"],
      409: ["thing_busy", "version_conflict"],
      422: ["idempotency_key_reused"],
      428: ["precondition_required"],
      503: ["dependency_unavailable"],
    });
  });
});

describe("lazyRoutes: a group's code loads on its first request, once", () => {
  const specs = {
    a: route({ method: "GET", path: "/v1/a", fn: "platform", roles: "public", summary: "a" }),
    b: route({ method: "GET", path: "/v1/b", fn: "platform", roles: "public", summary: "b" }),
    c: route({ method: "GET", path: "/v1/c", fn: "platform", roles: "public", summary: "c" }),
  };
  const call = (handler: ReturnType<typeof lambda>, path: string) =>
    handler({ routeKey: `GET ${path}`, headers: {}, requestContext: { requestId: "r" } } as never, {} as never);

  it("loads nothing at start, a group once for all its routes, and another group only when asked", async () => {
    const loads = { ab: 0, c: 0 };
    const handler = lambda(specs, {
      ...lazyRoutes(specs, async () => {
        loads.ab++;
        return { a: async () => ({ body: { from: "a" } }), b: async () => ({ body: { from: "b" } }) };
      }, ["a", "b"]),
      ...lazyRoutes(specs, async () => {
        loads.c++;
        return { c: async () => ({ body: { from: "c" } }) };
      }, ["c"]),
    });
    expect(loads).toEqual({ ab: 0, c: 0 });
    const a = await call(handler, "/v1/a");
    expect(JSON.parse(a.body as string)).toEqual({ from: "a" });
    await call(handler, "/v1/b");
    await call(handler, "/v1/a");
    expect(loads).toEqual({ ab: 1, c: 0 });
    expect(JSON.parse((await call(handler, "/v1/c")).body as string)).toEqual({ from: "c" });
    expect(loads).toEqual({ ab: 1, c: 1 });
  });

  it("a route set with a route left unimplemented fails when the handler is built, not on a request", () => {
    expect(() => lambda({ a: specs.a, b: specs.b }, { a: async () => ({}) } as never)).toThrow("route b has no implementation");
  });

  it("a load that fails is a 500 for that request and is tried again on the next", async () => {
    let attempts = 0;
    const handler = lambda({ a: specs.a }, {
      ...lazyRoutes({ a: specs.a }, async () => {
        if (++attempts === 1) throw new Error("chunk missing");
        return { a: async () => ({ body: { ok: true } }) };
      }, ["a"]),
    });
    expect((await call(handler, "/v1/a")).statusCode).toBe(500);
    const second = await call(handler, "/v1/a");
    expect(second.statusCode).toBe(200);
    expect(attempts).toBe(2);
  });
});

describe("logs of a request", () => {
  it("carry its API Gateway request id as correlation_id, cleared after it", async () => {
    const spec = route({ method: "GET", path: "/v1/log", fn: "platform", roles: "public", summary: "log" });
    const handler = lambda({ log: spec }, { log: async () => ({ body: { correlationId: logger.getCorrelationId() } }) });
    for (const requestId of ["req-a", "req-b"]) {
      const res = await handler({ routeKey: "GET /v1/log", headers: {}, requestContext: { requestId } } as never, { awsRequestId: requestId } as never);
      expect(JSON.parse(res.body as string)).toEqual({ correlationId: requestId });
      expect(logger.getCorrelationId()).toBeUndefined();
    }
  });
});
