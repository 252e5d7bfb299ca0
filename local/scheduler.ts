// Runs the scheduled jobs locally on the same cron definitions CDK deploys.
import { Cron } from "croner";
import { JOBS } from "../functions/schedule.js";
import type { Job, JobInput, JobSpec } from "../shared/jobs.js";

/** EventBridge's six-field cron (min hour dom month dow year) → croner's five fields. */
export function toCroner(cron: string): string {
  const [min, hour, dom, month, dow] = cron.trim().split(/\s+/);
  const q = (f: string | undefined) => (f === "?" ? "*" : (f ?? "*"));
  // EventBridge numbers weekdays 1–7 from Sunday; croner 0–6 from Sunday.
  const weekday = q(dow).replace(/\d/g, (d) => String(Number(d) - 1));
  return `${min} ${hour} ${q(dom)} ${q(month)} ${weekday}`;
}

export async function runJob(spec: JobSpec, input: JobInput = {}): Promise<unknown> {
  const mod = (await import(`../functions/${spec.fn}/jobs.ts`)) as Record<string, Job>;
  const job = mod[spec.export];
  if (!job) throw new Error(`functions/${spec.fn}/jobs.ts does not export ${spec.export}`);
  return job(input);
}

export async function startScheduler(): Promise<{ names: string[]; stop(): void }> {
  const crons = JOBS.map(
    (spec) =>
      new Cron(toCroner(spec.cron), { timezone: spec.timeZone, protect: true }, async () => {
        try {
          const result = await runJob(spec);
          console.log(`[job ${spec.name}] ${JSON.stringify(result).slice(0, 300)}`);
        } catch (err) {
          console.error(`[job ${spec.name}] failed: ${(err as Error).message}`);
        }
      }),
  );
  return { names: JOBS.map((j) => j.name), stop: () => {
      for (const c of crons) c.stop();
    },
  };
}
