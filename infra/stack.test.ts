// The synthesized template, asserted: what deploys is what the manifest and the table
// definition say, hardened (README "Deploying"), and clean under cdk-nag.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Validations } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { AwsSolutionsChecks } from "cdk-nag";
import { beforeAll, describe, expect, it } from "vitest";
import { MANIFEST } from "../functions/manifest.js";
import { JOBS } from "../functions/schedule.js";
import { FALLBACK_ROUTE, FALLBACK_ROUTE_KEY } from "../shared/route.js";
import { TABLE_INDEXES } from "../shared/table.js";
import { SafetyPlatformStack, TABLE_WRITE_ACTIONS, THROTTLES } from "./stack.js";

let template: Template;
let outdir: string;

beforeAll(() => {
  // Skip esbuild bundling here (CI's `cdk synth` bundles for real).
  const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
  const stack = new SafetyPlatformStack(app, "Test");
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  template = Template.fromStack(stack);
  outdir = app.synth().directory;
}, 120_000);

describe("data", () => {
  it("one on-demand table with PITR, KMS encryption, deletion protection, TTL and the shared GSIs", () => {
    template.resourceCountIs("AWS::DynamoDB::Table", 1);
    template.hasResourceProperties("AWS::DynamoDB::Table", {
      BillingMode: "PAY_PER_REQUEST",
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: "KMS" },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
      GlobalSecondaryIndexes: TABLE_INDEXES.map((i) => Match.objectLike({ IndexName: i.name })),
    });
  });

  it("the evidence bucket blocks public access, is versioned, encrypted, TLS-only, logged, with lifecycle rules", () => {
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: "Enabled" },
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: Match.anyValue() } })] },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: "evidence/" }),
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } })]) },
    });
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } })]) },
    });
  });
});

