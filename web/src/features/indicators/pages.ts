import { lazy } from "react";
import type { PageDef } from "../../pages";

export const pages: PageDef[] = [
  { path: "/indicators", title: "控制指标", api: "GET /v1/statistics/control-indicators", menu: "stats", component: lazy(() => import("./Indicators")) },
  { path: "/control-targets", title: "下达指标和基数", api: "PUT /v1/control-targets/{year}/{regionCode}", menu: "stats", component: lazy(() => import("./Targets")) },
  { path: "/assessments", title: "目标考核", api: "GET /v1/assessments", menu: "stats", component: lazy(() => import("./Assessments")) },
];
