// Local stack settings: one place, overridable by environment variables.
import { resolve } from "node:path";

export const DATA_DIR = resolve(process.env.DATA_DIR ?? ".data");
export const KEY_FILE = resolve(DATA_DIR, "dev-signing-key.json");
export const PORT = Number(process.env.PORT ?? 3000);
export const DYNAMO_PORT = Number(process.env.DYNAMO_PORT ?? 8000);
export const S3_PORT = Number(process.env.S3_PORT ?? 4569);
export const TABLE = process.env.TABLE_NAME ?? "safety-main";
export const BUCKET = process.env.BUCKET_NAME ?? "safety-evidence";

/** Points the handlers (same process) at the local stack. */
export function useLocalStack(dynamoEndpoint: string, s3Endpoint: string) {
  Object.assign(process.env, {
    TABLE_NAME: TABLE,
    BUCKET_NAME: BUCKET,
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    S3_ENDPOINT: s3Endpoint,
    AWS_REGION: process.env.AWS_REGION ?? "local",
  });
}
