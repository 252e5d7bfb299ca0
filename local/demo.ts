// The demo accounts `npm start` prints a token for (one per role), by the id
// `npm run token -- --demo <id>` takes; the console's local sign-in page lists the same
// accounts by id and title. Their ids are the seeded demo records'.
import { DEMO_GRID_ENTERPRISE as DEMO_ENTERPRISE_ID, DEMO_GRID_ID } from "../functions/hazards/seed.js";
import type { TokenClaims } from "./auth.js";

export interface DemoAccount {
  id: string;
  label: string;
  /** What the console's sign-in page shows. */
  title: string;
  claims: TokenClaims;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { id: "enterprise", title: "企业安全管理员 · 武汉江岸精细化工", label: "enterprise (武汉江岸精细化工)", claims: { role: "enterprise", region: "420102", enterprise: DEMO_ENTERPRISE_ID, user: "demo-enterprise" } },
  { id: "grid", title: "网格员 · 江岸区网格 GRID-420102-01", label: "grid_member (江岸区网格 GRID-420102-01)", claims: { role: "grid_member", region: "420102", grid: DEMO_GRID_ID, user: "demo-grid" } },
  { id: "county-regulator", title: "监管人员 · 江岸区", label: "regulator, county (江岸区)", claims: { role: "regulator", region: "420102", user: "demo-county-regulator" } },
  { id: "city-regulator", title: "监管人员 · 武汉市", label: "regulator, city (武汉市)", claims: { role: "regulator", region: "420100", user: "demo-city-regulator" } },
  { id: "province-regulator", title: "监管人员 · 湖北省", label: "regulator, province (湖北省)", claims: { role: "regulator", region: "420000", user: "demo-province-regulator" } },
  { id: "industry", title: "行业主管部门 · 武汉市 制造业", label: "industry_department (武汉市 manufacturing C)", claims: { role: "industry_department", region: "420100", industry: "C", user: "demo-industry" } },
  { id: "officer", title: "审批人员 · 湖北省", label: "approval_officer (province)", claims: { role: "approval_officer", region: "420000", user: "demo-officer" } },
  { id: "officer-head", title: "审批负责人 · 湖北省", label: "approval_officer head (province)", claims: { role: "approval_officer", region: "420000", head: true, user: "demo-head" } },
  { id: "statistician", title: "统计人员 · 湖北省", label: "statistician (province)", claims: { role: "statistician", region: "420000", user: "demo-statistician" } },
  { id: "admin", title: "系统管理员 · 湖北省", label: "admin (province)", claims: { role: "admin", region: "420000", user: "demo-admin" } },
];

/** The account's scope as the banner prints it: role, region and the ids a caller needs. */
export function describeClaims(c: TokenClaims): string {
  return [
    `role=${c.role}`,
    `region=${c.region ?? "420000"}`,
    c.enterprise ? `enterprise=${c.enterprise}` : "",
    c.grid ? `grid=${c.grid}` : "",
    c.industry ? `industry=${c.industry}` : "",
    c.head ? "head=true" : "",
    c.user ? `user=${c.user}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}
