// Every scheduled job of the system, gathered from each context's schedule.ts.
// CDK makes an EventBridge schedule of each; the local scheduler runs the same list.
import type { JobSpec } from "../shared/jobs.js";
import { JOBS as accidents } from "./accidents/schedule.js";
import { JOBS as approvals } from "./approvals/schedule.js";
import { JOBS as credit } from "./credit/schedule.js";
import { JOBS as stats } from "./stats/schedule.js";
import { JOBS as todo } from "./todo/schedule.js";

export const JOBS: JobSpec[] = [...accidents, ...approvals, ...credit, ...stats, ...todo];
