// How a Lambda is bundled, in one place: the CDK stack and the bundle benchmark both call
// `bundleLambda`, so the measured bundle is the deployed one.
//
// The AWS SDK clients are bundled, minified and tree-shaken into each function rather than
// loaded from the Node.js 22 runtime's copy: files that import only the commands the function
// uses start faster than resolving and evaluating the runtime SDK's hundreds of modules
// (measured side by side in `npm run bench`, BENCHMARKS.md "Lambda bundles"). It also pins
// the SDK version the tests ran against.
//
// What only some requests need is loaded on first use, in two builds:
// - our own code behind a dynamic `import()` (a context's route group, the platform's manifest)
//   is split by esbuild into chunks that share the start path's modules (one logger, one
//   DynamoDB client per process);
// - a package behind a dynamic `import()` (the S3 client and presigner, the X-Ray tracer, the
//   SDK's credential sources other than the environment) is built apart, into `vendor/`. Within
//   one build esbuild assigns a file to every entry that can reach it through any import, used
//   or not, so a package split in the same build leaves the parts of the SDK core only it uses
//   (XML and query protocols, stream checksums) in chunks the start path imports: ~60 KB that
//   every cold start compiled and no DynamoDB request runs. Built apart, those packages carry
//   their own copy of what they use, loaded with them.
// V8 compiles every file it loads at a cold start. The build is esbuild alone, offline:
// `cdk synth` installs nothing.
import { isBuiltin } from "node:module";
import { join, posix } from "node:path";
import { type BuildOptions, buildSync, type Metafile } from "esbuild";

/** The runtime-provided SDK, for the benchmark's comparison. */
export const RUNTIME_SDK = ["@aws-sdk/*"];

/** The module Lambda loads (`index.mjs`): handlers are `index.handler`, `index.<job export>`. */
export const ENTRY_NAME = "index";

/**
 * Node's own source-map support, which Lambda does not run with: it reads and parses the map of
 * every file it loads at each cold start (BENCHMARKS.md "Lambda bundles" measures the price). The
 * maps ship beside the bundle and shared/stack-trace.ts reads them only when an error is logged.
 */
export const NODE_SOURCE_MAPS = "--enable-source-maps";

/** Where the packages loaded on first use are built, beside the entry. */
export const VENDOR_DIR = "vendor";

export const LAMBDA_BUNDLE = {
  bundle: true,
  minify: true,
  treeShaking: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node22",
  mainFields: ["module", "main"],
  entryNames: ENTRY_NAME,
  chunkNames: "chunk-[hash]",
  outExtension: { ".js": ".mjs" },
  // The messages and documentation in Chinese as UTF-8 rather than \uXXXX escapes: fewer bytes
  // for V8 to scan at every cold start (BENCHMARKS.md "Lambda bundles").
  charset: "utf8",
  sourcemap: true,
  // Stack traces need only the mappings; the sources are in the repository. Without them the maps
  // a cold start reads and parses are a third of the size.
  sourcesContent: false,
  metafile: true,
  logLevel: "warning",
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
} as const satisfies BuildOptions;

/** The module that builds the OpenAPI document from the schemas' metadata. */
const OPENAPI_GENERATOR = "shared/openapi.ts";

const PACKAGE = /^(@[^/]+\/)?[^./][^/]*(\/.*)?$/;

/**
 * The packages the entry's code imports only through `import()`, with the file each resolves
 * to. A package that is also imported statically stays in the main build: one copy of it.
 */
function lazyPackages(metafile: Metafile): Map<string, string> {
  const dynamic = new Map<string, string>();
  const statically = new Set<string>();
  for (const input of Object.values(metafile.inputs)) {
    for (const i of input.imports) {
      const spec = i.original ?? i.path;
      if (i.external || !PACKAGE.test(spec) || isBuiltin(spec)) continue;
      if (i.kind === "dynamic-import") dynamic.set(spec, i.path);
      else statically.add(i.path);
    }
  }
  for (const [spec, file] of dynamic) if (statically.has(file)) dynamic.delete(spec);
  return dynamic;
}

