export const SCALE: Record<string, string> = { large: "大型", medium: "中型", small: "小型", micro: "微型" };
