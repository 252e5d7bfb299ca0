// Bulk registration: a sheet's rows become POST /v1/enterprises bodies, every row is checked by
// POST /v1/enterprises/validations before anything is written, then each row is created on its
// own with an Idempotency-Key derived from its content, so importing the same file again
// answers the first results instead of registering anything twice. No React here: the
// benchmark (bench/enterprise-import.ts) runs this same code against the local stack.
import { ApiError, type createApiClient } from "../../api/client";
import { problemText } from "../../api/problem";
import type { components } from "../../api/schema";

type Client = ReturnType<typeof createApiClient>;
export type NewEnterprise = components["schemas"]["CreateEnterprise"];

/** The template's columns: the fields POST /v1/enterprises takes, with the header a person reads. */
export const COLUMNS = [
  { path: "name", header: "企业名称", example: "武汉示例化工有限公司" },
  { path: "uscc", header: "统一社会信用代码", example: "91420102MA4K12345G" },
  { path: "regionCode", header: "行政区划代码", example: "420102" },
  { path: "address", header: "生产经营地址", example: "武汉市江岸区示例路1号" },
  { path: "industryCode", header: "行业代码", example: "2614" },
  { path: "scale", header: "企业规模", example: "小型" },
  { path: "contact.name", header: "安全联系人", example: "张三" },
  { path: "contact.phone", header: "联系电话", example: "027-12345678" },
] as const;

/** The scale column takes the Chinese word or the API's own value. */
const SCALES: Record<string, string> = { 大型: "large", 中型: "medium", 小型: "small", 微型: "micro" };

/** Rows one validation call takes (the route's maximum). */
export const VALIDATION_BATCH = 200;
/** Creates in flight at once: enough to hide the round trip, few enough not to meet the API's throttle. */
export const CONCURRENCY = 4;

export interface SheetRow {
  /** The row's number in the file (the header is row 1). */
  line: number;
  body: NewEnterprise;
}

export interface RowProblem {
  line: number;
  /** The column's header, or "" for the row as a whole. */
  column: string;
  message: string;
}

export type RowStatus = "created" | "existing" | "failed";

export interface RowResult {
  line: number;
  status: RowStatus;
  enterpriseId?: string;
  message?: string;
}

export const STATUS_TEXT: Record<RowStatus, string> = { created: "已登记", existing: "已存在，未重复登记", failed: "失败" };

/**
 * A sheet (rows of cell texts, the header first) as request bodies. Columns are found by their
 * header, so their order does not matter; blank rows are skipped. `missing` lists absent columns.
 */
export function readRows(table: string[][]): { rows: SheetRow[]; missing: string[] } {
  const header = (table[0] ?? []).map((h) => h.trim());
  const at = COLUMNS.map((c) => header.indexOf(c.header));
  const missing = COLUMNS.filter((_, i) => at[i] === -1).map((c) => c.header);
  if (missing.length > 0) return { rows: [], missing };
  const rows: SheetRow[] = [];
  table.slice(1).forEach((cells, i) => {
    const cell = (k: number) => (cells[at[k] as number] ?? "").trim();
    if (COLUMNS.every((_, k) => cell(k) === "")) return;
    const scale = cell(5);
    rows.push({
      line: i + 2,
      body: {
        name: cell(0),
        uscc: cell(1),
        regionCode: cell(2),
        address: cell(3),
        industryCode: cell(4),
        scale: (SCALES[scale] ?? scale) as NewEnterprise["scale"],
        contact: { name: cell(6), phone: cell(7) },
      },
    });
  });
  return { rows, missing };
}

const HEADER_OF: Record<string, string> = Object.fromEntries(COLUMNS.map((c) => [c.path, c.header]));

/**
 * Rows that repeat an earlier row's USCC. The API checks rows one by one, so without this the
 * second row would be answered "already registered" and its different details silently dropped.
 */
function repeatedCodes(rows: SheetRow[]): RowProblem[] {
  const firstLine = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const code = row.body.uscc.toUpperCase();
    if (!code) continue;
    const first = firstLine.get(code);
    if (first === undefined) firstLine.set(code, row.line);
    else problems.push({ line: row.line, column: HEADER_OF.uscc as string, message: `与第 ${first} 行的统一社会信用代码相同，同一企业只能登记一次` });
  }
  return problems;
}

/** Every row checked by the API, a batch at a time, and against the file's other rows; nothing is written. */
export async function validateRows(client: Client, rows: SheetRow[], onProgress?: (done: number) => void): Promise<RowProblem[]> {
  const problems: RowProblem[] = repeatedCodes(rows);
  for (let start = 0; start < rows.length; start += VALIDATION_BATCH) {
    const batch = rows.slice(start, start + VALIDATION_BATCH);
    const { data } = await client.POST("/v1/enterprises/validations", { body: { rows: batch.map((r) => r.body) } });
    for (const p of data?.problems ?? []) {
      problems.push({ line: (batch[p.index] as SheetRow).line, column: HEADER_OF[p.path] ?? p.path, message: p.message });
    }
    onProgress?.(start + batch.length);
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** The same row always gets the same key: a hash of its normalised body. */
export async function rowKey(body: NewEnterprise): Promise<string> {
  const normalised = [body.name, body.uscc.toUpperCase(), body.regionCode, body.address, body.industryCode, body.scale, body.contact.name, body.contact.phone].join("\u001f");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(normalised));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return `enterprise-import:${hex}`;
}

async function createRow(client: Client, row: SheetRow): Promise<RowResult> {
  try {
    const { data, response } = await client.POST("/v1/enterprises", { body: row.body, headers: { "Idempotency-Key": await rowKey(row.body) } });
    // A replay is this row's own earlier import, answered again: nothing new was registered.
    const replayed = response.headers.get("Idempotent-Replayed") === "true";
    return { line: row.line, status: replayed ? "existing" : "created", enterpriseId: data?.id };
  } catch (err) {
    // Registered before (by another import or by hand, or the key's answer has expired).
    if (err instanceof ApiError && err.problem.code === "duplicate_uscc") return { line: row.line, status: "existing", message: problemText(err) };
    return { line: row.line, status: "failed", message: problemText(err) };
  }
}

/** One create per row, a few in flight; results in the rows' order. */
export async function importRows(client: Client, rows: SheetRow[], onProgress?: (done: number) => void): Promise<RowResult[]> {
  const results: RowResult[] = new Array(rows.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < rows.length) {
      const i = next++;
      results[i] = await createRow(client, rows[i] as SheetRow);
      onProgress?.(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
  return results;
}

/** A CSV cell, quoted when it must be (RFC 4180). */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text with a BOM, so Excel opens the Chinese correctly. */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export function resultTable(results: RowResult[]): string[][] {
  return [["行号", "结果", "企业编号", "说明"], ...results.map((r) => [String(r.line), STATUS_TEXT[r.status], r.enterpriseId ?? "", r.message ?? ""])];
}

export function templateTable(): string[][] {
  return [COLUMNS.map((c) => c.header), COLUMNS.map((c) => c.example)];
}