describe("API", () => {
  it("deploys exactly the published contract (docs/openapi.json) and the catch-all, all under /v1; an operation without security is public, every other one behind the JWT authorizer", () => {
    const routes = template.findResources("AWS::ApiGatewayV2::Route");
    const byKey = new Map(Object.values(routes).map((r) => [r.Properties.RouteKey as string, r.Properties]));
    // The committed document is reviewed on its own and fails its test when it drifts from the
    // manifest; checking the stack against it rather than the manifest it was built from means a
    // route the stack adds, drops or opens up shows here.
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, "..", "docs", "openapi.json"), "utf8")) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const published = new Map(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).filter(([m]) => ["get", "post", "put", "patch", "delete"].includes(m)).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op] as const)),
    );
    // CORS preflight is answered by the API itself, so only the contract's operations and the
    // catch-all that answers 405/404 under /v1 exist.
    expect([...byKey.keys()].sort()).toEqual([...published.keys(), FALLBACK_ROUTE_KEY].sort());
    for (const key of byKey.keys()) expect(key.split(" ")[1]?.startsWith("/v1/"), key).toBe(true);
    expect(byKey.get(FALLBACK_ROUTE_KEY)?.AuthorizationType ?? "NONE").toBe("NONE");
    const platformRoute = MANIFEST.find((r) => r.fn === FALLBACK_ROUTE.fn);
    expect(byKey.get(FALLBACK_ROUTE_KEY)?.Target).toEqual(byKey.get(`${platformRoute?.method} ${platformRoute?.path}`)?.Target);
    for (const [key, op] of published) {
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      expect(byKey.get(key)?.AuthorizationType ?? "NONE", key).toBe(isPublic ? "NONE" : "JWT");
    }
    expect(byKey.get("GET /v1/blacklist")?.AuthorizationType ?? "NONE").toBe("NONE");
    expect(byKey.get("POST /v1/hazards")?.AuthorizationType).toBe("JWT");
    template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", { AuthorizerType: "JWT", JwtConfiguration: Match.objectLike({ Audience: Match.anyValue() }) });
  });

  it("each route is integrated with its own context's function, so a request reaches the handler that implements it", () => {
    const integrations = template.findResources("AWS::ApiGatewayV2::Integration");
    const routes = Object.values(template.findResources("AWS::ApiGatewayV2::Route"));
    for (const r of MANIFEST) {
      const route = routes.find((x) => x.Properties.RouteKey === `${r.method} ${r.path}`);
      if (!route) throw new Error(`no route ${r.method} ${r.path}`);
      const integrationId = (route.Properties.Target["Fn::Join"][1] as unknown[]).find((p) => typeof p === "object") as { Ref: string };
      const fnLogicalId = integrations[integrationId.Ref]?.Properties.IntegrationUri["Fn::GetAtt"][0] as string;
      expect(fnLogicalId, `${r.method} ${r.path}`).toMatch(new RegExp(`^${r.fn[0]?.toUpperCase()}${r.fn.slice(1)}Function`));
    }
  });

  it("one integration and one API invoke permission per function, so the stack stays far below CloudFormation's 500 resources", () => {
    const contexts = new Set(MANIFEST.map((r) => r.fn));
    template.resourceCountIs("AWS::ApiGatewayV2::Integration", contexts.size);
    const perms = Object.values(template.findResources("AWS::Lambda::Permission")).filter((p) => p.Properties.Principal === "apigateway.amazonaws.com");
    expect(perms).toHaveLength(contexts.size);
    expect(Object.keys(template.toJSON().Resources).length).toBeLessThan(350);
  });

  it("the stage throttles and writes JSON access logs", () => {
    template.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      DefaultRouteSettings: Match.objectLike({ ThrottlingBurstLimit: Match.anyValue(), ThrottlingRateLimit: Match.anyValue() }),
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp("requestId") },
    });
  });

  it("public and upload routes have their own route-level throttles, below the stage's", () => {
    const stage = Object.values(template.findResources("AWS::ApiGatewayV2::Stage"))[0]?.Properties;
    const settings = stage.RouteSettings as Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    const publicRoutes = MANIFEST.filter((r) => r.roles === "public").map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes).toContain("GET /v1/blacklist");
    for (const key of publicRoutes) expect(settings[key], key).toMatchObject({ ThrottlingRateLimit: THROTTLES.public.rate, ThrottlingBurstLimit: THROTTLES.public.burst });
    for (const key of ["POST /v1/hazards/{id}/attachments", "POST /v1/applications/{id}/attachments", "POST /v1/accidents/{id}/investigation-report"]) {
      expect(settings[key], key).toMatchObject({ ThrottlingRateLimit: THROTTLES.upload.rate });
    }
    expect(settings["POST /v1/enterprises/validations"]).toMatchObject({ ThrottlingRateLimit: THROTTLES.batch.rate, ThrottlingBurstLimit: THROTTLES.batch.burst });
    // Every throttled route exists (CloudFormation refuses settings for unknown route keys) and is below the stage.
    const routeKeys = new Set(Object.values(template.findResources("AWS::ApiGatewayV2::Route")).map((r) => r.Properties.RouteKey));
    for (const [key, s] of Object.entries(settings)) {
      expect(routeKeys.has(key), key).toBe(true);
      expect(s.ThrottlingRateLimit).toBeLessThan(stage.DefaultRouteSettings.ThrottlingRateLimit);
    }
    expect(settings["GET /v1/hazards/{id}"]).toBeUndefined();
  });

  it("Cognito carries the role and scope claims as custom attributes, no self sign-up, MFA required", () => {
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: "ON",
      Schema: Match.arrayWith(["role", "region", "enterprise", "grid", "industry"].map((n) => Match.objectLike({ Name: n }))),
    });
  });
});

