// Platform endpoints: health, the OpenAPI document, and the audit trail.
import { db, getItem, type Item, query, strip } from "../../shared/db.js";
import { env } from "../../shared/env.js";
import { methodNotAllowed, notFound, routeNotFound } from "../../shared/errors.js";
import { lambda } from "../../shared/http.js";
import { allowedMethods } from "../../shared/route.js";
import { openApi } from "../../shared/openapi.js";
import { type Actor, canReach, type ScopedRecord } from "../../shared/policy.js";
import { bucketUsable } from "../../shared/storage.js";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { routes } from "./routes.js";

let openApiDoc: unknown;

interface RecordReader {
  /** The route that reads the record (its roles decide who may read it). */
  read: string;
  /** Where the record lives (each context's store.ts lists its keys); none for reference data. */
  key?: (id: string) => [string, string];
  scope?: (item: Item) => ScopedRecord;
}

/**
 * A record's audit trail is shown to exactly those who may read the record: callers of its read
 * route who reach the record as it stands now. Reference data and yearly inputs have no record to
 * read here; the region their trail was opened with stands for them.
 */
const READERS: Record<string, RecordReader> = {
  enterprise: {
    read: "getEnterprise",
    key: (id) => [`ENT#${id}`, "ENT"],
    scope: (e) => ({ enterpriseId: e.id as string, regionCode: e.regionCode as string, industryCode: e.industryCode as string, gridId: e.gridId as string | null }),
  },
  hazard: { read: "getHazard", key: (id) => [`HAZ#${id}`, "HAZ"] },
  self_inspection: { read: "getSelfInspection", key: (id) => [`SINSP#${id}`, "SINSP"] },
  inspection: { read: "getInspection", key: (id) => [`INSP#${id}`, "INSP"] },
  // Grids are territorial: seen by the regulators of their county (hazards/handler.ts visibleGrid).
  grid: { read: "getGrid", key: (id) => [`GRID#${id}`, "GRID"], scope: (g) => ({ regionCode: g.countyCode as string }) },
  grid_patrol: { read: "getPatrol", key: (id) => [`PATROL#${id}`, "PATROL"] },
  accident: { read: "getAccident", key: (id) => [`ACC#${id}`, "ACC"] },
  application: { read: "getApplication", key: (id) => [`APP#${id}`, "APP"] },
  licence: { read: "getLicenceHistory", key: (id) => [`LIC#${id}`, "LIC"] },
  violation: { read: "getViolation", key: (id) => [`VIOL#${id}`, "VIOL"] },
  blacklist_listing: { read: "getListing", key: (id) => [`BL#${id}`, "BL"] },
  supervision_task: { read: "listTasks", key: (id) => [`CTASK#${id}`, "CTASK"] },
  hazard_filing: { read: "listFilings" },
  checklist: { read: "getChecklist" },
  approval_item: { read: "getApprovalItem" },
  calendar: { read: "getCalendar" },
  delegation: { read: "listDelegations" },
  credit_policy: { read: "getPolicy" },
  control_targets: { read: "getControlTargets" },
  denominators: { read: "getDenominators" },
  third_party_score: { read: "listAssessments" },
  assessment_config: { read: "getAssessmentConfig" },
  assessment: { read: "listAssessments" },
  assessment_publication: { read: "listAssessments" },
};

const scopeOf = (i: Item): ScopedRecord => ({
  enterpriseId: i.enterpriseId as string | undefined,
  regionCode: i.regionCode as string,
  industryCode: i.industryCode as string | undefined,
  gridId: i.gridId as string | null | undefined,
  homeRegionCode: i.homeRegionCode as string | null | undefined,
});

async function mayReadRecord(actor: Actor, entityId: string): Promise<boolean> {
  const first = (await query({ pk: `AUDIT#${entityId}`, limit: 1 })).items[0];
  const reader = first && READERS[first.entityType as string];
  if (!first || !reader) return false;
  const { MANIFEST } = await import("../manifest.js");
  const roles = MANIFEST.find((r) => r.id === reader.read)?.roles;
  if (roles !== "public" && !roles?.includes(actor.role)) return false;
  if (roles === "public" && !reader.key) return true;
  const record = reader.key ? await getItem(...reader.key(entityId)) : first;
  return !!record && canReach(actor, (reader.scope ?? scopeOf)(record));
}

/** The table answers and is ACTIVE (not being created or deleted, not inaccessible for its key). */
async function tableUsable(): Promise<boolean> {
  try {
    const { Table } = await db().send(new DescribeTableCommand({ TableName: env.tableName }));
    return Table?.TableStatus === "ACTIVE";
  } catch {
    return false;
  }
}

export const handler = lambda(routes, {
  health: async ({ now }) => {
    const [table, bucket] = await Promise.all([tableUsable(), bucketUsable()]);
    const ok = table && bucket;
    return { status: ok ? 200 : 503, body: { status: ok ? "ok" : "degraded", table, bucket, time: now.toISOString() } };
  },

  openapi: async () => {
    // Every context's schemas: built on first request, not on every cold start.
    openApiDoc ??= openApi((await import("../manifest.js")).MANIFEST);
    return { body: openApiDoc, headers: { "cache-control": "public, max-age=300" } };
  },

  audit: async ({ query: q, actor }) => {
    if (!(await mayReadRecord(actor, q.entityId))) throw notFound({ zh: "审计记录", en: "audit trail" });
    const page = await query({ pk: `AUDIT#${q.entityId}`, limit: q.limit, cursor: q.cursor });
    return { body: { items: page.items.map((i) => strip(i)), nextCursor: page.nextCursor } };
  },
}, async (event) => {
  // The catch-all under /v1 (FALLBACK_ROUTE): 405 with Allow where the path exists, else 404.
  const { MANIFEST } = await import("../manifest.js");
  const allowed = allowedMethods(MANIFEST, event.rawPath);
  return allowed.length > 0 ? methodNotAllowed(event.requestContext.http.method, allowed) : routeNotFound();
});
