// The console's client wrapper against the real local API: problem+json becomes an ApiError
// whose field paths map onto form fields, the gateway's own 401 is an ApiError too, and one
// Idempotency-Key per submission means a retry gets the first answer, never a duplicate.
import { describe, expect, it } from "vitest";
import { useApi } from "../../../tests/support/api";
import { enterpriseBody } from "../../../tests/support/data";
import { ApiError, createApiClient } from "./client";
import { fieldName, problemText } from "./problem";
import type { paths } from "./schema";

type NewEnterprise = paths["/v1/enterprises"]["post"]["requestBody"]["content"]["application/json"];
const newEnterprise = (over: Record<string, unknown> = {}) => enterpriseBody(over) as NewEnterprise;

const server = useApi();
const regulator = { role: "regulator", region: "420102", user: "web-client-test" } as const;

async function client() {
  const auth = { Authorization: `Bearer ${await server.token(regulator)}` };
  return { api: createApiClient(server.url), auth };
}

describe("web/src/api client", () => {
  it("a 400 problem+json rejects with an ApiError whose errors[].path names form fields", async () => {
    const { api, auth } = await client();
    const body = newEnterprise({ contact: { name: "", phone: "027-12345678" } });
    const err = await api.POST("/v1/enterprises", { body, headers: { ...auth, "Idempotency-Key": crypto.randomUUID() } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.problem.code).toBeTruthy();
    const paths = e.fieldErrors.map((f) => f.path);
    expect(paths).toContain("contact.name");
    expect(fieldName("contact.name")).toEqual(["contact", "name"]);
    expect(fieldName("items.0.result")).toEqual(["items", 0, "result"]);
    expect(problemText(e)).toBe(e.problem.detail);
  });

  it("the gateway's own 401 (no token) is an ApiError with status 401", async () => {
    const api = createApiClient(server.url);
    const err = await api.GET("/v1/enterprises", {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(401);
  });

  it("the same Idempotency-Key on a retried POST returns the first answer; a new submission of the same enterprise is a 409", async () => {
    const { api, auth } = await client();
    const body = newEnterprise();
    const key = crypto.randomUUID();
    const first = await api.POST("/v1/enterprises", { body, headers: { ...auth, "Idempotency-Key": key } });
    const retry = await api.POST("/v1/enterprises", { body, headers: { ...auth, "Idempotency-Key": key } });
    expect(retry.response.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.data?.id).toBe(first.data?.id);
    const again = await api.POST("/v1/enterprises", { body, headers: { ...auth, "Idempotency-Key": crypto.randomUUID() } }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ApiError);
    expect((again as ApiError).status).toBe(409);
    expect(problemText(again)).toContain("已刷新为最新状态");
  });
});
