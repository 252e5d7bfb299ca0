// Append-only audit trail. The HTTP stack turns each AuditEntry a handler returns into a
// Put in the same transaction as the change, so a change without its record cannot exist.
//
// Access patterns:
//   entity history      pk AUDIT#<entityId>         sk <iso instant>#<ulid>
import * as z from "zod/mini";
import { type Page, putNew, query, type Write } from "./db.js";
import { newId } from "./ids.js";
import type { Actor } from "./policy.js";
import { parseRecord } from "./records.js";
import { field, Out, Timestamp } from "./schemas.js";

export interface AuditEntry {
  /** e.g. "enterprise.create", "hazard.write-off" */
  action: string;
  entityType: string;
  entityId: string;
  /** Region of the entity, so audit reads can be scoped like the entity itself. */
  regionCode: string;
  enterpriseId?: string;
  /** What changed: a short summary or a field diff. */
  summary: unknown;
  reason?: string;
}

/** An audit record as stored: the entry, who made the change and when. */
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
  actorRegion: field(z.string(), "操作人所属行政区划代码。Actor region."),
  requestId: field(z.string(), "请求编号。Request id."),
  summary: field(z.unknown(), "变更摘要（字段的旧值与新值等）。Summary of the change."),
  reason: field(z.optional(z.string()), "操作理由（有时）。Reason."),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

const trailKey = (entityId: string) => ({ pk: `AUDIT#${entityId}` });
export const auditKey = (entityId: string, at: string, id: string) => ({ ...trailKey(entityId), sk: `${at}#${id}` });

export function auditWrite(entry: AuditEntry, actor: Actor, requestId: string, at: Date): Write {
  const id = newId();
  return putNew({
    ...auditKey(entry.entityId, at.toISOString(), id),
    entity: "audit",
    id,
    ...entry,
    actorId: actor.userId,
    actorRole: actor.role,
    actorRegion: actor.regionCode,
    at: at.toISOString(),
    requestId,
  });
}

/** An entity's audit trail, oldest first. */
export async function auditTrail(entityId: string, limit: number, cursor?: string): Promise<Page<AuditRecord>> {
  const page = await query({ ...trailKey(entityId), limit, cursor });
  return { items: page.items.map((i) => parseRecord(AuditRecord, i)), nextCursor: page.nextCursor };
}

/** Field-level diff for the audit summary of an update. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { from: before[key], to: after[key] };
  }
  return out;
}
