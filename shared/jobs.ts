// Scheduled functions, declared once: CDK turns each into an EventBridge Scheduler
// schedule (with retries and a DLQ); the local stack runs the same definitions on a timer
// and on demand (`npm run job -- <name>`).
import type { FunctionName } from "./route.js";

export interface JobSpec {
  name: string;
  /** The context whose jobs.ts exports the entry point. */
  fn: FunctionName;
  /** Named export of functions/<fn>/jobs.ts: (input: JobInput) => Promise<JobResult>. */
  export: string;
  /** Six-field cron as EventBridge Scheduler reads it: minutes hours day-of-month month day-of-week year. */
  cron: string;
  timeZone: "Asia/Shanghai";
  description: string;
}

export interface JobInput {
  /** ISO instant the run stands for; defaults to now. */
  asOf?: string;
  /** Optional period selector (e.g. year/month for roll-ups). */
  year?: number;
  month?: number;
  quarter?: number;
  [key: string]: unknown;
}

export type JobResult = Record<string, unknown>;
export type Job = (input: JobInput) => Promise<JobResult>;
