// Evidence and documents in S3. Clients upload straight to S3 with a presigned PUT; the API
// then checks the object really exists before relying on it.
//
// The S3 client and presigner are imported on first use, not at start: loading them costs
// ~60 ms of every cold start (measured in bench/run.ts) and most requests never touch S3.
import type { S3Client } from "@aws-sdk/client-s3";
import * as z from "zod/mini";
import { env } from "./env.js";
import { newId } from "./ids.js";

export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const UPLOAD_URL_SECONDS = 10 * 60;
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/** What a client declares before uploading; anything else is refused before a URL exists. */
export const AttachmentRequest = z.strictObject({
  fileName: z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^/\\\p{Cc}]+$/u)),
  contentType: z.enum(ATTACHMENT_TYPES),
  size: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ATTACHMENT_BYTES)),
});
export type AttachmentRequest = z.infer<typeof AttachmentRequest>;

let client: S3Client | undefined;
let clientConfig: string | undefined;
const sdk = () => import("@aws-sdk/client-s3");
async function s3(): Promise<S3Client> {
  const endpoint = env.s3Endpoint;
  const credentials = endpoint ? env.localS3Credentials : undefined;
  const config = JSON.stringify([endpoint, credentials]);
  if (!client || clientConfig !== config) {
    const { S3Client } = await sdk();
    clientConfig = config;
    client = new S3Client({ region: env.region, ...(endpoint ? { endpoint, forcePathStyle: true, credentials } : {}) });
  }
  return client;
}

/**
 * An object key nobody can guess: the owner's scope, the record, then a fresh ULID
 * (80 random bits) before the file name.
 */
export function attachmentKey(context: string, enterpriseId: string, recordId: string, fileName: string): string {
  const safe = fileName.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 120);
  return `${context}/${enterpriseId}/${recordId}/${newId()}/${safe}`;
}

export async function presignUpload(key: string, contentType: string, size: number): Promise<{ url: string; method: "PUT"; headers: Record<string, string>; expiresAt: string }> {
  const [{ PutObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), import("@aws-sdk/s3-request-presigner")]);
  const url = await getSignedUrl(await s3(), new PutObjectCommand({ Bucket: env.bucketName, Key: key, ContentType: contentType, ContentLength: size }), {
    expiresIn: UPLOAD_URL_SECONDS,
  });
  return {
    url,
    method: "PUT",
    headers: { "content-type": contentType },
    expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString(),
  };
}

export async function presignDownload(key: string): Promise<string> {
  const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), import("@aws-sdk/s3-request-presigner")]);
  return getSignedUrl(await s3(), new GetObjectCommand({ Bucket: env.bucketName, Key: key }), { expiresIn: DOWNLOAD_URL_SECONDS });
}

/** Does the object exist, and is it what was declared? */
export async function headObject(key: string): Promise<{ size: number; contentType: string | undefined } | undefined> {
  try {
    const { HeadObjectCommand } = await sdk();
    const res = await (await s3()).send(new HeadObjectCommand({ Bucket: env.bucketName, Key: key }));
    return { size: res.ContentLength ?? 0, contentType: res.ContentType };
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === "NotFound" || e.name === "NoSuchKey" || e.$metadata?.httpStatusCode === 404) return undefined;
    throw err;
  }
}

/**
 * Can this function use the evidence bucket? HeadBucket answers 200 only when the bucket
 * exists and the caller may list it; a 403 (no permission, bad credentials) or a 404 (no
 * such bucket) means uploads would fail, so neither is healthy.
 */
export async function bucketUsable(): Promise<boolean> {
  try {
    const { HeadBucketCommand } = await sdk();
    await (await s3()).send(new HeadBucketCommand({ Bucket: env.bucketName }));
    return true;
  } catch {
    return false;
  }
}
