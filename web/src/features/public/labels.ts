import { TAG } from "../../components/colors";

export const STAGE_LABELS: Record<string, string> = { acceptance: "受理", review: "审查", decision: "决定", delivery: "送达" };
export const ISSUER_LABELS: Record<string, string> = { province: "省级", province_delegable: "省级（可委托市级）", city_county: "市、县级" };
export const LEVEL_LABELS: Record<string, string> = { province: "省级", city: "市级", county: "县级" };
export const LICENCE_STATUS: Record<string, { label: string; color: string }> = {
  valid: { label: "有效", color: TAG.green },
  suspended: { label: "暂扣", color: TAG.orange },
  revoked: { label: "吊销", color: TAG.red },
  expired: { label: "已过期", color: TAG.grey },
  cancelled: { label: "注销", color: TAG.grey },
};
