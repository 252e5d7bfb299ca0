// A route's declaration: no AWS imports, so CDK and the OpenAPI generator can read the
// manifest without loading SDKs.
import type * as z from "zod/mini";
import type { Role } from "./policy.js";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The Lambda functions of the system (one per bounded context, plus the platform's own). */
export const FUNCTIONS = ["platform", "registry", "hazards", "accidents", "approvals", "credit", "stats", "todo"] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

type Schema = z.ZodMiniType;

export interface RouteSpec {
  method: Method;
  /** API Gateway path template, e.g. /v1/enterprises/{id} */
  path: string;
  fn: FunctionName;
  /** Roles allowed to call; "public" needs no token. */
  roles: readonly Role[] | "public";
  summary: string;
  tags?: string[];
  params?: Schema;
  query?: Schema;
  body?: Schema;
  response?: Schema;
  /** Status of a success (201 for creates). */
  status?: number;
  /** Largest accepted body; default 64 KB. */
  maxBodyBytes?: number;
  /** Extra media types the route can answer with (e.g. text/csv). */
  produces?: string[];
  /**
   * If-Match: "required" answers 428 without it (updates of edited records); "replace" requires it
   * only once the record exists (a PUT that creates, then replaces); "optional" checks it when
   * sent (transitions a client may guard against a concurrent change).
   */
  ifMatch?: "required" | "replace" | "optional";
  /** Headers a success carries: ETag (a versioned record) and Location (what was created). */
  returns?: readonly ("etag" | "location")[];
  /** Problem codes the route answers beyond those its shape implies (see problemCodes), by status. */
  errors?: { readonly [status: number]: readonly string[] };
  /** A request body that succeeds on the seeded data (OpenAPI example). */
  example?: unknown;
}

/**
 * Every problem code a route can answer, by status: those its shape implies (validation, token,
 * role, idempotency, If-Match, storage) and those it declares. The OpenAPI document lists them, and
 * with VALIDATE_RESPONSES the HTTP stack refuses to answer a code the route has not declared.
 */
export function problemCodes(spec: RouteSpec): Record<number, string[]> {
  const out: Record<number, Set<string>> = {};
  const add = (status: number, ...codes: string[]) => {
    out[status] ??= new Set();
    for (const c of codes) out[status].add(c);
  };
  if (spec.params || spec.query || spec.body) add(400, "validation_failed");
  if (spec.query && "cursor" in ((spec.query as { shape?: object }).shape ?? {})) add(400, "invalid_cursor");
  if (spec.body) {
    add(400, "invalid_json");
    // too_many_items: the writes a body asks for exceed one DynamoDB transaction (shared/db.ts).
    add(413, "payload_too_large", "too_many_items");
    add(415, "unsupported_media_type");
  }
  if (spec.roles !== "public") {
    add(401, "unauthorized");
    add(403, "forbidden", "out_of_scope");
    if (spec.method === "POST") {
      add(400, "invalid_idempotency_key");
      add(422, "idempotency_key_reused");
    }
  }
  if (spec.ifMatch) add(400, "invalid_if_match");
  if (spec.ifMatch === "required" || spec.ifMatch === "replace") add(428, "precondition_required");
  if (spec.ifMatch || spec.method !== "GET") add(409, "version_conflict");
  if (spec.path.includes("{")) add(404, "not_found");
  for (const [status, codes] of Object.entries(spec.errors ?? {})) add(Number(status), ...codes);
  add(500, "internal_error");
  add(503, "dependency_unavailable");
  return Object.fromEntries(Object.entries(out).map(([s, set]) => [s, [...set].sort()]));
}


export function route<const S extends RouteSpec>(spec: S): S {
  return spec;
}

/**
 * The one route outside the manifest. API Gateway's HTTP API answers a method that is not
 * routed on a known path with its own 404, so to answer 405 with `Allow` (RFC 9110 §15.5.6)
 * our code must receive those requests: a greedy catch-all under /v1 goes to the platform
 * function, which answers 405 where the path exists with other methods and a problem+json
 * 404 where it does not. Greedy routes have the lowest priority, so every manifest route
 * still wins. It needs no token: the methods of a path are public in the OpenAPI document
 * anyway. Outside /v1 the gateway still answers {"message":"Not Found"} itself.
 */
export const FALLBACK_ROUTE = { method: "ANY", path: "/v1/{proxy+}", fn: "platform" } as const satisfies { method: string; path: string; fn: FunctionName };
export const FALLBACK_ROUTE_KEY = `${FALLBACK_ROUTE.method} ${FALLBACK_ROUTE.path}`;

/** A path template (`/v1/hazards/{id}`) as a regex whose groups are its parameters, in order. */
export function pathPattern(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const pattern = path
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      names.push(m[1] as string);
      return "([^/]+)";
    })
    .join("");
  return { regex: new RegExp(`^${pattern}$`), names };
}

/** The methods the manifest routes on a concrete path, e.g. ["GET", "POST"] for /v1/hazards. */
export function allowedMethods(routes: readonly Pick<RouteSpec, "method" | "path">[], path: string): Method[] {
  const methods = new Set<Method>();
  for (const r of routes) if (pathPattern(r.path).regex.test(path)) methods.add(r.method);
  return [...methods].sort();
}
