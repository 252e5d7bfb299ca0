// Scheduled jobs of the accidents context (pure data; implementations live in jobs.ts).
import type { JobSpec } from "../../shared/jobs.js";

export const JOBS: JobSpec[] = [
  {
    name: "accidents-statistical-deaths",
    fn: "accidents",
    export: "refreshStatisticalDeaths",
    // 00:20, before the roll-ups and the credit evaluation (02:30) read the period index.
    cron: "20 0 * * ? *",
    timeZone: "Asia/Shanghai",
    description: "事故统计死亡人数每日刷新：补报期（30日，道路交通和火灾7日）届满仍失踪的人员计入死亡",
  },
];
