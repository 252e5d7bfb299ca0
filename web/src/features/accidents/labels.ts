import { TAG } from "../../components/colors";

export const GRADE: Record<string, { label: string; color: string }> = {
  general: { label: "一般事故", color: TAG.gold },
  larger: { label: "较大事故", color: TAG.orange },
  major: { label: "重大事故", color: TAG.red },
  especially_major: { label: "特别重大事故", color: TAG.red },
};
/** Short level names, for "待县级转报市级". */
export const LEVEL: Record<string, string> = { county: "县级", city: "市级", province: "省级", national: "国家" };
/** The receiving department of each level of the chain. */
export const CHAIN_LEVEL: Record<string, string> = { county: "县级应急管理部门", city: "市级应急管理部门", province: "省应急管理厅", national: "应急管理部" };
export const BASIS: Record<string, string> = { deaths: "死亡人数", seriousInjuries: "重伤人数", directLoss: "直接经济损失" };
