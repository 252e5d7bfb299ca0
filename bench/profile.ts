// Where a create's time goes: V8's CPU profiler (the one behind `node --cpu-prof`) around
// 300 `POST /v1/enterprises`, first invoking the registry handler in process (what runs in
// Lambda), then through the local API Gateway adapter (HTTP and JWT verification on top,
// which API Gateway does in AWS). Self time is grouped by where the code lives; the profiles
// are kept in .bench-out/ for Chrome DevTools.
//
//   npx tsx bench/profile.ts            prints both breakdowns
//   import { profile } from "./profile.js" returns them
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { startBenchApi } from "./support.js";

const ROOT = resolve(import.meta.dirname, "..");
const N = 300;

interface Node {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Who a stack frame belongs to. */
function owner(url: string, fn: string): string {
  if (!url) return fn === "(garbage collector)" ? "V8 garbage collector" : fn === "(idle)" ? "idle (waiting for DynamoDB Local)" : fn === "(program)" ? "V8 / native" : "node internals";
  if (/@aws-sdk|@smithy|@aws-crypto|fast-xml-parser|bowser/.test(url)) return "AWS SDK (serialise, sign, HTTP, parse)";
  if (/\/zod\//.test(url)) return "zod (validation)";
  if (/@middy/.test(url)) return "middy";
  if (/@aws-lambda-powertools/.test(url)) return "Powertools (logger, metrics)";
  if (/\/jose\//.test(url)) return "jose: JWT verification (local adapter; API Gateway in AWS)";
  if (/\/local\//.test(url)) return "local adapter (routing, event building)";
  if (/\/ulid\//.test(url)) return "ulid";
  if (/node_modules\/(tsx|esbuild|get-tsconfig)/.test(url)) return "tsx (TypeScript loader, local only)";
  if (/\/(shared|functions)\//.test(url)) return "our code (shared/, functions/)";
  if (/^node:|internal\//.test(url)) return /http|net|stream|_http/.test(url) ? "node http/net" : "node internals";
  return "other";
}

function breakdown(p: Profile): { totalMs: number; rows: { owner: string; ms: number; share: number }[] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const o = owner(n.callFrame.url, n.callFrame.functionName);
    self.set(o, (self.get(o) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  const totalMs = [...self.values()].reduce((a, b) => a + b, 0);
  const rows = [...self.entries()].map(([o, ms]) => ({ owner: o, ms: Math.round(ms), share: Math.round((ms / totalMs) * 1000) / 10 })).sort((a, b) => b.ms - a.ms);
  return { totalMs: Math.round(totalMs), rows };
}

export async function profile(): Promise<Record<string, unknown>> {
  const api = await startBenchApi("profile", { seed: false });
  const { enterpriseBody } = await import("../tests/support/data.js");
  const { handler } = await import("../functions/registry/handler.js");
  const token = await api.token({ role: "regulator", region: "420102", user: "profile" });
  const direct = async (i: number) => {
    const r = await handler(
      {
        routeKey: "POST /v1/enterprises",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(enterpriseBody()),
        requestContext: { requestId: `profile-${i}`, authorizer: { jwt: { claims: { sub: "profile", role: "regulator", region: "420102" }, scopes: [] } } },
      } as never,
      { getRemainingTimeInMillis: () => 15_000 } as never,
    );
    if (r.statusCode !== 201) throw new Error(`handler answered ${r.statusCode}`);
  };
  const viaAdapter = async () => {
    const r = await fetch(`${api.url}/v1/enterprises`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(enterpriseBody()) });
    if (r.status !== 201) throw new Error(`adapter answered ${r.status}`);
    await r.text();
  };
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  mkdirSync(join(ROOT, ".bench-out"), { recursive: true });
  const results: Record<string, unknown> = {};
  try {
    for (let i = 0; i < 30; i++) {
      await direct(i);
      await viaAdapter();
    }
    for (const [name, call] of [["handler", direct], ["adapter", viaAdapter]] as const) {
      await session.post("Profiler.start");
      const t = process.hrtime.bigint();
      for (let i = 0; i < N; i++) await call(i);
      const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
      const { profile: p } = (await session.post("Profiler.stop")) as unknown as { profile: Profile };
      writeFileSync(join(ROOT, ".bench-out", `create-${name}.cpuprofile`), JSON.stringify(p));
      const b = breakdown(p);
      results[name] = { n: N, wallMsPerCreate: Math.round((wallMs / N) * 100) / 100, busyMsPerCreate: Math.round(((b.totalMs - (b.rows.find((r) => r.owner.startsWith("idle"))?.ms ?? 0)) / N) * 100) / 100, breakdown: b.rows };
    }
  } finally {
    session.disconnect();
    await api.stop();
  }
  return results;
}

export const run = profile;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  profile()
    .then((r) => {
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
