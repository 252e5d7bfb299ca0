// X-Ray traces through Powertools Tracer: a segment per invocation and a subsegment per
// DynamoDB call. The Tracer and the X-Ray SDK it wraps are loaded on the first traced
// request, and only where tracing is on (CDK sets POWERTOOLS_TRACE_ENABLED beside the
// function's active tracing): locally and in tests they are never evaluated, and in AWS
// they cost nothing before the first request (bundle sizes and import times in BENCHMARKS.md).
import type { MiddlewareObj, Request } from "@middy/core";
import { db } from "./db.js";

let traced: Promise<MiddlewareObj> | undefined;

async function load(): Promise<MiddlewareObj> {
  const [{ Tracer }, { captureLambdaHandler }] = await Promise.all([import("@aws-lambda-powertools/tracer"), import("@aws-lambda-powertools/tracer/middleware")]);
  const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "safety-platform" });
  tracer.captureAWSv3Client(db());
  // Responses can hold personal data (names, phone numbers): keep them out of the trace.
  return captureLambdaHandler(tracer, { captureResponse: false });
}

/** Powertools' captureLambdaHandler, loaded on first use when tracing is on. */
export function tracing(): MiddlewareObj {
  const on = () => process.env.POWERTOOLS_TRACE_ENABLED === "true";
  return {
    before: async (request: Request) => {
      if (!on()) return;
      traced ??= load();
      await (await traced).before?.(request);
    },
    after: async (request: Request) => {
      if (on() && traced) await (await traced).after?.(request);
    },
    onError: async (request: Request) => {
      if (on() && traced) await (await traced).onError?.(request);
    },
  };
}
