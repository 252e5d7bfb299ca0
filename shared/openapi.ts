// OpenAPI 3.1 from the route manifest and its zod schemas: zod's own JSON Schema output, with
// the descriptions, formats and examples the schemas carry as metadata. A schema registered with
// an `id` (z.meta({ id })) becomes one component that every use refers to.
import * as z from "zod/mini";
import { TITLES } from "./errors.js";
import { problemCodes, type RouteSpec } from "./route.js";

type Doc = Record<string, unknown>;
type Io = "input" | "output";

const REF = "#/components/schemas/";
const DEFS = "#/$defs/";

/** zod emits each schema with its own $defs; these collect them into one components section. */
class Components {
  private readonly defs: Record<Io, Map<string, Doc>> = { input: new Map(), output: new Map() };
  private readonly emitted: { io: Io; doc: Doc }[] = [];

  convert(schema: z.ZodMiniType, io: Io): Doc {
    const { $schema: _, $defs, ...doc } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Doc & { $defs?: Record<string, Doc> };
    for (const [id, def] of Object.entries($defs ?? {})) {
      if (!this.defs[io].has(id)) {
        this.defs[io].set(id, def);
        this.emitted.push({ io, doc: def });
      }
    }
    this.emitted.push({ io, doc });
    return doc;
  }

  /** A request-side component equal to its response-side twin is shared; otherwise it is named <id>Input. */
  private inputName(id: string): string {
    const out = this.defs.output.get(id);
    if (!out || JSON.stringify(out) === JSON.stringify(this.defs.input.get(id))) return id;
    return `${id}Input`;
  }

  /** Points every $ref at components; returns the schemas section. */
  finish(): Record<string, Doc> {
    const rename = (io: Io, ref: string) => REF + (io === "input" ? this.inputName(ref.slice(DEFS.length)) : ref.slice(DEFS.length));
    const walk = (io: Io, node: unknown): void => {
      if (Array.isArray(node)) for (const n of node) walk(io, n);
      else if (node && typeof node === "object") {
        const o = node as Doc;
        if (typeof o.$ref === "string" && o.$ref.startsWith(DEFS)) o.$ref = rename(io, o.$ref);
        for (const v of Object.values(o)) walk(io, v);
      }
    };
    for (const { io, doc } of this.emitted) walk(io, doc);
    const schemas: Record<string, Doc> = {};
    for (const [id, def] of this.defs.output) schemas[id] = def;
    for (const [id, def] of this.defs.input) schemas[this.inputName(id)] = def;
    return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
  }
}

const json = (schema: Doc) => ({ "application/json": { schema } });

const PROBLEM: Doc = {
  type: "object",
  description: "错误响应（RFC 9457 problem+json）。Problem details: every error the API itself answers.",
  required: ["type", "title", "status", "code", "requestId"],
  properties: {
    type: { type: "string", description: "问题类型 URI（相对），由 code 派生。Problem type.", examples: ["/problems/validation_failed"] },
    title: { type: "string", description: "HTTP 状态的简短说明，随 Accept-Language 为中文或英文。", examples: ["请求无效"] },
    status: { type: "integer", description: "HTTP 状态码。", examples: [400] },
    detail: { type: "string", description: "本次错误的具体说明，随 Accept-Language 为中文或英文。", examples: ["请求体校验失败：regionCode 未知的湖北行政区划代码"] },
    code: { type: "string", description: "稳定的错误代码（snake_case），客户端据此判断错误。Stable error code.", examples: ["validation_failed"] },
    requestId: { type: "string", description: "请求编号，联系运维时提供。Request id.", examples: ["c0a8012e-7f3b-4f6e-9d1a-2b3c4d5e6f70"] },
    errors: {
      type: "array",
      description: "逐字段的问题（仅校验类错误）。Field problems.",
      items: {
        type: "object",
        required: ["path", "message"],
        properties: {
          path: { type: "string", description: "出错字段的路径，以点分隔，例如 contact.phone。", examples: ["contact.phone"] },
          message: { type: "string", description: "该字段的问题说明。", examples: ["必须是电话号码"] },
        },
      },
    },
    state: { type: "string", description: "非法状态转换时：记录当前状态。Current state (illegal_transition)." },
    allowed: { type: "array", items: { type: "string" }, description: "非法状态转换时：当前状态允许的操作。Allowed actions (illegal_transition)." },
  },
};

