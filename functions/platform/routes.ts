import * as z from "zod/mini";
import { route } from "../../shared/route.js";
import { Cursor, Limit } from "../../shared/schemas.js";

const fn = "platform";
const tags = ["platform"];

export const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  table: z.boolean(),
  bucket: z.boolean(),
  time: z.string(),
});

export const AuditRecord = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  regionCode: z.string(),
  enterpriseId: z.optional(z.string()),
  actorId: z.string(),
  actorRole: z.string(),
  requestId: z.string(),
  summary: z.unknown(),
  reason: z.optional(z.string()),
});

export const routes = {
  health: route({
    method: "GET", path: "/v1/health", fn, roles: "public", tags,
    summary: "Readiness: the table is ACTIVE and this function may use the evidence bucket (503 otherwise)", response: Health,
  }),
  openapi: route({
    method: "GET", path: "/v1/openapi.json", fn, roles: "public", tags,
    summary: "This API as OpenAPI 3.1, generated from the route manifest",
  }),
  audit: route({
    method: "GET", path: "/v1/audit", fn, roles: ["regulator", "approval_officer", "admin"], tags,
    summary: "The audit trail of one entity, oldest first",
    query: z.strictObject({ entityId: z.string().check(z.minLength(1), z.maxLength(64)), limit: Limit, cursor: Cursor }),
    response: z.object({ items: z.array(AuditRecord), nextCursor: z.nullable(z.string()) }),
  }),
} as const;
