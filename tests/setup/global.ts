// Starts DynamoDB Local (in memory) and s3rver on free ports once for the whole run, and
// points every test worker at them through the environment the handlers read.
import type { TestProject } from "vitest/node";
import { startLocalStorage } from "../../local/stack.js";

export default async function setup(_project: TestProject) {
  const tableName = "safety-test";
  const bucketName = "safety-test-evidence";
  const storage = await startLocalStorage({ tableName, bucketName });
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    BUCKET_NAME: bucketName,
    DYNAMODB_ENDPOINT: storage.dynamoEndpoint,
    S3_ENDPOINT: storage.s3Endpoint,
    AWS_REGION: "local",
    VALIDATE_RESPONSES: "1",
    LOG_LEVEL: "SILENT",
    POWERTOOLS_DEV: "false",
    // EMF lines on stdout would drown the test output; tests/e2e/metrics.int.test.ts turns them on.
    POWERTOOLS_METRICS_DISABLED: "true",
  });
  const { seedAll } = await import("../../local/seed.js");
  await seedAll();
  return async () => {
    await storage.stop();
  };
}