describe("functions", () => {
  it("one Lambda per bounded context with routes, plus one per job: Node.js 22 on arm64 with log retention", () => {
    const fns = Object.values(template.findResources("AWS::Lambda::Function"));
    const contexts = new Set(MANIFEST.map((r) => r.fn));
    expect(fns).toHaveLength(contexts.size + JOBS.length);
    for (const f of fns) {
      expect(f.Properties.Runtime).toBe("nodejs22.x");
      expect(f.Properties.Architectures).toEqual(["arm64"]);
      expect(f.Properties.Environment.Variables.TABLE_NAME).toBeDefined();
    }
    template.allResourcesProperties("AWS::Logs::LogGroup", { RetentionInDays: 180 });
  });

  it("one code asset per entry, esbuild-bundled in process: the jobs of a context share their jobs.ts bundle, no two entries share one", () => {
    const entryOf = new Map<string, Set<string>>();
    for (const f of Object.values(template.findResources("AWS::Lambda::Function"))) {
      const context = (f.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME as string).replace(/^safety-/, "");
      const exported = (f.Properties.Handler as string).replace(/^index\./, "");
      expect(exported === "handler" || JOBS.some((j) => j.fn === context && j.export === exported), f.Properties.Handler).toBe(true);
      const key = f.Properties.Code.S3Key as string;
      entryOf.set(key, (entryOf.get(key) ?? new Set()).add(`${context}/${exported === "handler" ? "handler" : "jobs"}.ts`));
    }
    for (const [key, entries] of entryOf) expect([...entries], key).toHaveLength(1);
    expect(entryOf.size).toBe(new Set(MANIFEST.map((r) => r.fn)).size + new Set(JOBS.map((j) => j.fn)).size);
  });

  it("no role uses a managed policy or a wildcard action", () => {
    for (const role of Object.values(template.findResources("AWS::IAM::Role"))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      for (const policy of role.Properties.Policies ?? []) {
        for (const st of policy.PolicyDocument.Statement) {
          for (const action of [st.Action].flat()) expect(action).not.toMatch(/\*/);
        }
      }
    }
  });

  it("each function writes only its own partitions (dynamodb:LeadingKeys), the platform none; S3 listing only under its prefix", () => {
    const roles = Object.entries(template.findResources("AWS::IAM::Role")).filter(([id]) => /(Function|Job)Role/.test(id));
    expect(roles.length).toBeGreaterThan(0);
    const writesOf = new Map<string, string[]>();
    for (const [id, role] of roles) {
      const statements = (role.Properties.Policies as { PolicyDocument: { Statement: { Action: string | string[]; Condition?: Record<string, Record<string, unknown>> }[] } }[]).flatMap((p) => p.PolicyDocument.Statement);
      const writes = statements.filter((st) => [st.Action].flat().some((a) => (TABLE_WRITE_ACTIONS as readonly string[]).includes(a)));
      if (id.startsWith("PlatformFunction")) {
        expect(writes, id).toEqual([]);
        continue;
      }
      // Exactly one write statement, and it carries the partition condition.
      expect(writes, id).toHaveLength(1);
      const leading = writes[0]?.Condition?.["ForAllValues:StringLike"]?.["dynamodb:LeadingKeys"] as string[];
      expect(leading.length, id).toBeGreaterThan(0);
      expect(leading, id).not.toContain("*");
      writesOf.set(id, leading);
      for (const st of statements.filter((x) => [x.Action].flat().includes("s3:ListBucket"))) {
        expect(st.Condition?.StringLike?.["s3:prefix"], id).toBeDefined();
      }
    }
    const of = (prefix: string) => [...writesOf.entries()].find(([id]) => id.startsWith(prefix))?.[1] ?? [];
    // Cross-context and shared writes a request really makes: audit, idempotency, a hazard
    // listing suspending licences (approvals' key builders), grid membership on the enterprise.
    expect(of("HazardsFunction")).toEqual(expect.arrayContaining(["HAZ#*", "HAZSUP#*", "AUDIT#*", "IDEMP#*", "LIC#*", "ENT#*", "GRIDENT#*"]));
    expect(of("AccidentsFunction")).toEqual(expect.arrayContaining(["ACC#*", "AUDIT#*", "IDEMP#*"]));
    expect(of("AccidentsFunction")).not.toContain("HAZ#*");
    expect(of("RegistryFunction")).toEqual(expect.arrayContaining(["ENT#*", "USCC#*", "AUDIT#*", "IDEMP#*"]));
    expect(of("RegistryFunction")).not.toContain("LIC#*");
    expect(of("CreditFunction")).not.toContain("APP#*");
  });

  it("an error alarm per function", () => {
    const fns = Object.keys(template.findResources("AWS::Lambda::Function")).length;
    const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm")).filter((a) => a.Properties.MetricName === "Errors");
    expect(alarms).toHaveLength(fns);
  });

  it("a p99 duration alarm per function, to the alarm topic; API functions page at 3 s, jobs at 80% of their timeout", () => {
    const fns = template.findResources("AWS::Lambda::Function");
    const p99 = Object.values(template.findResources("AWS::CloudWatch::Alarm")).filter((a) => a.Properties.MetricName === "Duration" && a.Properties.ExtendedStatistic === "p99");
    const alarmed = p99.map((a) => a.Properties.Dimensions.find((d: { Name: string }) => d.Name === "FunctionName").Value.Ref as string);
    expect(alarmed.sort()).toEqual(Object.keys(fns).sort());
    for (const a of p99) {
      const fn = fns[a.Properties.Dimensions[0].Value.Ref];
      expect(a.Properties.Threshold).toBe(fn?.Properties.Timeout === 300 ? 240_000 : 3_000);
      expect(a.Properties.AlarmActions).toHaveLength(1);
    }
  });

  it("every dead-letter queue has a depth alarm to the alarm topic", () => {
    const queues = template.findResources("AWS::SQS::Queue");
    const dlqs = Object.keys(queues).filter((id) => JSON.stringify(template.toJSON()).includes(`"DeadLetterConfig":{"Arn":{"Fn::GetAtt":["${id}"`));
    expect(dlqs.length).toBeGreaterThan(0);
    const depth = Object.values(template.findResources("AWS::CloudWatch::Alarm")).filter((a) => a.Properties.MetricName === "ApproximateNumberOfMessagesVisible");
    for (const id of dlqs) {
      const alarm = depth.find((a) => JSON.stringify(a.Properties.Dimensions).includes(id));
      expect(alarm?.Properties, id).toMatchObject({ Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold", AlarmActions: [expect.anything()] });
    }
  });

  it("functions trace with X-Ray and emit EMF metrics into the platform's namespace", () => {
    for (const f of Object.values(template.findResources("AWS::Lambda::Function"))) {
      expect(f.Properties.TracingConfig).toEqual({ Mode: "Active" });
      expect(f.Properties.Environment.Variables).toMatchObject({ POWERTOOLS_TRACE_ENABLED: "true", POWERTOOLS_METRICS_NAMESPACE: "SafetyPlatform" });
    }
  });

  it("every job is an EventBridge schedule in Asia/Shanghai with retries and a DLQ", () => {
    template.resourceCountIs("AWS::Scheduler::Schedule", JOBS.length);
    if (JOBS.length > 0) {
      template.allResourcesProperties("AWS::Scheduler::Schedule", {
        ScheduleExpressionTimezone: "Asia/Shanghai",
        Target: Match.objectLike({ DeadLetterConfig: { Arn: Match.anyValue() }, RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 3 }) }),
      });
    }
  });
});

