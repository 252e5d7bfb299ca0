// Reference and demo data of the approvals context, written idempotently (shared/seeding.ts):
// the catalogue (version 1 of every item), the 2025 and 2026 State Council calendars (data in the
// table, so an admin can replace them), and one valid safety production licence for demo
// enterprise E001 so hazard suspension and verification can be tried at once.
import type { Item } from "../../shared/db.js";
import { seedItems } from "../../shared/seeding.js";
import { DEMO_ENTERPRISES } from "../registry/seed.js";
import { STATE_COUNCIL_CALENDARS } from "./calendar-data.js";
import { APPROVAL_CATALOGUE } from "./catalogue-data.js";
import { licenceNumber, licenceValidTo, SAFETY_LICENCE_VALIDITY_YEARS } from "./rules.js";
import type { Licence } from "./schemas.js";
import { calendarRecord, itemRecords, licenceEventRecord, licenceItem } from "./store.js";

const AT = "2025-06-01T01:00:00.000Z";
const SEED = "seed";

export const DEMO_LICENCE_NUMBER = licenceNumber("AQ01-01", 2025, "DEM0000001");

function demoLicence(): Licence {
  const e = DEMO_ENTERPRISES.find((d) => d.id === "01JDEM0000000000000000E001");
  if (!e) throw new Error("demo enterprise E001 missing from the registry seed");
  const item = APPROVAL_CATALOGUE.find((i) => i.code === "AQ01-01");
  if (!item) throw new Error("catalogue item AQ01-01 missing");
  return {
    number: DEMO_LICENCE_NUMBER,
    itemCode: item.code,
    itemName: item.name,
    safetyProduction: true,
    enterpriseId: e.id,
    holderName: e.name,
    holderUscc: e.uscc,
    regionCode: e.regionCode,
    cityCode: e.cityCode,
    industryCode: e.industryCode,
    gridId: null,
    scope: "危险化学品生产：甲醇（3万吨/年）、甲醛（37%，5万吨/年）",
    validFrom: "2025-06-01",
    validTo: licenceValidTo("2025-06-01", SAFETY_LICENCE_VALIDITY_YEARS),
    status: "valid",
    applicationId: null,
    issuedOn: "2025-06-01",
    issuedBy: SEED,
    renewals: 0,
    version: 1,
    createdAt: AT,
    updatedAt: AT,
  };
}

export function seedRecords(): Item[] {
  const items: Item[] = [];
  for (const i of APPROVAL_CATALOGUE) {
    const { current, snapshot } = itemRecords({ ...i, version: 1, updatedAt: AT, updatedBy: SEED, changeReason: "初始目录（鄂安办〔2015〕60号）" });
    items.push(current, snapshot);
  }
  for (const c of STATE_COUNCIL_CALENDARS) items.push(calendarRecord({ ...c, version: 1, updatedAt: AT, updatedBy: SEED }));
  const l = demoLicence();
  items.push(
    licenceItem(l),
    licenceEventRecord({ licenceNumber: l.number, itemCode: l.itemCode, regionCode: l.regionCode, enterpriseId: l.enterpriseId, event: "issued", at: AT, from: null, to: "valid", actorId: SEED }, "01JDEM0000000000000000L001"),
  );
  return items;
}

export async function seed(): Promise<number> {
  return seedItems(seedRecords());
}
