// Roll-up benchmark: does a roll-up's cost follow the period or the history?
//
// `npx tsx bench/rollup.ts` (or via `npm run bench`, which calls run()):
//   1. starts DynamoDB Local in memory (local/stack.ts) with two tables;
//   2. seeds 10,000 accident and hazard records spread over five years (2022–2026) into one and
//      100,000 into the other, with the period-index keys the accidents and hazards contexts write
//      (BatchWrite of 25, in parallel); the measured month (June 2026) holds the same 200 records in
//      both, so everything else is history;
//   3. rolls up the months before June in each (not measured: in production the daily runs have),
//      then rolls up June 2026 five times per table, interleaved, and reports items read and the
//      median time of each size, and their ratios.
// Ratios near 1 mean the roll-up's cost follows the period (June's records and the year's stored
// snapshots), not the history.
import { BatchWriteCommand, type BatchWriteCommandInput, type BatchWriteCommandOutput } from "@aws-sdk/lib-dynamodb";
import { pathToFileURL } from "node:url";
import { ensureTable, type LocalStorage, localDynamo, startLocalStorage } from "../local/stack.js";

const TABLE = "bench-rollup";
const YEARS = [2022, 2023, 2024, 2025, 2026];
const TARGET = { year: 2026, month: 6 };
const TARGET_MONTH_RECORDS = 200;
/** Records of June count up to here; earlier months are closed (outside the 补报 window). */
const AS_OF_DATE = "2026-08-15";
const CONCURRENCY = 12;

// Deterministic pseudo-random numbers, so both runs see the same data.
let seed = 42;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
const pad = (n: number) => String(n).padStart(2, "0");

async function setEnv(storage: LocalStorage) {
  Object.assign(process.env, {
    TABLE_NAME: TABLE,
    BUCKET_NAME: "bench-rollup-evidence",
    DYNAMODB_ENDPOINT: storage.dynamoEndpoint,
    S3_ENDPOINT: storage.s3Endpoint,
    AWS_REGION: "local",
    LOG_LEVEL: "SILENT",
    POWERTOOLS_METRICS_DISABLED: "true",
    POWERTOOLS_DEV: "false",
  });
}

/**
 * shared/db.ts keeps one client for the process; when `npm run bench` has already used (and
 * stopped) another DynamoDB Local, that client still points at its port, so start on that port.
 */
async function start(): Promise<LocalStorage> {
  const previous = process.env.DYNAMODB_ENDPOINT ? Number(new URL(process.env.DYNAMODB_ENDPOINT).port) : undefined;
  if (previous) {
    try {
      return await startLocalStorage({ tableName: TABLE, bucketName: "bench-rollup-evidence", dynamoPort: previous });
    } catch {
      // port taken: fall through to a free one
    }
  }
  return startLocalStorage({ tableName: TABLE, bucketName: "bench-rollup-evidence" });
}

interface Counties {
  all: string[];
}

async function counties(): Promise<Counties> {
  const { childrenOf } = await import("../shared/codes/index.js");
  const all = childrenOf("420000").flatMap((c) => {
    const kids = childrenOf(c.code).map((k) => k.code);
    return kids.length > 0 ? kids : [c.code];
  });
  return { all };
}

function instantIn(year: number, month: number): string {
  const day = 1 + Math.floor(rand() * 28);
  return `${year}-${pad(month)}-${pad(day)}T${pad(Math.floor(rand() * 16))}:${pad(Math.floor(rand() * 60))}:00.000Z`;
}

async function record(i: number, year: number, month: number, regions: Counties): Promise<Record<string, unknown>> {
  const { periodIndexKeys } = await import("../shared/periods.js");
  const regionCode = pick(regions.all);
  const at = instantIn(year, month);
  const id = `B${String(i).padStart(25, "0")}`;
  if (i % 2 === 0) {
    return {
      pk: `BENCHACC#${id}`,
      sk: "ACC",
      id,
      regionCode,
      occurredAt: at,
      grade: rand() < 0.05 ? "larger" : "general",
      deaths: Math.floor(rand() * 3),
      missing: rand() < 0.02 ? 1 : 0,
      seriousInjuries: Math.floor(rand() * 2),
      injuries: Math.floor(rand() * 4),
      directLossYuan: Math.floor(rand() * 500_000),
      industryCode: pick(["06", "26", "C", "E", "F", "G", "H"]),
      accidentType: pick(["01", "02", "03", "08", "09", "20"]),
      roadTraffic: rand() < 0.3,
      fire: rand() < 0.05,
      status: "closed",
      ...periodIndexKeys("ACC", at, regionCode, id),
    };
  }
  return {
    pk: `BENCHHAZ#${id}`,
    sk: "HAZ",
    id,
    enterpriseId: "bench-enterprise",
    regionCode,
    level: rand() < 0.1 ? "major" : "general",
    status: "rectified",
    source: "self_inspection",
    discoveredAt: at,
    rectifyBy: at.slice(0, 10),
    ...periodIndexKeys("HAZ", at, regionCode, id),
  };
}

