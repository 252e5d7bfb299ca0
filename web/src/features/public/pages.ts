import { lazy } from "react";
import type { PageDef } from "../../pages";

export const pages: PageDef[] = [
  { path: "/public/approval-items", title: "审批事项与服务指南", api: "GET /v1/approval-items", menu: "public", component: lazy(() => import("./Catalogue")) },
  { path: "/public/approval-items/:code", title: "服务指南", api: "GET /v1/approval-items/{id}", component: lazy(() => import("./CatalogueItem")) },
  { path: "/public/power-list", title: "权力清单和责任清单", api: "GET /v1/power-list", menu: "public", component: lazy(() => import("./PowerList")) },
  { path: "/public/licences", title: "许可证查验", api: "GET /v1/licences/{number}", menu: "public", component: lazy(() => import("./LicenceCheck")) },
  { path: "/public/blacklist", title: "失信黑名单", api: "GET /v1/blacklist", menu: "public", component: lazy(() => import("./Blacklist")) },
  { path: "/public/assessments", title: "考核结果公示", api: "GET /v1/public/assessments", menu: "public", component: lazy(() => import("./Assessments")) },
];
