// Registration rules. What a USCC must satisfy, and who may override a failed check, is
// shared/enterprises.ts decideUscc (accidents check an unregistered unit's code the same way).
import { cityOf, sectionOf } from "../../shared/codes/index.js";

export function derivedEnterpriseFields(regionCode: string, industryCode: string) {
  return { cityCode: cityOf(regionCode) ?? regionCode, industrySection: sectionOf(industryCode) ?? industryCode };
}
