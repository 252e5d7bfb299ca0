import { lazy } from "react";
import type { PageDef } from "../../pages";

export const pages: PageDef[] = [
  { path: "/hazards", title: "隐患台账", api: "GET /v1/hazards", menu: "hazards", component: lazy(() => import("./HazardList")) },
  { path: "/hazards/new", title: "上报隐患", api: "POST /v1/hazards", menu: "hazards", component: lazy(() => import("./HazardReport")) },
  { path: "/hazards/:id", title: "隐患详情", api: "GET /v1/hazards/{id}", component: lazy(() => import("./HazardDetail")) },
  { path: "/self-inspections/new", title: "对照清单自查", api: "POST /v1/self-inspections", menu: "hazards", component: lazy(() => import("./SelfInspection")) },
  { path: "/hazard-filings/new", title: "隐患排查治理报表", api: "POST /v1/hazard-filings", menu: "hazards", component: lazy(() => import("./Filing")) },
];
