// Scheduled jobs of the to-do context (pure data; implementations live in jobs.ts).
import type { JobSpec } from "../../shared/jobs.js";

/** Its function alone may publish to the reminders topic (infra/stack.ts). */
export const REMINDERS_JOB = "todo-reminders";

export const JOBS: JobSpec[] = [
  {
    name: REMINDERS_JOB,
    fn: "todo",
    export: "publishReminders",
    // Every 15 minutes: an accident's forward is due 2 hours after a level receives it and is
    // reminded an hour ahead (rules.ts REMIND_HOURS_BEFORE), so a run must come within the hour.
    cron: "0,15,30,45 * * * ? *",
    timeZone: "Asia/Shanghai",
    description: "到期提醒：隐患整改、重大隐患复查、事故转报、失信企业检查、许可证到期，每项每个期限只提醒一次",
  },
];
