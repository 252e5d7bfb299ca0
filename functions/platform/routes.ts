import * as z from "zod/mini";
import { route } from "../../shared/route.js";
import { AuditRecord as StoredAuditRecord } from "../../shared/audit.js";
import { Cursor, field, Limit, NextCursor, Timestamp } from "../../shared/schemas.js";

const fn = "platform";
const tags = ["platform"];

export const Health = z.object({
  status: field(z.enum(["ok", "degraded"]), "ok：表和证据桶均可达；degraded：至少一个不可达。Status."),
  table: field(z.boolean(), "DynamoDB 表是否可达。Table reachable."),
  bucket: field(z.boolean(), "S3 证据桶是否可达。Bucket reachable."),
  time: field(Timestamp, "服务器当前时刻。Server time."),
});

/** The audit trail as the API documents it (the stored record also names the actor's region). */
export const AuditRecord = z.omit(StoredAuditRecord, { actorRegion: true });

export const routes = {
  health: route({
    method: "GET", path: "/v1/health", fn, roles: "public", tags,
    summary: "Readiness: the table is ACTIVE and this function may use the evidence bucket (503 otherwise)", response: Health,
  }),
  openapi: route({
    method: "GET", path: "/v1/openapi.json", fn, roles: "public", tags,
    summary: "This API as OpenAPI 3.1, generated from the route manifest",
    response: field(z.record(z.string(), z.unknown()), "本接口的 OpenAPI 3.1 文档（即本文档）。This document."),
  }),
  audit: route({
    method: "GET", path: "/v1/audit", fn, roles: ["regulator", "approval_officer", "admin"], tags,
    summary: "The audit trail of one entity, oldest first",
    errors: { 404: ["not_found"] },
    query: z.strictObject({ entityId: field(z.string().check(z.minLength(1), z.maxLength(64)), "实体（企业、隐患、事故等）编号。Entity id."), limit: Limit, cursor: Cursor }),
    response: z.object({ items: field(z.array(AuditRecord), "审计记录，按时间先后。Audit records."), nextCursor: NextCursor }),
  }),
} as const;
