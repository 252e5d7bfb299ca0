// Read access to the enterprise register for every context (the register itself writes
// through functions/registry/store.ts). Records of other contexts copy the enterprise's
// scope fields so their own lists can be scoped without a join.
import * as z from "zod/mini";
import { orgCodeCheckCharacter, orgCodeValid, usccOrgCode, validateUscc } from "./codes/index.js";
import { deleteItem, eq, getItem, type Write } from "./db.js";
import { conflict, forbidden, invalidField, notFound } from "./errors.js";
import { msg } from "./messages.js";
import { type Actor, canReach, isProvinceAdmin, type ScopedRecord } from "./policy.js";
import { parseRecord } from "./records.js";
import { CountyCode, field, Id, IndustryCode, NonEmpty, Out } from "./schemas.js";
import { outOfScope } from "./scope.js";

export const SCALES = ["large", "medium", "small", "micro"] as const;

export const Contact = z.strictObject({
  name: field(NonEmpty(50), "联系人姓名。Contact name."),
  phone: field(z.string().check(z.regex(/^[0-9+\-() ]{5,20}$/, msg("phone"))), "联系人电话。Contact phone."),
});

/** What a registration gives (functions/registry/schemas.ts builds its requests from these). */
export const EnterpriseFields = {
  name: field(NonEmpty(200), "企业名称（与营业执照一致）。Enterprise name."),
  regionCode: CountyCode,
  address: field(NonEmpty(300), "生产经营地址。Address."),
  industryCode: IndustryCode,
  scale: field(z.enum(SCALES), "企业规模：large 大型，medium 中型，small 小型，micro 微型。Scale."),
  contact: field(Contact, "安全生产联系人。Safety contact."),
};

/** An enterprise of the register, as stored under its key and as the API answers it. */
export const EnterpriseRecord = z.object({
  id: Id,
  ...EnterpriseFields,
  uscc: Out.uscc,
  industrySection: Out.industrySection,
  cityCode: Out.cityCode,
  checksumOverride: field(z.optional(z.object({ check: field(z.optional(z.enum(["uscc", "org_code"])), "不符的校验：uscc 统一社会信用代码校验位，org_code 其中的组织机构代码（GB 11714）校验位。Failed check."), reason: field(z.string(), "登记校验位不符代码的理由。Reason."), by: field(z.string(), "批准登记的用户编号。Approved by."), expected: field(z.string(), "按 GB 32100 计算应有的校验位。Expected check character.") })), "校验位不符而登记的说明。Checksum override."),
  gridId: field(z.optional(z.nullable(z.string())), "所属网格编号（未划入网格为 null）。Grid id."),
  productionSuspended: field(z.optional(z.boolean()), "是否因重大隐患挂牌督办被责令停产停业。Production suspended."),
  version: Out.version,
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
  updatedAt: Out.updatedAt,
});
export type EnterpriseRecord = z.infer<typeof EnterpriseRecord>;

export const enterpriseKey = (id: string) => ({ pk: `ENT#${id}`, sk: "ENT" });

export async function getEnterprise(id: string): Promise<EnterpriseRecord | undefined> {
  const key = enterpriseKey(id);
  const item = await getItem(key.pk, key.sk);
  return item ? parseRecord(EnterpriseRecord, item) : undefined;
}

/** The fields a scope decision needs, for the enterprise itself or a record about it. */
export function enterpriseScope(e: Pick<EnterpriseRecord, "id" | "regionCode" | "industryCode" | "gridId">): ScopedRecord & { enterpriseId: string } {
  return { enterpriseId: e.id, regionCode: e.regionCode, industryCode: e.industryCode, gridId: e.gridId ?? null };
}

/** How an enterprise is named in "not found" answers. */
export const ENTERPRISE_TEXT = { zh: "企业", en: "enterprise" } as const;

/**
 * An enterprise a request names (in its body or query) as the target of its work. One that does
 * not exist is answered exactly like one outside the caller's reach (403 out_of_scope), so naming
 * ids cannot probe the register beyond one's jurisdiction.
 */
export async function targetEnterprise(actor: Actor, id: string): Promise<EnterpriseRecord> {
  const e = actor.role === "enterprise" && actor.enterpriseId !== id ? undefined : await getEnterprise(id);
  if (!e || !canReach(actor, enterpriseScope(e))) throw outOfScope();
  return e;
}

/** An enterprise addressed by its path (/v1/enterprises/{id}/…): 404 when missing or out of reach. */
export async function enterpriseAt(actor: Actor, id: string): Promise<EnterpriseRecord> {
  const e = await getEnterprise(id);
  if (!e || !canReach(actor, enterpriseScope(e))) throw notFound(ENTERPRISE_TEXT);
  return e;
}

/**
 * Releases an enterprise's grid membership claim (pk GRIDENT#<id>, made by hazards/store.ts
 * gridClaimWrite): when a grid lets it go, or when it moves out of the grid's county.
 */
export function gridClaimRelease(enterpriseId: string, gridId: string): Write {
  return deleteItem(
    `GRIDENT#${enterpriseId}`,
    "GRIDENT",
    eq("gridId", gridId),
    conflict("not_in_grid", { zh: "该企业不属于此网格", en: "the enterprise is not in this grid" }),
  );
}

/** A code registered although it fails a check: which check, the character it expected, who and why. */
export interface UsccOverride {
  check: "uscc" | "org_code";
  expected: string;
  reason: string;
  by: string;
}

/**
 * Whether a unified social credit code may be recorded (the register, and an accident's unregistered
 * unit alike). GB 32100-2015's own check and the GB 11714 check of the organisation code it embeds
 * (positions 9-17) are both enforced; a failure names the expected character. Real registers hold a
 * few codes that fail, so a province administrator may accept one with a recorded reason
 * (`override`); nobody else can, and a code that passes needs none. `path` is the field answered on.
 */
export function decideUscc(uscc: string, actor: Actor, override: { reason: string } | undefined, path = "uscc"): { override?: UsccOverride } {
  const result = validateUscc(uscc);
  if (!result.ok && result.reason !== "check_character") throw invalidField(path, result.message, "invalid_uscc");
  let failed: Omit<UsccOverride, "reason" | "by"> | undefined;
  if (!result.ok) {
    if (!override) throw invalidField(path, result.message, "uscc_check_character");
    failed = { check: "uscc", expected: result.expected ?? "" };
  } else if (!orgCodeValid(usccOrgCode(uscc))) {
    const expected = orgCodeCheckCharacter(usccOrgCode(uscc).slice(0, 8));
    if (!override) {
      throw invalidField(
        path,
        { zh: `内含的组织机构代码（第9至17位）校验码错误，第17位应为 ${expected}（GB 11714）`, en: `the embedded organisation code (positions 9-17) fails its GB 11714 check; position 17 should be ${expected}` },
        "uscc_org_code_check",
      );
    }
    failed = { check: "org_code", expected };
  }
  if (!failed) {
    if (override) throw invalidField("checksumOverride", { zh: "该代码校验通过，无需例外登记", en: "the code passes its checks; no override is needed" });
    return {};
  }
  if (!isProvinceAdmin(actor)) {
    throw forbidden("override_not_allowed", { zh: "只有省级管理员可以登记校验不通过的统一社会信用代码", en: "only a province administrator may record a USCC that fails its check" });
  }
  return { override: { ...failed, reason: (override as { reason: string }).reason, by: actor.userId } };
}