const HEADERS: Record<string, Doc> = {
  ETag: { description: "记录的版本标签；修改时在 If-Match 中原样回传。Version of the record.", schema: { type: "string", examples: ['"3"'] } },
  Location: { description: "新建资源的地址。URI of what was created.", schema: { type: "string", format: "uri-reference", examples: ["/v1/hazards/01JC9Z3K7Q8R2S4T6V8W0X2Y4Z"] } },
  RetryAfter: { description: "建议在多少秒后重试。Seconds to wait before retrying.", schema: { type: "integer", examples: [5] } },
  IdempotentReplayed: { description: "为 true 时，这是同一 Idempotency-Key 首次请求的原样应答，未写入任何新内容。", schema: { type: "string", enum: ["true"] } },
};

const PARAMETERS: Record<string, Doc> = {
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description: "幂等键：同一调用者用同一键重试时返回首次的应答，不重复写入；键不同内容的请求答 422。Idempotency key.",
    schema: { type: "string", pattern: "^[A-Za-z0-9_.:-]{1,128}$", examples: ["3f1c2a9e-5b7d-4e8f-a1b2-c3d4e5f60718"] },
  },
};
const IF_MATCH_SCHEMA = { type: "string", pattern: '^(W/)?"?\\d{1,9}"?$', examples: ['"1"'] };
PARAMETERS.IfMatch = {
  name: "If-Match",
  in: "header",
  required: true,
  description: "所读取记录的 ETag（版本号），例如 \"3\"；缺少时答 428，版本已变答 409 version_conflict。The ETag you read.",
  schema: IF_MATCH_SCHEMA,
};
PARAMETERS.IfMatchToReplace = {
  name: "If-Match",
  in: "header",
  required: false,
  description: "记录已存在时必填：所读取记录的 ETag（版本号）；首次创建时不带。缺少时答 428，版本已变答 409 version_conflict。Required to replace an existing record.",
  schema: IF_MATCH_SCHEMA,
};
PARAMETERS.IfMatchOptional = {
  name: "If-Match",
  in: "header",
  required: false,
  description: "可选：所读取记录的 ETag（版本号）；发送时版本已变答 409 version_conflict。Optional guard against a concurrent change.",
  schema: IF_MATCH_SCHEMA,
};

const IF_MATCH_PARAMETER = { required: "IfMatch", replace: "IfMatchToReplace", optional: "IfMatchOptional" } as const;

function parametersOf(r: RouteSpec, components: Components): Doc[] {
  const out: Doc[] = [];
  for (const [where, schema] of [["path", r.params], ["query", r.query]] as const) {
    if (!schema) continue;
    const js = components.convert(schema, "input") as { properties?: Record<string, Doc>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      const { description, examples, ...rest } = s as Doc & { examples?: unknown[] };
      out.push({
        name,
        in: where,
        required: where === "path" || (js.required ?? []).includes(name),
        description,
        schema: rest,
        ...(examples?.length ? { example: examples[0] } : {}),
      });
    }
  }
  if (r.method === "POST" && r.roles !== "public") out.push({ $ref: "#/components/parameters/IdempotencyKey" });
  if (r.ifMatch) out.push({ $ref: `#/components/parameters/${IF_MATCH_PARAMETER[r.ifMatch]}` });
  return out;
}

