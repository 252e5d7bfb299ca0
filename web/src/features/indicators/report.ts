// The control-indicator table as the official report lays it out: title, region, period and
// units above the table, one row per child region and the region's total last. CSV and .xlsx are
// written from the same rows; exceljs loads only when a workbook is asked for.
import type { components } from "../../api/schema";

type Out = components["schemas"]["ControlIndicatorsOut"];
type Row = Out["region"];

const WARNING_TEXT = { none: "正常", attention: "关注", exceeded: "超标" } as const;

export const REPORT_HEADER = ["地区", "事故起数", "死亡人数", "受伤人数", "直接经济损失（元）", "死亡人数控制指标", "控制指标已用比例", "时间进度", "预警"];

export interface Report {
  title: string;
  region: string;
  period: string;
  units: string;
  header: string[];
  rows: (string | number)[][];
  fileName: string;
}

const share = (x: number | null | undefined) => (x == null ? "" : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

function line(r: Row, name: string): (string | number)[] {
  const deaths = r.indicators.find((i) => i.id === "deaths");
  return [name, r.ytd.accidents, r.ytd.deaths, r.ytd.injuries + r.ytd.seriousInjuries, r.ytd.directLossYuan, deaths?.ceiling ?? "未下达", share(deaths?.shareUsed), share(r.yearElapsed), WARNING_TEXT[r.warning]];
}

export function buildReport(data: Out): Report {
  const r = data.region;
  return {
    title: `${r.regionName}生产安全事故控制指标执行情况表`,
    region: `填报地区：${r.regionName}（${r.regionCode}）`,
    period: `统计期间：${data.year}年1月至${data.month}月（数据截至${r.asOfDate}）`,
    units: "单位：起、人、元",
    header: REPORT_HEADER,
    rows: [...data.children.map((c) => line(c, c.regionName)), line(r, `${r.regionName}合计`)],
    fileName: `控制指标-${r.regionName}-${data.year}年1-${data.month}月`,
  };
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark so spreadsheet programs read the Chinese. */
export function reportCsv(rep: Report): Blob {
  const lines = [[rep.title], [rep.region], [rep.period], [rep.units], [], rep.header, ...rep.rows];
  return new Blob([`\uFEFF${lines.map((l) => l.map(csvCell).join(",")).join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
}

export async function reportXlsx(rep: Report): Promise<Blob> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("控制指标");
  const width = rep.header.length;
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = rep.title;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: "center" };
  for (const [i, text] of [rep.region, rep.period, rep.units].entries()) {
    ws.mergeCells(i + 2, 1, i + 2, width);
    ws.getCell(i + 2, 1).value = text;
  }
  const thin = { style: "thin" as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const head = ws.getRow(6);
  head.values = rep.header;
  head.font = { bold: true };
  rep.rows.forEach((values, i) => {
    ws.getRow(7 + i).values = values;
  });
  for (let r = 6; r < 7 + rep.rows.length; r++) for (let c = 1; c <= width; c++) ws.getCell(r, c).border = border;
  ws.getRow(6 + rep.rows.length).font = { bold: true };
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 18 : 14;
  });
  ws.getColumn(5).numFmt = "#,##0";
  const buffer = await wb.xlsx.writeBuffer();
  return new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

/** Hands a file to the browser's downloads. */
export function save(blob: Blob, name: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}
