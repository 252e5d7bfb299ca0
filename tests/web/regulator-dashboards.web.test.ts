// Each level's overview of its jurisdiction, and the industry department's view: the same screens,
// scoped by the API to its region and its industry (manufacturing for the demo account).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { enterpriseBody } from "../support/data.js";
import { call, type DemoAccountId, DESKTOP, expectAccessible, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();

/** Every card of the overview has its answer: no spinner, no "…" placeholder count, no error. */
async function overviewSettled(page: Awaited<ReturnType<typeof web.page>>) {
  await page.getByText("重大隐患挂牌督办").waitFor();
  await expect.poll(() => page.locator(".ant-spin-spinning").count(), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => page.getByText("…", { exact: true }).count(), { timeout: 30_000 }).toBe(0);
  expect(await page.locator(".ant-alert-error").count()).toBe(0);
}

describe("dashboards by level", () => {
  for (const [account, who, shot] of [
    ["city-regulator", "武汉市 · 监管人员", "dashboard-city-regulator"],
    ["province-regulator", "湖北省 · 监管人员", "dashboard-province-regulator"],
    ["industry", "武汉市 · 行业主管部门", "dashboard-industry-department"],
  ] as [DemoAccountId, string, string][]) {
    it(`${who}: the overview of the jurisdiction`, async () => {
      const page = await web.page(DESKTOP);
      await signIn(page, account);
      await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "辖区总览" }).click();
      await expect.poll(() => page.getByTestId("who").textContent()).toBe(who);
      await overviewSettled(page);
      await expectAccessible(page);
      await screenshot(page, shot);
      await page.context().close();
    });
  }

  it("the industry department sees its industry's hazards only, and acts on them from the record page", async () => {
    // A construction site (GB/T 4754 section E) in the city: the city regulator sees its hazard, the manufacturing department does not.
    const site = await call<{ id: string }>("POST", "/v1/enterprises", "county-regulator", enterpriseBody({ name: `江岸建筑工地${randomUUID().slice(0, 6)}`, industryCode: "47" }));
    expect(site.status, JSON.stringify(site.body)).toBe(201);
    const description = `脚手架连墙件缺失 ${randomUUID().slice(0, 6)}`;
    const hazard = await call<{ id: string }>("POST", "/v1/hazards", "county-regulator", {
      enterpriseId: site.body.id,
      level: "general",
      source: "enforcement",
      description,
      location: "3号楼外架",
      discoveredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      rectifyBy: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(hazard.status, JSON.stringify(hazard.body)).toBe(201);
    const chemical = `反应釜安全阀超期未校验 ${randomUUID().slice(0, 6)}`;
    const own = await call<{ id: string }>("POST", "/v1/hazards", "enterprise", {
      enterpriseId: "01JDEM0000000000000000E001",
      level: "general",
      source: "self_inspection",
      description: chemical,
      location: "合成车间",
      fixedOnSpot: true,
      discoveredAt: new Date(Date.now() - 5 * 60_000).toISOString(),
      rectifyBy: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);

    const city = await web.page(DESKTOP);
    await signIn(city, "city-regulator");
    await city.goto("/supervision/hazards?source=enforcement");
    await city.getByRole("link", { name: description }).waitFor();
    await city.context().close();

    const page = await web.page(DESKTOP);
    await signIn(page, "industry");
    await page.goto("/supervision/hazards");
    await page.getByRole("link", { name: chemical }).waitFor();
    expect(await page.getByRole("link", { name: description }).count()).toBe(0);
    // Filtered to what enforcement found, the construction site's hazard is still not among them.
    await page.getByLabel("来源").click();
    await page.locator('.ant-select-item-option[title="执法检查"]').click();
    await page.waitForURL("**/supervision/hazards?source=enforcement");
    await expect.poll(() => page.locator(".ant-spin-spinning").count()).toBe(0);
    expect(await page.getByRole("link", { name: description }).count()).toBe(0);
    await page.goto(`/supervision/hazards/${hazard.body.id}`);
    await page.getByText("没有这条隐患").waitFor();
    await page.goto(`/supervision/hazards/${own.body.id}`);
    await page.getByRole("heading", { name: /一般隐患$/ }).waitFor();
    // Fixed on the spot, it waits for acceptance, which the department may give (ACTION_ACTORS in functions/hazards/rules.ts).
    await page.getByRole("button", { name: /^验\s?收$/ }).click();
    await page.getByText("已销号").waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it("an enterprise's hazard ledger is the same list: filtered by the API and opened on its own record page", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "enterprise");
    await page.goto("/hazards");
    await page.getByRole("heading", { name: "隐患台账" }).waitFor();
    await page.getByLabel("级别").click();
    await page.locator('.ant-select-item-option[title="一般隐患"]').click();
    await page.waitForURL("**/hazards?level=general");
    await expect.poll(async () => [...new Set(await page.locator("td .ant-tag").filter({ hasText: /隐患$/ }).allTextContents())]).toEqual(["一般隐患"]);
    const first = page.locator('td a[href^="/hazards/"]').first();
    const href = await first.getAttribute("href");
    expect(href).toMatch(/^\/hazards\/[0-9A-Z]{26}$/);
    await page.getByRole("button", { name: "上报隐患" }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });
});
