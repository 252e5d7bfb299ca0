// The hazards Lambda. Each group of routes loads its code on its first request, so a cold start
// pays for the shared core only (shared/http.ts lazyRoutes). A route reads like a short story:
// parse, check who you are, decide with rules.ts, write through store.ts, answer.
import { lambda, lazyRoutes } from "../../shared/http.js";
import { routes } from "./routes.js";

export const handler = lambda(routes, {
  ...lazyRoutes(routes, () => import("./handlers/checklists.js"), ["listChecklists", "getChecklist", "publishChecklist"]),
  ...lazyRoutes(routes, () => import("./handlers/self-inspections.js"), ["createSelfInspection", "getSelfInspection", "listSelfInspections"]),
  ...lazyRoutes(routes, () => import("./handlers/hazards.js"), [
    "createHazard",
    "listHazards",
    "getHazard",
    "planHazard",
    "startHazard",
    "completeHazard",
    "acceptHazard",
    "rejectHazard",
    "requestReviewHazard",
    "writeOffHazard",
    "superviseHazard",
    "requestAttachment",
    "getHazardAttachment",
  ]),
  ...lazyRoutes(routes, () => import("./handlers/inspections.js"), ["createInspection", "getInspection", "listInspections", "enterpriseReconciliation", "regionReconciliation"]),
  ...lazyRoutes(routes, () => import("./handlers/filings.js"), ["hazardStatistics", "createFiling", "listFilings"]),
  ...lazyRoutes(routes, () => import("./handlers/grids.js"), ["createGrid", "listGrids", "getGrid", "assignEnterprises", "removeEnterprise", "createPatrol", "listPatrols", "getPatrol"]),
});
