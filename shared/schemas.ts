// Schema pieces every context uses, so a region code or a page looks the same everywhere.
import * as z from "zod/mini";
import { ACCIDENT_TYPES, divisionOfClass, isAccidentType, isCountyLevel, isIndustryCode, regionLevel } from "./codes/index.js";
import { msg } from "./messages.js";
import { ROLES } from "./policy.js";
import { isIsoDate } from "./time.js";

export const MAX_PAGE = 100;

// ---------- documentation ----------
//
// Descriptions, formats and examples live on the schemas as zod metadata; z.toJSONSchema copies
// them into the OpenAPI document (shared/openapi.ts). `field` documents one use of a schema
// (a copy, so a shared schema keeps its own text); `component` names an object schema, which the
// document then defines once and refers to.
//
// Only a process that builds the document reads them. A Lambda bundle without the generator is
// built with SCHEMA_DOCS "off" (infra/bundling.ts): its schemas validate exactly the same, and its
// cold start skips ~250 copies and registrations per context (BENCHMARKS.md "Lambda bundles").
const DOCUMENTED = process.env.SCHEMA_DOCS !== "off";

export function field<S extends z.ZodMiniType>(schema: S, description: string, example?: unknown): S {
  if (!DOCUMENTED) return schema;
  // clone() keeps a link to the original, so the copy inherits its format and examples; it costs a
  // fraction of .check(z.meta()), which rebuilds the schema.
  const copy = schema.clone() as S;
  z.globalRegistry.add(copy, example === undefined ? { description } : { description, examples: [example] });
  return copy;
}

export function component<S extends z.ZodMiniType>(schema: S, id: string, description: string): S {
  if (DOCUMENTED) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id, description });
  return schema;
}

/** Names every schema of a module as a component: `components({ Hazard, HazardPage })`. */
export function components(schemas: Record<string, z.ZodMiniType>, descriptions: Record<string, string>): void {
  for (const [id, schema] of Object.entries(schemas)) component(schema, id, descriptions[id] ?? id);
}

/** Response-side text formats (the API writes them; nothing to check on the way out). */
export const Timestamp = z.string().check(z.meta({ format: "date-time", examples: ["2026-11-03T09:30:00.000Z"] }));
export const DateString = z.string().check(z.meta({ format: "date", examples: ["2026-11-30"] }));
export const Url = z.string().check(z.meta({ format: "uri", examples: ["http://localhost:4569/evidence/hazards/01JC9Z3K7Q8R2S4T6V8W0X2Y4Z"] }));

export const EXAMPLE_ID = "01JC9Z3K7Q8R2S4T6V8W0X2Y4Z";

export const Id = z.string().check(
  z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, msg("ulid")),
  z.meta({ description: "记录编号（ULID，26 位，按时间排序）", examples: [EXAMPLE_ID] }),
);

// A malformed code gets one message, not also "unknown region" (abort stops the checks).
export const RegionCode = z.string().check(
  z.regex(/^\d{6}(\d{3})?$/, { error: msg("regionCodeFormat"), abort: true }),
  z.refine((c) => regionLevel(c) !== undefined, msg("regionUnknown")),
  z.meta({ description: "湖北省行政区划代码（GB/T 2260，6 位；乡镇街道 9 位），见 GET /v1/regions。Region code.", examples: ["420102"] }),
);

export const CountyCode = z.string().check(
  z.regex(/^\d{6}$/, { error: msg("countyCodeFormat"), abort: true }),
  z.refine((c) => isCountyLevel(c), msg("countyLevel")),
  z.meta({ description: "县级行政区划代码（GB/T 2260，6 位），见 GET /v1/regions。County-level region code.", examples: ["420102"] }),
);

