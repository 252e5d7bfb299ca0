// Scheduled jobs of the credit context (pure data; implementations live in jobs.ts).
import type { JobSpec } from "../../shared/jobs.js";

export const JOBS: JobSpec[] = [
  {
    name: "credit-blacklist",
    fn: "credit",
    export: "blacklist",
    // 02:30, after the accidents' and hazards' nightly jobs have refreshed their records.
    cron: "30 2 * * ? *",
    timeZone: "Asia/Shanghai",
    description: "黑名单每日评估：事故、瞒报、重大隐患逾期、许可证暂扣吊销触发列入；为列入企业生成检查与约谈任务",
  },
];
