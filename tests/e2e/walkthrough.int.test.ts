// docs/walkthrough.md, run: every fenced bash block, in order, in one bash, against a local API
// whose signing key lives in a data directory the way `npm start` keeps it, so the doc's own
// `npm run token -- --demo …` calls mint tokens the API accepts. A stale call fails `curl -f`.
// The README's own example block runs the same way.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateKeyPair } from "../../local/auth.js";
import { createApiServer, listen } from "../../local/server.js";

/** The fenced ```bash blocks of a markdown document, in order. */
function bashBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

let server: Server | undefined;
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** Runs a script in bash (-euo pipefail) against a local API keyed like `npm start`'s. */
async function runAgainstLocalApi(script: string) {
  if (!server) throw new Error("no server");
  const port = (server.address() as { port: number }).port;
  const proc = spawn("bash", ["-euo", "pipefail", "-c", script], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) } });
  let stdout = "";
  let stderr = "";
  proc.stdout.on("data", (d) => {
    stdout += String(d);
  });
  proc.stderr.on("data", (d) => {
    stderr += String(d);
  });
  const code = await new Promise<number | null>((r) => proc.once("exit", r));
  return { code, stdout, stderr };
}

const dataDir = mkdtempSync(join(tmpdir(), "safety-walkthrough-"));
beforeAll(async () => {
  server = createApiServer(await loadOrCreateKeyPair(join(dataDir, "dev-signing-key.json")));
  await listen(server, 0);
});

describe("README: calling the API", () => {
  it("the example block runs and registers its (valid, unseeded) enterprise", async () => {
    const readme = readFileSync("README.md", "utf8");
    const block = bashBlocks(readme.slice(readme.indexOf("## Calling the API")))[0] as string;
    const { code, stdout, stderr } = await runAgainstLocalApi(block);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('"uscc":"91420102MA4K8Y3N6N"');
    expect(stdout).toContain('"openapi":"3.1.0"');
  }, 120_000);
});

describe("docs/walkthrough.md", () => {
  it("every bash block runs green against the local API, in order", async () => {
    const blocks = bashBlocks(readFileSync("docs/walkthrough.md", "utf8"));
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    const { code, stdout, stderr } = await runAgainstLocalApi(blocks.join("\n"));
    expect(code, `${stdout}\n${stderr}`).toBe(0);

    expect(stdout).toMatch(/^reported: [0-9A-Z]{26}$/m);
    expect(stdout).toMatch(/^county holds it; next: city by /m);
    expect(stdout).toMatch(/^after the county: next province$/m);
    expect(stdout).toMatch(/^larger: county received → city received → province received$/m);
    expect(stdout).toMatch(/^application: submitted$/m);
    expect(stdout).toMatch(/^in the officer's queue: true$/m);
    expect(stdout).toMatch(/^application: under_review$/m);
    expect(stdout).toMatch(/^findings: 2$/m);
    expect(stdout).toMatch(/^\d+-day window; matched 1 of 2 findings$/m);
    // The rule comes in Chinese by default.
    expect(stdout).toMatch(/^同一企业以企业自查/m);
  }, 240_000);
});
