// The README's first command, for real: `npm start` brings up the whole stack with seeded
// data, prints a token per role, answers over HTTP, and stops cleanly on Ctrl-C; a port in
// use is one clear line, not a stack trace.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../local/stack.js";

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "local/start.ts"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  // Generous: the first start seeds demo work and rolls up a year, on a shared, busy machine.
  const waitFor = async (text: string, ms = 150_000) => {
    const t0 = Date.now();
    while (!out.includes(text)) {
      if (Date.now() - t0 > ms || child.exitCode !== null) throw new Error(`did not print '${text}':\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, output: () => out, waitFor, exited };
}

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const proc = spawn(process.execPath, ["--import", "tsx", ...args], { env });
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

describe("npm start", () => {
  it("serves seeded data with printed tokens and stops on SIGINT", async () => {
    const [port, dynamo, s3] = [await freePort(), await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), "safety-start-"));
    const env = { PORT: String(port), DYNAMO_PORT: String(dynamo), S3_PORT: String(s3), DATA_DIR: dataDir, TABLE_NAME: "safety-main", BUCKET_NAME: "safety-evidence" };
    const app = start(env);
    await app.waitFor("Try:");
    // The banner names each demo account's ids, and the SDK's Node-version notice is quiet.
    expect(app.output()).toMatch(/enterprise · .*enterprise=01JDEM0000000000000000E001/);
    expect(app.output()).toMatch(/grid · .*grid=01JDEM0000000000000000G001/);
    expect(app.output()).not.toContain("NodeVersionSupportWarning");
    const tokens = app.output().match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g) ?? [];
    expect(tokens.length).toBeGreaterThanOrEqual(7);
    const health = await fetch(`http://127.0.0.1:${port}/v1/health`);
    expect(health.status).toBe(200);
    const regulatorToken = tokens[4] as string; // province regulator, in the printed order
    const list = await fetch(`http://127.0.0.1:${port}/v1/enterprises?limit=100`, { headers: { authorization: `Bearer ${regulatorToken}` } });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { id: string }[] };
    expect(body.items.some((e) => e.id === "01JDEM0000000000000000E001")).toBe(true);

    // `npm run token` and `npm run job` find the running stack through DATA_DIR alone.
    const onlyDataDir: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    for (const k of ["PORT", "DYNAMO_PORT", "S3_PORT", "TABLE_NAME", "BUCKET_NAME", "DYNAMODB_ENDPOINT", "S3_ENDPOINT"]) delete onlyDataDir[k];
    const minted = (await run(["local/token.ts", "--role", "regulator", "--region", "420100"], onlyDataDir)).stdout.trim().split("\n").at(-1) as string;
    const withMinted = await fetch(`http://127.0.0.1:${port}/v1/enterprises`, { headers: { authorization: `Bearer ${minted}` } });
    expect(withMinted.status).toBe(200);
    const demo = (await run(["local/token.ts", "--demo", "enterprise"], onlyDataDir)).stdout.trim().split("\n").at(-1) as string;
    const own = await fetch(`http://127.0.0.1:${port}/v1/enterprises/01JDEM0000000000000000E001`, { headers: { authorization: `Bearer ${demo}` } });
    expect(own.status).toBe(200);
    const job = await run(["local/job.ts", "credit-blacklist"], onlyDataDir);
    expect(job.code, job.stderr).toBe(0);
    expect(job.stderr).not.toContain("NodeVersionSupportWarning");

    // Every role has something to look at: demo work made through the API on first start.
    const as = async (name: string, path: string) => {
      const token = (await run(["local/token.ts", "--demo", name], onlyDataDir)).stdout.trim().split("\n").at(-1) as string;
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(200);
      // biome-ignore lint/suspicious/noExplicitAny: arbitrary JSON
      return (await res.json()) as any;
    };
    const demoData = async () => ({
      overdue: (await as("county-regulator", "/v1/hazards?overdue=true")).items.length,
      supervised: (await as("county-regulator", "/v1/hazards?level=major")).items.filter((h: { supervision?: unknown }) => h.supervision).length,
      cityPending: (await as("city-regulator", "/v1/accidents?pending=true")).items.map((a: { id: string }) => a.id),
      toAccept: (await as("officer", "/v1/applications?state=submitted")).items.length,
      blacklisted: ((await (await fetch(`http://127.0.0.1:${port}/v1/blacklist`)).json()) as { items: unknown[] }).items.length,
    });
    const first = await demoData();
    expect(first).toEqual({ overdue: 1, supervised: 1, cityPending: ["01JDEM0000000000000000A002"], toAccept: 1, blacklisted: 1 });
    const year = new Date().getFullYear();
    expect((await as("statistician", `/v1/statistics/control-indicators?year=${year}`)).region.year).toBe(year);

    app.child.kill("SIGINT");
    expect(await app.exited).toBe(0);

    // A second start on the same data seeds nothing new.
    const again = start(env);
    await again.waitFor("Try:");
    expect(again.output()).toContain('"demoFlowCalls":0');
    expect(again.output()).toMatch(/"registry":0,"hazards":0,"accidents":0,"approvals":0,"credit":0,"stats":0/);
    expect(await demoData()).toEqual(first);
    again.child.kill("SIGINT");
    expect(await again.exited).toBe(0);
  }, 400_000);

  it("a port already in use is a one-line error", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as { port: number }).port;
    const app = start({ PORT: String(port), DYNAMO_PORT: String(await freePort()), S3_PORT: String(await freePort()), DATA_DIR: mkdtempSync(join(tmpdir(), "safety-start-")) });
    expect(await app.exited).toBe(1);
    const lines = app.output().split("\n").filter((l) => l.startsWith("npm start failed"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`port ${port}`);
    expect(app.output()).not.toMatch(/\n\s+at /);
    blocker.close();
  }, 30_000);
});
