// The partition list of a function is derived from the code it ships: a key builder it uses
// must appear without anyone re-typing it, and another context's writers it does not use must not.
import { describe, expect, it } from "vitest";
import { writePartitions } from "./key-prefixes.js";

describe("writePartitions", () => {
  it("follows imports into other contexts' key builders and shared writers", () => {
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

  it("a context that reads another's records through its public.ts gets none of that context's partitions", () => {
    // Statistics and the to-do list read accidents and hazards; only the accidents and hazards functions write them.
    for (const entry of ["functions/stats/handler.ts", "functions/stats/jobs.ts", "functions/todo/handler.ts", "functions/todo/jobs.ts"]) {
      const partitions = writePartitions(entry);
      expect(partitions, entry).not.toContain("ACC#*");
      expect(partitions, entry).not.toContain("HAZ#*");
    }
    expect(writePartitions("functions/stats/jobs.ts")).toContain("STAT#*");
    expect(writePartitions("functions/todo/jobs.ts")).toContain("REMIND#*");
  });
});
