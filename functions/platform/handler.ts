// Platform endpoints: health, the OpenAPI document, and the audit trail.
import { auditTrail } from "../../shared/audit.js";
import { methodNotAllowed, notFound, routeNotFound } from "../../shared/errors.js";
import { lambda } from "../../shared/http.js";
import { allowedMethods } from "../../shared/route.js";
import { openApi } from "../../shared/openapi.js";
import { type Actor, canReach } from "../../shared/policy.js";
import { bucketUsable } from "../../shared/storage.js";
import { routes } from "./routes.js";
import { currentScope, RECORD_PREFIXES, type RecordType, tableUsable } from "./store.js";

let openApiDoc: unknown;

/**
 * A record's audit trail is shown to exactly those who may read the record: callers of its read
 * route who reach the record as it stands now. Reference data and yearly inputs have no record to
 * read here; the region their trail was opened with stands for them.
 */
const READ_ROUTES: Record<string, string> = {
  enterprise: "getEnterprise",
  hazard: "getHazard",
  self_inspection: "getSelfInspection",
  inspection: "getInspection",
  // Grids are territorial: seen by the regulators of their county (functions/platform/store.ts).
  grid: "getGrid",
  grid_patrol: "getPatrol",
  accident: "getAccident",
  application: "getApplication",
  licence: "getLicenceHistory",
  violation: "getViolation",
  blacklist_listing: "getListing",
  supervision_task: "listTasks",
  hazard_filing: "listFilings",
  checklist: "getChecklist",
  approval_item: "getApprovalItem",
  calendar: "getCalendar",
  delegation: "listDelegations",
  credit_policy: "getPolicy",
  control_targets: "getControlTargets",
  denominators: "getDenominators",
  third_party_score: "listAssessments",
  assessment_config: "getAssessmentConfig",
  assessment: "listAssessments",
  assessment_publication: "listAssessments",
};

const hasRecord = (type: string): type is RecordType => type in RECORD_PREFIXES;

async function mayReadRecord(actor: Actor, entityId: string): Promise<boolean> {
  const first = (await auditTrail(entityId, 1)).items[0];
  const read = first && READ_ROUTES[first.entityType];
  if (!first || !read) return false;
  const { MANIFEST } = await import("../manifest.js");
  const roles = MANIFEST.find((r) => r.id === read)?.roles;
  if (roles !== "public" && !roles?.includes(actor.role)) return false;
  if (!hasRecord(first.entityType)) return roles === "public" || canReach(actor, { enterpriseId: first.enterpriseId, regionCode: first.regionCode });
  const scope = await currentScope(first.entityType, entityId);
  return !!scope && canReach(actor, scope);
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
    return { body: await auditTrail(q.entityId, q.limit, q.cursor) };
  },
}, async (event) => {
  // The catch-all under /v1 (FALLBACK_ROUTE): 405 with Allow where the path exists, else 404.
  const { MANIFEST } = await import("../manifest.js");
  const allowed = allowedMethods(MANIFEST, event.rawPath);
  return allowed.length > 0 ? methodNotAllowed(event.requestContext.http.method, allowed) : routeNotFound();
});
