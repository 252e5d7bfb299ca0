// An approval officer's queue: in each city, the open applications of the items the officer holds
// there today (own items, or the province's items unless delegated to the city, rules.officerAuthority).
// Read by GET /v1/applications?queue=true (handler.ts) and the to-do list (public.ts).
import { regionLevel } from "../../shared/codes/index.js";
import type { Delegation } from "./schemas.js";
import { type DelegationState, officerAuthority } from "./rules.js";
import type { StoredItem } from "./store.js";

/** The latest delegation of each (item, city): the state the authority check reads. */
export function latestDelegations(all: Delegation[]): Map<string, DelegationState> {
  const out = new Map<string, DelegationState>();
  for (const d of [...all].sort((a, b) => a.id.localeCompare(b.id))) {
    out.set(`${d.itemCode}#${d.cityCode}`, { delegationId: d.id, cityCode: d.cityCode, status: d.status, startDate: d.startDate });
  }
  return out;
}

/** The codes of the items an officer holds for applicants of `regionCode` in `city` today. */
export function heldItems(officerRegion: string, regionCode: string, city: string, items: readonly StoredItem[], latest: Map<string, DelegationState>, today: string): string[] {
  return items
    .filter((i) => officerAuthority({ officerRegion, applicantRegion: regionLevel(regionCode) === "province" ? city : regionCode, applicantCityCode: city, issuer: i.issuer, delegation: latest.get(`${i.code}#${city}`), today }).ok)
    .map((i) => i.code);
}
