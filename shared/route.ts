// A route's declaration: no AWS imports, so CDK and the OpenAPI generator can read the
// manifest without loading SDKs.
import type * as z from "zod/mini";
import type { Role } from "./policy.js";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The Lambda functions of the system (one per bounded context, plus the platform's own). */
export const FUNCTIONS = ["platform", "registry", "hazards", "accidents", "approvals", "credit", "stats"] as const;
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
}


export function route<const S extends RouteSpec>(spec: S): S {
  return spec;
}
