// Read access to the enterprise register for every context (the register itself writes
// through functions/registry/store.ts). Records of other contexts copy the enterprise's
// scope fields so their own lists can be scoped without a join.
import { getItem, strip } from "./db.js";
import type { ScopedRecord } from "./policy.js";

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
