// Structured JSON logs (Powertools). One logger per process; Powertools' own middy
// middleware (shared/http.ts) adds the Lambda context to every line of a request and clears
// it after it, with the API Gateway request id (correlation_id) the HTTP stack sets. The id is
// read off the event directly rather than through the middleware's JMESPath search, which
// would load a JMESPath interpreter (23 KB) at every cold start for one fixed path.
import { Logger } from "@aws-lambda-powertools/logger";

export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? "safety-platform",
  logLevel: (process.env.LOG_LEVEL as "INFO" | "DEBUG" | "WARN" | "ERROR" | "SILENT" | undefined) ?? "INFO",
});