function requestBodyOf(r: RouteSpec, components: Components): Doc | undefined {
  if (!r.body) return undefined;
  // The HTTP stack reads an absent body as {}: a schema that accepts {} makes the body optional.
  const optional = r.body.safeParse({}).success;
  const schema = components.convert(r.body, "input");
  const content: Doc = { schema };
  if (r.example !== undefined) content.example = r.example;
  return {
    required: !optional,
    ...(optional ? { description: "可省略请求体（或发送 {}）。The body may be omitted." } : {}),
    content: { "application/json": content },
  };
}

function responsesOf(r: RouteSpec, components: Components): Doc {
  const ok = r.status ?? 200;
  const content: Doc = r.response ? json(components.convert(r.response, "output")) : {};
  for (const type of r.produces ?? []) content[type] = { schema: { type: "string", description: `同一数据的 ${type} 形式。` } };
  const headers: Doc = {};
  if (r.returns?.includes("etag")) headers.ETag = { $ref: "#/components/headers/ETag" };
  if (r.returns?.includes("location")) headers.Location = { $ref: "#/components/headers/Location" };
  if (r.method === "POST" && r.roles !== "public") headers["Idempotent-Replayed"] = { $ref: "#/components/headers/IdempotentReplayed" };
  const responses: Doc = {
    [ok]: { description: ok === 201 ? "已创建。Created." : "成功。OK.", ...(Object.keys(headers).length ? { headers } : {}), content },
  };
  for (const [status, codes] of Object.entries(problemCodes(r))) {
    const title = TITLES[Number(status)];
    responses[status] = {
      description: `${title ? `${title.zh}（${title.en}）` : status}：${codes.join("、")}`,
      ...(status === "503" ? { headers: { "Retry-After": { $ref: "#/components/headers/RetryAfter" } } } : {}),
      content: {
        "application/problem+json": {
          schema: { allOf: [{ $ref: `${REF}Problem` }, { type: "object", properties: { code: { type: "string", enum: codes, description: "本操作以此状态答复时可能的错误代码。Codes of this status." } } }] },
        },
      },
    };
  }
  return responses;
}

export function openApi(routes: (RouteSpec & { id: string })[]): Doc {
  const components = new Components();
  const paths: Record<string, Doc> = {};
  for (const r of routes) {
    const op: Doc = {
      operationId: r.id,
      summary: r.summary,
      tags: r.tags,
      parameters: parametersOf(r, components),
    };
    const body = requestBodyOf(r, components);
    if (body) op.requestBody = body;
    else if (r.method !== "GET") op.description = "此操作不接受请求体（发送的内容被忽略）。Takes no body.";
    op.responses = responsesOf(r, components);
    op.security = r.roles === "public" ? [] : [{ jwt: [] }];
    op["x-roles"] = r.roles;
    paths[r.path] = { ...(paths[r.path] ?? {}), [r.method.toLowerCase()]: op };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "湖北省安全生产监管平台 API（Hubei work-safety supervision API）",
      version: "1",
      description:
        "省、市、县三级安全生产监管部门与企业共用的接口。错误一律为 application/problem+json，默认中文，Accept-Language: en 时为英文。" +
        "调用需 Cognito ID 令牌（Authorization: Bearer），标为公开的接口除外。",
    },
    servers: [
      { url: "http://localhost:3000", description: "本地环境（npm start，端口取 PORT，默认 3000）。Local stack." },
      {
        url: "https://{apiId}.execute-api.{region}.amazonaws.com",
        description: "AWS 部署的 HTTP API。Deployed HTTP API.",
        variables: { apiId: { default: "example", description: "API Gateway 的 API 编号" }, region: { default: "cn-north-1", description: "AWS 区域" } },
      },
    ],
    paths,
    components: {
      securitySchemes: { jwt: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "Cognito ID 令牌（本地由 npm run token 签发）。" } },
      parameters: PARAMETERS,
      headers: HEADERS,
      schemas: { ...components.finish(), Problem: PROBLEM },
    },
  };
}
