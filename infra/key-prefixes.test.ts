// The partition list of a function is derived from its code: a key builder added anywhere it
// imports must appear without anyone re-typing it.
import { describe, expect, it } from "vitest";
import { modulesOf, writePartitions } from "./key-prefixes.js";

describe("writePartitions", () => {
  it("follows imports into other contexts' key builders and shared writers", () => {
    const hazards = modulesOf("functions/hazards/handler.ts");
    expect(hazards).toEqual(expect.arrayContaining(["functions/hazards/store.ts", "functions/approvals/public.ts", "shared/audit.ts", "shared/http.ts"]));
    expect(hazards.some((f) => f.endsWith(".test.ts"))).toBe(false);
    const partitions = writePartitions("functions/hazards/handler.ts");
    // pk literals of hazards/store.ts, audit (shared/audit.ts), idempotency (shared/http.ts), licences (approvals/store.ts).
    expect(partitions).toEqual(expect.arrayContaining(["HAZ#*", "HAZSUP#*", "AUDIT#*", "IDEMP#*", "LIC#*", "CHKL"]));
    // Index partition keys are not table partitions.
    expect(partitions.filter((p) => p.startsWith("gsi"))).toEqual([]);
  });

  it("a context that does not import another's store does not get its partitions", () => {
    expect(writePartitions("functions/accidents/jobs.ts")).not.toContain("HAZ#*");
    expect(writePartitions("functions/registry/handler.ts")).not.toContain("ACC#*");
  });
});
