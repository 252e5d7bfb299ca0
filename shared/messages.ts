// The validation messages the API writes itself, in one catalogue, each in Chinese and
// English. Schemas name a message by its key (`msg("isoDate")`); the HTTP stack's
// validate() turns the key into the caller's language. zod's own zh-CN locale leaves type
// names and operators in English ("期望 string，实际接收 undefined"), so the generic
// messages for zod's issue codes are written here too.
import type * as z from "zod/mini";
import type { Text } from "./errors.js";

export const MESSAGES = {
  // ---------- generic, one per zod issue code ----------
  required: { zh: "缺少必填字段「{field}」", en: "the field '{field}' is required" },
  invalidType: { zh: "应为{expected}，收到的是{received}", en: "must be {expected}, got {received}" },
  invalidValue: { zh: "应为 {values}", en: "must be {values}" },
  invalidOption: { zh: "应为以下之一：{values}", en: "must be one of: {values}" },
  tooShort: { zh: "至少 {minimum} 个字符", en: "must have at least {minimum} characters" },
  tooLong: { zh: "最多 {maximum} 个字符", en: "must have at most {maximum} characters" },
  tooFewItems: { zh: "至少 {minimum} 项", en: "must have at least {minimum} items" },
  tooManyItems: { zh: "最多 {maximum} 项", en: "must have at most {maximum} items" },
  tooSmall: { zh: "不得小于 {minimum}", en: "must be at least {minimum}" },
  tooSmallExclusive: { zh: "须大于 {minimum}", en: "must be greater than {minimum}" },
  tooBig: { zh: "不得大于 {maximum}", en: "must be at most {maximum}" },
  tooBigExclusive: { zh: "须小于 {maximum}", en: "must be less than {maximum}" },
  notMultipleOf: { zh: "须为 {divisor} 的倍数", en: "must be a multiple of {divisor}" },
  instant: { zh: "须为带时区的时间，例如 2026-11-03T09:30:00+08:00", en: "must be an instant with an offset, e.g. 2026-11-03T09:30:00+08:00" },
  badFormat: { zh: "格式不正确", en: "has an invalid format" },
  noShapeMatches: { zh: "不符合任何一种允许的形式", en: "matches none of the allowed forms" },
  badElement: { zh: "含有无效的值", en: "contains an invalid value" },
  invalid: { zh: "取值无效", en: "is invalid" },
  unknownField: { zh: "不允许的字段「{field}」", en: "unknown field '{field}'" },

  // ---------- the API's own formats and code lists ----------
  ulid: { zh: "须为 26 位 ULID 编号，例如 01JDEM0000000000000000E001", en: "must be a ULID, e.g. 01JDEM0000000000000000E001" },
  regionCodeFormat: { zh: "须为 6 位行政区划代码（GB/T 2260）或 9 位乡镇代码", en: "must be a 6-digit GB/T 2260 code (or a 9-digit township code)" },
  regionUnknown: { zh: "不是湖北省内的行政区划代码", en: "is not a region code in Hubei" },
  countyCodeFormat: { zh: "须为 6 位县级行政区划代码", en: "must be a 6-digit county code" },
  countyLevel: { zh: "须为湖北省内的县级行政区", en: "must be a county-level region in Hubei" },
  countyOrTownship: { zh: "须为湖北省内县级或乡镇级行政区划代码", en: "must be a county-level or township code in Hubei" },
  industryCode: { zh: "须为国民经济行业分类（GB/T 4754）的门类字母或两位大类代码", en: "must be a GB/T 4754 section letter or two-digit division" },
  accidentType: { zh: "须为事故类别代码（GB 6441-86）01–20", en: "must be a GB 6441-86 accident type code 01–20" },
  isoDate: { zh: "须为日期，格式为年-月-日，例如 2026-11-03", en: "must be a date YYYY-MM-DD, e.g. 2026-11-03" },
  phone: { zh: "须为电话号码", en: "must be a phone number" },
  checklistId: { zh: "须为检查表编号，例如 WHP-v1", en: "must be a checklist id such as WHP-v1" },
  checklistItemCode: { zh: "须为检查项编号，例如 WHP-003", en: "must be a checklist item code such as WHP-003" },
  checklistFamily: { zh: "须为 2–16 位大写字母或数字", en: "must be 2–16 capital letters or digits" },
  period: { zh: "须为季度（例如 2026Q3）或年份（例如 2026）", en: "must be a quarter such as 2026Q3 or a year such as 2026" },
  quarter: { zh: "须为季度，例如 2026Q4", en: "must be a quarter such as 2026Q4" },
  gridCode: { zh: "须为 3–40 位大写字母、数字或连字符", en: "must be 3–40 capital letters, digits or dashes" },
  taskId: { zh: "须为检查或约谈任务编号", en: "must be an inspection or interview task id" },
  approvalItemCode: { zh: "须为许可事项编码，例如 AQ01-01", en: "must be an approval item code such as AQ01-01" },
  licenceNumber: { zh: "须为许可证编号，例如 HB-AQ01-01-2026-7Q4F7K2M9Q", en: "must be a licence number such as HB-AQ01-01-2026-7Q4F7K2M9Q" },
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

const MARK = "msg:";

/** The message argument of a zod check: a catalogue key, localised by validate(). */
export const msg = (key: MessageKey): string => `${MARK}${key}`;

/** The catalogue text of `msg(key)`, or undefined for any other string. */
export function fromKey(message: string): Text | undefined {
  if (!message.startsWith(MARK)) return undefined;
  return MESSAGES[message.slice(MARK.length) as MessageKey];
}

export function fill(text: Text, vars: Record<string, string | number>): Text {
  const sub = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
  return { zh: sub(text.zh), en: sub(text.en) };
}

export const TYPES: Record<string, Text> = {
  string: { zh: "文本", en: "a string" },
  number: { zh: "数字", en: "a number" },
  int: { zh: "整数", en: "an integer" },
  bigint: { zh: "整数", en: "an integer" },
  boolean: { zh: "布尔值", en: "a boolean" },
  object: { zh: "对象", en: "an object" },
  array: { zh: "数组", en: "an array" },
  null: { zh: "空值", en: "null" },
  undefined: { zh: "空", en: "nothing" },
  nan: { zh: "非数字（NaN）", en: "NaN" },
  date: { zh: "日期", en: "a date" },
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isNaN(value)) return "nan";
  return typeof value;
}

