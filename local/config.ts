// Local stack settings: one place, overridable by environment variables.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

// The deployed functions run Node.js 22 (infra/stack.ts); the local stack supports Node 20 on
// purpose, so developers need not upgrade to run it. The SDK's notice that its 2027 releases
// need Node 22 would otherwise print on every start, job and token and says nothing to act on
// here. Set before any client exists: the SDK checks once, when the first client is built.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export const DATA_DIR = resolve(process.env.DATA_DIR ?? ".data");
export const KEY_FILE = resolve(DATA_DIR, "dev-signing-key.json");
export const PORT = Number(process.env.PORT ?? 3000);
export const DYNAMO_PORT = Number(process.env.DYNAMO_PORT ?? 8000);
export const S3_PORT = Number(process.env.S3_PORT ?? 4569);
export const TABLE = process.env.TABLE_NAME ?? "safety-main";
export const BUCKET = process.env.BUCKET_NAME ?? "safety-evidence";

/** Points the handlers (same process) at the local stack. */
export function useLocalStack(dynamoEndpoint: string, s3Endpoint: string, table = TABLE, bucket = BUCKET) {
  Object.assign(process.env, {
    TABLE_NAME: table,
    BUCKET_NAME: bucket,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    S3_ENDPOINT: s3Endpoint,
    AWS_REGION: process.env.AWS_REGION ?? "local",
  });
}

// `npm start` writes where it runs into DATA_DIR, so `npm run job` and `npm run token` find
// the running stack (ports, table, signing key) without repeating its environment.
const STACK_FILE = resolve(DATA_DIR, "stack.json");

export interface RunningStack {
  pid: number;
  apiUrl: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  table: string;
  bucket: string;
}

export function recordRunningStack(stack: RunningStack): () => void {
  writeFileSync(STACK_FILE, `${JSON.stringify(stack, null, 2)}\n`);
  return () => rmSync(STACK_FILE, { force: true });
}

/** The stack `npm start` runs with this DATA_DIR, if its process is alive. */
export function runningStack(): RunningStack | undefined {
  if (!existsSync(STACK_FILE)) return undefined;
  const stack = JSON.parse(readFileSync(STACK_FILE, "utf8")) as RunningStack;
  try {
    process.kill(stack.pid, 0);
    return stack;
  } catch {
    return undefined;
  }
}
