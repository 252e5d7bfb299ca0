// Platform endpoints: health, the OpenAPI document, and the audit trail.
import { db, query, strip } from "../../shared/db.js";
import { env } from "../../shared/env.js";
import { notFound } from "../../shared/errors.js";
import { lambda } from "../../shared/http.js";
import { openApi } from "../../shared/openapi.js";
import { coversRegion } from "../../shared/policy.js";
import { bucketUsable } from "../../shared/storage.js";
import { DescribeTableCommand } from "@aws-sdk/client-dynamodb";
import { routes } from "./routes.js";

let openApiDoc: unknown;

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
    const page = await query({ pk: `AUDIT#${q.entityId}`, limit: q.limit, cursor: q.cursor });
    // The entity is in scope if its latest known region is; otherwise it "does not exist".
    const last = page.items.at(-1);
    if (!last || !coversRegion(actor, last.regionCode as string)) throw notFound({ zh: "审计记录", en: "audit trail" });
    return { body: { items: page.items.map((i) => strip(i)), nextCursor: page.nextCursor } };
  },
});
