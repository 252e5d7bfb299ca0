// State Council holiday calendars shipped as seed data (an admin replaces or adds years through
// PUT /v1/calendar/{year}). Generated once with the `chinese-days` package (v1.5.7: isHoliday,
// isWorkday, getDayDetail over every day of the year) and pasted here as literals so the runtime
// has no dependency on it; checked by hand against the two notices cited in `source`.
// `holidays` lists every rest day of each holiday period, weekend days included, so a period
// reads as the notice states it ("10月1日至7日放假调休，共7天").

import type { YearCalendar } from "./calendar.js";

export const CALENDAR_2025: YearCalendar = {
  year: 2025,
  source:
    "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号），https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm",
  holidays: [
    "2025-01-01", // 元旦
    "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04", // 春节
    "2025-04-04", "2025-04-05", "2025-04-06", // 清明节
    "2025-05-01", "2025-05-02", "2025-05-03", "2025-05-04", "2025-05-05", // 劳动节
    "2025-05-31", "2025-06-01", "2025-06-02", // 端午节
    "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08", // 国庆节、中秋节
  ],
  makeUpWorkdays: [
    "2025-01-26", "2025-02-08", // 春节
    "2025-04-27", // 劳动节
    "2025-09-28", "2025-10-11", // 国庆节、中秋节
  ],
};

export const CALENDAR_2026: YearCalendar = {
  year: 2026,
  source:
    "国务院办公厅关于2026年部分节假日安排的通知，https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm",
  holidays: [
    "2026-01-01", "2026-01-02", "2026-01-03", // 元旦
    "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23", // 春节
    "2026-04-04", "2026-04-05", "2026-04-06", // 清明节
    "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05", // 劳动节
    "2026-06-19", "2026-06-20", "2026-06-21", // 端午节
    "2026-09-25", "2026-09-26", "2026-09-27", // 中秋节
    "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07", // 国庆节
  ],
  makeUpWorkdays: [
    "2026-01-04", // 元旦
    "2026-02-14", "2026-02-28", // 春节
    "2026-05-09", // 劳动节
    "2026-09-20", "2026-10-10", // 国庆节
  ],
};

export const STATE_COUNCIL_CALENDARS: readonly YearCalendar[] = [CALENDAR_2025, CALENDAR_2026];
