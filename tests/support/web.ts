// Browser-test helpers: Debian's Chromium driven by playwright-core against the stack the
// web project's global setup started (tests/setup/web.ts). Elements are found by role and
// Chinese label, as a person finds them.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { ownStackEnv } from "../../local/child-stack.js";
import { DEMO_ACCOUNTS } from "../../local/demo.js";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export interface Web {
  url: string;
  /** A fresh page (own context: own sessionStorage) at a viewport size. */
  page(viewport?: { width: number; height: number }): Promise<Page>;
}

/** One Chromium per test file. */
export function useBrowser(): Web {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  });
  afterAll(() => browser?.close());
  return {
    get url() {
      return inject("webUrl");
    },
    async page(viewport = DESKTOP) {
      if (!browser) throw new Error("useBrowser(): only inside tests and hooks");
      // Reduced motion: the console then draws without animation, so axe judges what a user
      // sees once the page settles, not a toast halfway through fading in.
      const context = await browser.newContext({ viewport, locale: "zh-CN", reducedMotion: "reduce", baseURL: inject("webUrl") });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
  };
}

export type DemoAccountId = (typeof DEMO_ACCOUNTS)[number]["id"];

/** Signs in through the local sign-in page as a demo account and waits for the shell to show who. */
export async function signIn(page: Page, account: DemoAccountId): Promise<void> {
  const a = DEMO_ACCOUNTS.find((x) => x.id === account);
  if (!a) throw new Error(`no demo account ${account}`);
  await page.goto("/sign-in");
  await page.getByRole("button", { name: a.title }).click();
  await page.getByTestId("who").waitFor();
}

/** axe-core in the page: no serious or critical violations. */
export async function expectAccessible(page: Page): Promise<void> {
  // Judge the page at rest, not a hover state under the last click.
  await page.mouse.move(0, 0);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  expect(violations, `axe on ${page.url()}`).toEqual([]);
}

/**
 * The page does not scroll sideways (phones: 390 px). Right after a viewport change antd's
 * responsive layout and the charts re-measure on the next frames (resize observers, media-query
 * listeners), so the width is read until it settles, for up to 5 s; a page that still overflows
 * then fails.
 */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await expect.poll(overflow, { message: `horizontal scroll on ${page.url()} at ${page.viewportSize()?.width} px (px beyond the viewport)`, timeout: 5_000 }).toBeLessThanOrEqual(0);
}

/** Saves docs/<name>.png for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync("docs", { recursive: true });
  await page.screenshot({ path: `docs/${name}.png`, fullPage: false });
}

/** A demo account's token from the local stack, as its sign-in page gets it. */
export async function tokenOf(account: DemoAccountId): Promise<string> {
  const r = await fetch(`${inject("webUrl")}/local/demo-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ account }) });
  return ((await r.json()) as { token: string }).token;
}

/** One API call as a demo account (an Idempotency-Key on every POST), to set the scene a screen is tested on. */
export async function call<T = Record<string, unknown>>(method: string, path: string, account: DemoAccountId, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; etag: string | null; body: T }> {
  const r = await fetch(`${inject("webUrl")}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await tokenOf(account)}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(method === "POST" ? { "idempotency-key": crypto.randomUUID() } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, etag: r.headers.get("etag"), body: (text ? JSON.parse(text) : {}) as T };
}

/** Runs a scheduled job once against the browser tests' stack, as `npm run job` does against `npm start`. */
export function runJob(name: string, ...args: string[]): void {
  const { dynamoPort, s3Port } = inject("webStorage");
  execFileSync(process.execPath, ["--import", "tsx", "local/job.ts", name, ...args], {
    env: ownStackEnv({ DYNAMO_PORT: String(dynamoPort), S3_PORT: String(s3Port), LOG_LEVEL: "SILENT" }),
    stdio: "pipe",
  });
}
