import { lazy } from "react";
import type { PageDef } from "../../pages";

// The approval officers' desk: the queue on the statutory clock and each application's stage actions.
export const pages: PageDef[] = [
  { path: "/review/applications", title: "审批待办", api: "POST /v1/applications/{id}/accept", menu: "approvals", component: lazy(() => import("./Queue")) },
  { path: "/review/applications/:id", title: "审批办理", api: "POST /v1/applications/{id}/accept", component: lazy(() => import("./Desk")) },
];