async function batchWrite(table: string, items: Record<string, unknown>[]): Promise<void> {
  const { db } = await import("../shared/db.js");
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as Record<string, unknown>[];
      let request: BatchWriteCommandInput["RequestItems"] = { [table]: batch.map((Item) => ({ PutRequest: { Item } })) };
      for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
        const res: BatchWriteCommandOutput = await db().send(new BatchWriteCommand({ RequestItems: request }));
        request = res.UnprocessedItems && Object.keys(res.UnprocessedItems).length > 0 ? res.UnprocessedItems : undefined;
        if (request) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 6)));
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** `count` records over every month of the five years except the target month. */
async function history(from: number, count: number, regions: Counties): Promise<Record<string, unknown>[]> {
  const months = YEARS.flatMap((y) => Array.from({ length: 12 }, (_, k) => [y, k + 1] as const)).filter(([y, m]) => !(y === TARGET.year && m === TARGET.month));
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const [y, m] = months[i % months.length] as readonly [number, number];
    out.push(await record(from + i, y, m, regions));
  }
  return out;
}

type RollupFn = typeof import("../functions/stats/service.js").rollup;
type Result = Awaited<ReturnType<RollupFn>>;

const useTable = (name: string) => {
  process.env.TABLE_NAME = name;
};

async function seedTable(table: string, historyCount: number, regions: Counties): Promise<number> {
  useTable(table);
  seed = 42; // the same records in both tables: June's 200 and the first 9,800 of history
  const june: Record<string, unknown>[] = [];
  for (let i = 0; i < TARGET_MONTH_RECORDS; i++) june.push(await record(1_000_000 + i, TARGET.year, TARGET.month, regions));
  const t = Date.now();
  await batchWrite(table, [...june, ...(await history(0, historyCount, regions))]);
  return Date.now() - t;
}

function summary(label: string, total: number, runs: Result[]) {
  const median = (f: (x: Result) => number) => runs.map(f).sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number;
  const r = runs.at(-1) as Result;
  return {
    label,
    recordsInTable: total,
    recordsInMonth: TARGET_MONTH_RECORDS,
    monthsRecomputed: r.monthsRecomputed,
    itemsRead: r.itemsRead,
    recordsRead: r.recordsRead,
    snapshotsRead: r.snapshotsRead,
    rowsWritten: r.rowsWritten,
    medianMs: median((x) => x.ms),
    medianReadMs: median((x) => x.readMs),
    medianWriteMs: median((x) => x.writeMs),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const started = Date.now();
  const storage = await start();
  await setEnv(storage);
  const small = { table: TABLE, total: 10_000 };
  const large = { table: `${TABLE}-100k`, total: 100_000 };
  try {
    await ensureTable(localDynamo(storage.dynamoEndpoint), large.table);
    const regions = await counties();
    const seedMs = {
      "10k": await seedTable(small.table, small.total - TARGET_MONTH_RECORDS, regions),
      "100k": await seedTable(large.table, large.total - TARGET_MONTH_RECORDS, regions),
    };
    const { rollup } = await import("../functions/stats/service.js");
    const runs: Record<string, Result[]> = { [small.table]: [], [large.table]: [] };
    for (const t of [small, large]) {
      useTable(t.table);
      // What the daily runs have done by now: the months before June are rolled up; then one
      // unmeasured run of June so both tables are in the steady state (June's snapshots exist).
      await rollup({ year: TARGET.year, month: TARGET.month - 1, asOfDate: AS_OF_DATE, full: true });
      await rollup({ year: TARGET.year, month: TARGET.month, asOfDate: AS_OF_DATE });
    }
    // Interleaved, so warm-up and drift on a shared machine hit both sizes alike.
    for (let i = 0; i < 5; i++) {
      for (const t of [small, large]) {
        useTable(t.table);
        runs[t.table]?.push(await rollup({ year: TARGET.year, month: TARGET.month, asOfDate: AS_OF_DATE }));
      }
    }
    const a = summary("10k", small.total, runs[small.table] ?? []);
    const b = summary("100k", large.total, runs[large.table] ?? []);
    console.log(JSON.stringify(a));
    console.log(JSON.stringify(b));
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      month: `${TARGET.year}-${pad(TARGET.month)}`,
      "10k": a,
      "100k": b,
      itemsReadRatio: round(b.itemsRead / a.itemsRead),
      timeRatio: round(b.medianMs / a.medianMs),
      readTimeRatio: round(b.medianReadMs / a.medianReadMs),
      seedMs,
      note:
        "Two tables in one DynamoDB Local: 10,000 and 100,000 accident and hazard records over 2022–2026; June 2026 holds the same 200 in both, the rest is history in the other 59 months. Items read = June's records + the year's stored snapshots + annual inputs. Median of 5 interleaved runs each. Most of the time is writing the 117 region rows and 17 snapshots (derived, the same for both sizes); DynamoDB Local's absolute times are not AWS latencies.",
      totalMs: Date.now() - started,
    };
  } finally {
    await storage.stop();
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
