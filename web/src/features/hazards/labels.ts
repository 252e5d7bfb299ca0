import { TAG } from "../../components/colors";

export const HAZARD_LEVEL: Record<string, { label: string; color: string }> = {
  general: { label: "一般隐患", color: TAG.gold },
  major: { label: "重大隐患", color: TAG.red },
};
export const HAZARD_STATUS: Record<string, { label: string; color: string }> = {
  reported: { label: "已上报", color: TAG.orange },
  planned: { label: "已制定方案", color: TAG.blue },
  rectifying: { label: "整改中", color: TAG.blue },
  rectified: { label: "已整改待验收", color: TAG.gold },
  review_requested: { label: "已申请核查", color: TAG.gold },
  closed: { label: "已销号", color: TAG.green },
};
export const HAZARD_SOURCE: Record<string, string> = { self_inspection: "企业自查", grid_patrol: "网格巡查", enforcement: "执法检查", public_report: "群众举报" };
/** The 16号令 art.15 analysis parts a major hazard's report carries beside the plan. */
export const ANALYSIS_PARTS = [
  { key: "currentStateAndCause", label: "隐患的现状及其产生原因" },
  { key: "harmAndDifficultyAnalysis", label: "隐患的危害程度和整改难易程度分析" },
] as const;
export const ACTION_LABELS: Record<string, string> = {
  create: "上报隐患",
  attach: "上传证据",
  plan: "提交治理方案",
  start: "开始整改",
  complete: "完成整改",
  accept: "验收销号",
  reject: "核查不通过",
  "request-review": "申请核查销号",
  "write-off": "核销",
  supervise: "挂牌督办",
};