export const IndustryCode = z.string().check(
  z.overwrite(divisionOfClass),
  z.refine((c) => isIndustryCode(c), msg("industryCode")),
  z.meta({
    description:
      "国民经济行业代码（GB/T 4754-2017）：门类字母（如 C）或两位大类（如 26）；营业执照上的三位中类、四位小类（如 2614）按前两位归入大类。见 GET /v1/codes/industries。Industry code.",
    examples: ["26"],
  }),
);

export const AccidentType = z.string().check(
  z.refine((c) => isAccidentType(c), msg("accidentType")),
  z.meta({
    description: "事故类别（GB 6441-86《企业职工伤亡事故分类》01–20），见 GET /v1/codes/accident-types。Accident type.",
    oneOf: ACCIDENT_TYPES.map((t) => ({ const: t.code, title: t.name })),
    examples: ["03"],
  }),
);

export const IsoDate = z.string().check(
  z.refine((d) => isIsoDate(d), msg("isoDate")),
  z.meta({ format: "date", description: "日期（YYYY-MM-DD，北京时间的自然日）", examples: ["2026-11-30"] }),
);

/** An instant with an explicit offset (Z or ±hh:mm). */
export const Instant = z.iso.datetime({ offset: true }).check(
  z.meta({ description: "时刻（ISO 8601，带时区，如 2026-11-03T09:30:00+08:00）", examples: ["2026-11-03T09:30:00+08:00"] }),
);

export const Limit = field(z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE)), 20), `每页条数（1–${MAX_PAGE}，默认 20）。Page size.`, 20);
export const Cursor = field(z.optional(z.string().check(z.maxLength(2048))), "分页游标：上一页应答中的 nextCursor。Page cursor.");

export const NonEmpty = (max = 2000) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const IdParams = z.strictObject({ id: Id });

export const NextCursor = field(z.nullable(z.string()), "下一页的游标，作为 cursor 传回；为 null 表示没有更多。Next page cursor.");

export function page<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: field(z.array(item), "本页的记录。Items of this page."), nextCursor: NextCursor });
}

/** Query booleans arrive as strings. */
export const QueryBool = z.optional(z.enum(["true", "false"]));

/** Response fields that mean the same in every context, described once. */
export const Out = {
  id: field(z.string(), "记录编号。Id.", EXAMPLE_ID),
  enterpriseId: field(z.string(), "企业编号（ULID）。Enterprise id.", EXAMPLE_ID),
  enterpriseName: field(z.string(), "企业名称。Enterprise name.", "武汉示例化工有限公司"),
  uscc: field(z.string(), "统一社会信用代码（GB 32100，18 位）。Unified social credit code.", "91420102MA4K00001Q"),
  regionCode: field(z.string(), "所在行政区划代码（GB/T 2260）。Region code.", "420102"),
  cityCode: field(z.string(), "所属市（州）行政区划代码（GB/T 2260）。City code.", "420100"),
  industryCode: field(z.string(), "行业代码（GB/T 4754-2017 门类或大类）。Industry code.", "26"),
  industrySection: field(z.string(), "行业门类（GB/T 4754-2017，A–T）。Industry section.", "C"),
  gridId: field(z.string(), "所属网格编号。Grid id.", EXAMPLE_ID),
  version: field(z.number(), "记录版本号，每次修改加 1；即 ETag 中的数字。Version.", 1),
  createdAt: field(Timestamp, "创建时间。Created at."),
  createdBy: field(z.string(), "创建人的用户编号。Created by (user id).", "demo-regulator-420102"),
  updatedAt: field(Timestamp, "最后修改时间。Updated at."),
  updatedBy: field(z.string(), "最后修改人的用户编号。Updated by (user id).", "demo-admin"),
  asOf: field(Timestamp, "数据截至的时刻。As of."),
  role: field(
    z.enum(ROLES),
    "角色：enterprise 企业，grid_member 网格员，regulator 安全监管部门，industry_department 行业主管部门，approval_officer 审批人员，statistician 统计人员，admin 管理员。Role.",
    "regulator",
  ),
};
