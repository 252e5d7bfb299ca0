// The browser tests' stack: `npm start` itself (local/start.ts) in a child process on free
// ports with a throw-away data directory, so the console is built if stale and served with
// the real API, DynamoDB Local, s3rver and seed data exactly as a developer sees it. A child
// process keeps its environment apart from the integration project's storage.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "../../local/stack.js";

declare module "vitest" {
  export interface ProvidedContext {
    webUrl: string;
    /** The stack's storage ports, for running a scheduled job against it (local/job.ts). */
    webStorage: { dynamoPort: number; s3Port: number };
  }
}

/**
 * The environment for a process of the browser tests' own stack. The integration project's global
 * setup points this process at its storage (TABLE_NAME, DYNAMODB_ENDPOINT, …); a child that
 * inherited those would run on the integration tests' table instead of its own ports.
 */
export function ownStackEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { TABLE_NAME: _t, BUCKET_NAME: _b, DYNAMODB_ENDPOINT: _d, S3_ENDPOINT: _s, ...env } = process.env;
  return { ...env, ...extra };
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "web-stack-"));
  const [port, dynamoPort, s3Port] = [await freePort(), await freePort(), await freePort()];
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "local/start.ts"], {
    env: ownStackEnv({ PORT: String(port), DYNAMO_PORT: String(dynamoPort), S3_PORT: String(s3Port), DATA_DIR: dataDir, LOG_LEVEL: "SILENT" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`local stack not ready in 240 s:\n${output}`)), 240_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (/Demo (accounts and )?tokens/.test(output)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`local stack exited with ${code}:\n${output}`));
    });
  });
  project.provide("webUrl", `http://localhost:${port}`);
  project.provide("webStorage", { dynamoPort, s3Port });
  return async () => {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  };
}
