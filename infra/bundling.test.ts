// The deployed bundle, built as `cdk synth` builds it: it loads and answers with nothing beside it
// (no node_modules in the asset), and what only evidence routes and tracing need stays off the
// cold start.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { Metafile } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleLambda, contributors, ENTRY_NAME, firstUseGroups, startFiles, VENDOR_DIR } from "./bundling.js";

const ROOT = resolve(import.meta.dirname, "..");

let outdir: string;
let metafile: Metafile;
let platformDir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), "bundle-"));
  metafile = bundleLambda(join(ROOT, "functions/hazards/handler.ts"), outdir, { absWorkingDir: ROOT });
  platformDir = mkdtempSync(join(tmpdir(), "bundle-"));
  bundleLambda(join(ROOT, "functions/platform/handler.ts"), platformDir, { absWorkingDir: ROOT });
}, 120_000);

/** Runs `code` in a fresh Node process beside nothing but the bundle; answers its stdout. */
const runAlone = (code: string, options: string[] = []) =>
  execFileSync(process.execPath, [...options, "--input-type=module", "-e", code], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH, TABLE_NAME: "t", BUCKET_NAME: "b", AWS_REGION: "cn-north-1", LOG_LEVEL: "SILENT" },
    encoding: "utf8",
  }).trim();

/** Output files holding code from packages whose path matches `pkg`. */
const filesWith = (pkg: RegExp) =>
  Object.entries(metafile.outputs)
    .filter(([, o]) => Object.keys(o.inputs).some((i) => pkg.test(i)))
    .map(([f]) => f);

