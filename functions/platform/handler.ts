// Platform endpoints: health, the OpenAPI document, and the audit trail.
import { db, query, strip } from "../../shared/db.js";
import { env } from "../../shared/env.js";
import { methodNotAllowed, notFound, routeNotFound } from "../../shared/errors.js";
import { lambda } from "../../shared/http.js";
import { allowedMethods } from "../../shared/route.js";
import { openApi } from "../../shared/openapi.js";
import { coversRegion } from "../../shared/policy.js";
import { bucketReachable } from "../../shared/storage.js";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { routes } from "./routes.js";

let openApiDoc: unknown;

async function tableReachable(): Promise<boolean> {
  try {
    await db().send(new DescribeTableCommand({ TableName: env.tableName }));
    return true;
  } catch {
    return false;
  }
}

export const handler = lambda(routes, {
  health: async ({ now }) => {
    const [table, bucket] = await Promise.all([tableReachable(), bucketReachable()]);
    const ok = table && bucket;
    return { status: ok ? 200 : 503, body: { status: ok ? "ok" : "degraded", table, bucket, time: now.toISOString() } };
  },

  openapi: async () => {
    // Every context's schemas: built on first request, not on every cold start.
    openApiDoc ??= openApi((await import("../manifest.js")).MANIFEST);
    return { body: openApiDoc, headers: { "cache-control": "public, max-age=300" } };
  },

  audit: async ({ query: q, actor }) => {
    const page = await query({ pk: `AUDIT#${q.entityId}`, limit: q.limit, cursor: q.cursor });
    // The entity is in scope if its latest known region is; otherwise it "does not exist".
    const last = page.items.at(-1);
    if (!last || !coversRegion(actor, last.regionCode as string)) throw notFound({ zh: "审计记录", en: "audit trail" });
    return { body: { items: page.items.map((i) => strip(i)), nextCursor: page.nextCursor } };
  },
}, async (event) => {
  // The catch-all under /v1 (FALLBACK_ROUTE): 405 with Allow where the path exists, else 404.
  const { MANIFEST } = await import("../manifest.js");
  const allowed = allowedMethods(MANIFEST, event.rawPath);
  return allowed.length > 0 ? methodNotAllowed(event.requestContext.http.method, allowed) : routeNotFound();
});
