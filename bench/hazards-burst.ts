// Quarter-end burst: 200 concurrent clients submit 5,000 hazards through the API with
// Idempotency-Keys and random retries, versus raw PutItem of 5,000 equivalent items with the same
// concurrency on the same DynamoDB Local, and versus the API's own I/O done raw (GetItem + a
// 3-item TransactWriteItems): DynamoDB Local's transaction throughput is the ceiling of the
// first ratio. Prints accepted writes/s as ratios to both, p50/p99 latency, and the count check
// (0 lost, 0 duplicated), counted with a Query per enterprise.
//
//   npx tsx bench/hazards-burst.ts          runs it and prints the figures
//   import { run } from "./hazards-burst.js" returns them
import { pathToFileURL } from "node:url";
import { pct, pool, round as round2, startBenchApi } from "./support.js";

const CLIENTS = 200;
const HAZARDS = 5_000;
const RETRY_SHARE = 0.1;
/** Counties spread over several cities, so the city-sharded indexes see a realistic spread. */
const COUNTIES = ["420102", "420106", "420111", "420114", "420115", "420281", "420304", "420506", "420602", "421002", "421102", "429004"];

/** Figures to one decimal unless said otherwise. */
const round = (x: number, digits = 1) => round2(x, digits);

async function burst(): Promise<Record<string, unknown>> {
  const started = Date.now();
  const api = await startBenchApi("hazards");
  const TABLE = api.table;
  const { cityOf } = await import("../shared/codes/index.js");
  const { uscc } = await import("../tests/support/data.js");
  const { GetCommand, PutCommand, TransactWriteCommand } = await import("@aws-sdk/lib-dynamodb");
  const { db, queryAll } = await import("../shared/db.js");
  const { newId } = await import("../shared/ids.js");
  const { hazardItem } = await import("../functions/hazards/store.js");
  const { addDays, shanghaiDate } = await import("../shared/time.js");

  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    phases[name] = round((Date.now() - mark) / 1000, 2);
    mark = Date.now();
  };
  phase("storage and seed");
  try {
    const admin = await api.token({ role: "admin", region: "420000", user: "bench-admin" });
    const post = (path: string, token: string, body: unknown, key?: string) => api.call("POST", path, token, body, key);

    // One enterprise per client, registered through the API.
    const enterprises: { id: string; regionCode: string; token: string }[] = [];
    await pool(CLIENTS, 20, async (i) => {
      const county = COUNTIES[i % COUNTIES.length] as string;
      const res = await post("/v1/enterprises", admin, {
        name: `基准企业${i}`, uscc: uscc(county), regionCode: county, address: "基准路1号",
        industryCode: "26", scale: "small", contact: { name: "测试", phone: "027-1234567" },
      });
      if (res.status !== 201) throw new Error(`enterprise ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      const token = await api.token({ role: "enterprise", region: county, enterprise: res.body.id, user: `bench-ent-${i}` });
      enterprises[i] = { id: res.body.id, regionCode: county, token };
    });

    phase("enterprises");
    const today = shanghaiDate(new Date());
    const discoveredAt = new Date(Date.now() - 3_600_000).toISOString();
    const body = (client: number, n: number) => ({
      enterpriseId: (enterprises[client] as { id: string }).id,
      level: "general",
      source: "self_inspection",
      description: `基准隐患 ${client}-${n}：消防器材过期`,
      location: `${n % 7}号车间`,
      discoveredAt,
      rectifyBy: addDays(today, 15),
    });

    // Warm both paths outside the measurement: module load, connections, and above all DynamoDB
    // Local's JIT (a cold JVM is several times slower, which would flatter whichever path ran last).
    await pool(400, CLIENTS, async (i) => {
      const e = enterprises[i % CLIENTS] as { id: string; token: string };
      const res = await post("/v1/hazards", e.token, { ...body(i % CLIENTS, -1), description: `warm-up ${i}` });
      if (res.status !== 201) throw new Error(`warm-up: ${res.status} ${JSON.stringify(res.body)}`);
    });
    await pool(1_000, 50, async (i) => {
      await db().send(new PutCommand({ TableName: TABLE, Item: { pk: `RAWWARM#${i}`, sk: "HAZ", ...body(i % CLIENTS, -1) } }));
    });
    phase("warmUp");
    // ---- Raw PutItem of equivalent items (same attributes and index keys, other prefixes) with the
    // same concurrency. Measured before and after the API burst; the ratio uses the faster of the two
    // (the JVM keeps warming up, and the conservative baseline is the better one).
    // `transaction` does the API's I/O without its code: read the enterprise, then one
    // transaction of the hazard, its audit record and an idempotency record. It shows how far
    // DynamoDB Local's transaction throughput, not our code, limits the burst.
    const rawBurst = async (tag: string, mode: "put" | "transaction" = "put") => {
      const rawLatencies: number[] = [];
      const rawStart = performance.now();
      await pool(HAZARDS, CLIENTS, async (i) => {
        const client = i % CLIENTS;
        const e = enterprises[client] as { id: string; regionCode: string };
        const id = newId();
        const at = new Date().toISOString();
        const item = hazardItem({
          id, enterpriseId: e.id, enterpriseName: "基准企业", regionCode: e.regionCode, cityCode: cityOf(e.regionCode) ?? e.regionCode, industryCode: "26",
          industrySection: "C", gridId: null, level: "general", source: "self_inspection", status: "reported", description: `raw ${tag} ${i}`,
          location: "车间", discoveredAt, rectifyBy: addDays(today, 15), fixedOnSpot: false, version: 1, createdAt: at, createdBy: "raw", updatedAt: at,
        });
        const raw = {
          ...item,
          pk: `RAW${item.pk}`,
          gsi1pk: `RAW${item.gsi1pk}`,
          gsi2pk: `RAW${item.gsi2pk}`,
          gsi3pk: `RAW${item.gsi3pk}`,
          gsi4pk: `RAW${item.gsi4pk}`,
        };
        const t0 = performance.now();
        if (mode === "put") {
          await db().send(new PutCommand({ TableName: TABLE, Item: raw, ConditionExpression: "attribute_not_exists(pk)" }));
        } else {
          await db().send(new GetCommand({ TableName: TABLE, Key: { pk: `ENT#${e.id}`, sk: "ENT" } }));
          const put = (Item: Record<string, unknown>) => ({ Put: { TableName: TABLE, Item, ConditionExpression: "attribute_not_exists(pk)" } });
          await db().send(
            new TransactWriteCommand({
              TransactItems: [
                put({ pk: `RAWIDEMP#${tag}#${i}`, sk: "IDEMP", requestHash: id, status: 201, responseBody: JSON.stringify(item) }),
                put(raw),
                put({ pk: `RAWAUDIT#${id}`, sk: `${at}#${id}`, entity: "audit", action: "hazard.create", entityId: id, regionCode: e.regionCode, at }),
              ],
            }),
          );
        }
        rawLatencies.push(performance.now() - t0);
      });
      const seconds = (performance.now() - rawStart) / 1000;
      return { seconds: round(seconds, 2), writesPerSecond: round(HAZARDS / seconds), p50Ms: round(pct(rawLatencies, 50)), p99Ms: round(pct(rawLatencies, 99)) };
    };
    const rawBefore = await rawBurst("before");
    phase("rawBefore");
    const rawTransactionBefore = await rawBurst("transaction-before", "transaction");
    phase("rawTransactionBefore");

    // ---- API burst: each client submits its share; ~10% of requests are retried with the same key,
    // half of them while the first attempt is still in flight (a client timeout), half after it.
    const perClient = HAZARDS / CLIENTS;
    const latencies: number[] = [];
    const idsByKey = new Map<string, Set<string>>();
    let requests = 0;
    let retries = 0;
    let replays = 0;
    let transient = 0;
    const failures: string[] = [];
    const send = async (token: string, b: unknown, key: string) => {
      // A client retries a 409 (lost race with its own in-flight duplicate) or 5xx with the same key.
      for (let attempt = 0; attempt < 10; attempt++) {
        const res = await post("/v1/hazards", token, b, key);
        requests++;
        latencies.push(res.ms);
        if (res.status === 201) {
          if (res.replayed) replays++;
          const set = idsByKey.get(key) ?? new Set<string>();
          set.add(res.body.id);
          idsByKey.set(key, set);
          return;
        }
        if (res.status === 409 || res.status >= 500) {
          transient++;
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
          continue;
        }
        failures.push(`${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        return;
      }
      failures.push(`gave up on ${key}`);
    };
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const apiStart = performance.now();
    await Promise.all(
      enterprises.map(async (e, client) => {
        for (let n = 0; n < perClient; n++) {
          const key = `burst-${client}-${n}`;
          const b = body(client, n);
          const r = random();
          if (r < RETRY_SHARE / 2) {
            retries++;
            await Promise.all([send(e.token, b, key), send(e.token, b, key)]);
          } else if (r < RETRY_SHARE) {
            retries++;
            await send(e.token, b, key);
            await send(e.token, b, key);
          } else {
            await send(e.token, b, key);
          }
        }
      }),
    );
    const apiSeconds = (performance.now() - apiStart) / 1000;
    phase("api");
    const rawAfter = await rawBurst("after");
    phase("rawAfter");
    const rawTransactionAfter = await rawBurst("transaction-after", "transaction");
    phase("rawTransactionAfter");
    const rawTransaction = rawTransactionBefore.writesPerSecond >= rawTransactionAfter.writesPerSecond ? rawTransactionBefore : rawTransactionAfter;

    // ---- Count check: a Query per bench enterprise partition (gsi2 HAZENT#<enterprise>).
    const stored = (await Promise.all(enterprises.map((e) => queryAll({ index: "gsi2", pk: `HAZENT#${e.id}` })))).flat();
    const burstItems = stored.filter((h) => String(h.description).startsWith("基准隐患 "));
    const byDescription = new Map<string, number>();
    for (const h of burstItems) byDescription.set(h.description as string, (byDescription.get(h.description as string) ?? 0) + 1);
    let lost = 0;
    let duplicated = 0;
    for (let client = 0; client < CLIENTS; client++) {
      for (let n = 0; n < perClient; n++) {
        const c = byDescription.get(`基准隐患 ${client}-${n}：消防器材过期`) ?? 0;
        if (c === 0) lost++;
        if (c > 1) duplicated += c - 1;
      }
    }
    const keysWithTwoIds = [...idsByKey.values()].filter((s) => s.size > 1).length;
    phase("countCheck");

    const apiRate = HAZARDS / apiSeconds;
    const raw = rawBefore.writesPerSecond >= rawAfter.writesPerSecond ? rawBefore : rawAfter;
    const rawRate = raw.writesPerSecond;
    return {
      clients: CLIENTS,
      hazards: HAZARDS,
      requests,
      retriedHazards: retries,
      replayedAnswers: replays,
      transientRetries: transient,
      failures: failures.length,
      api: { seconds: round(apiSeconds, 2), acceptedWritesPerSecond: round(apiRate), p50Ms: round(pct(latencies, 50)), p99Ms: round(pct(latencies, 99)) },
      raw,
      rawRuns: { before: rawBefore.writesPerSecond, after: rawAfter.writesPerSecond },
      ratioToRaw: round(apiRate / rawRate, 3),
      rawTransaction,
      rawTransactionRuns: { before: rawTransactionBefore.writesPerSecond, after: rawTransactionAfter.writesPerSecond },
      ratioToRawTransaction: round(apiRate / rawTransaction.writesPerSecond, 3),
      rawTransactionToRawPut: round(rawTransaction.writesPerSecond / rawRate, 3),
      countCheck: { expected: HAZARDS, stored: burstItems.length, lost, duplicated, keysAnsweredWithTwoIds: keysWithTwoIds },
      elapsedSeconds: round((Date.now() - started) / 1000),
      phaseSeconds: phases,
      ...(failures.length ? { firstFailures: failures.slice(0, 3) } : {}),
    };
  } finally {
    await api.stop();
  }
}

/** The figures (the table clients follow the endpoint this run's storage sets). */
export const run = burst;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  burst()
    .then((r) => {
      if (process.argv.includes("--json")) {
        console.log(JSON.stringify(r));
      } else {
        const api = r.api as Record<string, number>;
        const raw = r.raw as Record<string, number>;
        const count = r.countCheck as Record<string, number>;
        console.log(`hazards burst: ${r.clients} clients, ${r.hazards} hazards, ${r.requests} requests (${r.retriedHazards} retried, ${r.replayedAnswers} replayed, ${r.transientRetries} transient retries, ${r.failures} failures)`);
        console.log(`  API  ${api.acceptedWritesPerSecond} accepted writes/s  p50 ${api.p50Ms} ms  p99 ${api.p99Ms} ms`);
        console.log(`  raw  ${raw.writesPerSecond} PutItem/s  p50 ${raw.p50Ms} ms  p99 ${raw.p99Ms} ms`);
        console.log(`  ratio to raw: ${r.ratioToRaw}`);
        console.log(`  count check: ${count.stored}/${count.expected} stored, ${count.lost} lost, ${count.duplicated} duplicated`);
        console.log(JSON.stringify(r, null, 2));
      }
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
