// Regulators' workspace: the jurisdiction overview, and an accident passed up the chain before its
// 2-hour deadline (生产安全事故报告和调查处理条例 art.10) — the county forwards, the city sees it pending.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { call, type DemoAccountId, DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();

/** A POST to the API as a demo account, as the enterprise's own screens would send it. */
async function post(account: DemoAccountId, path: string, body: unknown): Promise<{ id: string }> {
  const r = await call<{ id: string }>("POST", path, account, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

const DAY = 86_400_000;

async function reportAccident(summary: string): Promise<string> {
  const r = await post("enterprise", "/v1/accidents", {
      regionCode: "420102",
      occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(),
      enterpriseId: "01JDEM0000000000000000E001",
      industryCode: "26",
      accidentType: "19",
      summary,
      scene: "江岸区化工路8号 仓库",
      deaths: 3,
      missing: 0,
      seriousInjuries: 0,
      injuries: 0,
      directLossYuan: 2_000_000,
  });
  return r.id;
}

describe("regulators' workspace", () => {
  // Three deaths make a 较大事故, reported up to the province: county → city → province.
  it("the county forwards an accident before its 2-hour deadline and the city then sees it waiting for it", async () => {
    const summary = `仓库坍塌致三人死亡 ${randomUUID().slice(0, 8)}`;
    const id = await reportAccident(summary);

    const county = await web.page(DESKTOP);
    await signIn(county, "county-regulator");
    await county.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "辖区总览" }).click();
    const pendingCard = county.locator(".ant-card").filter({ hasText: "待本级转报的事故" });
    await pendingCard.getByRole("link", { name: "武汉江岸精细化工" }).first().waitFor();
    await expect.poll(() => pendingCard.getByTestId("countdown").first().textContent()).toMatch(/剩余 1小时(5\d|4\d|3\d)分/);
    await expectAccessible(county);
    await screenshot(county, "dashboard-county-regulator");

    await county.goto(`/accidents/${id}`);
    await county.getByText("待县级转报市级").waitFor();
    await county.getByRole("button", { name: "转报市级" }).click();
    await county.getByText("已转报市级").waitFor();
    await county.getByText("待市级转报省级").waitFor();
    // The county no longer holds it, so it has no forward button.
    expect(await county.getByRole("button", { name: /转报/ }).count()).toBe(0);
    await expectAccessible(county);
    await county.context().close();

    const city = await web.page(DESKTOP);
    await signIn(city, "city-regulator");
    await city.goto("/accidents?pending=true");
    await city.locator(`a[href="/accidents/${id}"]`).click();
    await city.waitForURL(`**/accidents/${id}`);
    await city.getByText("待市级转报省级").waitFor();
    await city.getByRole("button", { name: "转报省级" }).waitFor();
    await expect.poll(() => city.getByTestId("countdown").first().textContent()).toMatch(/剩余 \d小时/);
    await city.getByRole("heading", { name: "审计记录" }).waitFor();
    await expectAccessible(city);
    await screenshot(city, "accident-city-pending");
    await city.context().close();
  });

  it("the jurisdiction's hazards filter by level through the API and open on their record with its audit trail", async () => {
    const page = await web.page(DESKTOP);
    const major = await post("enterprise", "/v1/hazards", {
      enterpriseId: "01JDEM0000000000000000E001",
      level: "major",
      source: "self_inspection",
      description: "液氨储罐区紧急切断阀失效",
      location: "液氨罐区",
      discoveredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      rectifyBy: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10),
      currentStateAndCause: "紧急切断阀执行机构锈蚀卡死，维护缺失",
      harmAndDifficultyAnalysis: "泄漏时无法切断，可能导致中毒事故；需停产更换，难度较大",
    });
    await post("enterprise", "/v1/hazards", {
      enterpriseId: "01JDEM0000000000000000E001",
      level: "general",
      source: "self_inspection",
      description: "配电室门口消防器材过期未检",
      location: "1号配电室",
      discoveredAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      rectifyBy: new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10),
    });
    await signIn(page, "city-regulator");
    await page.goto("/supervision/hazards");
    await page.getByRole("cell", { name: "一般隐患" }).first().waitFor();
    await page.getByLabel("级别").click();
    await page.locator('.ant-select-item-option[title="重大隐患"]').click();
    await page.waitForURL("**/supervision/hazards?level=major");
    const tags = page.getByRole("cell", { name: /隐患$/ });
    // Only major hazards once the API answers the filtered query (the general one is gone).
    await expect.poll(async () => [...new Set(await tags.allTextContents())]).toEqual(["重大隐患"]);
    await expectAccessible(page);
    await page.locator(`a[href="/supervision/hazards/${major.id}"]`).click();
    await page.getByRole("heading", { name: /重大隐患$/ }).waitFor();
    // The city may list it for supervision (挂牌督办): the API's allowedActions offer it.
    await page.getByRole("button", { name: "挂牌督办" }).waitFor();
    await page.getByRole("heading", { name: "审计记录" }).waitFor();
    // Each entry says what was done in words (the action labels the hazard pages share), not as a code.
    await page.getByRole("cell", { name: "上报隐患" }).first().waitFor();
    expect(await page.getByRole("cell", { name: /^hazard\./ }).count()).toBe(0);
    await expectAccessible(page);
    await page.context().close();
  });

  it("the overview fits a phone", async () => {
    const page = await web.page(PHONE);
    await signIn(page, "city-regulator");
    await page.goto("/workspace/regulator");
    await page.getByText("重大隐患挂牌督办").waitFor();
    await page.getByText("两本账对照（自查漏报排名）").waitFor();
    // Every card has its answer (no spinner, no "…" count) before judging the layout.
    await expect.poll(() => page.locator(".ant-spin-spinning").count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.getByText("…", { exact: true }).count(), { timeout: 30_000 }).toBe(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await screenshot(page, "dashboard-city-regulator-phone");
    await page.context().close();
  });
});
