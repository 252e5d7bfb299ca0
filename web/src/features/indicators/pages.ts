import { lazy } from "react";
import type { PageDef } from "../../pages";

export const pages: PageDef[] = [
  { path: "/indicators", title: "控制指标", api: "GET /v1/statistics/control-indicators", menu: "stats", component: lazy(() => import("./Indicators")) },
];
