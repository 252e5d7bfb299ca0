// Accident types by cause (GB 6441-86 企业职工伤亡事故分类), codes 01–20.
//
// Exports: ACCIDENT_TYPES, type AccidentTypeCode, isAccidentType(code), accidentTypeName(code)

export const ACCIDENT_TYPES = Object.freeze([
  { code: "01", name: "物体打击" },
  { code: "02", name: "车辆伤害" },
  { code: "03", name: "机械伤害" },
  { code: "04", name: "起重伤害" },
  { code: "05", name: "触电" },
  { code: "06", name: "淹溺" },
  { code: "07", name: "灼烫" },
  { code: "08", name: "火灾" },
  { code: "09", name: "高处坠落" },
  { code: "10", name: "坍塌" },
  { code: "11", name: "冒顶片帮" },
  { code: "12", name: "透水" },
  { code: "13", name: "放炮" },
  { code: "14", name: "火药爆炸" },
  { code: "15", name: "瓦斯爆炸" },
  { code: "16", name: "锅炉爆炸" },
  { code: "17", name: "容器爆炸" },
  { code: "18", name: "其他爆炸" },
  { code: "19", name: "中毒和窒息" },
  { code: "20", name: "其他伤害" },
] as const);

export type AccidentTypeCode = (typeof ACCIDENT_TYPES)[number]["code"];

const NAME_BY_CODE: ReadonlyMap<string, string> = new Map(ACCIDENT_TYPES.map((t) => [t.code, t.name]));

export function isAccidentType(code: string): code is AccidentTypeCode {
  return NAME_BY_CODE.has(code);
}

export function accidentTypeName(code: string): string | undefined {
  return NAME_BY_CODE.get(code);
}
