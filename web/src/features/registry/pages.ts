import { lazy } from "react";
import type { PageDef } from "../../pages";

// The enterprise register: search, register one, edit one, register many from a file.
export const pages: PageDef[] = [
  { path: "/registry/enterprises", title: "企业名录", api: "POST /v1/enterprises", menu: "registry", component: lazy(() => import("./EnterpriseList")) },
  { path: "/registry/enterprises/new", title: "登记企业", api: "POST /v1/enterprises", component: lazy(() => import("./EnterpriseNew")) },
  { path: "/registry/import", title: "批量导入企业", api: "POST /v1/enterprises/validations", menu: "registry", component: lazy(() => import("./EnterpriseImport")) },
  { path: "/registry/enterprises/:id", title: "企业详情", api: "PATCH /v1/enterprises/{id}", component: lazy(() => import("./EnterpriseDetail")) },
];
