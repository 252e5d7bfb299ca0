import { defineConfig } from "vitest/config";

// Three projects: `unit` needs nothing running (pure rules and codes);
// `integration` gets DynamoDB Local and s3rver from the global setup, started once;
// `web` drives Chromium through the console served by the whole local stack (tests/setup/web.ts).
export default defineConfig({
  test: {
    // In CI a JSON report is written too, so .ci/run can print a plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: ".test-results.json" },
    projects: [
      {
        test: {
          name: "unit",
          include: ["functions/**/rules.test.ts", "shared/**/*.test.ts", "local/**/*.test.ts", "infra/**/*.test.ts", "tests/unit/*.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/**/*.int.test.ts", "web/src/**/*.int.test.ts"],
          globalSetup: ["tests/setup/global.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "web",
          include: ["tests/web/*.web.test.ts"],
          globalSetup: ["tests/setup/web.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machine running CI has few cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
