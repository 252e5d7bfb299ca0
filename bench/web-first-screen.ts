// The console's first screen on the local stack (`npm start` in a child process, as the browser
// tests run it): JavaScript transferred (gzip, as CloudFront serves it) and the time from
// navigation to the first useful screen, cold cache, median of RUNS, for a visitor's public home
// and for the enterprise's to-do home (signed in, its four API reads answered).
//
//   npx tsx bench/web-first-screen.ts       runs it, prints the figures and updates its section of BENCHMARKS.md
//   import { run } from "./web-first-screen.js" returns them (npm run bench)
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import { spawnLocalStack } from "../local/child-stack.js";
import { median } from "./support.js";

const RUNS = 5;
const ROOT = resolve(import.meta.dirname, "..");

interface Screen {
  name: string;
  path: string;
  /** Signed in as this demo account (its token placed in sessionStorage before the page loads). */
  account?: string;
  /** Text that appears once the screen is useful. */
  ready: string;
}

const SCREENS: Screen[] = [
  { name: "public home (not signed in)", path: "/", ready: "审批事项与服务指南" },
  { name: "enterprise home 企业待办 (signed in, 5 API reads)", path: "/workspace", account: "enterprise", ready: "三个月内到期的许可证" },
];

async function measure(browser: Browser, base: string, s: Screen): Promise<{ ms: number; jsGzipBytes: number; scripts: number }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN", baseURL: base });
  if (s.account) {
    const r = await fetch(`${base}/local/demo-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ account: s.account }) });
    const { token } = (await r.json()) as { token: string };
    await context.addInitScript((t) => sessionStorage.setItem("hubei-safety.session", t), token);
  }
  const page = await context.newPage();
  const sizes: Promise<number>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") sizes.push(r.body().then((b) => gzipSync(b).length));
  });
  const started = performance.now();
  await page.goto(s.path);
  // For the enterprise home the last block's content (not its heading) shows every read answered.
  await page.getByText(s.ready, { exact: false }).first().waitFor({ timeout: 30_000 });
  if (s.account) await page.locator(".owe-block").last().locator("p, ul").first().waitFor({ timeout: 30_000 });
  const ms = performance.now() - started;
  // Chunks that load after the screen is useful (the header's 待办 count) count as its JS too.
  await page.waitForLoadState("networkidle");
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ms, jsGzipBytes: bytes, scripts: sizes.length };
}

export async function run(): Promise<Record<string, unknown>> {
  const stack = await spawnLocalStack();
  const base = stack.url;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const rows = [];
    for (const s of SCREENS) {
      const runs = [];
      // One warm-up load: the server's first request compiles nothing, but the API's Lambdas load on first use.
      await measure(browser, base, s);
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, base, s));
      rows.push({ screen: s.name, jsKbGzip: Math.round((median(runs.map((r) => r.jsGzipBytes)) / 1024) * 10) / 10, scripts: median(runs.map((r) => r.scripts)), firstUsefulMs: Math.round(median(runs.map((r) => r.ms))) });
    }
    return { runs: RUNS, rows };
  } finally {
    await browser.close();
    await stack.stop();
  }
}

/** The BENCHMARKS.md section (bench/run.ts writes it too). */
export function section(r: { runs: number; rows: { screen: string; jsKbGzip: number; scripts: number; firstUsefulMs: number }[] }): string[] {
  return [
    "## Web console: first screen",
    "",
    "| screen | JS transferred (KB gzip) | scripts | time to first useful screen (ms) |",
    "|---|---|---|---|",
    ...r.rows.map((x) => `| ${x.screen} | ${x.jsKbGzip} | ${x.scripts} | ${x.firstUsefulMs} |`),
    "",
    `Cold cache, Chromium at 1366×768 against \`npm start\`'s stack on loopback, median of ${r.runs} after one warm-up. Budget: ≤ 250 KB JS for the first screen (tests/web/public.web.test.ts enforces it); every page is its own lazy chunk. Time runs from navigation until the screen shows its data (for the enterprise home: all five API reads answered).`,
    "",
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = (await run()) as Parameters<typeof section>[0];
  console.table(result.rows);
  const file = join(ROOT, "BENCHMARKS.md");
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("## Web console: first screen");
  const end = start < 0 ? -1 : text.indexOf("\n## ", start + 1);
  const body = section(result).join("\n");
  const next = start < 0 ? `${text.trimEnd()}\n\n${body}` : `${text.slice(0, start)}${body}${end < 0 ? "" : text.slice(end + 1)}`;
  writeFileSync(file, next);
  process.exit(0);
}
