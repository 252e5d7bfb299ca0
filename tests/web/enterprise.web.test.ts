// The enterprise's workspace against the real local stack: a hazard from report to a regulator's
// acceptance with its photo uploaded straight to S3, an application up to submission, an accident
// report graded by the API, and a submission whose answer is lost and retried without a duplicate.
import type { Page } from "playwright-core";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();

/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Calls the API inside the page with the signed-in session's token. */
function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const token = sessionStorage.getItem("hubei-safety.session");
    const r = await fetch(p, { headers: { Authorization: `Bearer ${token}` } });
    return r.json();
  }, path);
}

async function reportHazard(page: Page, description: string) {
  await page.goto("/hazards/new");
  await page.getByLabel("隐患描述").fill(description);
  await page.getByLabel("隐患位置").fill("二号罐区东侧");
  await page.getByLabel("整改期限").fill(inDays(30));
  await page.getByRole("button", { name: "上报" }).click();
}

describe("the enterprise's workspace", () => {
  it("home shows what the enterprise owes; a hazard goes from report through photo upload to completion, and the county regulator accepts it", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "enterprise");
    await page.getByRole("heading", { name: "企业待办" }).waitFor();
    await page.getByRole("region", { name: "待整改隐患" }).waitFor();
    await page.getByRole("region", { name: "三个月内到期的许可证" }).waitFor();
    await page.getByText("报送期限").waitFor();
    await expectAccessible(page);

    const description = `储罐区静电接地线断开 ${Date.now()}`;
    await reportHazard(page, description);
    await page.waitForURL(/\/hazards\/[0-9A-Z]{26}$/);
    const id = page.url().split("/").at(-1) ?? "";
    await expect.poll(() => page.getByTestId("hazard-status").textContent(), { timeout: 15_000 }).toBe("已上报");

    await page.getByRole("button", { name: "开始整改" }).click();
    await expect.poll(() => page.getByTestId("hazard-status").textContent(), { timeout: 15_000 }).toBe("整改中");

    // Completing needs evidence: the API refuses before any photo is there, and the page says why.
    await page.getByRole("button", { name: "完成整改" }).click();
    await page.locator(".ant-message-error").waitFor();
    expect(await page.getByTestId("hazard-status").textContent()).toBe("整改中");

    // A text file is refused in the browser before anything is sent.
    const input = page.getByLabel("上传整改照片或文件");
    await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("x") });
    await page.getByText("notes.txt：只能上传 JPEG、PNG、PDF 文件").waitFor();

    await input.setInputFiles({ name: "接地线修复.png", mimeType: "image/png", buffer: PNG });
    await page.getByText("已上传").waitFor();
    await page.getByText("接地线修复.png（完成整改时核验）").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "完成整改" }).click();
    await expect.poll(() => page.getByTestId("hazard-status").textContent(), { timeout: 15_000 }).toBe("已整改待验收");
    // Verified on completion, the photo now opens through its own download route.
    await page.getByRole("button", { name: "接地线修复.png" }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "hazard-detail");
    await page.context().close();

    const regulator = await web.page(DESKTOP);
    await signIn(regulator, "county-regulator");
    await regulator.goto(`/hazards/${id}`);
    await regulator.getByRole("button", { name: "验收销号" }).click();
    await expect.poll(() => regulator.getByTestId("hazard-status").textContent(), { timeout: 15_000 }).toBe("已销号");
    // The regulator sees the trail of who did what.
    await regulator.getByRole("region", { name: "审计记录" }).getByText("验收销号").first().waitFor();
    await expectAccessible(regulator);
    await regulator.context().close();
  });

  it("a report whose answer is lost keeps the form, and the retry creates exactly one hazard", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "enterprise");
    let lost = 0;
    await page.route("**/v1/hazards", async (route) => {
      if (route.request().method() !== "POST" || lost > 0) return route.continue();
      lost++;
      // The server handles the request; the browser never hears the answer.
      await route.fetch();
      await route.abort("connectionreset");
    });
    const description = `消防通道堆放杂物 ${Date.now()}`;
    await reportHazard(page, description);
    await page.locator(".ant-message-error").waitFor();
    expect(lost).toBe(1);
    expect(await page.getByLabel("隐患描述").inputValue()).toBe(description);

    await page.getByRole("button", { name: "上报" }).click();
    await page.waitForURL(/\/hazards\/[0-9A-Z]{26}$/);
    const list = await apiGet<{ items: { id: string; description: string }[] }>(page, "/v1/hazards?limit=100");
    const mine = list.items.filter((h) => h.description === description);
    expect(mine).toHaveLength(1);
    expect(page.url()).toContain(mine[0]?.id);

    // Home lists the open hazard with its deadline.
    await page.goto("/workspace");
    await page.getByRole("region", { name: "待整改隐患" }).getByRole("link", { name: description }).waitFor();
    await expectAccessible(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "enterprise-home");
    await page.context().close();
  });

  it("on a phone: an application is created, every listed material uploaded, and submitted", async () => {
    const page = await web.page(PHONE);
    await signIn(page, "enterprise");
    await page.goto("/applications/new?item=AQ01-01");
    await page.getByText("法定办结时限").waitFor();
    await page.getByLabel("申请许可范围").fill("年产 5000 吨甲醇");
    await expectNoHorizontalScroll(page);
    await page.getByRole("button", { name: "创建申请" }).click();
    await page.waitForURL(/\/applications\/[0-9A-Z]{26}$/);
    await expect.poll(() => page.getByTestId("application-state").textContent(), { timeout: 15_000 }).toBe("草稿（未提交）");

    const inputs = page.locator('input[type="file"]');
    const n = await inputs.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) {
      await inputs.nth(i).setInputFiles({ name: `材料${i + 1}.pdf`, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") });
      await page.getByRole("button", { name: `材料${i + 1}.pdf` }).waitFor();
    }
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.getByRole("button", { name: "提交申请" }).click();
    await expect.poll(() => page.getByTestId("application-state").textContent(), { timeout: 15_000 }).toBe("已提交待受理");
    await page.getByText("受理告知期限").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "application-phone");
    await page.context().close();
  });

  it("an accident report shows the grade, report deadline and escalation chain the API computed", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "enterprise");
    await page.goto("/accidents/new");
    await page.getByLabel("事故类别").fill("中毒和窒息");
    await page.keyboard.press("Enter");
    await page.getByLabel("事故简要经过").fill("检修人员进入反应釜清理时晕倒");
    await page.getByLabel("事故现场情况").fill("反应釜已停车隔离");
    await page.getByLabel("死亡人数").fill("1");
    await page.getByLabel("直接经济损失（元）").fill("1200000");
    await expectAccessible(page);
    await page.getByRole("button", { name: "报告" }).click();
    await page.waitForURL(/\/accidents\/[0-9A-Z]{26}$/);
    await expect.poll(() => page.getByTestId("accident-grade").textContent(), { timeout: 15_000 }).toBe("一般事故");
    await page.getByText("报告期限").waitFor();
    await page.getByRole("region", { name: "逐级上报" }).getByText("县级应急管理部门").waitFor();
    await expectAccessible(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "accident-detail");
    await page.context().close();
  });

  it("a self-inspection turns its failed item into a hazard; the quarter's statistics are shown before the principal signs", async () => {
    const page = await web.page(PHONE);
    await signIn(page, "enterprise");
    await page.goto("/self-inspections/new");
    await page.getByLabel("检查人").fill("王安全");
    const first = page.locator(".checklist legend strong").first();
    const code = (await first.textContent()) ?? "";
    // The first item's radios come first.
    await page.getByRole("radio", { name: "不符合", exact: true }).first().check();
    await page.getByLabel(`${code} 隐患位置`).fill("甲类仓库");
    await page.getByLabel(`${code} 整改期限`).fill(inDays(15));
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.getByRole("button", { name: "提交自查记录" }).click();
    await page.waitForURL("**/hazards");
    const list = await apiGet<{ items: { checklistItemId?: string; location: string; status: string }[] }>(page, "/v1/hazards?limit=100");
    expect(list.items.some((h) => h.checklistItemId === code && h.location === "甲类仓库" && h.status === "reported")).toBe(true);

    await page.goto("/hazard-filings/new");
    await page.getByRole("columnheader", { name: "排查发现" }).waitFor();
    await page.getByText("报送期限").waitFor();
    await expectAccessible(page);
    await page.getByLabel("主要负责人（签报人）").fill("张总");
    await page.getByRole("button", { name: "确认统计并签报" }).click();
    await page.getByText(/报表已于 .* 签报/).waitFor();
    await page.context().close();
  });

  it("the enterprise's first screen, its to-do home opened cold, loads at most 250 KB of JavaScript (gzip)", async () => {
    const page = await web.page(DESKTOP);
    const r = await fetch(`${web.url}/local/demo-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ account: "enterprise" }) });
    const { token } = (await r.json()) as { token: string };
    await page.context().addInitScript((t) => sessionStorage.setItem("hubei-safety.session", t), token);
    const scripts: Promise<number>[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() === "script") scripts.push(res.body().then((b) => gzipSync(b).length));
    });
    await page.goto("/");
    await page.getByRole("heading", { name: "企业待办" }).waitFor();
    await page.waitForLoadState("networkidle");
    const total = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(250 * 1024);
    await page.context().close();
  });
});
