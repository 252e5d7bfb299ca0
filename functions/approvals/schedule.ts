// Scheduled jobs of the approvals context (pure data; implementations live in jobs.ts).
import type { JobSpec } from "../../shared/jobs.js";

export const JOBS: JobSpec[] = [];
