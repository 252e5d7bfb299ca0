// The statisticians' workspace: the province's death ceiling entered on the targets page (with
// If-Match: a concurrent change is a clear conflict, not an overwrite), the warning it raises once
// the roll-up has run, the trend chart, the official report as .xlsx read back with exceljs, and
// the annual assessment with its 一票否决 marks published.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, inject, it } from "vitest";
import { call as callAs, DESKTOP, expectAccessible, expectNoHorizontalScroll, PHONE, runJob, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();
const YEAR = 2026;

/** An API call as the demo statistician. */
// biome-ignore lint/suspicious/noExplicitAny: the test reads whichever fields the route answers
const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => callAs<any>(method, path, "statistician", body, headers);

type Row = { regionName: string; ytd: { accidents: number; deaths: number; directLossYuan: number }; warning: string; indicators: { id: string; ceiling: number | null }[] };

describe("statisticians' workspace", () => {
  it("a death ceiling entered for the province turns into a 超标 warning after the roll-up", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "statistician");
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "下达指标和基数" }).click();
    await page.getByRole("heading", { name: "下达指标和统计基数" }).waitFor();
    await page.goto(`/control-targets?year=${YEAR}&region=420000`);
    const deaths = page.getByLabel("死亡人数控制指标（人）");
    await deaths.waitFor();
    const before = await call("GET", `/v1/control-targets/${YEAR}/420000`);
    expect(before.status).toBe(200);
    await page.getByText(`控制指标：第 ${before.body.version} 版`).waitFor();

    // Someone else changes the targets after the page read them: saving is refused, not merged.
    const other = await call("PUT", `/v1/control-targets/${YEAR}/420000`, { ...before.body, version: undefined, updatedAt: undefined, updatedBy: undefined, year: undefined, regionCode: undefined, inspectionsPlanned: 1500 }, { "if-match": before.etag ?? "" });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    await deaths.fill("3");
    await page.getByRole("button", { name: "保存" }).first().click();
    await page.getByText("记录已被他人修改").waitFor();
    await page.getByText(`控制指标：第 ${before.body.version + 1} 版`).waitFor();

    await deaths.fill("3");
    await page.getByRole("button", { name: "保存" }).first().click();
    await page.getByText("控制指标已保存").waitFor();
    await page.getByText(`控制指标：第 ${before.body.version + 2} 版`).waitFor();
    const saved = await call("GET", `/v1/control-targets/${YEAR}/420000`);
    // The other statistician's change and the sector and rate ceilings this form does not show are kept.
    expect(saved.body).toMatchObject({ deaths: 3, inspectionsPlanned: 1500, rates: before.body.rates });
    await expectAccessible(page);
    await screenshot(page, "statistics-targets");
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await page.setViewportSize(DESKTOP);

    // The ceiling counts from the next roll-up on.
    await page.goto(`/indicators?year=${YEAR}`);
    const own = page.getByRole("table", { name: "本级各项指标" });
    await own.waitFor();
    const deathRow = own.getByRole("row", { name: /^生产安全事故死亡人数/ }).first();
    expect(await deathRow.textContent()).not.toContain("超标");

    runJob("rollup", "--year", String(YEAR));
    await page.reload();
    await deathRow.waitFor();
    expect(await deathRow.textContent()).toContain("超标（≥100%）");
    await page.getByText(/本级：\s*超标（≥100%）/).waitFor();
    await page.getByRole("img", { name: /逐月/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, "statistics-indicators");
    await page.setViewportSize(PHONE);
    // A phone opens the same page.
    await page.reload();
    await page.getByRole("img", { name: /逐月/ }).waitFor();
    await expectNoHorizontalScroll(page);
    await page.context().close();
    // The roll-up job runs in its own process and re-reads the year: slow on a busy machine.
  }, 120_000);

  it("the official report downloads as .xlsx and CSV with the figures the API gives", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "statistician");
    await page.goto(`/indicators?year=${YEAR}`);
    await page.getByRole("table", { name: "本级各项指标" }).waitFor();
    const api = (await call("GET", `/v1/statistics/control-indicators?year=${YEAR}&regionCode=420000`)).body as { month: number; region: Row; children: Row[] };
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载 Excel 报表" }).click()]);
    expect(download.suggestedFilename()).toBe(`控制指标-湖北省-${YEAR}年1-${api.month}月.xlsx`);
    const file = join(mkdtempSync(join(tmpdir(), "report-")), "r.xlsx");
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error("no worksheet");
    expect(ws.getCell("A1").value).toBe("湖北省生产安全事故控制指标执行情况表");
    expect(ws.getCell("A2").value).toBe("填报地区：湖北省（420000）");
    expect(String(ws.getCell("A3").value)).toContain(`${YEAR}年1月至${api.month}月`);
    expect(ws.getCell("A4").value).toBe("单位：起、人、元");
    expect((ws.getRow(6).values as unknown[]).slice(1, 4)).toEqual(["地区", "事故起数", "死亡人数"]);
    const lines = Array.from({ length: api.children.length + 1 }, (_, i) => (ws.getRow(7 + i).values as unknown[]).slice(1));
    expect(lines.map((l) => l[0])).toEqual([...api.children.map((c) => c.regionName), "湖北省合计"]);
    const wuhan = api.children.find((c) => c.regionName === "武汉市") as Row;
    expect(lines.find((l) => l[0] === "武汉市")?.slice(1, 3)).toEqual([wuhan.ytd.accidents, wuhan.ytd.deaths]);
    const total = lines.at(-1) ?? [];
    expect(total.slice(1, 3)).toEqual([api.region.ytd.accidents, api.region.ytd.deaths]);
    expect(total[5]).toBe(api.region.indicators.find((i) => i.id === "deaths")?.ceiling ?? "未下达");
    expect(total[8]).toBe({ none: "正常", attention: "关注", exceeded: "超标" }[api.region.warning]);

    // The CSV carries the same report: title, region, period and units above the table.
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载 CSV" }).click()]);
    expect(csvDownload.suggestedFilename()).toBe(`控制指标-湖北省-${YEAR}年1-${api.month}月.csv`);
    const csvFile = join(mkdtempSync(join(tmpdir(), "report-")), "r.csv");
    await csvDownload.saveAs(csvFile);
    const csv = readFileSync(csvFile, "utf8").replace(/^\uFEFF/, "").split("\r\n");
    expect(csv.slice(0, 4)).toEqual(["湖北省生产安全事故控制指标执行情况表", "填报地区：湖北省（420000）", ws.getCell("A3").value, "单位：起、人、元"]);
    expect(csv[5]?.split(",").slice(0, 3)).toEqual(["地区", "事故起数", "死亡人数"]);
    expect(csv[6 + api.children.length]?.split(",")).toEqual(total.map(String));

    await page.getByRole("img", { name: /逐月/ }).scrollIntoViewIfNeeded();
    await screenshot(page, "statistics-trend");

    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  });

  it("the annual assessment marks a vetoed city 一票否决 in words and publishes the table once", async () => {
    // A veto the seeded 较大 accident in 江岸 (three deaths, 2026-11-28) triggers for 武汉市.
    const config = await call("GET", `/v1/assessment-config/${YEAR}`);
    const { items, cutoffs, vetoes } = config.body;
    const veto = { id: "larger_accident", name: "发生较大及以上生产安全事故", kind: "accident_grade_count", grade: "larger", atLeast: 1 };
    const put = await call("PUT", `/v1/assessment-config/${YEAR}`, { items, cutoffs, vetoes: [...vetoes, veto] }, { "if-match": config.etag ?? "" });
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
    runJob("assessment-annual", "--year", String(YEAR));

    const page = await web.page(DESKTOP);
    await signIn(page, "statistician");
    await page.getByRole("navigation", { name: "主菜单" }).getByRole("link", { name: "目标考核" }).click();
    await page.getByRole("heading", { name: "目标考核" }).waitFor();
    await page.goto(`/assessments?year=${YEAR}`);
    const wuhan = page.getByRole("row", { name: /武汉市/ });
    await wuhan.waitFor();
    expect(await wuhan.textContent()).toMatch(/一票否决：.*发生较大及以上生产安全事故/);
    expect(await wuhan.textContent()).toContain("不合格");
    await expectAccessible(page);
    await screenshot(page, "statistics-assessment");

    await page.getByRole("button", { name: "公布年度考核结果" }).click();
    await page.getByRole("button", { name: "公布", exact: true }).click();
    await page.getByText(`${YEAR} 年度考核结果已公布`).waitFor();
    await page.getByText("已公布，见").waitFor();
    expect(await page.getByRole("button", { name: "公布年度考核结果" }).count()).toBe(0);

    const published = await fetch(`${inject("webUrl")}/v1/public/assessments?year=${YEAR}`);
    expect(published.status).toBe(200);
    const table = (await published.json()) as { items: { regionName: string; vetoed: boolean; vetoes: string[]; rank: number }[] };
    const w = table.items.find((r) => r.regionName === "武汉市");
    expect(w).toMatchObject({ vetoed: true });
    expect(w?.vetoes).toContain("发生较大及以上生产安全事故");
    // Vetoed cities rank after every city that was not.
    expect(Math.min(...table.items.filter((r) => r.vetoed).map((r) => r.rank))).toBeGreaterThan(Math.max(0, ...table.items.filter((r) => !r.vetoed).map((r) => r.rank)));

    // A phone opens the published table.
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole("row", { name: /武汉市/ }).waitFor();
    await expectNoHorizontalScroll(page);
    await page.context().close();
  });
});
