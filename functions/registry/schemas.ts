import * as z from "zod/mini";
import { msg } from "../../shared/messages.js";
import { CountyCode, Cursor, Id, IndustryCode, Limit, NonEmpty, page, RegionCode } from "../../shared/schemas.js";

export const SCALES = ["large", "medium", "small", "micro"] as const;

export const Contact = z.strictObject({
  name: NonEmpty(50),
  phone: z.string().check(z.regex(/^[0-9+\-() ]{5,20}$/, msg("phone"))),
});

const EnterpriseFields = {
  name: NonEmpty(200),
  regionCode: CountyCode,
  address: NonEmpty(300),
  industryCode: IndustryCode,
  scale: z.enum(SCALES),
  contact: Contact,
};

export const CreateEnterprise = z.strictObject({
  ...EnterpriseFields,
  uscc: z.string().check(z.trim(), z.toUpperCase(), z.minLength(1), z.maxLength(18)),
  /** Province administrators only: register a code that fails the GB 32100 check or its embedded GB 11714 check. */
  checksumOverride: z.optional(z.strictObject({ reason: NonEmpty(500) })),
});
export type CreateEnterprise = z.infer<typeof CreateEnterprise>;

export const PatchEnterprise = z.strictObject({
  name: z.optional(EnterpriseFields.name),
  regionCode: z.optional(EnterpriseFields.regionCode),
  address: z.optional(EnterpriseFields.address),
  industryCode: z.optional(EnterpriseFields.industryCode),
  scale: z.optional(EnterpriseFields.scale),
  contact: z.optional(EnterpriseFields.contact),
});
export type PatchEnterprise = z.infer<typeof PatchEnterprise>;

export const Enterprise = z.object({
  id: Id,
  ...EnterpriseFields,
  uscc: z.string(),
  industrySection: z.string(),
  cityCode: z.string(),
  checksumOverride: z.optional(z.object({ check: z.optional(z.enum(["uscc", "org_code"])), reason: z.string(), by: z.string(), expected: z.string() })),
  gridId: z.optional(z.nullable(z.string())),
  productionSuspended: z.optional(z.boolean()),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof Enterprise>;

export const ListEnterprisesQuery = z.strictObject({
  regionCode: z.optional(RegionCode),
  industryCode: z.optional(IndustryCode),
  q: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  limit: Limit,
  cursor: Cursor,
});

export const EnterprisePage = page(Enterprise);

export const RegionOut = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.nullable(z.string()),
});
export const RegionList = z.object({ items: z.array(RegionOut) });
