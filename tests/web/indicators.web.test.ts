// Statisticians: control indicators of a year, with warnings said in words and icons as well as colour.
import { describe, it } from "vitest";
import { DESKTOP, expectAccessible, PHONE, expectNoHorizontalScroll, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();

describe("statisticians' control indicators", () => {
  it("the province's indicators for 2026 with each indicator's warning level, at desktop and phone width", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "statistician");
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "控制指标" }).click();
    await page.getByRole("heading", { name: "控制指标" }).waitFor();
    await page.goto("/indicators?year=2026");
    await page.getByRole("table", { name: "本级各项指标" }).or(page.getByText("该年度尚无汇总数据")).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, "dashboard-statistician");
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  });
});
