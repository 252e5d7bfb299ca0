// Sign-in and the shell per role: who is signed in (jurisdiction · role), a menu holding only
// pages the manifest lets the role call, and a signed-out visitor sent to sign-in and back.
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../local/demo.js";
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();

const WHO: Record<string, string> = {
  enterprise: "江岸区 · 企业",
  "county-regulator": "江岸区 · 监管人员",
  "city-regulator": "武汉市 · 监管人员",
  "province-regulator": "湖北省 · 监管人员",
  "officer-head": "湖北省 · 审批负责人",
};

describe("sign-in and the shell", () => {
  it("the local sign-in page lists every demo account npm start prints", async () => {
    const page = await web.page(DESKTOP);
    await page.goto("/sign-in");
    for (const a of DEMO_ACCOUNTS) await page.getByRole("button", { name: a.title }).waitFor();
    await expectAccessible(page);
    await screenshot(page, "sign-in");
    await page.context().close();
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.id] as const))("%s: signs in, sees who it is and a menu with no page it may not open", async (id) => {
    const page = await web.page(DESKTOP);
    await signIn(page, id);
    // The region's name arrives with /v1/regions.
    await page.getByTestId("who").filter({ hasText: /^\D+ · \S+$/ }).waitFor();
    const who = (await page.getByTestId("who").textContent()) ?? "";
    if (WHO[id]) expect(who).toBe(WHO[id]);
    const menu = page.getByRole("navigation", { name: "主菜单" });
    const links = await menu.getByRole("link").evaluateAll((els) => els.map((e) => e.getAttribute("href") ?? ""));
    expect(links.length).toBeGreaterThan(0);
    // Every entry opens without the 403 page (the menu is built from the manifest's role lists).
    for (const href of links) {
      await page.goto(href);
      await page.getByRole("heading").first().waitFor();
      expect(await page.getByText("无权访问").count(), `${id} → ${href}`).toBe(0);
    }
    await expectAccessible(page);
    if (id === "county-regulator") await screenshot(page, "shell-regulator");
    await page.context().close();
  });

  it("signing in from a page comes back to it; on a phone the menu is a drawer; signing out ends the session", async () => {
    const page = await web.page(PHONE);
    await page.goto("/public/blacklist?from=test");
    await page.getByRole("button", { name: "登录" }).click();
    await page.getByRole("button", { name: DEMO_ACCOUNTS[2]?.title }).click();
    await page.waitForURL("**/public/blacklist?from=test");
    await page.getByTestId("who").waitFor();
    await expectNoHorizontalScroll(page);
    await page.getByRole("button", { name: "打开菜单" }).click();
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link").first().waitFor();
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByRole("button", { name: "登录" }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("hubei-safety.session"))).toBeNull();
    await page.context().close();
  });
});
