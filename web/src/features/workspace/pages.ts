import type { PageDef } from "../../pages";
import { lazy } from "react";

export const pages: PageDef[] = [
  // Built on the enterprise-only filing route: the page is the enterprise's own to-do list.
  { path: "/workspace", title: "企业待办", api: "POST /v1/hazard-filings", menu: "workspace", component: lazy(() => import("./EnterpriseHome")) },
  { path: "/workspace/regulator", title: "辖区总览", api: "GET /v1/blacklist-listings", menu: "workspace", component: lazy(() => import("./RegulatorDashboard")) },
];
