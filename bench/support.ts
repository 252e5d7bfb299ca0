// What the benchmarks share: a local API on its own storage, and the few statistics they print.
import type { TokenClaims } from "../local/auth.js";
import type { LocalStorage } from "../local/stack.js";

export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
export const median = (xs: number[]): number => pct(xs, 50);
export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Runs `fn` for indices 0..n-1 with `concurrency` workers. */
export async function pool(n: number, concurrency: number, fn: (i: number, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < n) {
        const i = next++;
        await fn(i, worker);
      }
    }),
  );
}

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a benchmark reads whichever fields the route answers
  body: any;
  replayed: boolean;
  ms: number;
}

export interface BenchApi {
  url: string;
  table: string;
  bucket: string;
  storage: LocalStorage;
  /** A signed token for these claims, as the local stack's sign-in gives. */
  token(claims: TokenClaims): Promise<string>;
  call(method: string, path: string, token: string, body?: unknown, idempotencyKey?: string): Promise<Answer>;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local and s3rver for one benchmark (table `bench-<name>`), the environment the
 * handlers read (the same the tests' global setup gives them), and the local API adapter on a
 * free port. The handlers read their environment when first imported, hence the dynamic imports.
 */
export async function startBenchApi(name: string, options: { seed?: boolean } = {}): Promise<BenchApi> {
  const table = `bench-${name}`;
  const bucket = `bench-${name}-evidence`;
  const { startLocalStorage } = await import("../local/stack.js");
  const storage = await startLocalStorage({ tableName: table, bucketName: bucket });
  Object.assign(process.env, {
    TABLE_NAME: table,
    BUCKET_NAME: bucket,
    DYNAMODB_ENDPOINT: storage.dynamoEndpoint,
    S3_ENDPOINT: storage.s3Endpoint,
    AWS_REGION: "local",
    LOG_LEVEL: "SILENT",
    POWERTOOLS_DEV: "false",
    POWERTOOLS_METRICS_DISABLED: "true",
  });
  const { mintToken, newKeyPair } = await import("../local/auth.js");
  const { createApiServer, listen } = await import("../local/server.js");
  const keys = await newKeyPair();
  const server = createApiServer(keys);
  const url = `http://127.0.0.1:${await listen(server, 0)}`;
  if (options.seed ?? true) await (await import("../local/seed.js")).seedAll();
  return {
    url,
    table,
    bucket,
    storage,
    token: (claims) => mintToken(keys.privateKey, claims),
    async call(method, path, token, body, idempotencyKey) {
      const t0 = performance.now();
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
          ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, replayed: res.headers.get("idempotent-replayed") === "true", ms: performance.now() - t0 };
    },
    async stop() {
      await new Promise<void>((r) => server.close(() => r()));
      await storage.stop();
    },
  };
}
