import { lazy } from "react";
import type { PageDef } from "../../pages";

// Regulators' and industry departments' side of hazards: the jurisdiction's list and the review actions.
export const pages: PageDef[] = [
  { path: "/supervision/hazards", title: "辖区隐患", api: "POST /v1/hazards/{id}/supervise", menu: "hazards", component: lazy(() => import("./HazardList")) },
  { path: "/supervision/hazards/:id", title: "隐患详情", api: "POST /v1/hazards/{id}/supervise", component: lazy(() => import("./HazardDetail")) },
];