/** Bundles one function entry into `outdir` (index.mjs, its chunks, vendor/); answers the builds' metafile, merged. */
export function bundleLambda(entry: string, outdir: string, options: BuildOptions = {}): Metafile {
  const base: BuildOptions = { ...LAMBDA_BUNDLE, mainFields: [...LAMBDA_BUNDLE.mainFields], ...options };
  const probe = buildSync({ ...base, entryPoints: [entry], outdir, write: false }).metafile as Metafile;
  const found = lazyPackages(probe);
  // Schema descriptions serve only the OpenAPI document (shared/schemas.ts): a function that cannot
  // build it drops them at build time.
  if (!Object.keys(probe.inputs).some((i) => i.endsWith(OPENAPI_GENERATOR))) base.define = { ...base.define, "process.env.SCHEMA_DOCS": '"off"' };
  const vendorName = (spec: string) => spec.replace(/^@/, "").replace(/\//g, "-");
  const main = buildSync({
    ...base,
    entryPoints: [entry],
    outdir,
    alias: { ...options.alias, ...Object.fromEntries([...found.keys()].map((spec) => [spec, `./${VENDOR_DIR}/${vendorName(spec)}.mjs`])) },
    external: [...(options.external ?? []), `./${VENDOR_DIR}/*`],
  }).metafile as Metafile;
  if (found.size === 0) return main;
  const vendor = buildSync({
    ...base,
    entryPoints: [...found].map(([spec, file]) => ({ in: file, out: vendorName(spec) })),
    entryNames: "[name]",
    outdir: join(outdir, VENDOR_DIR),
  }).metafile as Metafile;
  // One graph: the main build's imports of vendor/ point at the vendor build's outputs.
  for (const [file, output] of Object.entries(main.outputs)) {
    for (const i of output.imports) {
      if (i.external && i.path.startsWith(`./${VENDOR_DIR}/`)) Object.assign(i, { path: posix.join(posix.dirname(file), i.path), external: false });
    }
  }
  return { inputs: { ...vendor.inputs, ...main.inputs }, outputs: { ...main.outputs, ...vendor.outputs } };
}

/** The output files a cold start loads: the entry and the chunks it imports statically, transitively. */
export function startFiles(metafile: Metafile, entryOutput: string): string[] {
  const seen = new Set<string>();
  const todo = [entryOutput];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of metafile.outputs[file]?.imports ?? []) if (i.kind === "import-statement" && !i.external) todo.push(i.path);
  }
  return [...seen];
}

/**
 * What each `import()` in our own code loads on first use: its output file and those it imports
 * statically, less what the start path already loaded. A route group or the platform's manifest
 * is named by its file; packages built apart by the file that imports them (shared/storage.ts:
 * the S3 client with its presigner; shared/tracing.ts: the Tracer). The SDK's own `import()`s
 * (credential sources other than the environment, which Lambda provides) are not among them.
 */
export function firstUseGroups(metafile: Metafile, entryOutput: string): { name: string; files: string[] }[] {
  const atStart = new Set(startFiles(metafile, entryOutput));
  const outputOf = new Map<string, string>();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint) outputOf.set(output.entryPoint, file);
    const vendored = new RegExp(`/${VENDOR_DIR}/[^/]+\\.mjs$`).exec(file);
    if (vendored) outputOf.set(`.${vendored[0]}`, file);
  }
  const groups = new Map<string, Set<string>>();
  for (const [path, input] of Object.entries(metafile.inputs)) {
    if (path.includes("node_modules/")) continue;
    for (const i of input.imports) {
      const file = i.kind === "dynamic-import" ? outputOf.get(i.path) : undefined;
      if (!file) continue;
      const name = i.path.startsWith(`./${VENDOR_DIR}/`) ? path : i.path;
      const files = groups.get(name) ?? new Set();
      for (const f of startFiles(metafile, file)) if (!atStart.has(f)) files.add(f);
      groups.set(name, files);
    }
  }
  return [...groups].map(([name, files]) => ({ name, files: [...files] }));
}

/** Who the bytes of `files` come from: each package, or each of our own files, largest first. */
export function contributors(metafile: Metafile, files: readonly string[]): { owner: string; bytes: number }[] {
  const bytes = new Map<string, number>();
  for (const file of files) {
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[file]?.inputs ?? {})) {
      const owner = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input;
      bytes.set(owner, (bytes.get(owner) ?? 0) + bytesInOutput);
    }
  }
  return [...bytes].map(([owner, b]) => ({ owner, bytes: b })).sort((a, b) => b.bytes - a.bytes);
}
