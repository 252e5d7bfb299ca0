// Configuration comes from the environment: CDK sets it in AWS, the local stack and the
// test setup set it locally. Read lazily so tests can set it before first use.
import { TABLE_NAME_DEFAULT } from "./table.js";

export const env = {
  get tableName() {
    return process.env.TABLE_NAME ?? TABLE_NAME_DEFAULT;
  },
  get bucketName() {
    return process.env.BUCKET_NAME ?? "safety-evidence";
  },
  /** Set only locally (DynamoDB Local); in AWS the SDK finds the regional endpoint. */
  get dynamoEndpoint() {
    return process.env.DYNAMODB_ENDPOINT;
  },
  get s3Endpoint() {
    return process.env.S3_ENDPOINT;
  },
  /** Only with a local S3 endpoint: the account s3rver accepts (its default is S3RVER). */
  get localS3Credentials() {
    return { accessKeyId: process.env.S3_ACCESS_KEY_ID ?? "S3RVER", secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? "S3RVER" };
  },
  /** The SNS topic of due-soon reminders; unset locally, where reminders are logged. */
  get reminderTopicArn() {
    return process.env.REMINDER_TOPIC_ARN;
  },
  get region() {
    return process.env.AWS_REGION ?? "cn-north-1";
  },
};
