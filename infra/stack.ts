// The deployed system: one table, one evidence bucket, a Cognito user pool, an HTTP API
// with a JWT authorizer whose routes come from the manifest, one Lambda per bounded
// context, and an EventBridge schedule per job (with retries and a DLQ).
import { join } from "node:path";
import { AssetHashType, CfnOutput, DockerImage, Duration, RemovalPolicy, Stack, type StackProps, TimeZone, Validations } from "aws-cdk-lib";
import { type CfnStage, CorsHttpMethod, HttpApi, HttpMethod } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import { Alarm, ComparisonOperator, TreatMissingData } from "aws-cdk-lib/aws-cloudwatch";
import { SnsAction } from "aws-cdk-lib/aws-cloudwatch-actions";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as cognito from "aws-cdk-lib/aws-cognito";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import { Architecture, type CfnFunction, Code, Function as LambdaFunction, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { type CfnLogGroup, LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import * as s3 from "aws-cdk-lib/aws-s3";
import { BucketDeployment, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Schedule, ScheduleExpression } from "aws-cdk-lib/aws-scheduler";
import { LambdaInvoke } from "aws-cdk-lib/aws-scheduler-targets";
import * as sns from "aws-cdk-lib/aws-sns";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { MANIFEST } from "../functions/manifest.js";
import { bundleLambda, ENTRY_NAME } from "./bundling.js";
import { writePartitions } from "./key-prefixes.js";
import { NAMESPACE } from "../shared/metrics.js";
import { JOBS } from "../functions/schedule.js";
import { REMINDERS_JOB } from "../functions/todo/schedule.js";
import { FALLBACK_ROUTE, FUNCTIONS, type FunctionName } from "../shared/route.js";
import { TABLE_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from "../shared/table.js";

const ROOT = join(import.meta.dirname, "..");

/** What a function may do to the items of its own partitions. */
export const TABLE_WRITE_ACTIONS = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"] as const;

/** Functions that presign or check S3 objects; only they get the bucket and the S3 client. */
const USES_BUCKET: ReadonlySet<FunctionName> = new Set(["platform", "hazards", "accidents", "approvals"]);

/** A request's p99 duration that pages the operators: well inside API Gateway's 30 s limit. */
const API_P99_MS = 3_000;

/**
 * Throttles (requests per second, burst) of the HTTP API. HTTP APIs throttle per route, not
 * per caller: anonymous routes get their own small budget so one scraper of the public lists
 * cannot spend the stage's, and upload requests (each presigns a URL and writes a record) get
 * theirs, and batch checks (each validates up to 200 rows) a budget of their own. Per-caller limits need a WAF rate rule in front (README, Deploying).
 */
export const THROTTLES = {
  stage: { rate: 1000, burst: 2000 },
  public: { rate: 50, burst: 100 },
  upload: { rate: 20, burst: 40 },
  batch: { rate: 10, burst: 20 },
} as const;

/** Which throttle a manifest route gets beyond the stage's. */
export function routeThrottle(r: { method: string; path: string; roles: unknown }): keyof typeof THROTTLES {
  if (r.roles === "public") return "public";
  if (r.method === "POST" && /\/(attachments|investigation-report)$/.test(r.path)) return "upload";
  if (r.method === "POST" && r.path.endsWith("/validations")) return "batch";
  return "stage";
}

/** 网络安全法 art. 21: network logs are kept for at least six months. */
const LOG_RETENTION = RetentionDays.SIX_MONTHS;

export interface SafetyPlatformProps extends StackProps {
  /** The built console (web/dist); when given, it is deployed to the console bucket. */
  consoleAssets?: string;
}

export class SafetyPlatformStack extends Stack {
  readonly api: HttpApi;
  readonly table: dynamodb.Table;
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props?: SafetyPlatformProps) {
    super(scope, id, props);

    const key = new kms.Key(this, "DataKey", { enableKeyRotation: true, description: "Safety platform data at rest" });

    // ---------- data ----------
    this.table = new dynamodb.Table(this, "Table", {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      deletionProtection: true,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const i of TABLE_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: i.name,
        partitionKey: { name: i.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: i.sortKey, type: dynamodb.AttributeType.STRING },
      });
    }

    const accessLogs = new s3.Bucket(this, "AccessLogs", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new s3.Bucket(this, "Evidence", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: "evidence/",
      removalPolicy: RemovalPolicy.RETAIN,
      // Browsers upload evidence straight to S3 with presigned PUTs.
      cors: [{ allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET], allowedOrigins: ["*"], allowedHeaders: ["content-type", "content-length", "if-none-match"], maxAge: 3000 }],
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // Evidence is kept; old versions of replaced objects move to cheaper storage, then go.
        { noncurrentVersionTransitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }], noncurrentVersionExpiration: Duration.days(365) },
        { transitions: [{ storageClass: s3.StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(180) }] },
      ],
    });

    // ---------- identity ----------
    const userPool = new cognito.UserPool(this, "Users", {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: {
        role: new cognito.StringAttribute({ mutable: true }),
        region: new cognito.StringAttribute({ mutable: true, minLen: 6, maxLen: 9 }),
        enterprise: new cognito.StringAttribute({ mutable: true }),
        grid: new cognito.StringAttribute({ mutable: true }),
        industry: new cognito.StringAttribute({ mutable: true }),
        head: new cognito.StringAttribute({ mutable: true }),
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.api = new HttpApi(this, "Api", {
      description: "Hubei work-safety supervision API",
      corsPreflight: {
        allowOrigins: ["*"],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE],
        allowHeaders: ["authorization", "content-type", "idempotency-key", "if-match", "accept-language"],
        exposeHeaders: ["etag", "location", "x-request-id", "idempotent-replayed", "retry-after"],
      },
      createDefaultStage: true,
    });
    const apiLogs = new LogGroup(this, "ApiAccessLogs", { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.RETAIN });
    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    stage.accessLogSettings = {
      destinationArn: apiLogs.logGroupArn,
      format: JSON.stringify({
        requestId: "$context.requestId", ip: "$context.identity.sourceIp", time: "$context.requestTime",
        routeKey: "$context.routeKey", status: "$context.status", latency: "$context.responseLatency",
        integrationError: "$context.integrationErrorMessage", sub: "$context.authorizer.claims.sub",
      }),
    };
    // Peaks (quarter deadlines, a bad day) are absorbed by on-demand DynamoDB and Lambda;
    // the throttle only stops a runaway client from starving everyone else.
    stage.defaultRouteSettings = { throttlingBurstLimit: THROTTLES.stage.burst, throttlingRateLimit: THROTTLES.stage.rate, detailedMetricsEnabled: true };

    // ---------- web console ----------
    // A private bucket behind CloudFront (origin access control); /v1/* goes to the HTTP API
    // through the same distribution, so the browser sees one origin, as with `npm start`.
    const consoleBucket = new s3.Bucket(this, "Console", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: "console/",
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const loginDomain = userPool.addDomain("Login", { cognitoDomain: { domainPrefix: `hubei-safety-${this.account}` } });
    const csp = [
      "default-src 'self'",
      "script-src 'self'",
      // antd writes its component styles into <style> elements at run time.
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: blob: https://${this.bucket.bucketRegionalDomainName}`,
      `connect-src 'self' https://${this.bucket.bucketRegionalDomainName} https://cognito-idp.${this.region}.amazonaws.com ${loginDomain.baseUrl()}`,
      `form-action 'self' ${loginDomain.baseUrl()}`,
      "object-src 'none'",
      "base-uri 'self'",
      "frame-ancestors 'none'",
    ].join("; ");
    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, "ConsoleSecurityHeaders", {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
    });
    // SPA fallback for the console's own paths only: a path without a file extension is a
    // client-side route. The /v1/* behaviour has no function, so API errors pass untouched.
    const spaFallback = new cloudfront.Function(this, "ConsoleSpaFallback", {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        "function handler(event) { var r = event.request; if (!/\\.[a-zA-Z0-9]+$/.test(r.uri)) r.uri = '/index.html'; return r; }",
      ),
    });
    const distribution = new cloudfront.Distribution(this, "ConsoleDistribution", {
      comment: "Hubei work-safety console and API",
      defaultRootObject: "index.html",
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: accessLogs,
      logFilePrefix: "cloudfront/",
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(consoleBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
        compress: true,
        functionAssociations: [{ function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        "/v1/*": {
          origin: new origins.HttpOrigin(`${this.api.apiId}.execute-api.${this.region}.amazonaws.com`, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
        },
      },
    });
    Validations.of(distribution).acknowledge(
      { id: "AwsSolutions::AwsSolutions-CFR1", reason: "Regulators and enterprises travel and work from anywhere; access is controlled by sign-in, not by country." },
      { id: "AwsSolutions::AwsSolutions-CFR2", reason: "No WAF web ACL yet: the API throttles per stage and every non-public route needs a Cognito token; a WAF is a deployment-time decision of the operator." },
      { id: "AwsSolutions::AwsSolutions-CFR4", reason: "The distribution uses the default CloudFront certificate until the province assigns a domain; with a custom certificate set TLSv1.2_2021." },
    );
    const consoleUrl = `https://${distribution.distributionDomainName}`;

    // Users cannot change their own role or scope: only administrators (through the admin API) can.
    const scopeAttributes = ["role", "region", "enterprise", "grid", "industry", "head"].map((a) => `custom:${a}`);
    const client = userPool.addClient("WebClient", {
      authFlows: { userSrp: true },
      // The console signs in through Cognito's managed login: authorization code with PKCE.
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${consoleUrl}/auth/callback`],
        logoutUrls: [`${consoleUrl}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }).withCustomAttributes(...scopeAttributes.map((a) => a.slice(7))),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(7),
      preventUserExistenceErrors: true,
    });

    // ---------- API ----------
    const authorizer = new HttpJwtAuthorizer("Jwt", userPool.userPoolProviderUrl, {
      // The ID token carries the custom:role / custom:region claims the policy reads.
      jwtAudience: [client.userPoolClientId],
    });

    const alarms = new sns.Topic(this, "Alarms", { masterKey: key, enforceSSL: true });
    const dlq = new sqs.Queue(this, "JobDeadLetters", { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(dlq).acknowledge({ id: "AwsSolutions::AwsSolutions-SQS3", reason: "This queue is itself the dead-letter queue of the job schedules." });

    const functions = new Map<FunctionName, LambdaFunction>();
    // One asset per entry: the jobs of a context share their bundle.
    const codes = new Map<string, Code>();
    const codeOf = (entry: string) => {
      let code = codes.get(entry);
      if (!code) {
        // esbuild in process, no Docker and no npm install: synth works offline. The hash is the
        // bundle's, so an unchanged function is not redeployed.
        code = Code.fromAsset(ROOT, {
          assetHashType: AssetHashType.OUTPUT,
          bundling: {
            image: DockerImage.fromRegistry("unused"),
            // Never run (the local bundling below always succeeds), but CDK caches staged assets by
            // these props and cannot tell the `local` functions apart: the entry must show here.
            command: ["esbuild", entry],
            local: {
              tryBundle(outputDir) {
                bundleLambda(join(ROOT, entry), outputDir);
                return true;
              },
            },
          },
        });
        codes.set(entry, code);
      }
      return code;
    };
    // Least privilege, written out: each function's own role may write its own log group,
    // use the table and its indexes (named one by one, no wildcard), the data key, and —
    // only where it presigns or checks uploads — objects in the evidence bucket.
    const indexArns = TABLE_INDEXES.map((i) => `${this.table.tableArn}/index/${i.name}`);
    const makeFunction = (name: string, entry: string, handler: string, fnName: FunctionName) => {
      const logGroup = new LogGroup(this, `${name}Logs`, { retention: LOG_RETENTION, removalPolicy: RemovalPolicy.RETAIN });
      const role = new iam.Role(this, `${name}Role`, {
        assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com"),
        inlinePolicies: {
          logs: new iam.PolicyDocument({
            statements: [new iam.PolicyStatement({ actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [logGroup.logGroupArn, `${logGroup.logGroupArn}:log-stream:*`] })],
          }),
          data: new iam.PolicyDocument({
            statements: [
              // Contexts read each other's records (an enterprise, a licence), so reads span the table.
              new iam.PolicyStatement({
                actions: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable"],
                resources: [this.table.tableArn, ...indexArns],
              }),
              // Writes only to the partitions the function's own code names (infra/key-prefixes.ts);
              // the platform function writes nothing.
              ...(fnName === "platform"
                ? []
                : [
                    new iam.PolicyStatement({
                      actions: [...TABLE_WRITE_ACTIONS],
                      resources: [this.table.tableArn],
                      conditions: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": writePartitions(entry) } },
                    }),
                  ]),
              new iam.PolicyStatement({ actions: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"], resources: [key.keyArn] }),
              ...(USES_BUCKET.has(fnName)
                ? [
                    ...(fnName === "platform"
                      ? [
                          // /v1/health asks HeadBucket, which needs ListBucket on the bucket itself (no
                          // prefix in the request); the platform reads no object.
                          new iam.PolicyStatement({ actions: ["s3:ListBucket"], resources: [this.bucket.bucketArn] }),
                        ]
                      : [
                          // GetObjectVersion: verified evidence is read at the version that was verified.
                          new iam.PolicyStatement({ actions: ["s3:PutObject", "s3:GetObject", "s3:GetObjectVersion"], resources: [this.bucket.arnForObjects(`${fnName}/*`)] }),
                          // ListBucket lets HeadObject on a missing key answer 404 rather than 403; only
                          // under the function's own prefix (shared/storage.ts reads a 403 there as
                          // "not uploaded" too, as S3 may not apply a prefix-conditioned grant to a HEAD).
                          new iam.PolicyStatement({ actions: ["s3:ListBucket"], resources: [this.bucket.bucketArn], conditions: { StringLike: { "s3:prefix": [`${fnName}/*`] } } }),
                        ]),
                  ]
                : []),
            ],
          }),
        },
      });
      if (USES_BUCKET.has(fnName) && fnName !== "platform") {
        Validations.of(role).acknowledge({
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/${fnName}/*]`,
          reason: "Evidence objects have unguessable per-record keys under the context's own prefix; the function presigns uploads and downloads for any of them.",
        });
      }
      Validations.of(role).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(logGroup.node.defaultChild as CfnLogGroup)}.Arn>:log-stream:*]`,
        reason: "Lambda creates a new log stream per execution environment inside the function's own log group.",
      });
      const isJob = name.endsWith("Job");
      const timeout = Duration.seconds(isJob ? 300 : 15);
      const fn = new LambdaFunction(this, name, {
        code: codeOf(entry),
        handler: `${ENTRY_NAME}.${handler}`,
        role,
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: 512,
        timeout,
        logGroup,
        tracing: Tracing.ACTIVE,
        environment: {
          TABLE_NAME: this.table.tableName,
          BUCKET_NAME: this.bucket.bucketName,
          POWERTOOLS_SERVICE_NAME: `safety-${fnName}`,
          POWERTOOLS_METRICS_NAMESPACE: NAMESPACE,
          // shared/tracing.ts loads the Tracer only when this is on.
          POWERTOOLS_TRACE_ENABLED: "true",
        },
      });
      Validations.of(role).acknowledge({
        id: "AwsSolutions::AwsSolutions-IAM5[Resource::*]",
        reason: "Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions.",
      });
      Validations.of(fn).acknowledge({ id: "AwsSolutions::AwsSolutions-L1", reason: "The product owner fixes the Lambda runtime at Node.js 22 (arm64); code is kept compatible with Node 20 and 22." });
      new Alarm(this, `${name}Errors`, {
        metric: fn.metricErrors({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `${name} raised errors`,
      }).addAlarmAction(new SnsAction(alarms));
      // p99 over three 5-minute periods in a row, so one slow cold start does not page anyone.
      new Alarm(this, `${name}LatencyP99`, {
        metric: fn.metricDuration({ period: Duration.minutes(5), statistic: "p99" }),
        threshold: isJob ? timeout.toMilliseconds() * 0.8 : API_P99_MS,
        evaluationPeriods: 3,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: `${name}: p99 duration above ${isJob ? "80% of its timeout" : `${API_P99_MS} ms`} for 15 minutes`,
      }).addAlarmAction(new SnsAction(alarms));
      return fn;
    };

    for (const fnName of FUNCTIONS) {
      if (!MANIFEST.some((r) => r.fn === fnName)) continue;
      const fn = makeFunction(`${pascal(fnName)}Function`, `functions/${fnName}/handler.ts`, "handler", fnName);
      functions.set(fnName, fn);
    }

    // One integration and one invoke permission per function, not per route: ~100 routes
    // would otherwise cost 300 resources of CloudFormation's 500.
    const integrations = new Map<FunctionName, SharedLambdaIntegration>();
    for (const [name, fn] of functions) {
      integrations.set(name, new SharedLambdaIntegration(`${pascal(name)}Integration`, fn));
      fn.addPermission("ApiInvoke", {
        principal: new iam.ServicePrincipal("apigateway.amazonaws.com"),
        sourceArn: this.formatArn({ service: "execute-api", resource: this.api.apiId, resourceName: "*/*" }),
      });
    }
    const routeSettings: Record<string, { ThrottlingBurstLimit: number; ThrottlingRateLimit: number; DetailedMetricsEnabled: boolean }> = {};
    for (const r of MANIFEST) {
      const throttle = routeThrottle(r);
      if (throttle !== "stage") {
        routeSettings[`${r.method} ${r.path}`] = { ThrottlingBurstLimit: THROTTLES[throttle].burst, ThrottlingRateLimit: THROTTLES[throttle].rate, DetailedMetricsEnabled: true };
      }
      const integration = integrations.get(r.fn);
      if (!integration) throw new Error(`route ${r.method} ${r.path} names function ${r.fn}, which has no handler`);
      const [route] = this.api.addRoutes({
        path: r.path,
        methods: [HttpMethod[r.method]],
        integration,
        authorizer: r.roles === "public" ? undefined : authorizer,
      });
      // A stage's route settings name routes that must exist first.
      if (route) stage.node.addDependency(route);
      if (r.roles === "public" && route) {
        Validations.of(route).acknowledge({
          id: "AwsSolutions::AwsSolutions-APIG4",
          reason: `${r.method} ${r.path} is public by design (manifest roles: "public"): ${r.summary}. It reveals no private fields.`,
        });
      }
    }

    stage.routeSettings = routeSettings;

    // 405 with Allow and problem+json 404s under /v1 are ours: see FALLBACK_ROUTE.
    const platform = integrations.get(FALLBACK_ROUTE.fn);
    if (!platform) throw new Error(`the catch-all route needs the ${FALLBACK_ROUTE.fn} function`);
    const [fallback] = this.api.addRoutes({ path: FALLBACK_ROUTE.path, methods: [HttpMethod.ANY], integration: platform });
    if (fallback) {
      Validations.of(fallback).acknowledge({
        id: "AwsSolutions::AwsSolutions-APIG4",
        reason: "The catch-all only answers 405 (with Allow) or 404 for requests no manifest route serves; it reads and writes nothing.",
      });
    }

    new Alarm(this, "Api5xx", {
      metric: this.api.metricServerError({ period: Duration.minutes(5) }),
      threshold: 5,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: "API answered 5xx",
    }).addAlarmAction(new SnsAction(alarms));

    // ---------- scheduled jobs ----------
    // Due-soon reminders (functions/todo/publish.ts): one topic, each message carrying its record's
    // region chain as a message attribute, so SMS and e-mail subscriptions filter by region
    // (README, "Reminders"). Only the reminders job may publish to it.
    const reminders = new sns.Topic(this, "Reminders", { masterKey: key, enforceSSL: true, displayName: "安全生产监管平台到期提醒" });
    for (const job of JOBS) {
      const fn = makeFunction(`${pascal(job.name)}Job`, `functions/${job.fn}/jobs.ts`, job.export, job.fn);
      if (job.name === REMINDERS_JOB) {
        // Written out rather than grantPublish, which adds a kms:GenerateDataKey* wildcard: the role
        // already uses the data key by name (makeFunction).
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ["sns:Publish"], resources: [reminders.topicArn] }));
        fn.addEnvironment("REMINDER_TOPIC_ARN", reminders.topicArn);
      }
      const [minutes, hours, day, month, weekDay, year] = job.cron.split(/\s+/);
      new Schedule(this, `${pascal(job.name)}Schedule`, {
        description: job.description,
        schedule: ScheduleExpression.cron({ minute: minutes, hour: hours, day: day === "?" ? undefined : day, month, weekDay: weekDay === "?" ? undefined : weekDay, year: year === "*" ? undefined : year, timeZone: TimeZone.of(job.timeZone) }),
        target: new LambdaInvoke(fn, { deadLetterQueue: dlq, retryAttempts: 3, maxEventAge: Duration.hours(6) }),
      });
      Validations.of(this).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(fn.node.defaultChild as CfnFunction)}.Arn>:*]`,
        reason: `The scheduler may invoke the ${job.name} job function and its versions (the CDK grant's ":*" covers the function's own qualifiers only).`,
      });
    }
    new Alarm(this, "JobDeadLetterAlarm", {
      metric: dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: "Maximum" }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: "A scheduled job could not be delivered",
    }).addAlarmAction(new SnsAction(alarms));

    new CfnOutput(this, "ReminderTopicArn", { value: reminders.topicArn });
    new CfnOutput(this, "ApiUrl", { value: this.api.apiEndpoint });
    new CfnOutput(this, "UserPoolId", { value: userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: client.userPoolClientId });
    new CfnOutput(this, "ConsoleUrl", { value: consoleUrl });

    // The console's files and its config.json (the OIDC settings of this stage), when built.
    if (props?.consoleAssets) {
      const config = { auth: "oidc", authority: userPool.userPoolProviderUrl, clientId: client.userPoolClientId, scope: "openid email profile" };
      const deployRole = new iam.Role(this, "ConsoleDeployRole", { assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com") });
      new BucketDeployment(this, "ConsoleDeployment", {
        sources: [Source.asset(props.consoleAssets, { exclude: ["config.json"] }), Source.jsonData("config.json", config)],
        destinationBucket: consoleBucket,
        distribution,
        distributionPaths: ["/index.html", "/config.json"],
        role: deployRole,
        memoryLimit: 512,
      });
      deployRole.addToPolicy(new iam.PolicyStatement({ actions: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], resources: [`arn:${this.partition}:logs:${this.region}:${this.account}:log-group:/aws/lambda/*`] }));
      const why = "CDK's BucketDeployment copies its asset (from the CDK assets bucket) into the console bucket, replacing old files, and invalidates the distribution; these are the grants aws-cdk-lib gives it.";
      const consoleArn = this.getLogicalId(consoleBucket.node.defaultChild as s3.CfnBucket);
      for (const finding of [
        "Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", "Action::s3:DeleteObject*", "Action::s3:Abort*",
        "Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*",
        `Resource::<${consoleArn}.Arn>/*`, "Resource::*", "Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:/aws/lambda/*",
      ]) {
        Validations.of(deployRole).acknowledge({ id: `AwsSolutions::AwsSolutions-IAM5[${finding}]`, reason: why });
      }
      const handler = this.node.children.find((c) => c.node.id.startsWith("Custom::CDKBucketDeployment"));
      if (handler) Validations.of(handler).acknowledge({ id: "AwsSolutions::AwsSolutions-L1", reason: "The runtime of CDK's BucketDeployment handler is chosen and updated by aws-cdk-lib itself." });
    }

  }
}

/** A Lambda integration shared by all routes of a function; the permission is granted once by the stack. */
class SharedLambdaIntegration extends HttpLambdaIntegration {
  override completeBind(): void {}
}

function pascal(s: string): string {
  return s.replace(/(^|[-_ ])(\w)/g, (_m, _s, c: string) => c.toUpperCase());
}
