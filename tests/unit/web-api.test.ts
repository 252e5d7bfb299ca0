// The console's generated client must match the API it talks to: regenerating from the
// manifest in memory gives exactly the committed files (run `npm run gen:api` when not).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateRoutes, generateSchema, ROUTES_FILE, SCHEMA_FILE } from "../../web/scripts/gen-api.js";

describe("web/src/api generated from the manifest", () => {
  it("schema.d.ts is current (npm run gen:api)", async () => {
    expect(readFileSync(SCHEMA_FILE, "utf8") === (await generateSchema()), "web/src/api/schema.d.ts is stale: run npm run gen:api").toBe(true);
    // openapi-typescript over 100+ routes takes seconds on a busy 2-core machine.
  }, 30_000);
  it("routes.gen.ts is current (npm run gen:api)", () => {
    expect(readFileSync(ROUTES_FILE, "utf8") === generateRoutes(), "web/src/api/routes.gen.ts is stale: run npm run gen:api").toBe(true);
  });
  it("lists every public route as public and no other", () => {
    const routes = generateRoutes();
    expect(routes).toContain('{ method: "GET", path: "/v1/blacklist", roles: "public" }');
    expect(routes).toMatch(/path: "\/v1\/hazards", roles: \[[^\]]*"enterprise"/);
  });
});
