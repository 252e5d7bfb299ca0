// What other contexts may ask the credit context.
import { activeListing } from "./rules.js";
import type { SupervisionTaskRecord } from "./schemas.js";
import { listingsOfEnterprise, openTasksOfRegion } from "./store.js";

/** The enterprise's current blacklist listing on `today`, if any (approval applications show a warning). */
export async function currentListing(
  enterpriseId: string,
  today: string,
): Promise<{ id: string; reasonCategory: string; from: string; until: string } | undefined> {
  const listing = activeListing(await listingsOfEnterprise(enterpriseId), today);
  if (!listing) return undefined;
  return { id: listing.id, reasonCategory: listing.reasonCategory, from: listing.from, until: listing.until };
}

/** Open inspection and interview tasks of blacklisted enterprises in a region, due by `dueBy`, earliest first: at most `limit` and the count. */
export async function openTasksDue(regionCode: string, dueBy: string, limit: number): Promise<{ items: SupervisionTaskRecord[]; total: number }> {
  const tasks = await openTasksOfRegion(regionCode, dueBy);
  return { items: tasks.sort((a, b) => a.dueOn.localeCompare(b.dueOn)).slice(0, limit), total: tasks.length };
}
