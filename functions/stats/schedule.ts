// Scheduled jobs of the stats context (pure data; implementations live in jobs.ts). The times
// and cron expressions are configuration in ./config-data.ts (one definition for CDK and the
// local scheduler).
import type { JobSpec } from "../../shared/jobs.js";
import { ANNUAL_ASSESSMENT_SCHEDULE, QUARTERLY_ASSESSMENT_SCHEDULE, ROLLUP_SCHEDULE, type ScheduleDefinition } from "./config-data.js";

const spec = (d: ScheduleDefinition, exportName: string): JobSpec => ({
  name: d.name,
  fn: "stats",
  export: exportName,
  cron: d.cron,
  timeZone: d.timeZone,
  description: d.description,
});

export const JOBS: JobSpec[] = [
  spec(ROLLUP_SCHEDULE, "rollupJob"),
  spec(QUARTERLY_ASSESSMENT_SCHEDULE, "quarterlyAssessmentJob"),
  spec(ANNUAL_ASSESSMENT_SCHEDULE, "annualAssessmentJob"),
];
