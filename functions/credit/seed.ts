// Reference data of the credit context, written idempotently (see shared/seeding.ts): the
// blacklist policy of 安委办〔2015〕14号 (a province may tighten it later through PUT /v1/credit-policy).
import { seedItems } from "../../shared/seeding.js";
import { DEFAULT_BLACKLIST_POLICY } from "./config-data.js";
import { policyItem } from "./store.js";

export async function seed(): Promise<number> {
  return seedItems([policyItem({ ...DEFAULT_BLACKLIST_POLICY, version: 1, updatedAt: "2026-01-01T00:00:00.000Z", updatedBy: "seed" })]);
}
