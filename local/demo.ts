// The demo accounts `npm start` prints a token for (one per role); the console's local
// sign-in page lists the same accounts by id and title.
import type { TokenClaims } from "./auth.js";

export interface DemoAccount {
  id: string;
  label: string;
  /** What the console's sign-in page shows. */
  title: string;
  claims: TokenClaims;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { id: "enterprise", title: "企业安全管理员 · 武汉江岸精细化工", label: "enterprise (武汉江岸精细化工)", claims: { role: "enterprise", region: "420102", enterprise: "01JDEM0000000000000000E001", user: "demo-enterprise" } },
  { id: "grid", title: "网格员 · 江岸区网格 GRID-420102-01", label: "grid_member (江岸区网格 GRID-420102-01)", claims: { role: "grid_member", region: "420102", grid: "01JDEM0000000000000000G001", user: "demo-grid" } },
  { id: "county-regulator", title: "监管人员 · 江岸区", label: "regulator, county (江岸区)", claims: { role: "regulator", region: "420102", user: "demo-county-regulator" } },
  { id: "city-regulator", title: "监管人员 · 武汉市", label: "regulator, city (武汉市)", claims: { role: "regulator", region: "420100", user: "demo-city-regulator" } },
  { id: "province-regulator", title: "监管人员 · 湖北省", label: "regulator, province (湖北省)", claims: { role: "regulator", region: "420000", user: "demo-province-regulator" } },
  { id: "industry", title: "行业主管部门 · 武汉市 制造业", label: "industry_department (武汉市 manufacturing C)", claims: { role: "industry_department", region: "420100", industry: "C", user: "demo-industry" } },
  { id: "officer", title: "审批人员 · 湖北省", label: "approval_officer (province)", claims: { role: "approval_officer", region: "420000", user: "demo-officer" } },
  { id: "officer-head", title: "审批负责人 · 湖北省", label: "approval_officer head (province)", claims: { role: "approval_officer", region: "420000", head: true, user: "demo-head" } },
  { id: "statistician", title: "统计人员 · 湖北省", label: "statistician (province)", claims: { role: "statistician", region: "420000", user: "demo-statistician" } },
  { id: "admin", title: "系统管理员 · 湖北省", label: "admin (province)", claims: { role: "admin", region: "420000", user: "demo-admin" } },
];
