// The one API client: openapi-fetch typed by the generated schema, the session's token on
// every call, and every non-2xx answer turned into an ApiError carrying the problem+json.
import { QueryClient } from "@tanstack/react-query";
import createFetchClient, { type Middleware } from "openapi-fetch";
import createQueryHooks from "openapi-react-query";
import { session } from "../auth/session";
import type { components, paths } from "./schema";

export type Problem = components["schemas"]["Problem"];

/** A failed call: the HTTP status, the problem+json (or the gateway's bare message) and Retry-After. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem>,
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = "ApiError";
  }
  get fieldErrors(): { path: string; message: string }[] {
    return (this.problem.errors ?? []).filter((e): e is { path: string; message: string } => typeof e.path === "string" && typeof e.message === "string");
  }
}

async function problemOf(response: Response): Promise<Partial<Problem>> {
  const text = await response.clone().text();
  try {
    const body = JSON.parse(text) as Partial<Problem> & { message?: string };
    // API Gateway answers 401/404/413 itself with {"message": …}.
    return body.title || body.detail ? body : { title: body.message ?? response.statusText, status: response.status };
  } catch {
    return { title: response.statusText || `HTTP ${response.status}`, status: response.status };
  }
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    request.headers.set("Accept-Language", "zh-CN");
    return request;
  },
  async onResponse({ request, response }) {
    if (response.ok) return response;
    const retryAfter = Number(response.headers.get("Retry-After"));
    const error = new ApiError(response.status, await problemOf(response), Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
    // A token the API no longer accepts: back to sign-in, then to this page.
    if (response.status === 401 && request.headers.has("Authorization")) session.expire();
    throw error;
  },
};

export function createApiClient(baseUrl: string) {
  const client = createFetchClient<paths>({ baseUrl });
  client.use(auth);
  return client;
}

/** The console's client: same origin as the page (the local server, or CloudFront routing /v1/*). */
export const api = createApiClient(globalThis.location?.origin ?? "");

/**
 * Query hooks over the same client: `$api.useQuery("get", "/v1/blacklist", { params })`.
 * The query key is [method, path, init], so `invalidateRecord` can target one record.
 */
export const $api = createQueryHooks(api);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // 503 means "storage busy, come back after Retry-After"; anything else is final.
      retry: (count, err) => err instanceof ApiError && err.status === 503 && count < 3,
      retryDelay: (_count, err) => (err instanceof ApiError && err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : 2000),
    },
  },
});

/** Refetches every query of a record path (its detail, its allowedActions, its sub-lists) and the to-do list. */
export function invalidateRecord(path: keyof paths, id?: string) {
  return queryClient.invalidateQueries({
    predicate: (q) => {
      const [, p, init] = q.queryKey as [string, string, { params?: { path?: Record<string, unknown> } } | undefined];
      // The to-do list is computed from records' deadlines and states: a change of any record may move it.
      if (p === "/v1/todo") return true;
      if (typeof p !== "string" || !p.startsWith(path)) return false;
      return id === undefined || Object.values(init?.params?.path ?? {}).includes(id);
    },
  });
}
