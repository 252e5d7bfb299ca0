// The API Gateway stand-in: turns each HTTP request into an HTTP API v2 event (JWT claims
// under requestContext.authorizer.jwt.claims) and calls the same handler the CDK app
// deploys. What the gateway itself answers (no or bad token, a path outside /v1, a body over
// 10 MB) is answered here the way the gateway does; everything else under /v1, including a
// method a path does not route, reaches our code (see FALLBACK_ROUTE in shared/route.ts).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Context } from "aws-lambda";
import { MANIFEST } from "../functions/manifest.js";
import type { Event } from "../shared/http.js";
import { FALLBACK_ROUTE, type FunctionName, pathPattern, type RouteSpec } from "../shared/route.js";
import type { KeyPair } from "./auth.js";
import { verifyToken } from "./auth.js";

/** What API Gateway sends a handler: the JWT authorizer's context only on routes that have one. */
type GatewayEvent = Omit<Event, "requestContext"> & {
  requestContext: Omit<Event["requestContext"], "authorizer"> & { authorizer?: Event["requestContext"]["authorizer"] };
};
type Handler = (event: GatewayEvent, context: Context) => Promise<{ statusCode: number; headers?: Record<string, string>; body?: string }>;

const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

interface Matcher {
  spec: { method: string; path: string; fn: FunctionName; roles: RouteSpec["roles"] };
  regex: RegExp;
  names: string[];
}

const compile = (spec: RouteSpec): Matcher => ({ spec, ...pathPattern(spec.path) });

const handlers = new Map<FunctionName, Promise<Handler>>();
function handlerFor(fn: FunctionName): Promise<Handler> {
  let h = handlers.get(fn);
  if (!h) {
    h = import(`../functions/${fn}/handler.ts`).then((m) => m.handler as Handler);
    handlers.set(fn, h);
  }
  return h;
}

function lambdaContext(requestId: string, fn: string): Context {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: fn,
    functionVersion: "$LATEST",
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${fn}`,
    memoryLimitInMB: "512",
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${fn}`,
    logStreamName: "local",
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | "too_large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY) return "too_large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function gatewayReply(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ message }));
}

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** `other` answers what is not under /v1 (the console and local sign-in, see local/web.ts). */
export function createApiServer(keys: Pick<KeyPair, "publicKey">, other?: Listener): Server {
  const matchers = MANIFEST.map(compile);
  // Last, as in API Gateway, where a greedy route has the lowest priority.
  matchers.push({ spec: { ...FALLBACK_ROUTE, roles: "public" }, regex: /^\/v1\/(.+)$/, names: ["proxy"] });
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (other && !url.pathname.startsWith("/v1/") && url.pathname !== "/v1") return await other(req, res);
      const method = (req.method ?? "GET").toUpperCase();
      let found: { m: Matcher; params: Record<string, string> } | undefined;
      for (const m of matchers) {
        if (m.spec.method !== method && m.spec.method !== "ANY") continue;
        const hit = m.regex.exec(url.pathname);
        if (!hit) continue;
        const params: Record<string, string> = {};
        m.names.forEach((n, i) => {
          params[n] = decodeURIComponent(hit[i + 1] as string);
        });
        found = { m, params };
        break;
      }
      if (!found) return gatewayReply(res, 404, "Not Found");
      const { spec } = found.m;

      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(",") : v;

      let claims: Record<string, string> | undefined;
      if (spec.roles !== "public") {
        claims = await verifyToken(keys.publicKey, headers.authorization);
        if (!claims) return gatewayReply(res, 401, "Unauthorized");
      }

      const body = await readBody(req);
      if (body === "too_large") return gatewayReply(res, 413, "Request Entity Too Large");

      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;

      const requestId = randomUUID();
      const routeKey = `${spec.method} ${spec.path}`;
      const event: GatewayEvent = {
        version: "2.0",
        routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        queryStringParameters: Object.keys(query).length ? query : undefined,
        pathParameters: Object.keys(found.params).length ? found.params : undefined,
        body: body.length ? body.toString("utf8") : undefined,
        isBase64Encoded: false,
        requestContext: {
          accountId: "000000000000",
          apiId: "local",
          domainName: headers.host ?? "localhost",
          domainPrefix: "local",
          http: { method, path: url.pathname, protocol: "HTTP/1.1", sourceIp: req.socket.remoteAddress ?? "127.0.0.1", userAgent: headers["user-agent"] ?? "" },
          requestId,
          routeKey,
          stage: "$default",
          time: new Date().toUTCString(),
          timeEpoch: Date.now(),
          authorizer: claims ? { jwt: { claims, scopes: [] }, principalId: "", integrationLatency: 0 } : undefined,
        },
      };

      const handler = await handlerFor(spec.fn);
      const out = await handler(event, lambdaContext(requestId, spec.fn));
      res.writeHead(out.statusCode, out.headers ?? {});
      res.end(out.body ?? "");
    } catch (err) {
      // The gateway's answer to a crashed integration.
      console.error(err);
      if (!res.headersSent) gatewayReply(res, 500, "Internal Server Error");
      else res.end();
    }
  });
}

export async function listen(server: Server, port: number, host = "127.0.0.1"): Promise<number> {
  return new Promise((ok, fail) => {
    server.once("error", (err: NodeJS.ErrnoException) => fail(err.code === "EADDRINUSE" ? new Error(`port ${port} is already in use; set PORT to another port`) : err));
    server.listen(port, host, () => ok((server.address() as { port: number }).port));
  });
}
