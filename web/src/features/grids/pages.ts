import { lazy } from "react";
import type { PageDef } from "../../pages";

// Grids (网格化): the jurisdiction's grids, their enterprises and their members' patrols.
export const pages: PageDef[] = [
  { path: "/grids", title: "网格管理", api: "GET /v1/grids", menu: "hazards", component: lazy(() => import("./GridList")) },
  { path: "/grids/new", title: "新建网格", api: "POST /v1/grids", component: lazy(() => import("./GridNew")) },
  { path: "/grids/:id", title: "网格详情", api: "GET /v1/grids/{id}", component: lazy(() => import("./GridDetail")) },
  { path: "/grid-patrols/:id", title: "巡查记录", api: "GET /v1/grid-patrols/{id}", component: lazy(() => import("./PatrolDetail")) },
];
