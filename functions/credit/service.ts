// Creating a blacklist listing: shared by the daily evaluation job and the manual listing route,
// so both go through the same term rule and the same per-enterprise serialisation.
import { putNew, putVersioned, type Write } from "../../shared/db.js";
import type { EnterpriseRecord } from "../../shared/enterprises.js";
import { staleVersion } from "../../shared/errors.js";
import { newId } from "../../shared/ids.js";
import type { IsoDate } from "../../shared/time.js";
import type { BlacklistPolicy } from "./config-data.js";
import { type BlacklistTrigger, listingTerm, primaryReason, publicationQuarter } from "./rules.js";
import type { ListingRecord } from "./schemas.js";
import { type CreditState, cityPartition, creditStateItem, listingItem } from "./store.js";

export function listingWrites(input: {
  enterprise: EnterpriseRecord;
  triggers: BlacklistTrigger[];
  state: CreditState | undefined;
  today: IsoDate;
  policy: BlacklistPolicy;
  source: ListingRecord["source"];
  by: string;
  now: Date;
}): { listing: ListingRecord; writes: Write[] } {
  const { enterprise: e, triggers, state, today, policy } = input;
  const prior = state?.listings ?? 0;
  const term = listingTerm(today, prior, policy);
  const reasonCategory = primaryReason(triggers);
  if (reasonCategory === null) throw new Error("a listing needs at least one trigger");
  const listing: ListingRecord = {
    id: newId(),
    enterpriseId: e.id,
    enterpriseName: e.name,
    uscc: e.uscc,
    regionCode: e.regionCode,
    cityCode: e.cityCode ?? cityPartition(e.regionCode),
    industryCode: e.industryCode,
    from: term.from,
    until: term.until,
    repeat: term.repeat,
    priorListings: prior,
    reasonCategory,
    triggers: triggers.map((t) => ({ ...t, evidence: [...t.evidence] })),
    source: input.source,
    publicationQuarter: publicationQuarter(term.from),
    version: 1,
    createdAt: input.now.toISOString(),
    createdBy: input.by,
  };
  const usedEvidence = [...new Set([...(state?.usedEvidence ?? []), ...triggers.flatMap((t) => t.evidence)])];
  const after: CreditState = {
    enterpriseId: e.id,
    listings: prior + 1,
    usedEvidence,
    activeListingId: listing.id,
    activeUntil: listing.until,
    version: (state?.version ?? 0) + 1,
  };
  // The state write comes first: losing a race on it is the telling failure (409).
  const stateWrite = state ? putVersioned(creditStateItem(after), state.version) : putNew(creditStateItem(after), staleVersion());
  return { listing, writes: [stateWrite, putNew(listingItem(listing))] };
}

/** Clears the state's listing in force when that listing is removed early. */
export function stateAfterRemoval(state: CreditState | undefined, listingId: string): Write[] {
  if (!state || state.activeListingId !== listingId) return [];
  const { activeListingId: _, activeUntil: __, ...rest } = state;
  return [putVersioned(creditStateItem({ ...rest, version: state.version + 1 }), state.version)];
}
