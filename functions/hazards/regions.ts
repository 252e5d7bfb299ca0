// Region helpers the hazard indexes need (pure): which county-level partitions lie under a region.
import { childrenOf, CITY_CODES, cityOf, countyOf, isCountyLevel, type RegionLevel, regionLevel } from "../../shared/codes/index.js";

export function isRegionCode(code: string, levels: readonly RegionLevel[]): boolean {
  const level = regionLevel(code);
  if (level === undefined) return false;
  // The 直管 units (仙桃 …) are city-level in the tree but do county work.
  if (levels.includes("county") && isCountyLevel(code)) return true;
  return levels.includes(level);
}

/** County-level codes at or below a province, city or county code (townships: their host county). */
export function countiesUnder(code: string): string[] {
  const level = regionLevel(code);
  if (level === undefined) return [];
  if (isCountyLevel(code)) return [code];
  if (level === "township") return [countyOf(code)];
  if (level === "city") return childrenOf(code).map((c) => c.code);
  return CITY_CODES().flatMap(countiesUnder);
}

export function cityCodeOf(code: string): string {
  return cityOf(code) ?? code;
}