describe("reminders", () => {
  const topics = () => Object.entries(template.findResources("AWS::SNS::Topic"));
  const reminders = () => {
    const found = topics().find(([id]) => id.startsWith("Reminders"));
    if (!found) throw new Error("no Reminders topic");
    return found;
  };

  it("one encrypted topic, and only the reminders job may publish to it, with its ARN in its environment", () => {
    const [topicId, topic] = reminders();
    expect(topic.Properties.KmsMasterKeyId).toBeDefined();
    const publishers = Object.entries(template.findResources("AWS::IAM::Policy")).filter(([, p]) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]).some((st) => [st.Action].flat().includes("sns:Publish") && JSON.stringify(st.Resource).includes(topicId)),
    );
    expect(publishers).toHaveLength(1);
    const roles = ((publishers[0]?.[1].Properties.Roles ?? []) as { Ref: string }[]).map((r) => r.Ref);
    expect(roles).toHaveLength(1);
    expect(roles[0]).toMatch(/^TodoRemindersJobRole/);
    const withTopic = Object.entries(template.findResources("AWS::Lambda::Function")).filter(([, f]) => f.Properties.Environment.Variables.REMINDER_TOPIC_ARN);
    expect(withTopic.map(([id]) => id)).toEqual([expect.stringMatching(/^TodoRemindersJob/)]);
    expect(withTopic[0]?.[1].Properties.Environment.Variables.REMINDER_TOPIC_ARN).toEqual({ Ref: topicId });
  });

  it("the topic refuses publishing without TLS", () => {
    const [topicId] = reminders();
    const policies = Object.values(template.findResources("AWS::SNS::TopicPolicy")).filter((p) => JSON.stringify(p.Properties.Topics).includes(topicId));
    expect(policies).toHaveLength(1);
    expect(JSON.stringify(policies[0]?.Properties.PolicyDocument)).toContain("aws:SecureTransport");
  });
});

