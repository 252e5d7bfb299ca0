// The enterprise register in the console against the real local stack: a county regulator
// registers an enterprise (the API's USCC check lands on the field, naming the expected
// character), finds it by name, edits it with If-Match, and a concurrent change is a 409 that
// refreshes the record instead of overwriting it.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { usccCheckCharacter } from "../../shared/codes/index.js";
import { enterpriseBody, uscc } from "../support/data.js";
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();

async function pick(page: Page, label: string, search: string, title: string) {
  await page.getByLabel(label).click();
  await page.getByLabel(label).fill(search);
  await page.locator(".ant-select-dropdown:visible").getByTitle(title).click();
  await page.locator(".ant-select-dropdown:visible").waitFor({ state: "detached" });
}

/** PATCH through the page's own session, as another user's concurrent edit would arrive. */
function patchAddress(page: Page, id: string, version: number, address: string): Promise<number> {
  return page.evaluate(
    async ({ id, version, address }) => {
      const token = sessionStorage.getItem("hubei-safety.session");
      const r = await fetch(`/v1/enterprises/${id}`, {
        method: "PATCH",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", "If-Match": `"${version}"` },
        body: JSON.stringify({ address }),
      });
      return r.status;
    },
    { id, version, address },
  );
}

/** Registers enterprises through the page's own session, 4 at a time. */
function register(page: Page, bodies: object[]): Promise<number[]> {
  return page.evaluate(async (all) => {
    const token = sessionStorage.getItem("hubei-safety.session");
    const statuses: number[] = [];
    for (let i = 0; i < all.length; i += 4) {
      const batch = all.slice(i, i + 4).map((b) =>
        fetch("/v1/enterprises", { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: JSON.stringify(b) }).then((r) => r.status),
      );
      statuses.push(...(await Promise.all(batch)));
    }
    return statuses;
  }, bodies);
}

describe("the enterprise register", () => {
  it("register with the API's USCC check on the field, find by name, edit with If-Match; a concurrent edit is a 409 and the page refreshes", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "county-regulator");
    // More of the county's enterprises than one page of the API looks at, listed before the new one.
    // (tests/support/data.ts makes random codes: one in a few thousand meets an earlier file's, a 409 that changes nothing here.)
    const statuses = await register(page, Array.from({ length: 120 }, () => enterpriseBody()));
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(110);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    await page.goto("/registry/enterprises");
    await page.getByRole("main").getByRole("heading", { name: "企业名录" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "登记企业" }).click();
    await page.getByRole("heading", { name: "登记企业" }).waitFor();

    const name = `登记测试化工${Date.now().toString(36)}有限公司`;
    const good = uscc("420102");
    const expected = usccCheckCharacter(good.slice(0, 17));
    await page.getByLabel("企业名称").fill(name);
    await page.getByLabel("统一社会信用代码").fill(good.slice(0, 17) + (expected === "0" ? "1" : "0"));
    await pick(page, "所在县（市、区）", "420102", "武汉市 江岸区（420102）");
    await page.getByLabel("生产经营地址").fill("武汉市江岸区测试路8号");
    await pick(page, "行业", "26", "26 化学原料和化学制品制造业");
    await page.getByLabel("企业规模").click();
    await page.locator('.ant-select-item-option[title="中型"]').click();
    await page.getByLabel("安全联系人").fill("王安全");
    await page.getByLabel("联系电话").fill("027-88886666");
    await page.getByRole("button", { name: "登记", exact: true }).click();
    // The API refuses the check character and its message lands on the field.
    await page.locator(".ant-form-item-explain-error", { hasText: `应为 ${expected}` }).waitFor();
    expect(page.url()).toMatch(/\/registry\/enterprises\/new$/);
    await expectAccessible(page);

    await page.getByLabel("统一社会信用代码").fill(good);
    await page.getByRole("button", { name: "登记", exact: true }).click();
    await page.waitForURL(/\/registry\/enterprises\/[0-9A-Z]{26}$/);
    const id = page.url().split("/").at(-1) ?? "";
    await page.getByRole("heading", { name }).waitFor();

    // Found by name in the jurisdiction's list.
    await page.goto("/registry/enterprises");
    await page.getByLabel("查找企业").fill(name);
    await page.getByLabel("查找企业").press("Enter");
    await page.getByRole("link", { name }).click();
    await page.getByRole("heading", { name }).waitFor();

    // Edit: the form sends the version it was filled from.
    await page.getByRole("button", { name: "修改", exact: true }).click();
    await page.getByLabel("生产经营地址").fill("武汉市江岸区测试路9号");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.getByText("武汉市江岸区测试路9号").waitFor();
    await expect.poll(() => page.locator(".ant-descriptions tr", { hasText: "版本" }).textContent()).toMatch(/版本\s*2(?!\d)/);

    // Someone else saves version 2 while this form is open: saving the stale form is refused, not overwritten.
    await page.getByRole("button", { name: "修改", exact: true }).click();
    await page.getByLabel("生产经营地址").fill("武汉市江岸区过期表单路1号");
    expect(await patchAddress(page, id, 2, "武汉市江岸区他人修改路2号")).toBe(200);
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.locator(".ant-message-error", { hasText: "已刷新为最新状态" }).waitFor();
    await page.getByRole("button", { name: "取消", exact: true }).click();
    await page.getByText("武汉市江岸区他人修改路2号").waitFor();
    expect(await page.getByText("武汉市江岸区过期表单路1号").count()).toBe(0);

    // The record's history: registered, then the two saves; the refused one left nothing.
    const trail = page.getByRole("region", { name: "审计记录" });
    await expect.poll(() => trail.locator(".ant-table-row").count()).toBe(3);
    expect(await trail.locator(".ant-table-row").allTextContents()).toEqual([expect.stringContaining("登记"), expect.stringContaining("修改"), expect.stringContaining("修改")]);
  });

  it("the list fits a phone", async () => {
    const page = await web.page(PHONE);
    await signIn(page, "county-regulator");
    await page.goto("/registry/enterprises");
    await page.getByRole("main").getByRole("heading", { name: "企业名录" }).waitFor();
    await page.locator(".ant-table-row").first().waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });
});
