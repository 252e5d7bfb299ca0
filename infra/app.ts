// CDK entry: `npx cdk synth` works offline with no credentials (no lookups, env-agnostic).
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { ensureConsoleBuilt, WEB_DIST } from "../local/web.js";
import { SafetyPlatformStack } from "./stack.js";

// The console deployed is the console in the repository: build web/dist when missing or stale.
await ensureConsoleBuilt((line) => process.stderr.write(`${line}\n`));

const app = new App();
new SafetyPlatformStack(app, "HubeiSafetyPlatform", {
  description: "Hubei work-safety supervision platform (湖北省安全生产监管平台)",
  consoleAssets: WEB_DIST,
});
// cdk-nag v3 runs as a policy-validation plugin: synth fails on any unacknowledged finding.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
