// `npm start`: the whole local stack. DynamoDB Local and s3rver persisting under .data/,
// table and bucket from the CDK definitions, idempotent seeding, the API on PORT, the
// scheduled jobs on their schedules, and a token per demo role.
import { JOBS } from "../functions/schedule.js";
import { loadOrCreateKeyPair, mintToken } from "./auth.js";
import { BUCKET, DATA_DIR, DYNAMO_PORT, KEY_FILE, PORT, recordRunningStack, S3_PORT, TABLE, useLocalStack } from "./config.js";
import { DEMO_ACCOUNTS, describeClaims } from "./demo.js";
import { runJob, startScheduler } from "./scheduler.js";
import { createApiServer, listen } from "./server.js";
import { assertPortFree, startLocalStorage } from "./stack.js";
import { consoleListener, ensureConsoleBuilt } from "./web.js";

async function main() {
  await assertPortFree(PORT, "API");
  await ensureConsoleBuilt();
  const storage = await startLocalStorage({ dataDir: DATA_DIR, dynamoPort: DYNAMO_PORT, s3Port: S3_PORT, tableName: TABLE, bucketName: BUCKET });
  useLocalStack(storage.dynamoEndpoint, storage.s3Endpoint);
  const { seedAll } = await import("./seed.js");
  const seeded = await seedAll();
  const keys = await loadOrCreateKeyPair(KEY_FILE);
  const server = createApiServer(keys, consoleListener(keys));
  await listen(server, PORT);
  const scheduler = await startScheduler();
  const { seedDemoFlows } = await import("./demo-flows.js");
  const rollup = JOBS.find((j) => j.name === "rollup");
  const demoCalls = await seedDemoFlows(`http://127.0.0.1:${PORT}`, (claims) => mintToken(keys.privateKey, claims), async () => {
    if (rollup) await runJob(rollup);
  });
  seeded.demoFlowCalls = demoCalls;
  const forget = recordRunningStack({ pid: process.pid, apiUrl: `http://localhost:${PORT}`, dynamoEndpoint: storage.dynamoEndpoint, s3Endpoint: storage.s3Endpoint, table: TABLE, bucket: BUCKET });

  const url = `http://localhost:${PORT}`;
  console.log(`\nHubei work-safety console: open ${url}/  (sign in with a demo account)`);
  console.log(`API at ${url}/v1  (OpenAPI: ${url}/v1/openapi.json)`);
  console.log(`DynamoDB Local ${storage.dynamoEndpoint}, S3 ${storage.s3Endpoint}, data in ${DATA_DIR}`);
  console.log(`seeded (new items): ${JSON.stringify(seeded)}`);
  console.log(`scheduled jobs: ${scheduler.names.join(", ") || "none"}  (run one now: npm run job -- <name>)\n`);
  console.log("Demo accounts and tokens (valid 12 h; a fresh one: npm run token -- --demo <id>):");
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.id} · ${a.title} · ${describeClaims(a.claims)}\n    ${await mintToken(keys.privateKey, a.claims)}`);
  console.log(`\nTry: TOKEN=$(npm run -s token -- --demo county-regulator | tail -1); curl -H "Authorization: Bearer $TOKEN" ${url}/v1/hazards\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping…");
    scheduler.stop();
    forget();
    server.close();
    await storage.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: Error) => {
  console.error(`npm start failed: ${err.message}`);
  process.exit(1);
});
