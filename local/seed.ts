// Seeds every context's reference and demo data; safe to run on every start.
import { seed as accidents } from "../functions/accidents/seed.js";
import { seed as approvals } from "../functions/approvals/seed.js";
import { seed as credit } from "../functions/credit/seed.js";
import { seed as hazards } from "../functions/hazards/seed.js";
import { seed as registry } from "../functions/registry/seed.js";
import { seed as stats } from "../functions/stats/seed.js";

export async function seedAll(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  // Registry first: other contexts' demo data refers to its enterprises.
  out.registry = await registry();
  for (const [name, seed] of Object.entries({ hazards, accidents, approvals, credit, stats })) out[name] = await seed();
  return out;
}
