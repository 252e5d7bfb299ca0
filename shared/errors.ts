// Every client-visible error is an ApiError; the HTTP stack renders it as RFC 9457
// problem+json. Messages are bilingual because regulators read Chinese and some
// integrators read English (Accept-Language: en).

export interface Text {
  zh: string;
  en: string;
}

/** A field problem; the message is bilingual when we wrote it, a string when zod did (already localised). */
export interface FieldProblem {
  path: string;
  message: string | Text;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Text,
    readonly extra: Record<string, unknown> = {},
    readonly fieldErrors: FieldProblem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(text.en);
    this.name = "ApiError";
  }
}

export const TITLES: Record<number, Text> = {
  400: { zh: "请求无效", en: "Bad Request" },
  401: { zh: "未认证", en: "Unauthorized" },
  403: { zh: "无权操作", en: "Forbidden" },
  404: { zh: "未找到", en: "Not Found" },
  405: { zh: "方法不允许", en: "Method Not Allowed" },
  409: { zh: "冲突", en: "Conflict" },
  413: { zh: "请求体过大", en: "Payload Too Large" },
  415: { zh: "不支持的媒体类型", en: "Unsupported Media Type" },
  422: { zh: "无法处理", en: "Unprocessable Content" },
  428: { zh: "缺少前置条件", en: "Precondition Required" },
  429: { zh: "请求过多", en: "Too Many Requests" },
  500: { zh: "服务器内部错误", en: "Internal Server Error" },
  503: { zh: "服务暂不可用", en: "Service Unavailable" },
};

export const badRequest = (code: string, text: Text, fieldErrors: FieldProblem[] = [], extra = {}) =>
  new ApiError(400, code, text, extra, fieldErrors);

/** A single invalid field, e.g. a USCC whose check character is wrong. */
export const invalidField = (path: string, text: Text, code = "validation_failed") =>
  new ApiError(400, code, text, {}, [{ path, message: text }]);

export const unauthorized = () =>
  new ApiError(401, "unauthorized", { zh: "缺少或无效的访问令牌", en: "missing or invalid access token" });

export const forbidden = (code = "forbidden", text: Text = { zh: "当前角色无权执行此操作", en: "your role may not perform this operation" }) =>
  new ApiError(403, code, text);

/** Also used for records outside the caller's scope: existence is not revealed. */
export const notFound = (what: Text = { zh: "记录", en: "record" }) =>
  new ApiError(404, "not_found", { zh: `${what.zh}不存在`, en: `${what.en} not found` });

/** Our code answers for every path under /v1 (see FALLBACK_ROUTE in shared/route.ts). */
export const routeNotFound = () =>
  new ApiError(404, "route_not_found", { zh: "接口不存在，可用的接口见 /v1/openapi.json", en: "no such route; the routes are listed in /v1/openapi.json" });

/** RFC 9110 §15.5.6: a 405 names the allowed methods in `Allow`. */
export const methodNotAllowed = (method: string, allowed: readonly string[]) =>
  new ApiError(
    405,
    "method_not_allowed",
    { zh: `该接口不支持 ${method} 方法，支持的方法：${allowed.join("、")}`, en: `${method} is not allowed here; allowed: ${allowed.join(", ")}` },
    { allowed },
    [],
    { allow: allowed.join(", ") },
  );

export const conflict = (code: string, text: Text, extra: Record<string, unknown> = {}) =>
  new ApiError(409, code, text, extra);

export const staleVersion = () =>
  conflict("version_conflict", {
    zh: "记录已被他人修改，请刷新后重试",
    en: "the record was changed by someone else; reload and retry",
  });

/** An action not allowed from the current state: says which actions are. */
export const illegalTransition = (action: string, state: string, allowed: readonly string[]) =>
  conflict(
    "illegal_transition",
    {
      zh: `当前状态「${state}」不允许执行「${action}」；允许的操作：${allowed.join("、") || "无"}`,
      en: `action '${action}' is not allowed in state '${state}'; allowed: ${allowed.join(", ") || "none"}`,
    },
    { state, allowed },
  );

export function localiseFieldProblems(problems: FieldProblem[], lang: "zh" | "en"): { path: string; message: string }[] {
  return problems.map((f) => ({ path: f.path, message: typeof f.message === "string" ? f.message : f.message[lang] }));
}

const WHERE: Record<"body" | "query" | "params", Text> = {
  body: { zh: "请求体", en: "body" },
  query: { zh: "查询参数", en: "query" },
  params: { zh: "路径参数", en: "path" },
};

/** 400 naming every bad field: `errors[]` carries them one by one, `detail` joins them (zh with "；"). */
export function invalidFields(where: "body" | "query" | "params", problems: FieldProblem[]): ApiError {
  // A message that already names its field ("缺少必填字段「name」") is not prefixed again.
  const lines = (lang: "zh" | "en", sep: string) =>
    localiseFieldProblems(problems, lang).map((p) => (p.message.includes(p.path) ? p.message : `${p.path}${sep}${p.message}`));
  return badRequest(
    "validation_failed",
    { zh: `${WHERE[where].zh}校验失败：${lines("zh", "：").join("；")}`, en: `${WHERE[where].en} is invalid: ${lines("en", ": ").join("; ")}` },
    problems,
  );
}
