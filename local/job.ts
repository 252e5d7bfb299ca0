// `npm run job -- <name> [--year 2026] [--month 11] [--quarter 3] [--asOf ISO] [--enterprise ID]`: runs a scheduled
// job once against the local stack (which `npm start` must be running).
import { parseArgs } from "node:util";
import { JOBS } from "../functions/schedule.js";
import { DYNAMO_PORT, S3_PORT, useLocalStack } from "./config.js";
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
useLocalStack(process.env.DYNAMODB_ENDPOINT ?? `http://127.0.0.1:${DYNAMO_PORT}`, process.env.S3_ENDPOINT ?? `http://127.0.0.1:${S3_PORT}`);
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
