// The deployed bundle, built as `cdk synth` builds it: it loads and answers with nothing beside it
// (no node_modules in the asset), and what only evidence routes and tracing need stays off the
// cold start.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleLambda, ENTRY_NAME, startFiles } from "./bundling.js";

const ROOT = resolve(import.meta.dirname, "..");

let outdir: string;
let metafile: Metafile;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), "bundle-"));
  metafile = bundleLambda(join(ROOT, "functions/hazards/handler.ts"), outdir, { absWorkingDir: ROOT });
}, 120_000);

/** Output files holding code from packages whose path matches `pkg`. */
const filesWith = (pkg: RegExp) =>
  Object.entries(metafile.outputs)
    .filter(([, o]) => Object.keys(o.inputs).some((i) => pkg.test(i)))
    .map(([f]) => f);

describe("Lambda bundle (infra/bundling.ts)", () => {
  it("is self-contained: no node_modules beside it, and every import is a chunk of its own or a Node built-in", () => {
    expect(readdirSync(outdir)).not.toContain("node_modules");
    for (const o of Object.values(metafile.outputs)) {
      for (const i of o.imports) {
        if (i.external) expect(i.path, i.path).toMatch(/^(node:)?[a-z_/]+$/);
      }
    }
  });

  it("keeps the S3 client, the presigner and the X-Ray tracer off the cold start, in chunks loaded on first use", () => {
    const entry = Object.keys(metafile.outputs).find((f) => f.endsWith(`${ENTRY_NAME}.mjs`)) as string;
    const atStart = startFiles(metafile, entry);
    for (const pkg of [/@aws-sdk[/+]client-s3\//, /@aws-sdk[/+]s3-request-presigner\//, /@aws-lambda-powertools[/+]tracer\//, /aws-xray-sdk-core\//]) {
      const files = filesWith(pkg);
      expect(files.length, String(pkg)).toBeGreaterThan(0);
      for (const f of files) expect(atStart, `${pkg} in ${f}`).not.toContain(f);
    }
    // The DynamoDB client every request uses is on the start path.
    expect(filesWith(/@aws-sdk[/+]client-dynamodb\//).some((f) => atStart.includes(f))).toBe(true);
  });

  it("loads in a fresh Node process from the bundle alone and exports the handler", () => {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", `const m = await import(${JSON.stringify(join(outdir, `${ENTRY_NAME}.mjs`))}); console.log(typeof m.handler)`], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, TABLE_NAME: "t", BUCKET_NAME: "b", AWS_REGION: "cn-north-1" },
      encoding: "utf8",
    });
    expect(out.trim()).toBe("function");
  });
});
