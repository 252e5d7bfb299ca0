import * as z from "zod/mini";
import { EnterpriseFields, EnterpriseRecord } from "../../shared/enterprises.js";
import { components, Cursor, field, IndustryCode, Limit, NonEmpty, page, RegionCode } from "../../shared/schemas.js";

export { Contact, SCALES } from "../../shared/enterprises.js";

export const CreateEnterprise = z.strictObject({
  ...EnterpriseFields,
  uscc: field(z.string().check(z.trim(), z.toUpperCase(), z.minLength(1), z.maxLength(18)), "统一社会信用代码（GB 32100，18 位，校验位会被核对）。Unified social credit code."),
  /** Province administrators only: register a code that fails the GB 32100 check or its embedded GB 11714 check. */
  checksumOverride: field(z.optional(z.strictObject({ reason: field(NonEmpty(500), "登记校验位不符代码的理由。Reason.") })), "仅省级管理员：登记校验位不符的代码，须说明理由。Checksum override (province admin)."),
});
export type CreateEnterprise = z.infer<typeof CreateEnterprise>;

/** Rows one validation call takes: a file is checked in batches of this many, each well under the body limit. */
export const MAX_VALIDATION_ROWS = 200;

export const ValidateEnterprises = z.strictObject({
  rows: field(
    z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_VALIDATION_ROWS)),
    `待核对的企业，每项与 POST /v1/enterprises 的请求体相同（1–${MAX_VALIDATION_ROWS} 项）。Rows, each a POST /v1/enterprises body.`,
  ),
});

export const RowProblem = z.object({
  index: field(z.number(), "问题所在行在 rows 中的序号（从 0 起）。Index of the row in rows."),
  path: field(z.string(), "出问题的字段，如 uscc、contact.phone；整行的问题为空串。Field path."),
  code: field(z.string(), "问题代码，与登记时的错误代码相同（如 uscc_check_character）。Problem code."),
  message: field(z.string(), "问题说明。Message."),
});

export const EnterpriseValidation = z.object({
  checked: field(z.number(), "核对的行数。Rows checked."),
  invalid: field(z.number(), "有问题的行数。Rows with problems."),
  problems: field(z.array(RowProblem), "每行每个字段的问题；没有问题的行不出现。Problems, row by row."),
});

export const PatchEnterprise = z.strictObject({
  name: field(z.optional(EnterpriseFields.name), "企业名称（与营业执照一致）。Enterprise name."),
  regionCode: z.optional(EnterpriseFields.regionCode),
  address: field(z.optional(EnterpriseFields.address), "生产经营地址。Address."),
  industryCode: z.optional(EnterpriseFields.industryCode),
  scale: field(z.optional(EnterpriseFields.scale), "企业规模：large 大型，medium 中型，small 小型，micro 微型。Scale."),
  contact: field(z.optional(EnterpriseFields.contact), "安全生产联系人。Safety contact."),
});
export type PatchEnterprise = z.infer<typeof PatchEnterprise>;

/** The register's record as stored, and as the API answers it. */
export const Enterprise = EnterpriseRecord;
export type Enterprise = z.infer<typeof Enterprise>;

export const ListEnterprisesQuery = z.strictObject({
  regionCode: z.optional(RegionCode),
  industryCode: z.optional(IndustryCode),
  q: field(z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))), "按企业名称模糊查找。Name search."),
  limit: Limit,
  cursor: Cursor,
});

export const EnterprisePage = page(Enterprise);

export const RegionOut = z.object({
  code: field(z.string(), "行政区划代码（GB/T 2260）。Region code."),
  name: field(z.string(), "行政区划名称。Region name."),
  level: field(z.string(), "层级：province 省，city 市（州），county 县（市、区）。Level."),
  parentCode: field(z.nullable(z.string()), "上级行政区划代码（省为 null）。Parent code."),
});
export const RegionList = z.object({ items: field(z.array(RegionOut), "湖北省全部省、市、县级行政区划。Regions.") });

export const AccidentTypeOut = z.object({ code: field(z.string(), "事故类别代码（01–20）。Code."), name: field(z.string(), "事故类别名称。Name.") });
export const AccidentTypeList = z.object({ items: field(z.array(AccidentTypeOut), "GB 6441-86 的 20 个事故类别。Accident types.") });

export const IndustryOut = z.object({
  code: field(z.string(), "门类字母（A–T）或两位大类代码。Code."),
  name: field(z.string(), "门类或大类名称。Name."),
  level: field(z.enum(["section", "division"]), "section 门类，division 大类。Level."),
  section: field(z.nullable(z.string()), "大类所属门类（门类本身为 null）。Section."),
});
export const IndustryList = z.object({ items: field(z.array(IndustryOut), "GB/T 4754-2017 的 20 个门类，每个门类后跟其下各大类。Industries.") });

// ---------- OpenAPI components ----------
components(
  { CreateEnterprise, ValidateEnterprises, EnterpriseValidation, PatchEnterprise, Enterprise, EnterprisePage, RegionList, AccidentTypeList, IndustryList },
  {
    CreateEnterprise: "登记企业的请求。Register an enterprise.",
    ValidateEnterprises: "批量核对待登记企业（不写入）。Rows to check before a bulk registration.",
    EnterpriseValidation: "批量核对的结果：逐行逐字段的问题。Problems found in the rows.",
    PatchEnterprise: "修改企业信息的请求：只含要改的字段。Change an enterprise.",
    Enterprise: "在册企业。A registered enterprise.",
    EnterprisePage: "企业列表的一页。A page of enterprises.",
    RegionList: "湖北省行政区划（GB/T 2260）。Regions of Hubei.",
    AccidentTypeList: "事故类别代码表（GB 6441-86）。Accident types.",
    IndustryList: "国民经济行业分类代码表（GB/T 4754-2017）。Industries.",
  },
);
