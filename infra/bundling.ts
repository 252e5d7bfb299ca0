// How a Lambda is bundled, in one place: CDK's NodejsFunction and the bundle benchmark
// both read it, so the measured bundle is the deployed one.
//
// The AWS SDK clients are bundled, minified and tree-shaken into each function rather than
// loaded from the Node.js 22 runtime's copy: one file that imports only the commands the
// function uses starts faster than resolving and evaluating the runtime SDK's hundreds of
// modules (measured side by side in `npm run bench`, BENCHMARKS.md "Lambda bundles"). It
// also pins the SDK version the tests ran against.
//
// What only some requests need is installed beside the bundle instead (CDK `nodeModules`) and
// imported on first use: V8 compiles the whole bundle file at every cold start, so ~300 KB of
// S3 client and X-Ray SDK inside it would cost every request's cold start, evidence or not.
// The SDK's credential sources other than the environment are lazy for the same reason: in
// Lambda the credentials are in the environment and the others are never loaded.
export const LAZY_MODULES = [
  "@aws-sdk/client-s3",
  "@aws-sdk/s3-request-presigner",
  "@aws-lambda-powertools/tracer",
  "@aws-sdk/credential-provider-http",
  "@aws-sdk/credential-provider-ini",
  "@aws-sdk/credential-provider-process",
  "@aws-sdk/credential-provider-sso",
  "@aws-sdk/credential-provider-web-identity",
  "@smithy/credential-provider-imds",
];
export const EXTERNAL_MODULES: string[] = [];

/** The runtime-provided SDK, for the benchmark's comparison. */
export const RUNTIME_SDK = ["@aws-sdk/*"];

export const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

export const LAMBDA_BUNDLE = {
  bundle: true,
  minify: true,
  treeShaking: true,
  platform: "node",
  format: "esm",
  target: "node22",
  mainFields: ["module", "main"],
  external: [...EXTERNAL_MODULES, ...LAZY_MODULES],
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: { js: ESM_REQUIRE_BANNER },
} as const;
