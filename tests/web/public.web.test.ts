// Every public page, without signing in, at 1366×768 and at 390 px: its content is there,
// axe finds nothing serious, and a phone does not scroll sideways.
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DEMO_LICENCE_NUMBER } from "../../functions/approvals/seed.js";
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, screenshot, useBrowser } from "../support/web.js";

const web = useBrowser();

describe.each([
  ["desktop", DESKTOP],
  ["phone", PHONE],
] as const)("public pages on %s", (device, viewport) => {
  it("the approval catalogue links to each item's service guide with stages, standards, time limit, materials and integrity risks", async () => {
    const page = await web.page(viewport);
    await page.goto("/public/approval-items");
    await page.getByRole("heading", { name: "审批事项与服务指南" }).waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    const first = page.getByRole("main").getByRole("link").first();
    const name = (await first.textContent()) ?? "";
    expect(name.length).toBeGreaterThan(0);
    await first.click();
    await page.getByRole("heading", { level: 2, name }).waitFor();
    for (const label of ["法定办结时限", "申请材料", "审查标准", "廉政风险点"]) await page.getByText(label).first().waitFor();
    await expect(page.getByText("受理环节")).toBeTruthy();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, device === "desktop" ? "service-guide" : "service-guide-phone");
    await page.context().close();
  });

  it("the power list shows each power with its responsibilities", async () => {
    const page = await web.page(viewport);
    await page.goto("/public/power-list");
    await page.getByRole("heading", { name: "权力清单和责任清单" }).waitFor();
    const first = page.getByRole("button", { expanded: false }).first();
    await first.click();
    await page.getByText("受理职责").first().waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  });

  it("licence verification finds a licence by number and says so when there is none", async () => {
    const page = await web.page(viewport);
    await page.goto("/public/licences");
    await page.getByLabel("许可证编号").fill(DEMO_LICENCE_NUMBER);
    await page.getByRole("button", { name: "查验" }).click();
    await page.getByText("查验结果").waitFor();
    expect(await page.getByText("有效", { exact: true }).count()).toBe(1);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.getByLabel("许可证编号").fill(DEMO_LICENCE_NUMBER.replace(/\d{4}$/, "9999"));
    await page.getByRole("button", { name: "查验" }).click();
    await page.getByText("未查到编号为").waitFor();
    await page.context().close();
  });

  it("the blacklist and the published assessments", async () => {
    const page = await web.page(viewport);
    await page.goto("/public/blacklist");
    await page.getByRole("heading", { name: "失信联合惩戒黑名单" }).waitFor();
    await page.getByRole("table").waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.goto("/public/assessments");
    await page.getByRole("heading", { name: "安全生产考核结果公示" }).waitFor();
    await page.getByLabel("考核年度").waitFor();
    await page.getByText(/考核结果尚未公布|名次/).first().waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  });
});

describe("the first screen", () => {
  it("loads at most 250 KB of JavaScript (gzip, as CloudFront serves it): pages are split by route", async () => {
    const page = await web.page(DESKTOP);
    const scripts: Promise<number>[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "script") scripts.push(r.body().then((b) => gzipSync(b).length));
    });
    await page.goto("/");
    await page.getByRole("heading", { name: "湖北省安全生产监管平台" }).waitFor();
    await page.waitForLoadState("networkidle");
    const sizes = await Promise.all(scripts);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`first screen: ${sizes.length} scripts, ${(total / 1024).toFixed(1)} KB gzip`);
    expect(sizes.length).toBeGreaterThan(1);
    expect(total).toBeLessThanOrEqual(250 * 1024);
    await page.context().close();
  });
});
