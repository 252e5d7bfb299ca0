// The route manifest: every HTTP route of the API, in one list. CDK creates API Gateway
// routes from it, the local server dispatches with it, OpenAPI is generated from it.
// A context adds its routes in its own routes.ts; nothing else needs to change.
import type { RouteSpec } from "../shared/route.js";
import { routes as accidents } from "./accidents/routes.js";
import { routes as approvals } from "./approvals/routes.js";
import { routes as credit } from "./credit/routes.js";
import { routes as hazards } from "./hazards/routes.js";
import { routes as platform } from "./platform/routes.js";
import { routes as registry } from "./registry/routes.js";
import { routes as stats } from "./stats/routes.js";
import { routes as todo } from "./todo/routes.js";

const groups: Record<string, Record<string, RouteSpec>> = { platform, registry, hazards, accidents, approvals, credit, stats, todo };

export const MANIFEST: (RouteSpec & { id: string })[] = Object.entries(groups).flatMap(([, g]) =>
  Object.entries(g).map(([id, spec]) => ({ id, ...spec })),
);
