// How a Lambda is bundled, in one place: the CDK stack and the bundle benchmark both call
// `bundleLambda`, so the measured bundle is the deployed one.
//
// The AWS SDK clients are bundled, minified and tree-shaken into each function rather than
// loaded from the Node.js 22 runtime's copy: files that import only the commands the function
// uses start faster than resolving and evaluating the runtime SDK's hundreds of modules
// (measured side by side in `npm run bench`, BENCHMARKS.md "Lambda bundles"). It also pins
// the SDK version the tests ran against.
//
// What only some requests need is split off by esbuild into chunks of its own: every dynamic
// `import()` (the S3 client and presigner, the X-Ray tracer, the SDK's credential sources other
// than the environment) becomes a chunk loaded on first use, and code shared with the start
// path sits in chunks both import. V8 compiles every file it loads at a cold start, so the
// ~300 KB a request needs only for evidence stays off the path of every other request. The
// build is esbuild alone, offline: `cdk synth` installs nothing.
import { type BuildOptions, buildSync, type Metafile } from "esbuild";

/** The runtime-provided SDK, for the benchmark's comparison. */
export const RUNTIME_SDK = ["@aws-sdk/*"];

/** The module Lambda loads (`index.mjs`): handlers are `index.handler`, `index.<job export>`. */
export const ENTRY_NAME = "index";

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
  sourcemap: true,
  metafile: true,
  logLevel: "warning",
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
} as const satisfies BuildOptions;

/** Bundles one function entry into `outdir` (index.mjs and its chunks); answers esbuild's metafile. */
export function bundleLambda(entry: string, outdir: string, options: BuildOptions = {}): Metafile {
  const result = buildSync({ ...LAMBDA_BUNDLE, mainFields: [...LAMBDA_BUNDLE.mainFields], entryPoints: [entry], outdir, ...options });
  return result.metafile as Metafile;
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
