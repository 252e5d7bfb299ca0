import { lazy } from "react";
import type { PageDef } from "../../pages";

export const pages: PageDef[] = [
  { path: "/accidents", title: "事故报告", api: "GET /v1/accidents", menu: "accidents", component: lazy(() => import("./AccidentList")) },
  { path: "/accidents/:id", title: "事故报告详情", api: "GET /v1/accidents/{id}", component: lazy(() => import("./AccidentDetail")) },
];
