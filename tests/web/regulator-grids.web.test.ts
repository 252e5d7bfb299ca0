// Grids (网格化) on the regulator's desktop: the county draws a grid, puts enterprises into it and
// takes them out at the version it read (a concurrent change is refused, not overwritten), and
// reads the grid member's patrols down to the hazards they found.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { enterpriseBody } from "../support/data.js";
import { call, DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();
const DEMO_GRID = "01JDEM0000000000000000G001";
const DEMO_ENTERPRISE = "01JDEM0000000000000000E001";

async function newEnterprise(name: string): Promise<string> {
  const r = await call<{ id: string }>("POST", "/v1/enterprises", "county-regulator", enterpriseBody({ name }));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

describe("regulators' grids", () => {
  it("the county creates a grid, assigns and releases enterprises at the grid's version, and sees the change in the audit trail", async () => {
    const tag = randomUUID().slice(0, 6).toUpperCase();
    const first = `网格测试化工${tag}甲`;
    const second = `网格测试化工${tag}乙`;
    await newEnterprise(first);
    const secondId = await newEnterprise(second);

    const page = await web.page(DESKTOP);
    await signIn(page, "county-regulator");
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "网格管理" }).click();
    await page.getByRole("link", { name: "江岸区化工路网格" }).waitFor();
    await page.getByRole("button", { name: "新建网格" }).click();
    await page.getByLabel("网格代码").fill(`GRID-420102-${tag}`);
    await page.getByLabel("网格名称").fill(`江岸区测试网格${tag}`);
    await page.getByLabel("所在区县").click();
    await page.locator('.ant-select-item-option[title="江岸区"]').click();
    await page.getByLabel("网格员账号").fill(`grid-${tag}`);
    await page.getByLabel("网格员姓名").fill("王网格");
    await page.getByLabel("监管责任人姓名").fill("周监管");
    await page.getByLabel("联系领导姓名").fill("吴领导");
    await expectAccessible(page);
    await page.getByRole("button", { name: "建立网格" }).click();
    await page.getByRole("heading", { name: `江岸区测试网格${tag}` }).waitFor();
    const gridId = page.url().split("/").at(-1) as string;
    await page.getByRole("heading", { name: "网格内企业（0）" }).waitFor();

    await page.getByLabel("划入企业").fill(first);
    await page.locator(`.ant-select-item-option[title="${first}"]`).click();
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "划入网格" }).click();
    await page.getByRole("heading", { name: "网格内企业（1）" }).waitFor();
    await page.getByRole("cell", { name: first, exact: true }).waitFor();

    // Another regulator's screen assigns the second enterprise meanwhile: the grid moves to version 3.
    const other = await call("POST", `/v1/grids/${gridId}/enterprises`, "county-regulator", { enterpriseIds: [secondId] }, { "if-match": '"2"' });
    expect(other.status).toBe(200);
    // This page still holds version 2: its release is refused with 409 and the page reloads the grid.
    await page.getByRole("button", { name: `移出网格：${first}` }).click();
    await page.getByRole("button", { name: "确认移出" }).click();
    await page.getByText("记录已被他人修改，请刷新后重试").waitFor();
    await page.getByRole("heading", { name: "网格内企业（2）" }).waitFor();
    const stillIn = await call<{ enterprises: { id: string }[] }>("GET", `/v1/grids/${gridId}`, "county-regulator");
    expect(stillIn.body.enterprises).toHaveLength(2);

    // Now at the version it shows, the release goes through.
    await page.getByRole("button", { name: `移出网格：${first}` }).click();
    await page.getByRole("button", { name: "确认移出" }).click();
    await page.getByRole("heading", { name: "网格内企业（1）" }).waitFor();
    expect(await page.getByRole("cell", { name: first, exact: true }).count()).toBe(0);
    await page.getByRole("cell", { name: "移出企业" }).waitFor();
    expect(await page.getByRole("cell", { name: "划入企业" }).count()).toBe(2);
    await page.getByRole("cell", { name: "建立网格" }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it("the county reads a grid member's patrol and opens the hazard it found", async () => {
    const route = `沿江大道巡查 ${randomUUID().slice(0, 6)}`;
    const description = `巡查发现配电箱未上锁 ${randomUUID().slice(0, 6)}`;
    const rectifyBy = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const patrol = await call<{ id: string; hazardIds: string[] }>("POST", "/v1/grid-patrols", "grid", {
      patrolledAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      route,
      visitedEnterpriseIds: [DEMO_ENTERPRISE],
      findings: [{ enterpriseId: DEMO_ENTERPRISE, level: "general", description, location: "二号车间配电箱", rectifyBy }],
    });
    expect(patrol.status, JSON.stringify(patrol.body)).toBe(201);

    const page = await web.page(DESKTOP);
    await signIn(page, "county-regulator");
    await page.goto(`/grids/${DEMO_GRID}`);
    await page.getByRole("heading", { name: "巡查记录" }).waitFor();
    const row = page.getByRole("row").filter({ hasText: route });
    await row.waitFor();
    await screenshot(page, "grid-detail");
    await row.getByRole("link").click();
    await page.waitForURL(`**/grid-patrols/${patrol.body.id}`);
    await page.getByRole("heading", { name: "发现的问题" }).waitFor();
    await page.getByRole("link", { name: description }).click();
    await page.waitForURL(`**/supervision/hazards/${patrol.body.hazardIds[0]}`);
    await page.getByText("网格巡查").first().waitFor();
    await page.getByRole("link", { name: "查看巡查记录" }).waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  it("the grid list and a grid fit a phone", async () => {
    const page = await web.page(PHONE);
    await signIn(page, "county-regulator");
    await page.goto("/grids");
    await page.getByRole("link", { name: "江岸区化工路网格" }).click();
    await page.getByRole("heading", { name: "巡查记录" }).waitFor();
    await expect.poll(() => page.locator(".ant-spin-spinning").count(), { timeout: 30_000 }).toBe(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.context().close();
  });
});
