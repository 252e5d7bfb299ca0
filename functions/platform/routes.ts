import * as z from "zod/mini";
import { route } from "../../shared/route.js";
import { Cursor, field, Limit, NextCursor, Out, Timestamp } from "../../shared/schemas.js";

const fn = "platform";
const tags = ["platform"];

export const Health = z.object({
  status: field(z.enum(["ok", "degraded"]), "ok：表和证据桶均可达；degraded：至少一个不可达。Status."),
  table: field(z.boolean(), "DynamoDB 表是否可达。Table reachable."),
  bucket: field(z.boolean(), "S3 证据桶是否可达。Bucket reachable."),
  time: field(Timestamp, "服务器当前时刻。Server time."),
});

export const AuditRecord = z.object({
  id: field(z.string(), "审计记录编号。Id."),
  at: field(Timestamp, "操作时刻。At."),
  action: field(z.string(), "操作名称，如 hazard.create。Action."),
  entityType: field(z.string(), "实体类型。Entity type."),
  entityId: field(z.string(), "实体（企业、隐患、事故等）编号。Entity id."),
  regionCode: field(z.string(), "记录所属行政区划代码。Region code."),
  enterpriseId: field(z.optional(z.string()), "相关企业编号。Enterprise id."),
  actorId: field(z.string(), "操作人的用户编号。Actor id."),
  actorRole: Out.role,
  requestId: field(z.string(), "请求编号。Request id."),
  summary: field(z.unknown(), "变更摘要（字段的旧值与新值等）。Summary of the change."),
  reason: field(z.optional(z.string()), "操作理由（有时）。Reason."),
});

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
