// Bulk registration in the console against the real local stack: a 200-row workbook with 3 bad
// rows is checked by the API before anything is written, the preview names exactly those rows,
// 197 enterprises are registered, and importing the same file again registers none.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { usccCheckCharacter } from "../../shared/codes/index.js";
import { enterpriseBody } from "../support/data.js";
import { DESKTOP, expectAccessible, PHONE, expectNoHorizontalScroll, screenshot, signIn, useBrowser } from "../support/web.js";

const web = useBrowser();
/** The template's columns: the fields POST /v1/enterprises takes, in Chinese. */
const HEADERS = ["企业名称", "统一社会信用代码", "行政区划代码", "生产经营地址", "行业代码", "企业规模", "安全联系人", "联系电话"];
const dir = mkdtempSync(join(tmpdir(), "enterprise-import-"));

/** Enterprises of the signed-in jurisdiction whose name contains `q`, every page. */
function countByName(page: Page, q: string): Promise<number> {
  return page.evaluate(async (name) => {
    const token = sessionStorage.getItem("hubei-safety.session");
    let count = 0;
    let cursor: string | null = null;
    do {
      const url: string = `/v1/enterprises?limit=100&q=${encodeURIComponent(name)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const r = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      const body = (await r.json()) as { items: unknown[]; nextCursor: string | null };
      count += body.items.length;
      cursor = body.nextCursor;
    } while (cursor);
    return count;
  }, q);
}

/** A filled-in template: `rows` rows in 江岸区, the three at `bad` lines broken in three ways. */
async function workbook(prefix: string, rows: number, bad: { wrongCheck: number; city: number; industry: number }): Promise<{ path: string; expected: string }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("企业名录");
  sheet.addRow(HEADERS);
  let expected = "";
  for (let line = 2; line < rows + 2; line++) {
    const e = enterpriseBody({ name: `${prefix}化工${line}号有限公司`, scale: line % 2 ? "小型" : "medium" });
    if (line === bad.wrongCheck) {
      expected = usccCheckCharacter(e.uscc.slice(0, 17));
      e.uscc = e.uscc.slice(0, 17) + (expected === "0" ? "1" : "0");
    }
    if (line === bad.city) e.regionCode = "420100";
    if (line === bad.industry) e.industryCode = "ZZ";
    // Codes as numbers where Excel would make them numbers: the import reads cell text.
    sheet.addRow([e.name, e.uscc, Number(e.regionCode), e.address, e.industryCode, e.scale, e.contact.name, e.contact.phone]);
  }
  const path = join(dir, `${prefix}.xlsx`);
  await book.xlsx.writeFile(path);
  return { path, expected };
}

async function choose(page: Page, path: string) {
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByRole("region", { name: "核对结果" }).waitFor({ timeout: 60_000 });
}

/** The preview's problem rows as [line, column] pairs. */
async function problemRows(page: Page): Promise<[number, string, string][]> {
  const rows = page.getByRole("region", { name: "核对结果" }).locator("tbody tr.ant-table-row");
  return (await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent ?? "")))).map((c) => [Number(c[0]), c[1] ?? "", c[2] ?? ""]);
}

describe("bulk registration of enterprises", () => {
  it("a 200-row workbook with 3 bad rows reports exactly those 3, registers 197, and a second import registers none", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "county-regulator");
    await page.goto("/registry/import");
    await page.getByRole("heading", { name: "批量导入企业" }).waitFor();

    const prefix = `导入${Date.now().toString(36)}`;
    const file = await workbook(prefix, 200, { wrongCheck: 11, city: 58, industry: 150 });
    await choose(page, file.path);
    const preview = page.getByRole("region", { name: "核对结果" });
    await expect.poll(() => preview.textContent()).toContain("共 200 行，197 行无误，3 行有问题");
    const problems = await problemRows(page);
    expect(problems.map(([line, column]) => [line, column])).toEqual([
      [11, "统一社会信用代码"],
      [58, "行政区划代码"],
      [150, "行业代码"],
    ]);
    // The API's own message, naming the check character the code should end with.
    expect(problems[0]?.[2]).toContain(file.expected);
    // Nothing is written before the user confirms.
    expect(await countByName(page, prefix)).toBe(0);
    await expectAccessible(page);
    await screenshot(page, "enterprise-import-preview");

    await page.getByRole("button", { name: "确认导入 197 行" }).click();
    const result = page.getByRole("region", { name: "导入结果" });
    await result.waitFor({ timeout: 120_000 });
    await expect.poll(() => result.textContent()).toContain("新登记 197 家，已存在 0 家，失败 3 行");
    expect(await countByName(page, prefix)).toBe(197);
    await expectAccessible(page);
    await screenshot(page, "enterprise-import-result");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载导入结果（.csv）" }).click()]);
    const csv = readFileSync((await download.path()) as string, "utf8").replace(/^\uFEFF/, "").trim().split(/\r\n/);
    expect(csv).toHaveLength(201);
    expect(csv[0]).toBe("行号,结果,企业编号,说明");
    expect(csv.filter((l) => /,已登记,[0-9A-Z]{26},$/.test(l))).toHaveLength(197);
    expect(csv.filter((l) => l.includes(",失败,"))).toHaveLength(3);

    // The same file again: the same rows carry the same Idempotency-Keys, so nothing new is registered.
    await choose(page, file.path);
    await page.getByRole("button", { name: "确认导入 197 行" }).click();
    await result.waitFor({ timeout: 120_000 });
    await expect.poll(() => result.textContent(), { timeout: 120_000 }).toContain("新登记 0 家，已存在 197 家，失败 3 行");
    expect(await countByName(page, prefix)).toBe(197);
  });

  it("the templates download with the register's columns, and the page fits a phone", async () => {
    const page = await web.page(PHONE);
    await signIn(page, "county-regulator");
    await page.goto("/registry/import");
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载模板（.xlsx）" }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path()) as string);
    const header = book.worksheets[0]?.getRow(1).values as string[] | undefined;
    expect(header?.slice(1)).toEqual(HEADERS);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载模板（.csv）" }).click()]);
    expect(readFileSync((await csv.path()) as string, "utf8").replace(/^\uFEFF/, "").split(/\r\n/)[0]).toBe(HEADERS.join(","));
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });

  it("a CSV saved by Excel in GB18030 is read, a row repeating another row's USCC is flagged before import, and a file without the template's columns is refused before any call", async () => {
    const page = await web.page(DESKTOP);
    await signIn(page, "county-regulator");
    await page.goto("/registry/import");
    const prefix = `导入CSV${Date.now().toString(36)}`;
    const rows = [HEADERS, ...[2, 3].map((line) => {
      const e = enterpriseBody({ name: `${prefix}${line}号有限公司` });
      return [e.name, e.uscc, e.regionCode, e.address, e.industryCode, "中型", e.contact.name, e.contact.phone];
    })];
    // Line 4: another enterprise's name under line 2's code (in lower case, as typed by hand).
    const first = rows[1] as string[];
    rows.push([`${prefix}4号有限公司`, (first[1] as string).toLowerCase(), ...first.slice(2)]);
    const text = `${rows.map((r) => r.join(",")).join("\r\n")}\r\n`;
    const gbk = join(dir, `${prefix}.csv`);
    writeFileSync(gbk, iconv.encode(text, "gb18030"));
    await choose(page, gbk);
    await expect.poll(() => page.getByRole("region", { name: "核对结果" }).textContent()).toContain("共 3 行，2 行无误，1 行有问题");
    const problems = await problemRows(page);
    expect(problems.map(([line, column]) => [line, column])).toEqual([[4, "统一社会信用代码"]]);
    expect(problems[0]?.[2]).toContain("与第 2 行的统一社会信用代码相同");
    await page.getByRole("button", { name: "确认导入 2 行" }).click();
    await expect.poll(() => page.getByRole("region", { name: "导入结果" }).textContent(), { timeout: 30_000 }).toContain("新登记 2 家，已存在 0 家，失败 1 行");
    expect(await countByName(page, prefix)).toBe(2);

    const wrong = join(dir, "wrong.csv");
    writeFileSync(wrong, "名称,代码\r\n甲,乙\r\n");
    await page.locator('input[type="file"]').setInputFiles(wrong);
    await page.getByText("文件缺少以下列").waitFor();
  });
});
