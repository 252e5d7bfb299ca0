// Business metrics as CloudWatch Embedded Metric Format (Powertools Metrics): one JSON line
// on stdout per event, which CloudWatch Logs turns into a metric; no API call, no extra
// latency. Each event is flushed at once (a single-metric instance), so handlers and
// scheduled jobs need no wrapper to publish what they recorded.
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { AuditEntry } from "./audit.js";

export const NAMESPACE = "SafetyPlatform";

const metrics = new Metrics({ namespace: NAMESPACE, serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "safety-platform" });

/** Emits one count now, with its own dimensions (e.g. an accident's grade). */
export function count(name: string, value: number, dimensions: Record<string, string> = {}): void {
  const one = metrics.singleMetric();
  for (const [k, v] of Object.entries(dimensions)) one.addDimension(k, v);
  one.addMetric(name, MetricUnit.Count, value);
}

/** Application decisions (行政许可法 arts. 32, 38): refusing to accept, approving, refusing. */
const DECISIONS: Record<string, string> = { "application.decline": "declined", "application.approve": "approved", "application.refuse": "refused" };

/**
 * The business events a committed change stands for, read off its audit entries (the one
 * record every change carries): hazards reported by level, accidents reported by grade,
 * applications decided by outcome.
 */
export function countBusinessEvents(entries: readonly AuditEntry[]): void {
  for (const e of entries) {
    const summary = (e.summary ?? {}) as Record<string, unknown>;
    if (e.action === "hazard.create") count("HazardsReported", 1, { level: String(summary.level ?? "unknown") });
    else if (e.action === "accident.create") count("AccidentsReported", 1, { grade: String(summary.grade ?? "unknown") });
    else if (DECISIONS[e.action]) count("ApplicationsDecided", 1, { outcome: DECISIONS[e.action] as string });
  }
}
