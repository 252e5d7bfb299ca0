// What other contexts may call in the hazards context.
// Read-only; meant for scheduled jobs (credit's blacklist triggers, stats' assessment).
import { countEnterprisesOfRegion, supervisedBefore } from "./store.js";
import { CITY_CODES } from "../../shared/codes/index.js";

// Hazard states as assessment scores them (总局令第16号).
export { type HazardStatus, isOverdue, isRectifiedStatus } from "./rules.js";

/** Listed (挂牌督办) major hazards whose supervision deadline is before `asOfDate` and that are not written off. */
export async function overdueSupervisedHazards(asOfDate: string): Promise<{ id: string; enterpriseId: string; regionCode: string; deadline: string; status: string }[]> {
  // The HAZSUP#<city> projection holds exactly the listed, not written-off hazards, keyed by deadline:
  // sk = <deadline>#<id> sorts before "<asOfDate>" iff deadline < asOfDate.
  const parts = await Promise.all(CITY_CODES().map((city) => supervisedBefore(city, asOfDate)));
  return parts.flat().map((i) => ({
    id: i.id as string,
    enterpriseId: i.enterpriseId as string,
    regionCode: i.regionCode as string,
    deadline: i.deadline as string,
    status: i.status as string,
  }));
}

/** Share of enterprises in a region assigned to a grid, for assessment. */
export async function gridCoverage(regionCode: string): Promise<{ enterprises: number; inGrid: number }> {
  // Counted by the index, not loaded: a city holds tens of thousands of enterprises.
  const [enterprises, inGrid] = await Promise.all([countEnterprisesOfRegion(regionCode), countEnterprisesOfRegion(regionCode, undefined, { inGrid: true })]);
  return { enterprises, inGrid };
}
