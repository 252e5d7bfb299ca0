// Who may call what, from the manifest's role lists (routes.gen.ts): the menu and the
// page guard use it so no entry leads to a 403.
import type { Role } from "../auth/session";
import { ROUTES } from "./routes.gen";

type Route = (typeof ROUTES)[number];
/** "GET /v1/hazards" — a route of the manifest; a typo is a type error. */
export type RouteKey = `${Route["method"]} ${Route["path"]}`;

const byKey = new Map<string, Route>(ROUTES.map((r) => [`${r.method} ${r.path}`, r]));

export function isPublic(key: RouteKey): boolean {
  return byKey.get(key)?.roles === "public";
}

export function mayCall(role: Role | undefined, key: RouteKey): boolean {
  const roles = byKey.get(key)?.roles;
  if (roles === undefined) return false;
  if (roles === "public") return true;
  return role !== undefined && (roles as readonly string[]).includes(role);
}
