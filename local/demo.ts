// The demo accounts `npm start` prints a token for (one per role), by the name
// `npm run token -- --demo <name>` takes. Their ids are the seeded demo records'.
import { DEMO_GRID_ENTERPRISE as DEMO_ENTERPRISE_ID, DEMO_GRID_ID } from "../functions/hazards/seed.js";
import type { TokenClaims } from "./auth.js";

export interface DemoAccount {
  name: string;
  label: string;
  claims: TokenClaims;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { name: "enterprise", label: "企业 武汉江岸精细化工", claims: { role: "enterprise", region: "420102", enterprise: DEMO_ENTERPRISE_ID, user: "demo-enterprise" } },
  { name: "grid", label: "网格员 江岸区网格 GRID-420102-01", claims: { role: "grid_member", region: "420102", grid: DEMO_GRID_ID, user: "demo-grid" } },
  { name: "county", label: "县级监管 江岸区", claims: { role: "regulator", region: "420102", user: "demo-county-regulator" } },
  { name: "city", label: "市级监管 武汉市", claims: { role: "regulator", region: "420100", user: "demo-city-regulator" } },
  { name: "province", label: "省级监管 湖北省", claims: { role: "regulator", region: "420000", user: "demo-province-regulator" } },
  { name: "industry", label: "行业部门 武汉市 制造业（C）", claims: { role: "industry_department", region: "420100", industry: "C", user: "demo-industry" } },
  { name: "officer", label: "审批人员 省级", claims: { role: "approval_officer", region: "420000", user: "demo-officer" } },
  { name: "head", label: "审批负责人 省级", claims: { role: "approval_officer", region: "420000", head: true, user: "demo-head" } },
  { name: "statistician", label: "统计人员 省级", claims: { role: "statistician", region: "420000", user: "demo-statistician" } },
  { name: "admin", label: "管理员 省级", claims: { role: "admin", region: "420000", user: "demo-admin" } },
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
