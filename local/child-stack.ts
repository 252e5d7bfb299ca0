// `npm start` (local/start.ts) in a child process on free ports with a throw-away data
// directory: the browser tests' stack and the browser benchmarks' stack. A child process keeps
// its environment apart from whatever storage the parent was pointed at.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./stack.js";

/**
 * The environment for a process of a child stack. A parent pointed at other storage (the
 * integration tests' global setup sets TABLE_NAME, DYNAMODB_ENDPOINT, …; so does an earlier
 * benchmark) would otherwise hand its table to the child instead of the child's own ports.
 */
export function ownStackEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { TABLE_NAME: _t, BUCKET_NAME: _b, DYNAMODB_ENDPOINT: _d, S3_ENDPOINT: _s, ...env } = process.env;
  return { ...env, ...extra };
}

export interface ChildStack {
  url: string;
  dynamoPort: number;
  s3Port: number;
  /** Holds stack.json (the table and endpoints), removed on stop. */
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts the stack and answers once it lists the demo accounts (seeded and serving). */
export async function spawnLocalStack(): Promise<ChildStack> {
  const dataDir = mkdtempSync(join(tmpdir(), "local-stack-"));
  const [port, dynamoPort, s3Port] = [await freePort(), await freePort(), await freePort()];
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "local/start.ts"], {
    env: ownStackEnv({ PORT: String(port), DYNAMO_PORT: String(dynamoPort), S3_PORT: String(s3Port), DATA_DIR: dataDir, LOG_LEVEL: "SILENT" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      fail(new Error(`local stack not ready in 240 s:\n${output}`));
    }, 240_000);
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
  return {
    url: `http://localhost:${port}`,
    dynamoPort,
    s3Port,
    dataDir,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
