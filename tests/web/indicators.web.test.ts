// Statisticians: control indicators of a year, with warnings said in words and icons as well as
// colour; a ceiling entered for a city turns into a warning once the monthly roll-up has run.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { ownStackEnv } from "../setup/web.js";
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();

/** Runs a scheduled job once against the browser tests' stack, as `npm run job` does against `npm start`. */
function runJob(name: string, ...args: string[]) {
  const { dynamoPort, s3Port } = inject("webStorage");
  execFileSync(process.execPath, ["--import", "tsx", "local/job.ts", name, ...args], {
    env: ownStackEnv({ DYNAMO_PORT: String(dynamoPort), S3_PORT: String(s3Port), LOG_LEVEL: "SILENT" }),
    stdio: "pipe",
  });
}

describe("statisticians' control indicators", () => {
  it("Wuhan's death ceiling is reached by its November accidents: after the roll-up the province's table marks it 超标 in words, and Wuhan drills down to its counties", async () => {
    const t = await fetch(`${inject("webUrl")}/local/demo-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ account: "statistician" }) });
    const { token } = (await t.json()) as { token: string };
    // The seeded 江岸 accident of 2026-11-28 counts three deaths; a ceiling of 3 is used up.
    const put = await fetch(`${inject("webUrl")}/v1/control-targets/2026/420100`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ deaths: 3 }),
    });
    expect(put.status, await put.text()).toBeLessThan(300);

    const page = await web.page(DESKTOP);
    await signIn(page, "statistician");
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "控制指标" }).click();
    await page.getByRole("heading", { name: "控制指标" }).waitFor();
    await page.goto("/indicators?year=2026");
    await page.getByRole("table", { name: "本级各项指标" }).or(page.getByText("该年度尚无汇总数据")).first().waitFor();
    expect(await page.getByRole("row", { name: /武汉市.*超标/ }).count()).toBe(0);

    runJob("rollup", "--year", "2026", "--month", "11");
    await page.reload();
    const wuhan = page.getByRole("row", { name: /武汉市/ });
    await wuhan.waitFor({ timeout: 30_000 });
    expect(await wuhan.textContent()).toContain("超标（≥100%）");
    await expectAccessible(page);
    await screenshot(page, "dashboard-statistician");

    await wuhan.getByRole("link", { name: "武汉市" }).click();
    await page.waitForURL("**/indicators?year=2026&region=420100");
    await page.getByRole("row", { name: /江岸区/ }).waitFor();
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  });
});
