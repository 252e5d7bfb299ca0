import type { components } from "../../api/schema";
import type { Role } from "../../auth/session";
import { mayCall } from "../../api/access";
import { TAG } from "../../components/colors";

type TodoItem = components["schemas"]["TodoItem"];

export const KIND: Record<TodoItem["kind"], { label: string; color: string }> = {
  accident_forward: { label: "事故转报", color: TAG.red },
  application: { label: "审批办理", color: TAG.blue },
  hazard_review: { label: "隐患复查", color: TAG.gold },
  hazard_rectification: { label: "隐患整改", color: TAG.orange },
  hazard_filing: { label: "统计报表", color: TAG.blue },
  inspection_task: { label: "失信检查", color: TAG.grey },
  licence_expiry: { label: "许可证到期", color: TAG.green },
};

/** The console page of the record an item is about, among the pages the caller's role may open. */
export function pageOf(item: TodoItem, role: Role | undefined): string {
  const { type, id } = item.record;
  switch (type) {
    case "hazard":
      return mayCall(role, "POST /v1/hazards/{id}/supervise") ? `/supervision/hazards/${id}` : `/hazards/${id}`;
    case "accident":
      return `/accidents/${id}`;
    case "application":
      return role === "approval_officer" ? `/review/applications/${id}` : `/applications/${id}`;
    case "hazard_filing":
      return "/hazard-filings/new";
    case "licence":
      return `/public/licences?number=${encodeURIComponent(id)}`;
    case "inspection_task":
      return "/workspace/regulator";
  }
}

/** "剩 3 天" / "超期 2 天" / "今日到期", from the API's daysLeft. */
export function daysText(item: Pick<TodoItem, "daysLeft" | "overdue">): string {
  if (item.overdue) return item.daysLeft < 0 ? `已超期 ${-item.daysLeft} 天` : "已超期";
  return item.daysLeft === 0 ? "今日到期" : `剩 ${item.daysLeft} 天`;
}
