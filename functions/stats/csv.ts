// The control-indicator table as CSV (the same rows the JSON answer carries: the region first,
// then its children), headed in the caller's language. UTF-8 with a byte-order mark so
// spreadsheet programs read the Chinese correctly. Indicator names stay the official Chinese
// ones in both languages, with the indicator's id beside them for English readers.
import type { Text } from "../../shared/errors.js";
import { RATE_IDS, type RateId, type Sector, WARNING_NAME_ZH, type WarningLevel } from "./config-data.js";
import { rateText } from "./rules.js";
import type { RegionIndicators } from "./schemas.js";

type Lang = "zh" | "en";

const COLUMNS: readonly Text[] = [
  { zh: "地区代码", en: "Region code" },
  { zh: "地区名称", en: "Region" },
  { zh: "层级", en: "Level" },
  { zh: "年份", en: "Year" },
  { zh: "截至月份", en: "Up to month" },
  { zh: "统计截止日期", en: "As of" },
  { zh: "指标", en: "Indicator" },
  { zh: "本月", en: "This month" },
  { zh: "本年累计", en: "Year to date" },
  { zh: "控制指标", en: "Ceiling" },
  { zh: "已用比例", en: "Share of ceiling used" },
  { zh: "时间进度", en: "Share of year elapsed" },
  { zh: "预警等级", en: "Warning" },
];

export const csvHeaders = (lang: Lang): string[] => COLUMNS.map((c) => c[lang]);

const LEVEL: Record<string, Text> = {
  province: { zh: "省", en: "province" },
  city: { zh: "市（州）", en: "city" },
  county: { zh: "县（市、区）", en: "county" },
};

const WARNING_EN: Record<WarningLevel, string> = { none: "none", attention: "attention", exceeded: "exceeded" };

const TOTALS: Record<"accidents" | "injuries" | "seriousInjuries" | "directLossYuan", Text> = {
  accidents: { zh: "事故起数", en: "事故起数 (accidents)" },
  injuries: { zh: "受伤人数", en: "受伤人数 (injuries)" },
  seriousInjuries: { zh: "重伤人数", en: "重伤人数 (serious injuries)" },
  directLossYuan: { zh: "直接经济损失（元）", en: "直接经济损失（元） (direct loss, yuan)" },
};

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
const numberText = (id: string, x: number | null | undefined) => (x == null ? "" : isRate(id) ? rateText(x) : String(x));

function cell(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function indicatorsCsv(rows: readonly RegionIndicators[], lang: Lang = "zh"): string {
  const lines: string[] = [csvHeaders(lang).map(cell).join(",")];
  for (const r of rows) {
    const head = [r.regionCode, r.regionName, LEVEL[r.level]?.[lang] ?? r.level, r.year, r.month, r.asOfDate];
    const plain = (total: keyof typeof TOTALS) => [...head, TOTALS[total][lang], r.monthly[total], r.ytd[total], "", "", pct(r.yearElapsed), ""];
    const out: (string | number)[][] = [
      plain("accidents"),
      plain("injuries"),
      plain("seriousInjuries"),
      plain("directLossYuan"),
      ...r.indicators.map((i) => [
        ...head,
        lang === "en" ? `${i.name} (${i.id})` : i.name,
        numberText(i.id, monthlyValue(r, i.id)),
        numberText(i.id, i.value),
        numberText(i.id, i.ceiling),
        pct(i.shareUsed),
        pct(i.yearElapsed),
        lang === "en" ? WARNING_EN[i.warning] : WARNING_NAME_ZH[i.warning],
      ]),
    ];
    for (const line of out) lines.push(line.map(cell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
