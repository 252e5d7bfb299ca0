// Statisticians: control indicators of a year, with warnings said in words and icons as well as
// colour; a ceiling entered for a city turns into a warning once the monthly roll-up has run.
import { describe, expect, it } from "vitest";
import { call, DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, runJob, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();

describe("statisticians' control indicators", () => {
  it("Wuhan's death ceiling is reached by its November accidents: after the roll-up the province's table marks it 超标 in words, and Wuhan drills down to its counties", async () => {
    // The seeded 江岸 accident of 2026-11-28 counts three deaths; a ceiling of 3 is used up.
    const put = await call("PUT", "/v1/control-targets/2026/420100", "statistician", { deaths: 3 });
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);

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
