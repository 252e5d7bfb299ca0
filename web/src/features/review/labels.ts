export const APP_STATE: Record<string, string> = {
  draft: "草稿",
  submitted: "待受理",
  missing_materials: "待补正",
  declined: "不予受理",
  under_review: "审查中",
  paused: "暂停计时",
  reviewed: "审查通过",
  approved: "准予许可",
  refused: "不予许可",
  issued: "已发证",
};

/** Officer actions, in the order a file moves through them. */
export const ACTIONS: [string, string][] = [
  ["submit", "提交申请"],
  ["accept", "受理"],
  ["notify-missing", "一次告知补正"],
  ["decline", "不予受理"],
  ["review-pass", "审查通过"],
  ["pause", "暂停计时"],
  ["resume", "恢复计时"],
  ["extend", "延期十个工作日"],
  ["approve", "准予许可"],
  ["refuse", "不予许可"],
  ["issue", "发证"],
];

/** Actions that need a written reason (the API says so too; the form asks before sending). */
export const REASON_REQUIRED = new Set(["decline", "pause", "extend", "approve", "refuse"]);
