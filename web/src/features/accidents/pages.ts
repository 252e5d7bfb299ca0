import { lazy } from "react";
import type { PageDef } from "../../pages";

export const pages: PageDef[] = [
  { path: "/accidents", title: "事故快报", api: "GET /v1/accidents", menu: "accidents", component: lazy(() => import("./AccidentList")) },
  { path: "/accidents/new", title: "事故初报", api: "POST /v1/accidents", menu: "accidents", component: lazy(() => import("./AccidentReport")) },
  { path: "/accidents/:id", title: "事故详情", api: "GET /v1/accidents/{id}", component: lazy(() => import("./AccidentDetail")) },
];
