// Registration rules: what a USCC must satisfy and who may override a failed check.
import { cityOf, orgCodeValid, sectionOf, usccOrgCode, validateUscc } from "../../shared/codes/index.js";
import { forbidden, invalidField } from "../../shared/errors.js";
import { type Actor, isProvinceAdmin } from "../../shared/policy.js";

export interface UsccDecision {
  override?: { reason: string; by: string; expected: string };
  orgCodeWarning?: boolean;
}

/**
 * GB 32100-2015: reject a code that fails, naming the expected check character. Real
 * registers hold a few such codes, so a province administrator may register one with a
 * recorded reason (domain.md "Enterprises").
 */
export function decideUscc(uscc: string, actor: Actor, override?: { reason: string }): UsccDecision {
  const result = validateUscc(uscc);
  if (!result.ok) {
    if (result.reason !== "check_character" || !override) {
      throw invalidField("uscc", result.message, result.reason === "check_character" ? "uscc_check_character" : "invalid_uscc");
    }
    if (!isProvinceAdmin(actor)) {
      throw forbidden("override_not_allowed", { zh: "只有省级管理员可以登记校验码不符的统一社会信用代码", en: "only a province administrator may register a USCC that fails its check" });
    }
    return { override: { reason: override.reason, by: actor.userId, expected: result.expected ?? "" } };
  }
  if (override) {
    throw invalidField("checksumOverride", { zh: "该代码校验通过，无需例外登记", en: "the code passes its check; no override is needed" });
  }
  return orgCodeValid(usccOrgCode(uscc)) ? {} : { orgCodeWarning: true };
}

export function derivedEnterpriseFields(regionCode: string, industryCode: string) {
  return { cityCode: cityOf(regionCode) ?? regionCode, industrySection: sectionOf(industryCode) ?? industryCode };
}
