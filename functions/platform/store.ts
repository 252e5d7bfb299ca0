// What the platform reads: the table's own state for the health check, and the current scope of a
// record whose audit trail is asked for.
//
// Access patterns (each record's key is documented by the store of its context):
//   a record's current state      pk <PREFIX>#<id>   sk <PREFIX>   (ENT, HAZ, SINSP, INSP, GRID, PATROL, ACC,
//                                                                    APP, LIC, VIOL, BL, CTASK)
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import * as z from "zod/mini";
import { db, getItem } from "../../shared/db.js";
import { env } from "../../shared/env.js";
import type { ScopedRecord } from "../../shared/policy.js";
import { parseRecord } from "../../shared/records.js";

/** Record types whose current state decides who may read their trail, by key prefix. */
export const RECORD_PREFIXES = {
  enterprise: "ENT",
  hazard: "HAZ",
  self_inspection: "SINSP",
  inspection: "INSP",
  grid: "GRID",
  grid_patrol: "PATROL",
  accident: "ACC",
  application: "APP",
  licence: "LIC",
  violation: "VIOL",
  blacklist_listing: "BL",
  supervision_task: "CTASK",
} as const;

export type RecordType = keyof typeof RECORD_PREFIXES;

/** The fields a scope decision reads, whichever record holds them. */
const RecordScope = z.object({
  // Licences are keyed by their number and carry no id; only an enterprise's id is its scope.
  id: z.optional(z.string()),
  enterpriseId: z.optional(z.nullable(z.string())),
  regionCode: z.string(),
  industryCode: z.optional(z.nullable(z.string())),
  gridId: z.optional(z.nullable(z.string())),
  homeRegionCode: z.optional(z.nullable(z.string())),
});

/** Grids are territorial: seen by the regulators of their county. */
const GridScope = z.object({ countyCode: z.string() });

/** The record's scope as it stands now; undefined when the record is gone. */
export async function currentScope(type: RecordType, id: string): Promise<ScopedRecord | undefined> {
  const prefix = RECORD_PREFIXES[type];
  const item = await getItem(`${prefix}#${id}`, prefix);
  if (!item) return undefined;
  if (type === "grid") return { regionCode: parseRecord(GridScope, item).countyCode };
  const { id: recordId, ...scope } = parseRecord(RecordScope, item);
  // An enterprise is its own enterprise.
  return type === "enterprise" ? { ...scope, enterpriseId: recordId } : scope;
}

/** The table answers and is ACTIVE (not being created or deleted, not inaccessible for its key). */
export async function tableUsable(): Promise<boolean> {
  try {
    const { Table } = await db().send(new DescribeTableCommand({ TableName: env.tableName }));
    return Table?.TableStatus === "ACTIVE";
  } catch {
    return false;
  }
}
