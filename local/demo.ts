// The demo accounts `npm start` prints a token for (one per role).
import type { TokenClaims } from "./auth.js";

export const DEMO_ACCOUNTS: { label: string; claims: TokenClaims }[] = [
  { label: "enterprise (武汉江岸精细化工)", claims: { role: "enterprise", region: "420102", enterprise: "01JDEM0000000000000000E001", user: "demo-enterprise" } },
  { label: "grid_member (江岸区网格 GRID-420102-01)", claims: { role: "grid_member", region: "420102", grid: "01JDEM0000000000000000G001", user: "demo-grid" } },
  { label: "regulator, county (江岸区)", claims: { role: "regulator", region: "420102", user: "demo-county-regulator" } },
  { label: "regulator, city (武汉市)", claims: { role: "regulator", region: "420100", user: "demo-city-regulator" } },
  { label: "regulator, province (湖北省)", claims: { role: "regulator", region: "420000", user: "demo-province-regulator" } },
  { label: "industry_department (武汉市 manufacturing C)", claims: { role: "industry_department", region: "420100", industry: "C", user: "demo-industry" } },
  { label: "approval_officer (province)", claims: { role: "approval_officer", region: "420000", user: "demo-officer" } },
  { label: "approval_officer head (province)", claims: { role: "approval_officer", region: "420000", head: true, user: "demo-head" } },
  { label: "statistician (province)", claims: { role: "statistician", region: "420000", user: "demo-statistician" } },
  { label: "admin (province)", claims: { role: "admin", region: "420000", user: "demo-admin" } },
];
