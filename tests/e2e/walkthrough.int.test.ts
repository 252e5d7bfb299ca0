// docs/walkthrough.md, run: every fenced bash block, in order, in one bash, against a local API
// whose signing key lives in a data directory the way `npm start` keeps it, so the doc's own
// `npm run token -- --demo …` calls mint tokens the API accepts. A stale call fails `curl -f`.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadOrCreateKeyPair } from "../../local/auth.js";
import { createApiServer, listen } from "../../local/server.js";

/** The fenced ```bash blocks of a markdown document, in order. */
function bashBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```bash\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

let server: Server | undefined;
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

describe("docs/walkthrough.md", () => {
  it("every bash block runs green against the local API, in order", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "safety-walkthrough-"));
    const keys = await loadOrCreateKeyPair(join(dataDir, "dev-signing-key.json"));
    server = createApiServer(keys);
    const port = await listen(server, 0);
    const blocks = bashBlocks(readFileSync("docs/walkthrough.md", "utf8"));
    expect(blocks.length).toBeGreaterThanOrEqual(7);

    const proc = spawn("bash", ["-euo", "pipefail", "-c", blocks.join("\n")], { env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) } });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (d) => {
      stdout += String(d);
    });
    proc.stderr.on("data", (d) => {
      stderr += String(d);
    });
    const code = await new Promise<number | null>((r) => proc.once("exit", r));
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
