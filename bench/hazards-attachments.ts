// GET /v1/hazards/{id} with 0 and with 100 attachments (objects really in S3), on the same
// DynamoDB Local and s3rver: a read answers from the stored attachment records alone (no HEAD,
// no presign per attachment), so the two times should be about equal. Prints the ratio.
//
//   npx tsx bench/hazards-attachments.ts    runs it and prints the figures
//   import { run } from "./hazards-attachments.js" returns them
import { pathToFileURL } from "node:url";
import { pct, round, startBenchApi } from "./support.js";

const ATTACHMENTS = 100;
const WARM = 30;
const N = 200;

async function attachments(): Promise<Record<string, unknown>> {
  const api = await startBenchApi("attachments");
  const { uscc } = await import("../tests/support/data.js");
  const { PutCommand } = await import("@aws-sdk/lib-dynamodb");
  const { PutObjectCommand, S3Client } = await import("@aws-sdk/client-s3");
  const { db } = await import("../shared/db.js");
  const { newId } = await import("../shared/ids.js");
  const { attachmentKey } = await import("../shared/storage.js");
  const { addDays, shanghaiDate } = await import("../shared/time.js");
  const { call } = api;
  try {
    const admin = await api.token({ role: "admin", region: "420000", user: "bench-admin" });
    const ent = await call("POST", "/v1/enterprises", admin, {
      name: "附件基准企业", uscc: uscc("420102"), regionCode: "420102", address: "基准路1号",
      industryCode: "26", scale: "small", contact: { name: "测试", phone: "027-1234567" },
    });
    if (ent.status !== 201) throw new Error(`enterprise: ${ent.status} ${JSON.stringify(ent.body)}`);
    const token = await api.token({ role: "enterprise", region: "420102", enterprise: ent.body.id, user: "bench-ent" });
    const hazard = async (n: number) => {
      const res = await call("POST", "/v1/hazards", token, {
        enterpriseId: ent.body.id, level: "general", source: "self_inspection", description: `附件基准隐患 ${n}`, location: "1号车间",
        discoveredAt: new Date(Date.now() - 3_600_000).toISOString(), rectifyBy: addDays(shanghaiDate(new Date()), 7),
      });
      if (res.status !== 201) throw new Error(`hazard: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const none = await hazard(0);
    const many = await hazard(1);

    // The API caps attachments per record (shared/storage.ts), so the 100 are written as the
    // store writes them, each with its object really uploaded: the read must not care either way.
    const s3 = new S3Client({ region: "local", endpoint: api.storage.s3Endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
    const pdf = Buffer.from("%PDF-1.4 bench evidence");
    for (let i = 0; i < ATTACHMENTS; i++) {
      const id = newId();
      const key = attachmentKey("hazards", ent.body.id, many, `evidence-${i}.pdf`);
      await s3.send(new PutObjectCommand({ Bucket: api.bucket, Key: key, Body: pdf, ContentType: "application/pdf" }));
      await db().send(
        new PutCommand({
          TableName: api.table,
          Item: {
            pk: `HAZ#${many}`, sk: `ATT#${id}`, entity: "hazard_attachment", id, hazardId: many, key, fileName: `evidence-${i}.pdf`,
            contentType: "application/pdf", size: pdf.length, createdAt: new Date().toISOString(), createdBy: "bench-ent",
          },
        }),
      );
    }
    const check = await call("GET", `/v1/hazards/${many}`, token);
    if (check.body.attachments?.length !== ATTACHMENTS) throw new Error(`expected ${ATTACHMENTS} attachments, got ${check.body.attachments?.length}`);

    const time = async (id: string) => {
      const t0 = performance.now();
      const res = await call("GET", `/v1/hazards/${id}`, token);
      if (res.status !== 200) throw new Error(`GET answered ${res.status}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < WARM; i++) {
      await time(none);
      await time(many);
    }
    const t0s: number[] = [];
    const t100s: number[] = [];
    for (let i = 0; i < N; i++) {
      t0s.push(await time(none));
      t100s.push(await time(many));
    }
    const median0 = pct(t0s, 50);
    const median100 = pct(t100s, 50);
    return {
      attachments: ATTACHMENTS,
      n: N,
      zero: { medianMs: round(median0), p99Ms: round(pct(t0s, 99)) },
      hundred: { medianMs: round(median100), p99Ms: round(pct(t100s, 99)) },
      ratio: round(median100 / median0),
      note: "Interleaved GETs through the local API adapter (HTTP, JWT, one hazard Get, one attachment Query). The 100 objects exist in S3; the read makes no S3 call, so the ratio reflects only the larger Query and response body.",
    };
  } finally {
    await api.stop();
  }
}

export const run = attachments;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  attachments()
    .then((r) => {
      const z = r.zero as Record<string, number>;
      const h = r.hundred as Record<string, number>;
      console.log(`GET /v1/hazards/{id}: 0 attachments median ${z.medianMs} ms (p99 ${z.p99Ms}), ${r.attachments} attachments median ${h.medianMs} ms (p99 ${h.p99Ms}); ratio ${r.ratio}`);
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
