// Reference and demo data of the stats context, written idempotently (see shared/seeding.ts):
// the warning thresholds and sector mapping, the 2026 assessment configuration, and demo
// province-level targets and denominators of realistic magnitude (Hubei 2011 had
// 2,464 deaths against a ceiling of 2,492; 0.137 deaths per 亿元 GDP).
import type { Item } from "../../shared/db.js";
import { HUBEI_PROVINCE_CODE } from "../../shared/codes/index.js";
import { seedItems } from "../../shared/seeding.js";
import { DEFAULT_ASSESSMENT_CONFIG_2026, DEFAULT_SECTOR_MAPPING, DEFAULT_WARNING_THRESHOLDS, HUBEI_MAGNITUDES } from "./config-data.js";
import { assessmentConfigKey, denominatorsKey, STATS_CONFIG_KEY, targetsKey } from "./store.js";

const AT = "2026-01-05T01:00:00.000Z";
const stamp = { version: 1, updatedAt: AT, updatedBy: "seed" };

export function seedData(): Item[] {
  const h = HUBEI_MAGNITUDES[2011];
  return [
    { ...STATS_CONFIG_KEY, entity: "stats_config", warningThresholds: DEFAULT_WARNING_THRESHOLDS, sectorMapping: DEFAULT_SECTOR_MAPPING },
    { ...assessmentConfigKey(2026), entity: "assessment_config", ...DEFAULT_ASSESSMENT_CONFIG_2026, ...stamp },
    {
      ...targetsKey(2026, HUBEI_PROVINCE_CODE),
      entity: "control_targets",
      year: 2026,
      regionCode: HUBEI_PROVINCE_CODE,
      deaths: h.deathsCeiling,
      largerAccidents: 30,
      majorAccidents: 1,
      rates: { deathsPerYiGdp: h.deathsPerYiGdp, imcDeathsPer100kEmployees: h.imcDeathsPer100kEmployees, roadDeathsPer10kVehicles: h.roadDeathsPer10kVehicles, coalDeathsPerMillionTonnes: h.coalDeathsPerMillionTonnes },
      ...stamp,
    },
    {
      ...denominatorsKey(2026, HUBEI_PROVINCE_CODE),
      entity: "denominators",
      year: 2026,
      regionCode: HUBEI_PROVINCE_CODE,
      gdpYi: 60_000,
      imcEmployees: 9_000_000,
      motorVehicles: 14_000_000,
      coalOutputTonnes: 5_000_000,
      ...stamp,
    },
  ];
}

export async function seed(): Promise<number> {
  return seedItems(seedData());
}
