import { lazy } from "react";
import type { PageDef } from "../../pages";

export const pages: PageDef[] = [
  { path: "/applications", title: "我的审批申请", api: "GET /v1/applications", menu: "approvals", component: lazy(() => import("./ApplicationList")) },
  { path: "/applications/new", title: "网上申请", api: "POST /v1/applications", menu: "approvals", component: lazy(() => import("./ApplicationNew")) },
  { path: "/applications/:id", title: "申请详情", api: "GET /v1/applications/{id}", component: lazy(() => import("./ApplicationDetail")) },
];
