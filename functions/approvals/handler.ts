// The approvals Lambda. A cold start loads the routes and the shared core only; each group's code
// (handlers/) loads on the group's first request (shared/http.ts lazyRoutes). The groups share the
// middle layer (service.ts), which decides with the pure rules (rules.ts, workflow.ts) and reads
// and writes through store.ts.
import { lazyRoutes, lambda } from "../../shared/http.js";
import { routes } from "./routes.js";

export const handler = lambda(routes, {
  ...lazyRoutes(routes, () => import("./handlers/catalogue.js"), ["listApprovalItems", "getApprovalItem", "listApprovalItemVersions", "putApprovalItem", "powerList"]),
  ...lazyRoutes(routes, () => import("./handlers/calendar.js"), ["getCalendar", "putCalendar"]),
  ...lazyRoutes(routes, () => import("./handlers/applications.js"), [
    "createApplication",
    "listApplications",
    "getApplication",
    "addAttachment",
    "getApplicationAttachment",
    "submitApplication",
    "acceptApplication",
    "notifyMissingMaterials",
    "declineApplication",
    "passReview",
    "pauseApplication",
    "resumeApplication",
    "extendApplication",
    "approveApplication",
    "refuseApplication",
    "issueLicence",
  ]),
  ...lazyRoutes(routes, () => import("./handlers/licences.js"), ["verifyLicence", "listLicences", "getLicenceHistory", "renewLicence", "suspendLicence", "restoreLicence", "revokeLicence", "cancelLicence"]),
  ...lazyRoutes(routes, () => import("./handlers/delegations.js"), ["createDelegation", "listDelegations", "revokeDelegation"]),
});
