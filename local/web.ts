// The console in the local stack: built on demand, served from web/dist on the API's
// origin (SPA fallback to index.html), plus the local-only demo sign-in. Nothing here is
// deployed: in AWS the console signs in through Cognito and CloudFront serves web/dist.
import { existsSync, readdirSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sirv from "sirv";
import type { KeyPair } from "./auth.js";
import { mintToken } from "./auth.js";
import { DEMO_ACCOUNTS } from "./demo.js";

export const WEB_DIR = fileURLToPath(new URL("../web", import.meta.url));
export const WEB_DIST = join(WEB_DIR, "dist");
const DEMO_TTL_SECONDS = 12 * 3600;

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/** True when web/dist is missing or older than any of the console's sources. */
export function consoleIsStale(): boolean {
  const built = join(WEB_DIST, "index.html");
  if (!existsSync(built)) return true;
  const sources = ["src", "public", "index.html", "vite.config.ts"].map((p) => join(WEB_DIR, p)).filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
}

/** Builds web/dist with Vite when it is missing or stale. */
export async function ensureConsoleBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!consoleIsStale()) return;
  log("building the web console (web/dist)…");
  const { build } = await import("vite");
  // A production build even when started under a test runner (NODE_ENV=test would ship React's development build).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: join(WEB_DIR, "vite.config.ts"), logLevel: "warn", mode: "production" });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
  } catch {
    return undefined;
  }
}

/**
 * Everything on the local origin that is not /v1: the demo sign-in routes and the built
 * console. `GET /local/demo-accounts` lists the accounts `npm start` prints;
 * `POST /local/demo-token {"account": id}` returns a token for one of them.
 */
export function consoleListener(keys: Pick<KeyPair, "privateKey">, distDir = WEB_DIST) {
  const assets = existsSync(distDir) ? sirv(distDir, { single: true, etag: true, dev: false }) : undefined;
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/local/demo-accounts" && req.method === "GET") {
      return json(res, 200, { items: DEMO_ACCOUNTS.map((a) => ({ id: a.id, title: a.title, role: a.claims.role, region: a.claims.region })) });
    }
    if (url.pathname === "/local/demo-token" && req.method === "POST") {
      const body = (await readJson(req)) as { account?: unknown } | undefined;
      const account = DEMO_ACCOUNTS.find((a) => a.id === body?.account);
      if (!account) return json(res, 400, { message: "unknown demo account" });
      const token = await mintToken(keys.privateKey, account.claims, `${DEMO_TTL_SECONDS}s`);
      return json(res, 200, { token, expiresAt: new Date(Date.now() + DEMO_TTL_SECONDS * 1000).toISOString() });
    }
    if (assets && (req.method === "GET" || req.method === "HEAD")) {
      return assets(req, res, () => json(res, 404, { message: "Not Found" }));
    }
    json(res, 404, { message: "Not Found" });
  };
}
