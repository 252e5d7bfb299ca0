// Region helpers the hazard indexes need (pure): which county-level partitions lie under a region.
import { childrenOf, cityOf, isCountyLevel, type RegionLevel, regionLevel } from "../../shared/codes/index.js";
import { PROVINCE_CODE } from "../../shared/policy.js";

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
  if (level === "township") return [code.slice(0, 6)];
  if (level === "city") return childrenOf(code).map((c) => c.code);
  return childrenOf(PROVINCE_CODE).flatMap((city) => countiesUnder(city.code));
}

export { countyOf } from "../../shared/codes/index.js";

export function cityCodeOf(code: string): string {
  return cityOf(code) ?? code;
}
