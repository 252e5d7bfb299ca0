import { lazy } from "react";
import type { PageDef } from "../../pages";

export const pages: PageDef[] = [
  { path: "/workspace/regulator", title: "辖区总览", api: "GET /v1/blacklist-listings", menu: "workspace", component: lazy(() => import("./RegulatorDashboard")) },
];
