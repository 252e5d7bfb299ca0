import { lazy } from "react";
import type { PageDef } from "../../pages";

// Field mode: capture offline, keep in the outbox, sync when the connection returns.
export const pages: PageDef[] = [
  { path: "/field", title: "外勤采集", api: "POST /v1/hazards", menu: "hazards", component: lazy(() => import("./FieldHome")) },
  { path: "/field/patrol", title: "网格巡查上报", api: "POST /v1/grid-patrols", component: lazy(() => import("./PatrolForm")) },
  { path: "/field/hazard", title: "隐患上报", api: "POST /v1/hazards", component: lazy(() => import("./HazardForm")) },
  { path: "/field/inspection", title: "执法检查记录", api: "POST /v1/enforcement-inspections", component: lazy(() => import("./InspectionForm")) },
];
