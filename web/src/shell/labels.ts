import type { Claims, Role } from "../auth/session";
import type { MenuGroup } from "../pages";

export const ROLE_LABELS: Record<Role, string> = {
  enterprise: "企业",
  grid_member: "网格员",
  regulator: "监管人员",
  industry_department: "行业主管部门",
  approval_officer: "审批人员",
  statistician: "统计人员",
  admin: "系统管理员",
};

export function roleLabel(c: Claims): string {
  return c.role === "approval_officer" && c.head ? "审批负责人" : ROLE_LABELS[c.role];
}

/** Menu groups in the order the menu shows them. */
export const MENU_GROUPS: [MenuGroup, string][] = [
  ["workspace", "工作台"],
  ["hazards", "隐患排查治理"],
  ["accidents", "事故直报"],
  ["approvals", "行政审批"],
  ["credit", "信用监管"],
  ["stats", "统计考核"],
  ["registry", "企业名录"],
  ["platform", "系统"],
  ["public", "公开服务"],
];
