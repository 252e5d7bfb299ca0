import { lazy } from "react";
import type { PageDef } from "../../pages";

// Enforcement inspections on the desktop (the phone's offline capture is field mode's).
export const pages: PageDef[] = [
  { path: "/inspections", title: "执法检查", api: "POST /v1/enforcement-inspections", menu: "hazards", component: lazy(() => import("./InspectionList")) },
  { path: "/inspections/new", title: "执法检查录入", api: "POST /v1/enforcement-inspections", component: lazy(() => import("./InspectionNew")) },
  { path: "/inspections/:id", title: "执法检查记录", api: "GET /v1/enforcement-inspections/{id}", component: lazy(() => import("./InspectionDetail")) },
];
