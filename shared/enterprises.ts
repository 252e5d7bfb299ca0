// Read access to the enterprise register for every context (the register itself writes
// through functions/registry/store.ts). Records of other contexts copy the enterprise's
// scope fields so their own lists can be scoped without a join.
import { deleteItem, getItem, strip, type Write } from "./db.js";
import { conflict } from "./errors.js";
import { type Actor, canReach, type ScopedRecord } from "./policy.js";
import { outOfScope, reachable } from "./scope.js";

export interface EnterpriseRecord {
  id: string;
  name: string;
  uscc: string;
  regionCode: string;
  cityCode: string;
  industryCode: string;
  industrySection: string;
  gridId?: string | null;
  productionSuspended?: boolean;
  version: number;
  [key: string]: unknown;
}

export const enterpriseKey = (id: string) => ({ pk: `ENT#${id}`, sk: "ENT" });

export async function getEnterprise(id: string): Promise<EnterpriseRecord | undefined> {
  const item = await getItem(enterpriseKey(id).pk, "ENT");
  return item ? (strip(item) as EnterpriseRecord) : undefined;
}

/** The fields a scope decision needs, for the enterprise itself or a record about it. */
export function enterpriseScope(e: Pick<EnterpriseRecord, "id" | "regionCode" | "industryCode" | "gridId">): ScopedRecord & { enterpriseId: string } {
  return { enterpriseId: e.id, regionCode: e.regionCode, industryCode: e.industryCode, gridId: e.gridId ?? null };
}

/** How an enterprise is named in "not found" answers. */
export const ENTERPRISE_TEXT = { zh: "企业", en: "enterprise" } as const;

/**
 * An enterprise a request names (in its body or query) as the target of its work. One that does
 * not exist is answered exactly like one outside the caller's reach (403 out_of_scope), so naming
 * ids cannot probe the register beyond one's jurisdiction.
 */
export async function targetEnterprise(actor: Actor, id: string): Promise<EnterpriseRecord> {
  const e = actor.role === "enterprise" && actor.enterpriseId !== id ? undefined : await getEnterprise(id);
  if (!e || !canReach(actor, enterpriseScope(e))) throw outOfScope();
  return e;
}

/** An enterprise addressed by its path (/v1/enterprises/{id}/…): 404 when missing or out of reach. */
export async function enterpriseAt(actor: Actor, id: string): Promise<EnterpriseRecord> {
  const e = await getEnterprise(id);
  reachable(actor, e && enterpriseScope(e), ENTERPRISE_TEXT);
  return e as EnterpriseRecord;
}

/**
 * Releases an enterprise's grid membership claim (pk GRIDENT#<id>, made by hazards/store.ts
 * gridClaimWrite): when a grid lets it go, or when it moves out of the grid's county.
 */
export function gridClaimRelease(enterpriseId: string, gridId: string): Write {
  return deleteItem(
    `GRIDENT#${enterpriseId}`,
    "GRIDENT",
    { expression: "#g = :g", names: { "#g": "gridId" }, values: { ":g": gridId } },
    conflict("not_in_grid", { zh: "该企业不属于此网格", en: "the enterprise is not in this grid" }),
  );
}

