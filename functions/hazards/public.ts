// What other contexts may call in the hazards context.
// Read-only; meant for scheduled jobs (credit's blacklist triggers, stats' assessment) and the to-do list.
import { CITY_CODES } from "../../shared/codes/index.js";
import { filingDeadline, reviewDueDate } from "./rules.js";
import { countEnterprisesOfRegion, getFiling, type Hazard, mostUrgentByStatus, OPEN_STATUSES, openOfEnterpriseDueBy, supervisedBefore } from "./store.js";

// Hazard states as assessment scores them (总局令第16号).
export { type HazardStatus, isOverdue, isRectifiedStatus } from "./rules.js";

/** Listed (挂牌督办) major hazards whose supervision deadline is before `asOfDate` and that are not written off. */
export async function overdueSupervisedHazards(asOfDate: string): Promise<{ id: string; enterpriseId: string; regionCode: string; deadline: string; status: string }[]> {
  // The HAZSUP#<city> projection holds exactly the listed, not written-off hazards, keyed by deadline:
  // sk = <deadline>#<id> sorts before "<asOfDate>" iff deadline < asOfDate.
  const parts = await Promise.all(CITY_CODES().map((city) => supervisedBefore(city, asOfDate)));
  return parts.flat().map(({ id, enterpriseId, regionCode, deadline, status }) => ({ id, enterpriseId, regionCode, deadline, status }));
}

/** Share of enterprises in a region assigned to a grid, for assessment. */
export async function gridCoverage(regionCode: string): Promise<{ enterprises: number; inGrid: number }> {
  // Counted by the index, not loaded: a city holds tens of thousands of enterprises.
  const [enterprises, inGrid] = await Promise.all([countEnterprisesOfRegion(regionCode), countEnterprisesOfRegion(regionCode, undefined, { inGrid: true })]);
  return { enterprises, inGrid };
}

// ---------- to-do (functions/todo) ----------

/** Whose hazards a to-do list reads: one enterprise's, or a region's (an industry department's industry only). */
export type HazardScope = { enterpriseId: string } | { regionCode: string; industry?: string };

/** Open hazards due for rectification by `dueBy` (overdue ones included): the most urgent `limit` and the count. */
export async function rectificationsDue(scope: HazardScope, today: string, dueBy: string, limit: number, count = true): Promise<{ items: Hazard[]; total: number }> {
  if ("enterpriseId" in scope) return openOfEnterpriseDueBy(scope.enterpriseId, dueBy, limit);
  return mostUrgentByStatus(scope.regionCode, OPEN_STATUSES, { today, industry: scope.industry }, dueBy, limit, count);
}

/** Major hazards whose review (复查, 16号令 art.23) the region's department owes, with the review's due date. */
export async function reviewsOwed(regionCode: string, industry: string | undefined, today: string, limit: number, count = true): Promise<{ items: { hazard: Hazard; dueDate: string }[]; total: number }> {
  const { items, total } = await mostUrgentByStatus(regionCode, ["review_requested"], { today, industry }, undefined, limit, count);
  const owed = items.map((hazard) => ({ hazard, dueDate: reviewDueDate(hazard.supervision?.deadline, hazard.reviewRequestedOn) }));
  return { items: owed.sort((a, b) => a.dueDate.localeCompare(b.dueDate)), total };
}

/** The statistics filings (16号令 art.14) an enterprise has not made yet: last quarter's, and in the first quarter last year's. */
export async function filingsOwed(enterpriseId: string, today: string): Promise<{ period: string; dueDate: string }[]> {
  const [year, month] = today.split("-").map(Number) as [number, number];
  const quarter = Math.floor((month - 1) / 3) + 1;
  const periods = [quarter === 1 ? `${year - 1}Q4` : `${year}Q${quarter - 1}`, ...(quarter === 1 ? [String(year - 1)] : [])];
  const filed = await Promise.all(periods.map((p) => getFiling(enterpriseId, p)));
  return periods.filter((_, i) => !filed[i]).map((period) => ({ period, dueDate: filingDeadline(period) }));
}
