export const HAZARD_STATUS: Record<string, string> = {
  reported: "已上报",
  planned: "已定方案",
  rectifying: "整改中",
  rectified: "已整改",
  review_requested: "待复查",
  closed: "已销号",
};
export const HAZARD_LEVEL: Record<string, string> = { general: "一般隐患", major: "重大隐患" };
