// One error format over HTTP: what our code answers is problem+json with a code and the
// request id, in the caller's language; what API Gateway answers itself (no or bad token,
// a path outside /v1, a body over 10 MB) looks exactly as the gateway's.
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../shared/messages.js";
import { useApi } from "../support/api.js";
import { enterpriseBody } from "../support/data.js";

const api = useApi();
const regulator = { role: "regulator", region: "420102" } as const;

function expectProblem(res: { status: number; headers: Headers; body: Record<string, unknown> }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(res.body).toMatchObject({ status, code, requestId: expect.any(String) });
  expect(res.body.requestId).toBe(res.headers.get("x-request-id"));
}

describe("405 Method Not Allowed with Allow", () => {
  it("DELETE /v1/hazards names GET and POST, with or without a token, in both languages", async () => {
    const res = await api.call("DELETE", "/v1/hazards");
    expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET, POST");
    expect(res.body.allowed).toEqual(["GET", "POST"]);
    expect(res.body.detail).toBe("该接口不支持 DELETE 方法，支持的方法：GET、POST");
    const en = await api.call("DELETE", "/v1/hazards", { as: regulator, headers: { "accept-language": "en" } });
    expectProblem(en, 405, "method_not_allowed");
    expect(en.body.detail).toBe("DELETE is not allowed here; allowed: GET, POST");
  });

  it("a path with a parameter: PUT /v1/enterprises/{id} allows GET and PATCH", async () => {
    const res = await api.call("PUT", "/v1/enterprises/01JDEM0000000000000000E001");
    expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET, PATCH");
  });
});

describe("404", () => {
  it("an unknown path under /v1 is our problem+json", async () => {
    const res = await api.call("GET", "/v1/no-such-thing", { headers: { "accept-language": "en" } });
    expectProblem(res, 404, "route_not_found");
    expect(res.body.detail).toContain("/v1/openapi.json");
  });

  it("outside /v1 the gateway answers, as API Gateway does", async () => {
    const res = await api.call("GET", "/nowhere");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "Not Found" });
  });
});

describe("401 comes from the gateway's JWT authorizer", () => {
  it("no token and a malformed token: {\"message\":\"Unauthorized\"}", async () => {
    for (const headers of [{}, { authorization: "Bearer not-a-jwt" }] as Record<string, string>[]) {
      const res = await api.call("GET", "/v1/hazards", { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.body).toEqual({ message: "Unauthorized" });
    }
  });
});

describe("validation messages over HTTP", () => {
  it("a missing field says which one; a bad date and a bad id speak Chinese; English on request", async () => {
    const { name: _, ...noName } = enterpriseBody();
    const res = await api.call("POST", "/v1/enterprises", { as: regulator, body: noName });
    expectProblem(res, 400, "validation_failed");
    expect(res.body.errors).toEqual([{ path: "name", message: "缺少必填字段「name」" }]);
    expect(res.body.detail).toBe("请求体校验失败：缺少必填字段「name」");

    const en = await api.call("POST", "/v1/enterprises", { as: regulator, body: noName, headers: { "accept-language": "en" } });
    expect(en.body.errors).toEqual([{ path: "name", message: "the field 'name' is required" }]);

    const badId = await api.call("GET", "/v1/enterprises/not-an-id", { as: regulator });
    expectProblem(badId, 400, "validation_failed");
    expect(badId.body.errors).toEqual([{ path: "id", message: MESSAGES.ulid.zh }]);
  });

  it("several problems: errors[] one by one, detail joined with ；", async () => {
    const res = await api.call("POST", "/v1/enterprises", { as: regulator, body: { ...enterpriseBody(), regionCode: "12", industryCode: "ZZ", name: "" } });
    expectProblem(res, 400, "validation_failed");
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(["industryCode", "name", "regionCode"]);
    expect((res.body.detail as string).split("；")).toHaveLength(3);
    for (const e of res.body.errors as { message: string }[]) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
