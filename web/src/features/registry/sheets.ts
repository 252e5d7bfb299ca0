// Reading and writing the import's files in the browser. exceljs and papaparse are loaded on
// use, so they stay out of every chunk but the moment a file is read or a template written.
import { COLUMNS, templateTable, toCsv } from "./importer";

/** Excel on a Chinese Windows saves CSV as GB18030 (GBK); anything else is UTF-8. */
function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** The first sheet of an .xlsx, or a .csv, as rows of cell texts. */
export async function readTable(file: File): Promise<string[][]> {
  const bytes = await file.arrayBuffer();
  if (/\.csv$/i.test(file.name)) {
    const { default: Papa } = await import("papaparse");
    return Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false }).data;
  }
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    table[n - 1] = Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).text ?? "");
  });
  return Array.from(table, (r) => r ?? []);
}

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(name: string, rows: string[][]): void {
  download(name, new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }));
}

/** The .xlsx template: code columns are text, so Excel keeps an 18-character code and leading zeros as typed. */
export async function downloadTemplateXlsx(): Promise<void> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("企业名录");
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.path, width: Math.max(14, c.example.length * 2), style: { numFmt: "@" } }));
  sheet.addRow(templateTable()[1]);
  sheet.getRow(1).font = { bold: true };
  const buffer = await workbook.xlsx.writeBuffer();
  download("企业批量导入模板.xlsx", new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
}
