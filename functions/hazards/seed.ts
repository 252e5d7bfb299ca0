// Reference and demo data of the hazards context, written idempotently (see shared/seeding.ts):
// every checklist version (an existing version is never rewritten, so inspections made against
// it keep their meaning), and the demo grid GRID-420102-01 holding the demo enterprise E001.
import { transact } from "../../shared/db.js";
import { getEnterprise } from "../../shared/enterprises.js";
import { ApiError } from "../../shared/errors.js";
import { seedItems } from "../../shared/seeding.js";
import { SEED_CHECKLISTS } from "./checklist-data.js";
import { checklistFamily, checklistItem, enterpriseChangeWrite, type Grid, gridClaimItem, gridCodeItem, gridItem, gridOfClaim } from "./store.js";

const AT = "2026-01-05T01:00:00.000Z";

export const DEMO_GRID_ID = "01JDEM0000000000000000G001";
export const DEMO_GRID_ENTERPRISE = "01JDEM0000000000000000E001";

export const DEMO_GRID: Grid = {
  id: DEMO_GRID_ID,
  code: "GRID-420102-01",
  name: "江岸区化工路网格",
  regionCode: "420102",
  countyCode: "420102",
  cityCode: "420100",
  // The demo grid_member token (local/demo.ts) has sub "demo-grid" and grid claim G001.
  member: { userId: "demo-grid", name: "李网格", phone: "027-82800001", fullTime: true },
  supervisingOfficial: { name: "王监管", title: "江岸区应急管理局安全监管科科长", phone: "027-82800002" },
  contactLeader: { name: "赵联系", title: "江岸区副区长", phone: "027-82800003" },
  version: 1,
  createdAt: AT,
  createdBy: "seed",
};

export async function seed(): Promise<number> {
  const checklists = SEED_CHECKLISTS.map((c) => checklistItem({ ...c, items: [...c.items], family: checklistFamily(c.id), createdAt: AT, createdBy: "seed" }));
  let written = await seedItems([...checklists, gridItem(DEMO_GRID), gridCodeItem(DEMO_GRID.code, DEMO_GRID_ID), gridClaimItem(DEMO_GRID_ENTERPRISE, DEMO_GRID_ID)]);
  // The register seeds E001 first (local/seed.ts); put it in the grid once, only if the claim is
  // ours and nobody has set a grid on it yet (a later removal leaves gridId null and stays).
  const e = await getEnterprise(DEMO_GRID_ENTERPRISE);
  if (e && e.gridId === undefined && (await gridOfClaim(DEMO_GRID_ENTERPRISE)) === DEMO_GRID_ID) {
    try {
      await transact([enterpriseChangeWrite(e, { gridId: DEMO_GRID_ID })]);
      written++;
    } catch (err) {
      // Another start placed it meanwhile.
      if (!(err instanceof ApiError && err.status === 409)) throw err;
    }
  }
  return written;
}
