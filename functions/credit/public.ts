// What other contexts may ask the credit context.
import { activeListing } from "./rules.js";
import { listingsOfEnterprise } from "./store.js";

/** The enterprise's current blacklist listing on `today`, if any (approval applications show a warning). */
export async function currentListing(
  enterpriseId: string,
  today: string,
): Promise<{ id: string; reasonCategory: string; from: string; until: string } | undefined> {
  const listing = activeListing(await listingsOfEnterprise(enterpriseId), today);
  if (!listing) return undefined;
  return { id: listing.id, reasonCategory: listing.reasonCategory, from: listing.from, until: listing.until };
}
