import { lazy } from "react";
import type { PageDef } from "../../pages";

export const pages: PageDef[] = [{ path: "/todo", title: "待办", api: "GET /v1/todo", menu: "workspace", component: lazy(() => import("./TodoPage")) }];
