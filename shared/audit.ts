// Append-only audit trail. The HTTP stack turns each AuditEntry a handler returns into a
// Put in the same transaction as the change, so a change without its record cannot exist.
//
// Access patterns:
//   entity history      pk AUDIT#<entityId>         sk <iso instant>#<ulid>
import { putNew, type Write } from "./db.js";
import { newId } from "./ids.js";
import type { Actor } from "./policy.js";

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

export function auditWrite(entry: AuditEntry, actor: Actor, requestId: string, at: Date): Write {
  const id = newId();
  return putNew({
    pk: `AUDIT#${entry.entityId}`,
    sk: `${at.toISOString()}#${id}`,
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

/** Field-level diff for the audit summary of an update. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { from: before[key], to: after[key] };
  }
  return out;
}