const typeName = (t: string): Text => TYPES[t] ?? { zh: t, en: t };

type Issue = z.core.$ZodIssue & { input?: unknown };

/**
 * The message of one zod issue in both languages. A missing field names itself; a custom
 * check's key is looked up in the catalogue; anything else gets its generic message.
 */
export function issueText(issue: Issue, field: string, missing: boolean): Text {
  if (missing) return fill(MESSAGES.required, { field });
  const own = fromKey(issue.message);
  if (own) return own;
  switch (issue.code) {
    case "invalid_type": {
      const expected = typeName(issue.expected);
      const received = typeName(typeOf(issue.input));
      return { zh: fill(MESSAGES.invalidType, { expected: expected.zh, received: received.zh }).zh, en: fill(MESSAGES.invalidType, { expected: expected.en, received: received.en }).en };
    }
    case "invalid_value": {
      const values = issue.values.map((v) => (typeof v === "string" ? v : String(v)));
      if (values.length === 1) return fill(MESSAGES.invalidValue, { values: values[0] as string });
      return { zh: fill(MESSAGES.invalidOption, { values: values.join("、") }).zh, en: fill(MESSAGES.invalidOption, { values: values.join(", ") }).en };
    }
    case "too_small": {
      const minimum = String(issue.minimum);
      if (issue.origin === "string") return fill(MESSAGES.tooShort, { minimum });
      if (issue.origin === "array" || issue.origin === "set") return fill(MESSAGES.tooFewItems, { minimum });
      return fill(issue.inclusive === false ? MESSAGES.tooSmallExclusive : MESSAGES.tooSmall, { minimum });
    }
    case "too_big": {
      const maximum = String(issue.maximum);
      if (issue.origin === "string") return fill(MESSAGES.tooLong, { maximum });
      if (issue.origin === "array" || issue.origin === "set") return fill(MESSAGES.tooManyItems, { maximum });
      return fill(issue.inclusive === false ? MESSAGES.tooBigExclusive : MESSAGES.tooBig, { maximum });
    }
    case "invalid_format":
      if (issue.format === "datetime") return MESSAGES.instant;
      if (issue.format === "date") return MESSAGES.isoDate;
      return MESSAGES.badFormat;
    case "not_multiple_of":
      return fill(MESSAGES.notMultipleOf, { divisor: String(issue.divisor) });
    case "invalid_union":
      return MESSAGES.noShapeMatches;
    case "invalid_element":
    case "invalid_key":
      return MESSAGES.badElement;
    default:
      return MESSAGES.invalid;
  }
}
