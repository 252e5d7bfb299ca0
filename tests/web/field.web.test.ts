// Field mode on a phone: a grid member captures a patrol with a hazard and a photo with no
// signal, the drafts survive closing the page, and sync sends each item once — even when the
// answer is lost on the way back — and leaves a refusal on the item with the API's message. A
// finding names its checklist item from the checklists kept on the device, and the outbox lets
// go of what the API has held for a week.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../local/demo.js";
import { enterpriseBody } from "../support/data.js";
import { expectAccessible, expectNoHorizontalScroll, PHONE, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();
const GRID = DEMO_ACCOUNTS.find((a) => a.id === "grid")?.claims.grid as string;
// A few bytes with the JPEG signature: the API and S3 check type and length, not the picture.
const PHOTO = { name: "现场.jpg", mimeType: "image/jpeg", buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2048, 7)]) };
const rectifyBy = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

async function send(method: string, path: string, account: string, body?: unknown, headers: Record<string, string> = {}) {
  const t = await fetch(`${web.url}/local/demo-token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ account }) });
  const { token } = (await t.json()) as { token: string };
  return fetch(`${web.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID(), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function call(method: string, path: string, account: string, body?: unknown) {
  const res = await send(method, path, account, body);
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary JSON
  return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
}

/** A fresh enterprise in the demo grid, so the test owns every hazard reported on it. */
async function enterpriseInGrid(): Promise<{ id: string; name: string }> {
  const e = await call("POST", "/v1/enterprises", "admin", enterpriseBody());
  expect(e.status, JSON.stringify(e.body)).toBe(201);
  const a = await call("POST", `/v1/grids/${GRID}/enterprises`, "county-regulator", { enterpriseIds: [e.body.id] });
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  return { id: e.body.id, name: e.body.name };
}

async function hazardsOf(enterpriseId: string) {
  const r = await call("GET", `/v1/hazards?enterpriseId=${enterpriseId}`, "county-regulator");
  expect(r.status).toBe(200);
  return r.body.items as { id: string; description: string; source: string; discoveredAt: string; patrolId?: string }[];
}

/** Signed in as the grid member with the field screens and their data loaded once online. */
async function fieldPhone(): Promise<Page> {
  const page = await web.page(PHONE);
  await signIn(page, "grid");
  await page.goto("/field/patrol");
  await page.getByRole("heading", { name: "网格巡查上报" }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The grid's enterprises arrive and the screen says the device keeps them for offline use.
  await page.getByText("可离线使用").waitFor();
  return page;
}

/** Every current checklist of the industries of the grid's enterprises: what the device must keep. */
async function checklistsOfGrid(): Promise<number> {
  const ents = await call("GET", "/v1/enterprises?limit=100", "grid");
  expect(ents.body.nextCursor).toBeNull();
  const ids = new Set<string>();
  for (const code of new Set<string>(ents.body.items.map((e: { industryCode: string }) => e.industryCode))) {
    const list = await call("GET", `/v1/checklists?industryCode=${code}`, "grid");
    for (const c of list.body.items as { id: string; current: boolean }[]) if (c.current) ids.add(c.id);
  }
  return ids.size;
}

interface Capture {
  photo?: boolean;
  /** The checklist item the finding breaks, as the select shows it ("WHP-010 危险化学品储存条件"). */
  checklistItem?: string;
  /** Judge the filled form: axe and no horizontal scroll. */
  check?: boolean;
}

async function capturePatrol(page: Page, ent: { name: string }, description: string, { photo = true, checklistItem, check }: Capture = {}) {
  await page.goto("/field/patrol");
  await page.getByLabel("走访企业").click();
  await page.locator(".ant-select-dropdown:visible").getByTitle(ent.name).click();
  await page.keyboard.press("Escape");
  await page.locator(".ant-select-dropdown:visible").waitFor({ state: "detached" });
  await page.getByLabel("巡查路线").fill("沿江大道—工业园东区");
  await page.getByRole("button", { name: "添加发现的隐患" }).click();
  await page.getByLabel("企业", { exact: true }).click();
  await page.locator(".ant-select-dropdown:visible").getByTitle(ent.name).click();
  if (checklistItem) {
    await page.getByLabel("对应检查项").fill(checklistItem.split(" ")[0] as string);
    await page.locator(".ant-select-dropdown:visible").getByTitle(checklistItem).click();
  }
  await page.getByLabel("隐患描述").fill(description);
  await page.getByLabel("位置").fill("二号仓库东门");
  await page.getByLabel("整改期限").fill(rectifyBy());
  if (photo) await page.getByLabel("现场照片").setInputFiles(PHOTO);
  if (check) {
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
  }
  await page.getByRole("button", { name: "保存巡查记录" }).click();
  await page.getByRole("heading", { name: "外勤采集" }).waitFor();
}

const item = (page: Page, description: string) => page.getByRole("listitem").filter({ hasText: description.slice(0, 6) }).first();
/** The state tag of an item (待同步 / 同步中 / 已提交 / 需处理). */
const state = (page: Page, description: string) => item(page, description).locator(".ant-tag").textContent();

describe("field mode (grid member, phone, offline)", () => {
  it("captures a patrol with a hazard and a photo offline; after closing the page and going online it syncs once", async () => {
    const ent = await enterpriseInGrid();
    const page = await fieldPhone();
    const context = page.context();
    await context.setOffline(true);
    // The app shell comes from the service worker, the grid from IndexedDB.
    await page.reload();
    await page.getByRole("heading", { name: "网格巡查上报" }).waitFor();
    const before = new Date().toISOString();
    await capturePatrol(page, ent, "配电柜前堆放易燃纸箱");
    await expect.poll(() => state(page, "网格巡查")).toBe("待同步");
    await page.getByText("当前离线").waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "field-offline-outbox");
    await page.close();

    // Reopened with no signal: the shell still opens (the session ended with the tab; the outbox did not).
    const again = await context.newPage();
    await again.goto("/field");
    await again.waitForURL("**/sign-in");
    await again.getByRole("heading").first().waitFor();
    await context.setOffline(false);
    await signIn(again, "grid");
    await again.goto("/field");
    await expect.poll(() => state(again, "网格巡查"), { timeout: 20_000 }).toBe("已提交");
    expect(await item(again, "网格巡查").textContent()).toContain("照片 1/1 已上传");

    const hazards = await hazardsOf(ent.id);
    expect(hazards).toHaveLength(1);
    expect(hazards[0]).toMatchObject({ description: "配电柜前堆放易燃纸箱", source: "grid_patrol" });
    // The device's capture time, not the sync time.
    expect(hazards[0]?.discoveredAt.localeCompare(before)).toBeGreaterThanOrEqual(0);
    const patrol = await call("GET", `/v1/grid-patrols/${hazards[0]?.patrolId}`, "county-regulator");
    expect(patrol.status).toBe(200);
    expect(patrol.body.hazardIds).toEqual([hazards[0]?.id]);
    expect(Date.parse(patrol.body.patrolledAt)).toBeLessThan(Date.parse(patrol.body.createdAt) - 1000);
    const h = await call("GET", `/v1/hazards/${hazards[0]?.id}`, "county-regulator");
    // One photo record, and S3 holds exactly the bytes taken on the phone.
    expect(h.body.attachments).toHaveLength(1);
    const link = await call("GET", `/v1/hazards/${hazards[0]?.id}/attachments/${h.body.attachments[0].id}`, "county-regulator");
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    const stored = Buffer.from(await (await fetch(link.body.download.url)).arrayBuffer());
    expect(stored.equals(PHOTO.buffer)).toBe(true);
    await context.close();
  });

  it("an answer lost after the API created the patrol: the retry gets the first result and one record exists", async () => {
    const ent = await enterpriseInGrid();
    const page = await fieldPhone();
    await page.context().setOffline(true);
    await capturePatrol(page, ent, "消防通道被货物堵塞", { photo: false });
    let created = 0;
    await page.route("**/v1/grid-patrols", async (route) => {
      if (created++ === 0) {
        const answer = await route.fetch();
        expect(answer.status()).toBe(201);
        return route.abort("connectionreset");
      }
      return route.continue();
    });
    await page.context().setOffline(false);
    await expect.poll(() => item(page, "网格巡查").textContent()).toContain("网络中断");
    expect(await state(page, "网格巡查")).toBe("待同步");
    expect(await hazardsOf(ent.id)).toHaveLength(1);
    await page.getByRole("button", { name: "同步" }).click();
    await expect.poll(() => state(page, "网格巡查")).toBe("已提交");
    expect(created).toBe(2);
    expect(await hazardsOf(ent.id)).toHaveLength(1);
    await page.context().close();
  });

  it("the enterprise left the grid while the member was offline: the refusal says so and the draft stays", async () => {
    const ent = await enterpriseInGrid();
    const page = await fieldPhone();
    await page.context().setOffline(true);
    await capturePatrol(page, ent, "危化品库房无通风", { photo: false });
    const removed = await call("DELETE", `/v1/grids/${GRID}/enterprises/${ent.id}`, "county-regulator");
    expect(removed.status).toBe(200);
    await page.context().setOffline(false);
    await expect.poll(() => state(page, "网格巡查")).toBe("需处理");
    const text = await item(page, "网格巡查").textContent();
    expect(text).toContain("不在您的网格内");
    expect(text).toContain("交由监管人员");
    expect(await hazardsOf(ent.id)).toHaveLength(0);
    await page.reload();
    await expect.poll(() => state(page, "网格巡查")).toBe("需处理");
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "field-refused");
    await page.context().close();
  });

  it("an inspector records an inspection with a finding and a photo offline; it syncs with the device's start time", async () => {
    const enterpriseId = DEMO_ACCOUNTS.find((a) => a.id === "enterprise")?.claims.enterprise as string;
    const ent = await call("GET", `/v1/enterprises/${enterpriseId}`, "county-regulator");
    const page = await web.page(PHONE);
    await signIn(page, "county-regulator");
    await page.goto("/field/inspection");
    await page.getByRole("heading", { name: "执法检查记录" }).waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.getByText("可离线使用").waitFor();
    await page.context().setOffline(true);
    await page.reload();
    // Offline, the register comes from the device's own copy.
    await page.getByText("可离线使用").waitFor();
    await page.getByLabel("被检查企业").fill(ent.body.name);
    await page.locator(".ant-select-dropdown:visible").getByTitle(ent.body.name).click();
    await page.getByLabel("执法人员一").fill("王执法");
    await page.getByLabel("执法人员二").fill("李执法");
    await page.getByRole("button", { name: "添加检查发现" }).click();
    await page.getByLabel("隐患描述").fill("储罐区可燃气体报警器失效");
    await page.getByLabel("位置").fill("罐区北侧");
    await page.getByLabel("整改期限").fill(rectifyBy());
    await page.getByLabel("现场照片").setInputFiles(PHOTO);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "field-inspection");
    await page.getByRole("button", { name: "保存检查记录" }).click();
    await expect.poll(() => state(page, "执法检查")).toBe("待同步");
    await page.context().setOffline(false);
    await expect.poll(() => state(page, "执法检查"), { timeout: 20_000 }).toBe("已提交");
    const result = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok) => {
        const r = indexedDB.open("hubei-safety-field");
        r.onsuccess = () => ok(r.result);
      });
      const all = await new Promise<{ kind: string; result?: { id: string } }[]>((ok) => {
        const r = db.transaction("outbox").objectStore("outbox").getAll();
        r.onsuccess = () => ok(r.result);
      });
      return all.find((i) => i.kind === "inspection")?.result;
    });
    const inspection = await call("GET", `/v1/enforcement-inspections/${result?.id}`, "county-regulator");
    expect(inspection.status).toBe(200);
    expect(inspection.body).toMatchObject({ enterpriseId, findingsCount: 1 });
    expect(Date.parse(inspection.body.startedAt)).toBeLessThan(Date.parse(inspection.body.createdAt) - 1000);
    const h = await call("GET", `/v1/hazards/${inspection.body.hazardIds[0]}`, "county-regulator");
    expect(h.body).toMatchObject({ source: "enforcement", description: "储罐区可燃气体报警器失效" });
    expect(h.body.attachments).toHaveLength(1);
    await page.context().close();
  });

  it("a 409 during sync leaves the item with the API's message, nothing dropped; once the cause is gone, 重新发送 submits it once", async () => {
    const ent = await enterpriseInGrid();
    const page = await fieldPhone();
    await page.context().setOffline(true);
    await capturePatrol(page, ent, "氨制冷机房无泄漏报警");
    // No create route can be made to answer 409 on demand, so this is fault injection like the
    // lost answer above: a real 409 problem+json, taken from the running API (a change to the
    // enterprise sent with a version it never had), answers the first sync request in its place.
    const conflict = await send("PATCH", `/v1/enterprises/${ent.id}`, "county-regulator", { address: "武汉市江岸区测试路2号" }, { "if-match": '"999"' });
    expect(conflict.status).toBe(409);
    const problem = { status: conflict.status, contentType: conflict.headers.get("content-type") ?? "", body: await conflict.text() };
    expect(problem.contentType).toContain("application/problem+json");
    const detail = (JSON.parse(problem.body) as { detail: string }).detail;
    let requests = 0;
    await page.route("**/v1/grid-patrols", (route) => (requests++ === 0 ? route.fulfill(problem) : route.continue()));
    await page.context().setOffline(false);
    await expect.poll(() => state(page, "网格巡查")).toBe("需处理");
    const text = await item(page, "网格巡查").textContent();
    expect(text).toContain(detail);
    // The field outbox says what to do, not the console's "refreshed to the latest state": nothing here was refreshed.
    expect(text).not.toContain("已刷新");
    expect(text).toContain("照片 0/1 已上传");
    expect(await hazardsOf(ent.id)).toHaveLength(0);
    // Still there after closing the page, and the automatic sync leaves it for the user.
    await page.reload();
    await expect.poll(() => state(page, "网格巡查")).toBe("需处理");
    expect(requests).toBe(1);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    await page.getByRole("button", { name: "重新发送" }).click();
    await expect.poll(() => state(page, "网格巡查")).toBe("已提交");
    expect(await item(page, "网格巡查").textContent()).toContain("照片 1/1 已上传");
    expect(requests).toBe(2);
    const hazards = await hazardsOf(ent.id);
    expect(hazards).toHaveLength(1);
    const h = await call("GET", `/v1/hazards/${hazards[0]?.id}`, "county-regulator");
    expect(h.body.attachments).toHaveLength(1);
    await page.context().close();
  });

  it("offline, a finding names the checklist item it breaks from the checklists of the enterprise's industry; the hazard carries it", async () => {
    const ent = await enterpriseInGrid();
    const kept = await checklistsOfGrid();
    expect(kept).toBeGreaterThan(0);
    const page = await fieldPhone();
    // The device says what it keeps: every current checklist of the grid's industries.
    await page.getByText(`${kept} 份排查清单，可离线使用`).waitFor();
    await page.context().setOffline(true);
    await page.reload();
    await page.getByText(`${kept} 份排查清单，可离线使用`).waitFor();
    // The single-hazard form offers the same items once its enterprise is chosen.
    await page.goto("/field/hazard");
    await page.getByLabel("企业", { exact: true }).click();
    await page.locator(".ant-select-dropdown:visible").getByTitle(ent.name).click();
    await page.getByLabel("对应检查项").fill("储存条件");
    await page.locator(".ant-select-dropdown:visible").getByTitle("WHP-010 危险化学品储存条件").click();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "field-checklist-item");
    await capturePatrol(page, ent, "甲类仓库超量储存", { photo: false, checklistItem: "WHP-010 危险化学品储存条件", check: true });
    await expect.poll(() => state(page, "网格巡查")).toBe("待同步");
    await page.context().setOffline(false);
    await expect.poll(() => state(page, "网格巡查"), { timeout: 20_000 }).toBe("已提交");
    const hazards = await hazardsOf(ent.id);
    expect(hazards).toHaveLength(1);
    const h = await call("GET", `/v1/hazards/${hazards[0]?.id}`, "county-regulator");
    expect(h.body).toMatchObject({ description: "甲类仓库超量储存", checklistItemId: "WHP-010" });
    await page.context().close();
  });

  it("the outbox lets go of what the API has held for a week when the screen opens, 清除已提交 of the rest; waiting items stay", async () => {
    const [old, recent, refused, waiting] = [await enterpriseInGrid(), await enterpriseInGrid(), await enterpriseInGrid(), await enterpriseInGrid()];
    const page = await fieldPhone();
    const row = (ent: { name: string }) => page.getByRole("listitem").filter({ hasText: ent.name });
    await page.context().setOffline(true);
    await capturePatrol(page, old, "旧记录：配电室门未上锁");
    await capturePatrol(page, recent, "新记录：灭火器过期", { photo: false });
    await capturePatrol(page, refused, "被退回：员工宿舍设在厂房内", { photo: false });
    expect((await call("DELETE", `/v1/grids/${GRID}/enterprises/${refused.id}`, "county-regulator")).status).toBe(200);
    await page.context().setOffline(false);
    await expect.poll(() => row(recent).locator(".ant-tag").textContent(), { timeout: 20_000 }).toBe("已提交");
    await expect.poll(() => row(old).locator(".ant-tag").textContent()).toBe("已提交");
    await expect.poll(() => row(refused).locator(".ant-tag").textContent()).toBe("需处理");
    await page.context().setOffline(true);
    await capturePatrol(page, waiting, "待发送：叉车无证驾驶", { photo: false });

    // Which of the four enterprises' items the device still holds.
    const stored = () =>
      page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((ok) => {
          const r = indexedDB.open("hubei-safety-field");
          r.onsuccess = () => ok(r.result);
        });
        const all = await new Promise<{ title: string }[]>((ok) => {
          const r = db.transaction("outbox").objectStore("outbox").getAll();
          r.onsuccess = () => ok(r.result);
        });
        db.close();
        return all.map((i) => i.title);
      });
    const held = async () => {
      const titles = await stored();
      return [old, recent, refused, waiting].map((e) => titles.filter((t) => t.includes(e.name)).length);
    };
    expect(await held()).toEqual([1, 1, 1, 1]);
    // Eight days pass for every item but the recently submitted one.
    await page.evaluate(
      async ({ keep, days }) => {
        const db = await new Promise<IDBDatabase>((ok) => {
          const r = indexedDB.open("hubei-safety-field");
          r.onsuccess = () => ok(r.result);
        });
        const tx = db.transaction("outbox", "readwrite");
        const store = tx.objectStore("outbox");
        const back = new Date(Date.now() - days * 86_400_000).toISOString();
        store.getAll().onsuccess = (e) => {
          for (const i of (e.target as IDBRequest<{ title: string; savedAt: string; doneAt?: string }[]>).result) {
            if (i.title.includes(keep)) continue;
            store.put({ ...i, savedAt: back, ...(i.doneAt ? { doneAt: back } : {}) });
          }
        };
        await new Promise((ok) => {
          tx.oncomplete = ok;
        });
        db.close();
      },
      { keep: recent.name, days: 8 },
    );

    // The field screen opens: the item submitted eight days ago is gone from the device, photo and all.
    await page.reload();
    await page.getByRole("heading", { name: "外勤采集" }).waitFor();
    await row(waiting).waitFor();
    await expect.poll(held).toEqual([0, 1, 1, 1]);
    expect(await row(old).count()).toBe(0);
    expect(await row(refused).locator(".ant-tag").textContent()).toBe("需处理");
    expect(await row(waiting).locator(".ant-tag").textContent()).toBe("待同步");
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    await page.getByRole("button", { name: "清除已提交" }).click();
    await row(recent).waitFor({ state: "detached" });
    expect(await held()).toEqual([0, 0, 1, 1]);
    expect(await page.getByRole("button", { name: "清除已提交" }).isDisabled()).toBe(true);
    await screenshot(page, "field-outbox-cleared");
    await page.context().close();
  });
});
