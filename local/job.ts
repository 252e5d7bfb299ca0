// `npm run job -- <name> [--year 2026] [--month 11] [--quarter 3] [--asOf ISO] [--enterprise ID]`: runs a scheduled
// job once against the local stack `npm start` runs (found through DATA_DIR/stack.json; or
// DYNAMODB_ENDPOINT / DYNAMO_PORT and S3_ENDPOINT / S3_PORT as given).
import { parseArgs } from "node:util";
import { JOBS } from "../functions/schedule.js";
import { BUCKET, DATA_DIR, DYNAMO_PORT, runningStack, S3_PORT, TABLE, useLocalStack } from "./config.js";
import { runJob } from "./scheduler.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { year: { type: "string" }, month: { type: "string" }, quarter: { type: "string" }, asOf: { type: "string" }, enterprise: { type: "string" } },
});
const name = positionals[0];
const spec = JOBS.find((j) => j.name === name);
if (!spec) {
  console.error(`unknown job '${name ?? ""}'; jobs: ${JOBS.map((j) => j.name).join(", ") || "none"}`);
  process.exit(2);
}
const running = runningStack();
if (!running && !process.env.DYNAMO_PORT && !process.env.DYNAMODB_ENDPOINT) {
  console.error(`no running stack found in ${DATA_DIR}: start it with npm start (with the same DATA_DIR), or set DYNAMO_PORT and S3_PORT`);
  process.exit(2);
}
useLocalStack(
  process.env.DYNAMODB_ENDPOINT ?? running?.dynamoEndpoint ?? `http://127.0.0.1:${DYNAMO_PORT}`,
  process.env.S3_ENDPOINT ?? running?.s3Endpoint ?? `http://127.0.0.1:${S3_PORT}`,
  running?.table ?? TABLE,
  running?.bucket ?? BUCKET,
);
const input = {
  ...(values.year ? { year: Number(values.year) } : {}),
  ...(values.month ? { month: Number(values.month) } : {}),
  ...(values.quarter ? { quarter: Number(values.quarter) } : {}),
  ...(values.asOf ? { asOf: values.asOf } : {}),
  ...(values.enterprise ? { enterpriseId: values.enterprise } : {}),
};
runJob(spec, input)
  .then((r) => console.log(JSON.stringify(r, null, 2)))
  .catch((err: Error) => {
    console.error(`job ${name} failed: ${err.message}`);
    process.exit(1);
  });
