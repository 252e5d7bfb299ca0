// Bulk registration: a county uploads a 5,000-row workbook to the console's import page
// (features/registry): the browser reads the .xlsx, the API checks every row in batches
// (POST /v1/enterprises/validations), then the page creates one enterprise per row with its
// content-derived Idempotency-Key, 4 in flight, behind a progress bar. Measured in Debian's
// Chromium against `npm start`'s stack, versus raw PutItem of the same 5,000 rows with the
// same concurrency on the same DynamoDB Local. Then the same file again, which must register
// nothing.
//
//   npx tsx bench/enterprise-import.ts          runs it and prints the figures
//   import { run } from "./enterprise-import.js" returns them
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PutItemCommand } from "@aws-sdk/client-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import ExcelJS from "exceljs";
import { chromium, type Page } from "playwright-core";
import { DEMO_ACCOUNTS } from "../local/demo.js";
import { spawnLocalStack } from "../local/child-stack.js";
import { localDynamo } from "../local/stack.js";
import { uscc } from "../tests/support/data.js";
import { pool, round } from "./support.js";

const ROWS = 5_000;
const COUNTY = "420102";
/** Creates in flight, as the console's importer sends them (web/src/features/registry/importer.ts CONCURRENCY). */
const CONCURRENCY = 4;
const HEADERS = ["企业名称", "统一社会信用代码", "行政区划代码", "生产经营地址", "行业代码", "企业规模", "安全联系人", "联系电话"];

/** Uploads the file, waits for the preview, confirms, waits for the result: seconds of each phase. */
async function importOnce(page: Page, file: string, expect: string): Promise<{ validateSeconds: number; createSeconds: number; summary: string }> {
  const t0 = performance.now();
  await page.locator('input[type="file"]').setInputFiles(file);
  const confirm = page.getByRole("button", { name: `确认导入 ${ROWS} 行` });
  await confirm.waitFor({ timeout: 600_000 });
  const t1 = performance.now();
  await confirm.click();
  const result = page.getByRole("region", { name: "导入结果" });
  await result.getByText(expect).waitFor({ timeout: 1_800_000 });
  const t2 = performance.now();
  return { validateSeconds: (t1 - t0) / 1000, createSeconds: (t2 - t1) / 1000, summary: (await result.locator(".ant-alert").textContent()) ?? "" };
}

export async function run(): Promise<Record<string, unknown>> {
  const stack = await spawnLocalStack();
  const dir = mkdtempSync(join(tmpdir(), "bench-import-"));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      name: `基准导入企业${i}有限公司`,
      uscc: uscc(COUNTY),
      regionCode: COUNTY,
      address: `武汉市江岸区基准路${i}号`,
      industryCode: "26",
      scale: "small",
      contact: { name: "测试", phone: "027-12345678" },
    }));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("企业名录");
    sheet.addRow(HEADERS);
    for (const r of rows) sheet.addRow([r.name, r.uscc, r.regionCode, r.address, r.industryCode, "小型", r.contact.name, r.contact.phone]);
    const file = join(dir, "enterprises.xlsx");
    await book.xlsx.writeFile(file);

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, baseURL: stack.url, reducedMotion: "reduce" });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByRole("button", { name: DEMO_ACCOUNTS.find((a) => a.id === "county-regulator")?.title }).click();
    await page.getByTestId("who").waitFor();
    await page.goto("/registry/import");
    await page.getByRole("heading", { name: "批量导入企业" }).waitFor();

    const first = await importOnce(page, file, `新登记 ${ROWS} 家，已存在 0 家，失败 0 行`);
    await page.getByRole("button", { name: "选择其他文件" }).waitFor();
    const second = await importOnce(page, file, `新登记 0 家，已存在 ${ROWS} 家，失败 0 行`);

    // Raw baseline: the same rows as bare PutItems on the stack's own table, as many in flight.
    const { table, dynamoEndpoint } = JSON.parse(readFileSync(join(stack.dataDir, "stack.json"), "utf8")) as { table: string; dynamoEndpoint: string };
    const dynamo = localDynamo(dynamoEndpoint);
    const r0 = performance.now();
    await pool(rows.length, CONCURRENCY, async (i) => {
      await dynamo.send(new PutItemCommand({ TableName: table, Item: marshall({ pk: `RAWIMPORT#${i}`, sk: "RAW", ...rows[i] }) }));
    });
    const rawSeconds = (performance.now() - r0) / 1000;

    const seconds = first.validateSeconds + first.createSeconds;
    return {
      rows: ROWS,
      concurrency: CONCURRENCY,
      seconds: round(seconds),
      rowsPerSecond: round(ROWS / seconds),
      validateSeconds: round(first.validateSeconds),
      createSeconds: round(first.createSeconds),
      createRowsPerSecond: round(ROWS / first.createSeconds),
      rawPutItemSeconds: round(rawSeconds),
      rawPutItemRowsPerSecond: round(ROWS / rawSeconds),
      ratioToRaw: round(seconds / rawSeconds, 2),
      summary: first.summary,
      secondImport: { seconds: round(second.validateSeconds + second.createSeconds), rowsPerSecond: round(ROWS / (second.validateSeconds + second.createSeconds)), summary: second.summary },
      note: "Import = the browser reads the .xlsx (exceljs), validates in batches of 200, then one create per row (4 in flight), each a transaction of the enterprise, its USCC claim, its audit record and its idempotency record. Raw = one PutItem per row, 4 in flight, on the same table. The second import of the same file is answered from the idempotency records. Chromium on loopback against the local stack.",
    };
  } finally {
    await browser.close();
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  run()
    .then((r) => {
      console.log(`enterprise import: ${r.rows} rows in ${r.seconds} s = ${r.rowsPerSecond} rows/s; raw PutItem ${r.rawPutItemRowsPerSecond} rows/s; import ÷ raw ${r.ratioToRaw}×`);
      console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    })
    .catch((err: Error) => {
      console.error(err);
      process.exit(1);
    });
}
