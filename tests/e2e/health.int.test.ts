// GET /v1/health over HTTP against the real DynamoDB Local and s3rver: healthy only when the
// platform could really use both, so a refused or missing bucket is never reported as fine.
import { afterEach, describe, expect, it } from "vitest";
import { useApi } from "../support/api.js";

const api = useApi();
const saved = { ...process.env };

afterEach(() => {
  for (const k of ["BUCKET_NAME", "TABLE_NAME", "S3_ACCESS_KEY_ID"]) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("GET /v1/health", () => {
  it("200 ok when the table is ACTIVE and the bucket answers HeadBucket", async () => {
    const res = await api.call("GET", "/v1/health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", table: true, bucket: true });
  });

  it("503 degraded when the bucket refuses the function (403: an access key it does not know)", async () => {
    process.env.S3_ACCESS_KEY_ID = "NOT-AN-ACCOUNT";
    const res = await api.call("GET", "/v1/health");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: "degraded", table: true, bucket: false });
  });

  it("503 degraded when the bucket does not exist (404)", async () => {
    process.env.BUCKET_NAME = "no-such-evidence-bucket";
    const res = await api.call("GET", "/v1/health");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: "degraded", table: true, bucket: false });
  });

  it("503 degraded when the table does not exist", async () => {
    process.env.TABLE_NAME = "no-such-table";
    const res = await api.call("GET", "/v1/health");
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: "degraded", table: false, bucket: true });
  });
});
