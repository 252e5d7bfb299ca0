// The 待办 inbox: a county regulator sees an accident waiting for it to forward, with the 2-hour
// countdown the API computed (生产安全事故报告和调查处理条例 art.11) and the count in the header;
// once forwarded, the count drops. On a phone (390 px), axe clean.
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();

async function reportAccident(summary: string): Promise<string> {
  const base = inject("webUrl");
  const t = await fetch(`${base}/local/demo-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ account: "enterprise" }) });
  const { token } = (await t.json()) as { token: string };
  const r = await fetch(`${base}/v1/accidents`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": randomUUID() },
    body: JSON.stringify({
      regionCode: "420102",
      occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      enterpriseId: "01JDEM0000000000000000E001",
      industryCode: "26",
      accidentType: "19",
      summary,
      scene: "江岸区化工路8号 仓库",
      deaths: 0,
      missing: 0,
      seriousInjuries: 1,
      injuries: 0,
      directLossYuan: 50_000,
    }),
  });
  expect(r.status, await r.clone().text()).toBe(201);
  return ((await r.json()) as { id: string }).id;
}

const countIn = async (text: string | null) => Number(/(\d+)/.exec(text ?? "")?.[1] ?? Number.NaN);

describe("待办", () => {
  it("a county regulator sees an accident to forward with its countdown and the header count; after forwarding the count drops", async () => {
    const summary = `仓库中毒一人重伤 ${randomUUID().slice(0, 8)}`;
    const id = await reportAccident(summary);

    const page = await web.page(PHONE);
    await signIn(page, "county-regulator");
    const count = page.getByTestId("todo-count");
    await expect.poll(async () => countIn(await count.textContent())).toBeGreaterThan(0);
    const before = await countIn(await count.textContent());

    await count.click();
    await page.waitForURL("**/todo");
    const row = page.locator(".ant-list-item").filter({ hasText: summary });
    await row.getByRole("link", { name: new RegExp(summary) }).waitFor();
    await expect.poll(() => row.getByTestId("countdown").textContent()).toMatch(/剩余 1小时(5\d|4\d|3\d)分/);
    await expect.poll(() => row.textContent()).toContain("事故转报");
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "todo-county-regulator-phone");

    await row.getByRole("link", { name: new RegExp(summary) }).click();
    await page.waitForURL(`**/accidents/${id}`);
    await page.getByRole("button", { name: "转报市级" }).click();
    await page.getByText("已转报市级").waitFor();
    await expect.poll(async () => countIn(await count.textContent())).toBe(before - 1);

    await page.goto("/todo");
    await page.getByTestId("todo-summary").waitFor();
    expect(await page.locator(".ant-list-item").filter({ hasText: summary }).count()).toBe(0);
    await page.context().close();
  });

  it("the 待办 page at 1366×768: items by urgency, each with its deadline", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "county-regulator");
    await page.getByRole("link", { name: /^待办/ }).first().click();
    await page.getByTestId("todo-summary").waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "todo-county-regulator");
    await page.context().close();
  });
});
