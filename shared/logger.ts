// Structured JSON logs (Powertools). One logger per process; Powertools' own middy
// middleware (shared/http.ts) adds the Lambda context and the API Gateway request id
// (correlation_id) to every line of a request and clears them after it.
import { Logger } from "@aws-lambda-powertools/logger";
import { search } from "@aws-lambda-powertools/logger/correlationId";

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "safety-platform",
  logLevel: (process.env.LOG_LEVEL as "INFO" | "DEBUG" | "WARN" | "ERROR" | "SILENT" | undefined) ?? "INFO",
  correlationIdSearchFn: search,
});
