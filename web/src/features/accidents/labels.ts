export const GRADE: Record<string, string> = { general: "一般事故", larger: "较大事故", major: "重大事故", especially_major: "特别重大事故" };
export const LEVEL: Record<string, string> = { county: "县级", city: "市级", province: "省级", national: "国家" };
