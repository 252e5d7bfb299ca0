// Evidence and documents in S3. Clients upload straight to S3 with a presigned PUT; the API
// then checks the object really exists before relying on it.
//
// The S3 client and presigner are imported on first use, not at start: loading them costs
// ~60 ms of every cold start (measured in bench/run.ts) and most requests never touch S3.
import type { S3Client } from "@aws-sdk/client-s3";
import * as z from "zod/mini";
import { lt, missing, or, update, type Write } from "./db.js";
import { env } from "./env.js";
import { conflict, type Text } from "./errors.js";
import { newId } from "./ids.js";
import { field, Id } from "./schemas.js";

export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const UPLOAD_URL_SECONDS = 10 * 60;
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/**
 * Most attachments one record (a hazard; one material of an application) may carry. Evidence of
 * a rectification or one licence material is a handful of photos and scans; the cap keeps a
 * record, its audit and its readers bounded however a client behaves.
 */
export const MAX_ATTACHMENTS_PER_RECORD = 20;

/**
 * Takes one of a record's attachment slots, in the same transaction as the attachment: a
 * counter item that refuses to pass the cap, so concurrent requests cannot overshoot it.
 */
export function attachmentSlot(pk: string, sk: string, what: Text): Write {
  return update(pk, sk, "ADD #n :one", {
    condition: or(missing("count"), lt("count", MAX_ATTACHMENTS_PER_RECORD)),
    names: { "#n": "count" },
    values: { ":one": 1 },
    onConditionFail: conflict(
      "too_many_attachments",
      { zh: `${what.zh}最多 ${MAX_ATTACHMENTS_PER_RECORD} 个附件`, en: `${what.en} may carry at most ${MAX_ATTACHMENTS_PER_RECORD} attachments` },
      { maximum: MAX_ATTACHMENTS_PER_RECORD },
    ),
  });
}

/** Path parameters of an attachment's download route. */
export const AttachmentParams = z.strictObject({ id: Id, attachmentId: Id });

/** What a client declares before uploading; anything else is refused before a URL exists. */
export const AttachmentRequest = z.strictObject({
  fileName: field(z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[^/\\\p{Cc}]+$/u)), "文件名（不含路径）。File name."),
  contentType: field(z.enum(ATTACHMENT_TYPES), "文件类型：image/jpeg、image/png 或 application/pdf。Content type."),
  size: field(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ATTACHMENT_BYTES)), "文件大小（字节，≤ 10 MB）。Size in bytes."),
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
    client = new S3Client({
      region: env.region,
      // The SDK's default would put the CRC32 of an empty body into every presigned PUT, and real
      // S3 refuses any upload whose body does not match it. Checksums only where S3 demands them.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      ...(endpoint ? { endpoint, forcePathStyle: true, credentials } : {}),
    });
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

/**
 * A PUT URL that accepts exactly the declared upload: content type and length are signed, so
 * another type or size is refused by S3 itself, and `If-None-Match: *` makes S3 refuse to
 * overwrite the key once something is there (a leaked or reused URL cannot replace evidence).
 */
export async function presignUpload(key: string, contentType: string, size: number): Promise<{ url: string; method: "PUT"; headers: Record<string, string>; expiresAt: string }> {
  const [{ PutObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), import("@aws-sdk/s3-request-presigner")]);
  const command = new PutObjectCommand({ Bucket: env.bucketName, Key: key, ContentType: contentType, ContentLength: size, IfNoneMatch: "*" });
  const url = await getSignedUrl(await s3(), command, { expiresIn: UPLOAD_URL_SECONDS, signableHeaders: new Set(["content-type", "content-length", "if-none-match"]) });
  return {
    url,
    method: "PUT",
    headers: { "content-type": contentType, "if-none-match": "*" },
    expiresAt: new Date(Date.now() + UPLOAD_URL_SECONDS * 1000).toISOString(),
  };
}

/** What verification found in S3, kept with the attachment so later reads pin exactly that object. */
export interface VerifiedUpload {
  size: number;
  etag: string;
  /** Present where the bucket is versioned (in AWS); the local S3 server keeps no versions. */
  versionId?: string;
}

interface Head {
  size: number;
  contentType: string | undefined;
  etag: string;
  versionId?: string;
}

async function head(key: string, versionId?: string): Promise<Head | undefined> {
  try {
    const { HeadObjectCommand } = await sdk();
    const res = await (await s3()).send(new HeadObjectCommand({ Bucket: env.bucketName, Key: key, VersionId: versionId }));
    return { size: res.ContentLength ?? 0, contentType: res.ContentType, etag: res.ETag ?? "", ...(res.VersionId ? { versionId: res.VersionId } : {}) };
  } catch (err) {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    if (e.name === "NotFound" || e.name === "NoSuchKey" || e.name === "NoSuchVersion" || e.$metadata?.httpStatusCode === 404) return undefined;
    // The role may read every object under its prefix but list only that prefix; S3 can answer
    // a HEAD of a missing key there with 403 rather than 404. Either way nothing readable is there.
    if (e.$metadata?.httpStatusCode === 403) return undefined;
    throw err;
  }
}

/** What is stored under a key, for uploads whose size and type were not declared beforehand. */
export async function uploadedObject(key: string): Promise<(VerifiedUpload & { contentType: string | undefined }) | undefined> {
  const h = await head(key);
  if (!h || h.size > MAX_ATTACHMENT_BYTES) return undefined;
  return { size: h.size, etag: h.etag, contentType: h.contentType, ...(h.versionId ? { versionId: h.versionId } : {}) };
}

/**
 * Is the declared upload really in S3? One HEAD, made on the step that relies on the upload;
 * the answer (size, ETag, version) is then stored so nobody asks S3 again on reads.
 */
export async function verifyUpload(key: string, declared: { size: number; contentType?: string }): Promise<VerifiedUpload | undefined> {
  const h = await head(key);
  if (!h || h.size !== declared.size || h.size > MAX_ATTACHMENT_BYTES) return undefined;
  if (declared.contentType !== undefined && h.contentType !== undefined && h.contentType !== declared.contentType) return undefined;
  return { size: h.size, etag: h.etag, ...(h.versionId ? { versionId: h.versionId } : {}) };
}

/**
 * A short-lived download link, made only when a client asks for one. A verified attachment is
 * served as the very object that was verified: its version where S3 keeps versions, and an
 * object whose ETag changed since (replaced behind our back) is refused rather than served.
 */
export async function downloadLink(key: string, verified: VerifiedUpload | undefined, declared: { size: number; contentType?: string }): Promise<{ url: string; expiresAt: string }> {
  const found = verified ? await head(key, verified.versionId) : await verifyUpload(key, declared);
  if (!found) throw conflict("attachment_not_uploaded", { zh: "附件尚未上传", en: "the attachment has not been uploaded" });
  if (verified && found.etag !== verified.etag) {
    throw conflict("attachment_replaced", { zh: "附件在核验后被替换，不予提供", en: "the attachment was replaced after it was verified; it is not served" });
  }
  const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), import("@aws-sdk/s3-request-presigner")]);
  const url = await getSignedUrl(await s3(), new GetObjectCommand({ Bucket: env.bucketName, Key: key, VersionId: verified?.versionId }), { expiresIn: DOWNLOAD_URL_SECONDS });
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_URL_SECONDS * 1000).toISOString() };
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
