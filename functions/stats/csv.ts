// The control-indicator table as CSV with Chinese headers (the same rows the JSON answer carries:
// the region first, then its children). UTF-8 with a byte-order mark so spreadsheet programs read
// the Chinese correctly.
import { RATE_IDS, type RateId, type Sector, WARNING_NAME_ZH } from "./config-data.js";
import { roundRate } from "./rules.js";
import type { RegionIndicators } from "./schemas.js";

export const CSV_HEADERS = [
  "地区代码",
  "地区名称",
  "层级",
  "年份",
  "截至月份",
  "统计截止日期",
  "指标",
  "本月",
  "本年累计",
  "控制指标",
  "已用比例",
  "时间进度",
  "预警等级",
] as const;

const LEVEL_ZH: Record<string, string> = { province: "省", city: "市（州）", county: "县（市、区）" };

const isRate = (id: string): id is RateId => (RATE_IDS as readonly string[]).includes(id);

function monthlyValue(r: RegionIndicators, id: string): number | null {
  if (id === "deaths") return r.monthly.deaths;
  if (id === "larger_accidents") return r.monthly.byGrade.larger?.accidents ?? 0;
  if (id === "major_accidents") return r.monthly.byGrade.major?.accidents ?? 0;
  if (id.startsWith("deaths.")) return r.monthly.bySector[id.slice(7) as Sector]?.deaths ?? 0;
  if (isRate(id)) return r.monthlyRates[id];
  return null;
}

const pct = (x: number | null) => (x === null ? "" : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);
const numberText = (id: string, x: number | null | undefined) => (x == null ? "" : isRate(id) ? roundRate(x).toFixed(3) : String(x));

function cell(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function indicatorsCsv(rows: readonly RegionIndicators[]): string {
  const lines: string[] = [CSV_HEADERS.join(",")];
  for (const r of rows) {
    const head = [r.regionCode, r.regionName, LEVEL_ZH[r.level] ?? r.level, r.year, r.month, r.asOfDate];
    const plain = (name: string, monthly: number, ytd: number) => [...head, name, monthly, ytd, "", "", pct(r.yearElapsed), ""];
    const out: (string | number)[][] = [
      plain("事故起数", r.monthly.accidents, r.ytd.accidents),
      plain("受伤人数", r.monthly.injuries, r.ytd.injuries),
      plain("重伤人数", r.monthly.seriousInjuries, r.ytd.seriousInjuries),
      plain("直接经济损失（元）", r.monthly.directLossYuan, r.ytd.directLossYuan),
      ...r.indicators.map((i) => [
        ...head,
        i.name,
        numberText(i.id, monthlyValue(r, i.id)),
        numberText(i.id, i.value),
        numberText(i.id, i.ceiling),
        pct(i.shareUsed),
        pct(i.yearElapsed),
        WARNING_NAME_ZH[i.warning],
      ]),
    ];
    for (const line of out) lines.push(line.map(cell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
