// The OpenAPI document is the web console's contract (its client is generated from it): it must
// be valid OpenAPI 3.1, describe every field, give every operation a response schema and a
// request example the API accepts, and match the committed copy in docs/openapi.json.
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { MANIFEST } from "../functions/manifest.js";
import { OPENAPI_COPY, renderOpenApi } from "../local/openapi.js";
import { openApi } from "./openapi.js";

type Doc = Record<string, unknown>;
const doc = openApi(MANIFEST) as Doc & { paths: Record<string, Record<string, Doc>>; components: { schemas: Record<string, Doc> } };

function resolve(node: Doc): Doc {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  const target = doc.components.schemas[ref.replace("#/components/schemas/", "")];
  if (!target) throw new Error(`dangling ${ref}`);
  return resolve(target);
}

const SKIP = new Set(["examples", "example", "if", "then", "else", "not"]);

/** Every property (at any depth) that has no description, on itself or on the schema it refers to. */
function undescribed(node: unknown, where: string, out: string[]): string[] {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) undescribed(n, `${where}[${i}]`, out);
  } else if (node && typeof node === "object") {
    const o = node as Doc;
    for (const [name, prop] of Object.entries((o.properties as Record<string, Doc> | undefined) ?? {})) {
      const own = prop.description ?? resolve(prop).description ?? (prop.anyOf as Doc[] | undefined)?.map(resolve).find((b) => b.description)?.description;
      if (!own) out.push(`${where}.${name}`);
    }
    // Conditions (if/then/else/not) restate fields described where they are declared.
    for (const [k, v] of Object.entries(o)) if (!SKIP.has(k)) undescribed(v, `${where}.${k}`, out);
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 by a maintained validator", async () => {
    const validator = new Validator();
    const res = await validator.validate(structuredClone(doc));
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes every field of every request, response, parameter and component", () => {
    expect(undescribed(doc.paths, "paths", [])).toEqual([]);
    expect(undescribed(doc.components, "components", [])).toEqual([]);
    const params = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).flatMap(([m, op]) => ((op.parameters as Doc[]) ?? []).filter((x) => !x.$ref && !x.description).map((x) => `${m} ${p} ${x.name}`)),
    );
    expect(params).toEqual([]);
  });

  it("gives every operation a response schema", () => {
    const empty = MANIFEST.filter((r) => !r.response).map((r) => r.id);
    expect(empty).toEqual([]);
  });

  it("gives every operation with a required body an example the API's own schema accepts", () => {
    const missing: string[] = [];
    const rejected: string[] = [];
    for (const r of MANIFEST) {
      if (!r.body) continue;
      if (r.example === undefined) {
        if (!r.body.safeParse({}).success) missing.push(r.id);
        continue;
      }
      const res = r.body.safeParse(r.example);
      if (!res.success) rejected.push(`${r.id}: ${JSON.stringify(res.error.issues)}`);
    }
    expect(missing).toEqual([]);
    expect(rejected).toEqual([]);
  });

  it("declares the headers the API reads: Idempotency-Key on every authenticated POST, If-Match where a route checks it", () => {
    for (const r of MANIFEST) {
      const op = doc.paths[r.path]?.[r.method.toLowerCase()] as Doc;
      const refs = ((op.parameters as Doc[]) ?? []).map((p) => p.$ref);
      expect(refs.includes("#/components/parameters/IdempotencyKey"), r.id).toBe(r.method === "POST" && r.roles !== "public");
      expect(refs.some((x) => String(x).includes("IfMatch")), r.id).toBe(r.ifMatch !== undefined);
    }
    expect(doc.servers).toContainEqual(expect.objectContaining({ url: "http://localhost:3000" }));
  });

  it("is the committed docs/openapi.json (run `npm run openapi` after changing a route or schema)", () => {
    expect(readFileSync(OPENAPI_COPY, "utf8")).toBe(renderOpenApi());
  });
});