describe("cdk-nag AwsSolutions", () => {
  it("zero unacknowledged findings; every acknowledgement has a written reason", () => {
    const report = JSON.parse(readFileSync(join(outdir, "validation-report.json"), "utf8")) as {
      pluginReports: { pluginName: string; conclusion: string; violations: unknown[]; suppressedViolations: { ruleName: string; reason?: string }[] }[];
    };
    const nag = report.pluginReports.find((p) => p.pluginName === "AwsSolutions");
    expect(nag?.violations).toEqual([]);
    expect(nag?.conclusion).toBe("success");
    for (const s of nag?.suppressedViolations ?? []) expect(s.reason?.length ?? 0).toBeGreaterThan(20);
  });
});

describe("web console", () => {
  const distribution = () => Object.values(template.findResources("AWS::CloudFront::Distribution"))[0]?.Properties.DistributionConfig;

  it("a private bucket read by CloudFront through origin access control only", () => {
    template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: "s3", SigningBehavior: "always", SigningProtocol: "sigv4" }),
    });
    const s3Origin = distribution().Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    template.hasResourceProperties("AWS::S3::BucketPolicy", {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject" })]) },
    });
  });

  it("HTTPS only, security headers with a CSP, SPA fallback on the console behaviour alone", () => {
    const d = distribution();
    expect(d.DefaultCacheBehavior.ViewerProtocolPolicy).toBe("redirect-to-https");
    expect(d.DefaultCacheBehavior.FunctionAssociations).toHaveLength(1);
    template.hasResourceProperties("AWS::CloudFront::ResponseHeadersPolicy", {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
          StrictTransportSecurity: Match.objectLike({ Override: true }),
          FrameOptions: { FrameOption: "DENY", Override: true },
          ContentTypeOptions: { Override: true },
        }),
      }),
    });
    const csp = JSON.stringify(Object.values(template.findResources("AWS::CloudFront::ResponseHeadersPolicy"))[0]?.Properties);
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  });

  it("/v1/* goes to the HTTP API through the same distribution: HTTPS, every method, no caching, all viewer headers but Host", () => {
    const behaviours = distribution().CacheBehaviors as Record<string, unknown>[];
    expect(behaviours).toHaveLength(1);
    expect(behaviours[0]).toMatchObject({
      PathPattern: "/v1/*",
      ViewerProtocolPolicy: "https-only",
      AllowedMethods: expect.arrayContaining(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
      CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad", // managed CachingDisabled
      OriginRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac", // managed AllViewerExceptHostHeader
    });
    expect(behaviours[0]?.FunctionAssociations).toBeUndefined();
    const apiOrigin = distribution().Origins.find((o: { Id: string }) => o.Id === (behaviours[0] as { TargetOriginId: string }).TargetOriginId);
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe("https-only");
    expect(JSON.stringify(apiOrigin.DomainName)).toContain("execute-api");
  });

  it("the Cognito client signs the console in with the authorization code flow back to the distribution", () => {
    template.hasResourceProperties("AWS::Cognito::UserPoolClient", {
      AllowedOAuthFlows: ["code"],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [Match.objectLike({ "Fn::Join": Match.arrayWith([Match.arrayWith(["/auth/callback"])]) })],
    });
    template.resourceCountIs("AWS::Cognito::UserPoolDomain", 1);
  });

  it("with web/dist given, its files and a config.json with this stage's OIDC settings are deployed, and cdk-nag stays clean", () => {
    const dir = mkdtempSync(join(tmpdir(), "console-"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>console</title>");
    const app = new App({ context: { "aws:cdk:bundling-stacks": [] } });
    const stack = new SafetyPlatformStack(app, "WithConsole", { consoleAssets: dir });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const t = Template.fromStack(stack);
    t.resourceCountIs("Custom::CDKBucketDeployment", 1);
    t.hasResourceProperties("Custom::CDKBucketDeployment", { DistributionPaths: ["/index.html", "/config.json"] });
    const out = app.synth().directory;
    const report = JSON.parse(readFileSync(join(out, "validation-report.json"), "utf8")) as { pluginReports: { pluginName: string; violations: unknown[] }[] };
    expect(report.pluginReports.find((p) => p.pluginName === "AwsSolutions")?.violations).toEqual([]);
  }, 120_000);
});
