import { TAG } from "../../components/colors";

export const APPLICATION_STATE: Record<string, { label: string; color: string }> = {
  draft: { label: "草稿（未提交）", color: TAG.grey },
  submitted: { label: "已提交待受理", color: TAG.blue },
  missing_materials: { label: "待补正材料", color: TAG.orange },
  declined: { label: "不予受理", color: TAG.red },
  under_review: { label: "审查中", color: TAG.blue },
  paused: { label: "中止计时", color: TAG.gold },
  reviewed: { label: "审查通过待决定", color: TAG.blue },
  approved: { label: "准予许可", color: TAG.green },
  refused: { label: "不予许可", color: TAG.red },
  issued: { label: "已发证", color: TAG.green },
};
export const STEP_ACTION: Record<string, string> = {
  submit: "提交申请",
  accept: "受理",
  "notify-missing": "一次性告知补正",
  decline: "不予受理",
  "deem-accept": "逾期视为受理",
  "review-pass": "审查通过",
  pause: "中止计时",
  resume: "恢复计时",
  extend: "延长期限",
  approve: "准予许可",
  refuse: "不予许可",
  issue: "发证",
};
