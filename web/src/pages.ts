import type { ComponentType, LazyExoticComponent } from "react";
import type { RouteKey } from "./api/access";
import { pages as accidentPages } from "./features/accidents/pages";
import { pages as approvalPages } from "./features/approvals/pages";
import { pages as fieldPages } from "./features/field/pages";
import { pages as gridPages } from "./features/grids/pages";
import { pages as hazardPages } from "./features/hazards/pages";
import { pages as indicatorPages } from "./features/indicators/pages";
import { pages as inspectionPages } from "./features/inspections/pages";
import { pages as publicPages } from "./features/public/pages";
import { pages as registryPages } from "./features/registry/pages";
import { pages as reviewPages } from "./features/review/pages";
import { pages as supervisionPages } from "./features/supervision/pages";
import { pages as todoPages } from "./features/todo/pages";
import { pages as workspacePages } from "./features/workspace/pages";
// Every page of the console. A feature lists its pages in features/<context>/pages.ts and is
// added here once; the router, the guard and the role menu all read this list.

export interface PageDef {
  /** react-router path, e.g. "/hazards/:id". */
  path: string;
  /** Chinese title: the menu label and the document title. */
  title: string;
  /**
   * The API route the page is built on. The page and its menu entry exist only for roles
   * the manifest lets call it; a public route makes the page public (no sign-in).
   */
  api: RouteKey;
  /** Menu group (see shell/menu.ts); omit for pages reached from another page (details). */
  menu?: MenuGroup;
  /** Lazy so each page is its own chunk: `lazy(() => import("./HazardList"))`. */
  component: LazyExoticComponent<ComponentType>;
}

export type MenuGroup = "public" | "workspace" | "hazards" | "accidents" | "approvals" | "credit" | "stats" | "registry" | "platform";

export const PAGES: PageDef[] = [...todoPages, ...workspacePages, ...hazardPages, ...supervisionPages, ...inspectionPages, ...gridPages, ...accidentPages, ...approvalPages, ...reviewPages, ...indicatorPages, ...registryPages, ...fieldPages, ...publicPages];
