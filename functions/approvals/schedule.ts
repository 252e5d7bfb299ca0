// Scheduled jobs of the approvals context (pure data; implementations live in jobs.ts).
import type { JobSpec } from "../../shared/jobs.js";

export const JOBS: JobSpec[] = [
  {
    name: "approvals-deadlines",
    fn: "approvals",
    export: "deadlines",
    // 00:30: the working day's flags are ready before officers start.
    cron: "30 0 * * ? *",
    timeZone: "Asia/Shanghai",
    description: "审批时限每日检查：逾期未告知视为受理（行政许可法第32条）；距法定期限3个工作日内及已超期的申请、逾期未送达的许可证件予以标记",
  },
  {
    name: "approvals-licences",
    fn: "approvals",
    export: "licences",
    cron: "45 0 * * ? *",
    timeZone: "Asia/Shanghai",
    description: "许可证生命周期：有效期届满的许可证置为过期；列出90日内到期的许可证（安全生产许可证条例第9条：期满前3个月申请延期）",
  },
];
