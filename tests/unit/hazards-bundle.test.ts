// The hazards Lambda as deployed (infra/bundling.ts): a cold start loads the shared core and the
// route manifest only; each route group of functions/hazards/handlers is a chunk of its own,
// loaded on the group's first request, and the store and S3 code come with the groups.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleLambda, ENTRY_NAME, startFiles } from "../../infra/bundling.js";

const ROOT = resolve(import.meta.dirname, "../..");
const GROUPS = ["checklists", "self-inspections", "hazards", "inspections", "filings", "grids"].map((g) => `functions/hazards/handlers/${g}.ts`);

let metafile: Metafile;
let atStart: string[];

beforeAll(() => {
  metafile = bundleLambda(join(ROOT, "functions/hazards/handler.ts"), mkdtempSync(join(tmpdir(), "hazards-bundle-")), { absWorkingDir: ROOT });
  const entry = Object.keys(metafile.outputs).find((f) => f.endsWith(`${ENTRY_NAME}.mjs`)) as string;
  atStart = startFiles(metafile, entry);
}, 120_000);

const inputsOf = (file: string) => Object.keys(metafile.outputs[file]?.inputs ?? {});

describe("hazards bundle", () => {
  it("the cold start holds no route group's code, nor the store", () => {
    const loaded = atStart.flatMap(inputsOf);
    expect(loaded).toContain("functions/hazards/routes.ts");
    expect(loaded.filter((i) => i.startsWith("functions/hazards/handlers/") || i === "functions/hazards/store.ts" || i === "functions/hazards/service.ts")).toEqual([]);
  });

  it("each route group is a chunk of its own, holding no other group", () => {
    for (const group of GROUPS) {
      const files = Object.keys(metafile.outputs).filter((f) => inputsOf(f).includes(group));
      expect(files, group).toHaveLength(1);
      expect(inputsOf(files[0] as string).filter((i) => GROUPS.includes(i) && i !== group), group).toEqual([]);
    }
  });
});