describe("Lambda bundle (infra/bundling.ts)", () => {
  it("is self-contained: no node_modules beside it, and every import is a chunk of its own or a Node built-in", () => {
    expect(readdirSync(outdir)).not.toContain("node_modules");
    for (const o of Object.values(metafile.outputs)) {
      for (const i of o.imports) {
        if (i.external) expect(i.path, i.path).toMatch(/^(node:)?[a-z_/]+$/);
      }
    }
  });

  it("keeps the S3 client, the presigner and the X-Ray tracer off the cold start, in chunks loaded on first use", () => {
    const entry = Object.keys(metafile.outputs).find((f) => f.endsWith(`${ENTRY_NAME}.mjs`)) as string;
    const atStart = startFiles(metafile, entry);
    for (const pkg of [/@aws-sdk[/+]client-s3\//, /@aws-sdk[/+]s3-request-presigner\//, /@aws-lambda-powertools[/+]tracer\//, /aws-xray-sdk-core\//]) {
      const files = filesWith(pkg);
      expect(files.length, String(pkg)).toBeGreaterThan(0);
      for (const f of files) expect(atStart, `${pkg} in ${f}`).not.toContain(f);
    }
    // The DynamoDB client every request uses is on the start path.
    expect(filesWith(/@aws-sdk[/+]client-dynamodb\//).some((f) => atStart.includes(f))).toBe(true);
  });

  it("builds the packages loaded on first use apart: the start path holds none of the SDK core only they use", () => {
    const entry = Object.keys(metafile.outputs).find((f) => f.endsWith(`/${ENTRY_NAME}.mjs`)) as string;
    const atStart = startFiles(metafile, entry);
    // S3 speaks REST-XML, and STS (web-identity credentials) the query protocol; DynamoDB speaks JSON.
    for (const onlyLazy of [/@aws-sdk[/+]core\/dist-es\/submodules\/protocols\/(xml|query)\//]) {
      for (const f of atStart) expect(Object.keys(metafile.outputs[f]?.inputs ?? {}).filter((i) => onlyLazy.test(i)), f).toEqual([]);
    }
    expect(readdirSync(join(outdir, VENDOR_DIR))).toEqual(expect.arrayContaining(["aws-sdk-client-s3.mjs", "aws-sdk-s3-request-presigner.mjs", "aws-lambda-powertools-tracer.mjs"]));
  });

  it("names what our own code loads on first use, apart from the start path, and who the start path's bytes come from", () => {
    const entry = Object.keys(metafile.outputs).find((f) => f.endsWith(`/${ENTRY_NAME}.mjs`)) as string;
    const atStart = startFiles(metafile, entry);
    const groups = firstUseGroups(metafile, entry);
    const storage = groups.find((g) => g.name === "shared/storage.ts");
    expect(storage?.files.some((f) => f.endsWith(`/${VENDOR_DIR}/aws-sdk-client-s3.mjs`))).toBe(true);
    expect(storage?.files.some((f) => f.endsWith(`/${VENDOR_DIR}/aws-sdk-s3-request-presigner.mjs`))).toBe(true);
    expect(groups.find((g) => g.name === "shared/tracing.ts")?.files.some((f) => f.endsWith(`/${VENDOR_DIR}/aws-lambda-powertools-tracer.mjs`))).toBe(true);
    for (const g of groups) for (const f of g.files) expect(atStart, `${g.name}: ${f}`).not.toContain(f);
    // The SDK's own import() of credential sources other than the environment is not a request's cost in Lambda.
    expect(groups.flatMap((g) => g.files).some((f) => /credential-provider-(ini|sso|process)/.test(f))).toBe(false);
    const owners = contributors(metafile, atStart);
    expect(owners.map((o) => o.owner)).toEqual(expect.arrayContaining(["@smithy/core", "@aws-sdk/client-dynamodb", "shared/http.ts"]));
    expect(owners.map((o) => o.owner)).not.toContain("@aws-sdk/client-s3");
    const total = atStart.reduce((sum, f) => sum + Object.values(metafile.outputs[f]?.inputs ?? {}).reduce((a, i) => a + i.bytesInOutput, 0), 0);
    expect(owners.reduce((sum, o) => sum + o.bytes, 0)).toBe(total);
    expect(owners.map((o) => o.bytes)).toEqual([...owners.map((o) => o.bytes)].sort((a, b) => b - a));
  });

  it("presigns an upload with the S3 client and presigner built apart, loaded from the bundle alone", () => {
    const vendor = (name: string) => JSON.stringify(join(outdir, VENDOR_DIR, `${name}.mjs`));
    const code = [
      `const { S3Client, PutObjectCommand } = await import(${vendor("aws-sdk-client-s3")});`,
      `const { getSignedUrl } = await import(${vendor("aws-sdk-s3-request-presigner")});`,
      `const client = new S3Client({ region: "cn-north-1", credentials: { accessKeyId: "AKID", secretAccessKey: "secret" } });`,
      `console.log(await getSignedUrl(client, new PutObjectCommand({ Bucket: "evidence", Key: "hazards/a.jpg" }), { expiresIn: 60 }));`,
    ].join("\n");
    const url = new URL(runAlone(code));
    expect(url.hostname).toBe("evidence.s3.cn-north-1.amazonaws.com.cn");
    expect(url.pathname).toBe("/hazards/a.jpg");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("60");
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("loads in a fresh Node process from the bundle alone and exports the handler", () => {
    expect(runAlone(`const m = await import(${JSON.stringify(join(outdir, `${ENTRY_NAME}.mjs`))}); console.log(typeof m.handler)`)).toBe("function");
  });

  it("a logged 500 names our sources and lines, read from maps that do not carry the sources, without Node's source maps at start", () => {
    // A body that is not a string: decoding it fails inside the HTTP stack, a 500 it logs.
    const event = {
      routeKey: "POST /v1/hazards",
      headers: { "content-type": "application/json" },
      body: 123,
      isBase64Encoded: true,
      requestContext: { requestId: "r1", authorizer: { jwt: { claims: { sub: "u1", role: "regulator", region: "420102" } } } },
    };
    const code = `      const { handler } = await import(${JSON.stringify(join(outdir, `${ENTRY_NAME}.mjs`))});
      const res = await handler(${JSON.stringify(event)}, {});
      console.log(JSON.stringify({ status: res.statusCode }));`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: tmpdir(), env: { PATH: process.env.PATH, TABLE_NAME: "t", BUCKET_NAME: "b", AWS_REGION: "cn-north-1" }, encoding: "utf8" });
    const lines = `${run.stdout}\n${run.stderr}`.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { status?: number; message?: string; error?: { stack?: string } });
    expect(lines.find((l) => l.status)?.status).toBe(500);
    const logged = lines.find((l) => l.message === "request failed");
    expect(logged?.error?.stack).toMatch(/ \(shared\/http\.ts:\d+:\d+\)/);
    expect(logged?.error?.stack).toMatch(/ \(node_modules\/@middy\/core\/index\.js:\d+:\d+\)/);
    expect(logged?.error?.stack).not.toMatch(/\.mjs:\d+:\d+/);
    const withHttp = Object.keys(metafile.outputs).find((f) => "shared/http.ts" in (metafile.outputs[f]?.inputs ?? {})) as string;
    const map = JSON.parse(readFileSync(join(ROOT, `${withHttp}.map`), "utf8")) as { sources: string[]; sourcesContent?: unknown };
    expect(map.sources).toContain(`${relative(join(ROOT, withHttp, ".."), ROOT)}/shared/http.ts`);
    expect(map.sourcesContent).toBeUndefined();
  });

  it("keeps the schemas' descriptions where the OpenAPI document is built (the platform) and drops them elsewhere", () => {
    const event = { routeKey: "GET /v1/openapi.json", rawPath: "/v1/openapi.json", headers: {}, requestContext: { requestId: "r1", http: { method: "GET" } } };
    const code = `const { handler } = await import(${JSON.stringify(join(platformDir, `${ENTRY_NAME}.mjs`))});
      const res = await handler(${JSON.stringify(event)}, { awsRequestId: "r1", functionName: "platform", getRemainingTimeInMillis: () => 5000 });
      console.log(JSON.stringify({ status: res.statusCode, doc: JSON.parse(res.body) }));`;
    const { status, doc } = JSON.parse(runAlone(code));
    expect(status).toBe(200);
    // The document the source generates (shared/openapi.test.ts keeps the committed copy equal to it).
    expect(doc).toEqual(JSON.parse(readFileSync(join(ROOT, "docs/openapi.json"), "utf8")));
    const sources = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".mjs")).map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
    // Built with SCHEMA_DOCS "off", the hazards function has no switch left to read.
    expect(sources(platformDir)).toContain("process.env.SCHEMA_DOCS");
    expect(sources(outdir)).not.toContain("process.env.SCHEMA_DOCS");
  });
});
