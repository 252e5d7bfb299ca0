// "Bad input gets a clear error, never a 500": every route in the manifest, hit with
// generated bodies, queries and path parameters by a caller its roles allow.
import fc from "fast-check";
import { describe, it } from "vitest";
import { MANIFEST } from "../../functions/manifest.js";
import type { TokenClaims } from "../../local/auth.js";
import type { Role } from "../../shared/policy.js";
import { useApi } from "../support/api.js";

const api = useApi();

const CLAIMS: Record<Role, TokenClaims> = {
  enterprise: { role: "enterprise", region: "420102", enterprise: "01JDEM0000000000000000E001" },
  grid_member: { role: "grid_member", region: "420102", grid: "01JDEM0000000000000000G001" },
  regulator: { role: "regulator", region: "420000" },
  industry_department: { role: "industry_department", region: "420100", industry: "C" },
  approval_officer: { role: "approval_officer", region: "420000", head: true },
  statistician: { role: "statistician", region: "420000" },
  admin: { role: "admin", region: "420000" },
};

const segment = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.constantFrom("01JDEM0000000000000000E001", "0000000000000000000000000Z", "2026", "420102", "..", "%00", "null"),
);
const query = fc.dictionary(fc.constantFrom("limit", "cursor", "regionCode", "year", "period", "q", "from", "to", "status", "format", "quarter", "pending", "entityId", "industryCode"), fc.string({ maxLength: 20 }), { maxKeys: 4 });
const body = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.object({ maxDepth: 2 }));

function fill(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/\{\w+\}/g, () => encodeURIComponent(values[i++ % values.length] ?? "x"));
}

describe("no 5xx on any input", () => {
  for (const route of MANIFEST) {
    it(`${route.method} ${route.path}`, async () => {
      const as = route.roles === "public" ? undefined : CLAIMS[route.roles[0] as Role];
      const token = as ? await api.token(as) : undefined;
      await fc.assert(
        fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 3 }), query, body, async (segments, q, b) => {
          const qs = new URLSearchParams(q).toString();
          const res = await api.call(route.method, `${fill(route.path, segments)}${qs ? `?${qs}` : ""}`, {
            as: token,
            body: route.method === "GET" ? undefined : b,
          });
          if (res.status >= 500) throw new Error(`${res.status}: ${res.text.slice(0, 300)}`);
        }),
        { numRuns: 12 },
      );
    });
  }
});
