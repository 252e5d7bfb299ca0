// OpenAPI 3.1 from the route manifest and its zod schemas (zod's own JSON Schema output).
import * as z from "zod/mini";
import type { RouteSpec } from "./route.js";

type Doc = Record<string, unknown>;

function schemaOf(s: z.ZodMiniType, io: "input" | "output"): Doc {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Doc;
  return rest;
}

const problem = { description: "Problem (RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };

export function openApi(routes: (RouteSpec & { id: string })[]): Doc {
  const paths: Record<string, Doc> = {};
  for (const r of routes) {
    const parameters: Doc[] = [];
    for (const [where, schema] of [["path", r.params], ["query", r.query]] as const) {
      if (!schema) continue;
      const js = schemaOf(schema, "input") as { properties?: Record<string, Doc>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === "path" || (js.required ?? []).includes(name), schema: s });
      }
    }
    if (r.method === "POST" && r.roles !== "public") {
      parameters.push({ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 128 } });
    }
    if (r.method === "PATCH") parameters.push({ name: "If-Match", in: "header", required: true, schema: { type: "string" } });
    const ok = r.status ?? 200;
    const content: Doc = { "application/json": { schema: r.response ? schemaOf(r.response, "output") : {} } };
    for (const type of r.produces ?? []) content[type] = { schema: { type: "string" } };
    const op: Doc = {
      operationId: r.id,
      summary: r.summary,
      tags: r.tags,
      parameters,
      responses: { [ok]: { description: "OK", content }, "4XX": problem, "5XX": problem },
      security: r.roles === "public" ? [] : [{ jwt: [] }],
      "x-roles": r.roles,
    };
    if (r.body) op.requestBody = { required: true, content: { "application/json": { schema: schemaOf(r.body, "input") } } };
    paths[r.path] = { ...(paths[r.path] ?? {}), [r.method.toLowerCase()]: op };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Hubei work-safety supervision API (湖北省安全生产监管平台)", version: "1" },
    paths,
    components: {
      securitySchemes: { jwt: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "code", "requestId"],
          properties: {
            type: { type: "string" }, title: { type: "string" }, status: { type: "integer" }, detail: { type: "string" },
            code: { type: "string" }, requestId: { type: "string" },
            errors: { type: "array", items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } } },
          },
        },
      },
    },
  };
}
