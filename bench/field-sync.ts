// Field-mode sync: a grid member's phone holds 50 patrol reports saved offline, each with one
// finding and one 200 KB photo. The phone comes online and the console's own sync sends them
// (one create with its Idempotency-Key, then a fresh presigned PUT of the photo, in order).
// Measured in Debian's Chromium against `npm start`'s stack: records per second and the bytes
// the phone sent (request bodies: JSON and photos).
//
//   npx tsx bench/field-sync.ts          runs it and prints the figures
//   import { run } from "./field-sync.js" returns them
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { DEMO_ACCOUNTS } from "../local/demo.js";
import { spawnLocalStack } from "../local/child-stack.js";
import { uscc } from "../tests/support/data.js";

const REPORTS = 50;
const PHOTO_BYTES = 200 * 1024;
const GRID = DEMO_ACCOUNTS.find((a) => a.id === "grid")?.claims.grid as string;

async function call(url: string, account: string, method: string, path: string, body?: unknown) {
  const { token } = (await (await fetch(`${url}/local/demo-token`, { method: "POST", body: JSON.stringify({ account }) })).json()) as { token: string };
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  // biome-ignore lint/suspicious/noExplicitAny: bench reads arbitrary JSON
  return (await res.json()) as any;
}

export async function run(): Promise<Record<string, unknown>> {
  const stack = await spawnLocalStack();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const ent = await call(stack.url, "admin", "POST", "/v1/enterprises", {
      name: "基准外勤企业",
      uscc: uscc("420102"),
      regionCode: "420102",
      address: "武汉市江岸区基准路2号",
      industryCode: "26",
      scale: "small",
      contact: { name: "测试", phone: "027-1234567" },
    });
    await call(stack.url, "county-regulator", "POST", `/v1/grids/${GRID}/enterprises`, { enterpriseIds: [ent.id] });

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: stack.url });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: DEMO_ACCOUNTS.find((a) => a.id === "grid")?.title }).click();
    await page.getByTestId("who").waitFor();
    await page.goto("/field");
    await page.getByRole("heading", { name: "外勤采集" }).waitFor();
    // Offline, the reload below is served by the service worker: it must be active first.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);

    // 50 reports saved offline, exactly as the patrol form saves them (features/field/outbox.ts).
    const rectifyBy = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.evaluate(
      async ({ n, bytes, enterpriseId, rectifyBy }) => {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open("hubei-safety-field", 1);
          r.onsuccess = () => ok(r.result);
          r.onerror = () => fail(r.error);
        });
        const tx = db.transaction("outbox", "readwrite");
        const t0 = Date.now() - n * 60_000;
        for (let i = 0; i < n; i++) {
          const at = new Date(t0 + i * 60_000).toISOString();
          const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), new Uint8Array(bytes - 4).fill(i)], { type: "image/jpeg" });
          tx.objectStore("outbox").put({
            id: crypto.randomUUID(),
            owner: "grid_member:01JDEM0000000000000000G001",
            kind: "patrol",
            title: `网格巡查 · 基准 ${i + 1}`,
            savedAt: at,
            idempotencyKey: crypto.randomUUID(),
            body: { patrolledAt: at, findings: [{ enterpriseId, level: "general", description: `基准隐患 ${i + 1}`, location: "基准位置", rectifyBy }] },
            photos: [{ id: crypto.randomUUID(), name: `photo-${i}.jpg`, type: "image/jpeg", blob: photo, finding: 0, uploaded: false }],
            state: "pending",
          });
        }
        await new Promise((ok) => {
          tx.oncomplete = ok;
        });
      },
      { n: REPORTS, bytes: PHOTO_BYTES, enterpriseId: ent.id, rectifyBy },
    );
    await page.reload();
    await page.getByRole("heading", { name: `待发送记录（${REPORTS}）` }).waitFor();

    let bodyBytes = 0;
    let headerBytes = 0;
    let requests = 0;
    const counted: Promise<void>[] = [];
    page.on("requestfinished", (r) => {
      if (r.method() === "GET") return;
      requests++;
      counted.push(
        r.sizes().then((s) => {
          bodyBytes += s.requestBodySize;
          headerBytes += s.requestHeadersSize;
        }),
      );
    });
    const started = performance.now();
    await context.setOffline(false);
    await page.getByRole("heading", { name: "待发送记录（0）" }).waitFor({ timeout: 600_000 });
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(counted);

    const hazards = await call(stack.url, "county-regulator", "GET", `/v1/hazards?enterpriseId=${ent.id}&limit=100`);
    // Chromium reports no body size for an XHR sending a Blob: the photo bytes are the sizes the
    // presigned PUTs were signed for (S3 refuses any other length), read back per hazard.
    let photos = 0;
    let photoBytes = 0;
    for (const h of hazards.items as { id: string }[]) {
      const one = await call(stack.url, "county-regulator", "GET", `/v1/hazards/${h.id}`);
      for (const a of one.attachments ?? []) {
        photos++;
        photoBytes += a.size;
      }
    }
    bodyBytes += photoBytes;
    const bytesSent = bodyBytes + headerBytes;
    return {
      reports: REPORTS,
      photoSize: PHOTO_BYTES,
      seconds: Math.round(seconds * 10) / 10,
      patrolsPerSecond: Math.round((REPORTS / seconds) * 10) / 10,
      recordsPerSecond: Math.round(((REPORTS * 2 + photos) / seconds) * 10) / 10,
      requests,
      photos,
      bytesSent,
      photoBytes,
      jsonBodyBytes: bodyBytes - photoBytes,
      headerBytes,
      bytesPerReport: Math.round(bytesSent / REPORTS),
      overheadBytesPerReport: Math.round((bytesSent - REPORTS * PHOTO_BYTES) / REPORTS),
      hazardsCreated: hazards.items.length,
      note: "Records = patrols + their hazards + stored photos. Sent in order, one item at a time, as the phone does; Chromium on loopback against the local stack (DynamoDB Local, s3rver), so absolute times are not a mobile network's.",
    };
  } finally {
    await browser.close();
    await stack.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  run()
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    })
    .catch((err: Error) => {
      console.error(err);
      process.exit(1);
    });
}
