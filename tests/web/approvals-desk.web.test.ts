// Approval officers' desk: the queue on the statutory working-day clock, stage actions, and the
// separation of duties made visible — the officer who passed the review sees the decision disabled
// with the reason, another officer decides.
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();

async function call(account: string, method: string, path: string, body?: unknown) {
  const t = await fetch(`${inject("webUrl")}/local/demo-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ account }) });
  const { token } = (await t.json()) as { token: string };
  const r = await fetch(`${inject("webUrl")}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": randomUUID() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await r.json()) as Record<string, unknown>;
  expect(r.status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}

const PDF = Buffer.from("%PDF-1.4\n% material\n");

/** The demo enterprise applies with every material uploaded, as its own screens would. */
async function submittedApplication(scope: string): Promise<string> {
  const app = (await call("enterprise", "POST", "/v1/applications", { itemCode: "AQ04-01", scope })) as { id: string; materials: string[] };
  for (const material of app.materials) {
    const a = (await call("enterprise", "POST", `/v1/applications/${app.id}/attachments`, { material, fileName: "材料.pdf", contentType: "application/pdf", size: PDF.length })) as {
      upload: { url: string; headers: Record<string, string> };
    };
    const put = await fetch(a.upload.url, { method: "PUT", headers: a.upload.headers, body: PDF });
    expect(put.status).toBeLessThan(300);
  }
  await call("enterprise", "POST", `/v1/applications/${app.id}/submit`, {});
  return app.id;
}

describe("approval officers' desk", () => {
  it("a province officer accepts and passes the review, may not decide (shown why), and another officer approves", async () => {
    const id = await submittedApplication(`特种作业：电工作业（低压电工）${randomUUID().slice(0, 6)}`);

    const officer = await web.page(DESKTOP);
    await signIn(officer, "officer");
    await officer.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "审批待办" }).click();
    const link = officer.locator(`a[href="/review/applications/${id}"]`);
    await link.waitFor();
    // Not yet accepted: no clock, so it sorts among the first rows, before every application with a clock.
    await expect
      .poll(async () => {
        // Application rows only (antd adds a hidden measuring row to a scrolling table).
        const rows = (await officer.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => ({ href: tr.querySelector("a")?.getAttribute("href"), text: tr.textContent ?? "" })))).filter((r) => r.href);
        const ours = rows.findIndex((r) => r.href === `/review/applications/${id}`);
        return ours >= 0 && rows.slice(0, ours + 1).every((r) => r.text.includes("待受理"));
      })
      .toBe(true);
    await expectAccessible(officer);
    await screenshot(officer, "dashboard-approval-queue");
    await link.click();
    await officer.getByText("未受理，尚未计时").waitFor();
    await officer.getByRole("button", { name: "受理", exact: true }).click();
    await officer.getByText(/计时中 · 已用 \d+ 个工作日 · 剩余 (20|19) 个工作日/).waitFor();
    await officer.getByRole("button", { name: "审查通过", exact: true }).click();
    await officer.getByRole("cell", { name: "审查中 → 审查通过" }).waitFor();
    const approve = officer.getByRole("button", { name: "准予许可" });
    await approve.waitFor();
    expect(await approve.isDisabled()).toBe(true);
    await officer.getByText("您已作出审查通过意见，按审批职责分离，须由另一名审批人员作出决定").first().waitFor();
    expect(await officer.getByRole("button", { name: "不予许可" }).isDisabled()).toBe(true);
    await expectAccessible(officer);
    await screenshot(officer, "approval-desk-reviewer");
    await officer.context().close();

    const head = await web.page(DESKTOP);
    await signIn(head, "officer-head");
    await head.goto(`/review/applications/${id}`);
    const decide = head.getByRole("button", { name: "准予许可" });
    expect(await decide.isEnabled()).toBe(true);
    await decide.click();
    // A decision needs a written reason: asked for before anything is sent.
    await head.getByText("「准予许可」须写明理由").waitFor();
    await head.getByLabel("办理意见").fill("材料齐全，审查合格，准予许可");
    await decide.click();
    await head.getByText("已准予许可").first().waitFor();
    await head.getByRole("cell", { name: "审查通过 → 准予许可" }).waitFor();
    await head.getByRole("button", { name: "发证" }).waitFor();
    const after = (await call("officer", "GET", `/v1/applications/${id}`)) as { state: string; decision: string };
    expect([after.state, after.decision]).toEqual(["approved", "approved"]);
    await expectAccessible(head);
    await head.context().close();
  });

  it("the queue fits a phone", async () => {
    const page = await web.page(PHONE);
    await signIn(page, "officer");
    await page.goto("/review/applications");
    await page.getByRole("heading", { name: "审批待办" }).waitFor();
    await page.getByRole("table").waitFor();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await page.context().close();
  });
});
