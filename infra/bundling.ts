// How a Lambda is bundled, in one place: CDK's NodejsFunction and the bundle benchmark
// both read it, so the measured bundle is the deployed one.
//
// `@aws-sdk/*` stays out of the bundles: the Node.js 22 runtime ships SDK v3, and CDK's own
// default for Node ≥ 18 is to leave it external. Bundled, the SDK's protocol and
// credential code alone put even the smallest function over 400 KB (measured: registry
// 435 KB with it, see BENCHMARKS.md).
export const EXTERNAL_MODULES = ["@aws-sdk/*"];

export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const LAMBDA_BUNDLE = {
  bundle: true,
  minify: true,
  treeShaking: true,
  platform: "node",
  format: "esm",
  target: "node22",
  mainFields: ["module", "main"],
  external: EXTERNAL_MODULES,
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: { js: ESM_REQUIRE_BANNER },
} as const;
