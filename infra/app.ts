// CDK entry: `npx cdk synth` works offline with no credentials (no lookups, env-agnostic).
import { App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { SafetyPlatformStack } from "./stack.js";

const app = new App();
new SafetyPlatformStack(app, "HubeiSafetyPlatform", {
  description: "Hubei work-safety supervision platform (湖北省安全生产监管平台)",
});
// cdk-nag v3 runs as a policy-validation plugin: synth fails on any unacknowledged finding.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
app.synth();
