// National economic industry classification, GB/T 4754-2017: 20 sections (门类 A–T) and
// 97 divisions (大类 01–97). Accident statistics and enterprise registration classify by it.
//
// Exports:
//   type IndustrySectionCode, interface IndustrySection, interface IndustryDivision
//   INDUSTRY_SECTIONS, INDUSTRY_DIVISIONS
//   isIndustryCode(code), divisionOfClass(code), sectionOf(code), industryName(code), industryMatches(code, filter)
//
// Each section's division range is stated once (in INDUSTRY_SECTIONS); a division's section
// is derived from those ranges rather than repeated.

export type IndustrySectionCode =
  | "A" | "B" | "C" | "D" | "E" | "F" | "G" | "H" | "I" | "J"
  | "K" | "L" | "M" | "N" | "O" | "P" | "Q" | "R" | "S" | "T";

export interface IndustrySection {
  code: IndustrySectionCode;
  name: string;
  /** First and last division codes, inclusive. */
  firstDivision: string;
  lastDivision: string;
}

export interface IndustryDivision {
  code: string;
  name: string;
  section: IndustrySectionCode;
}

const s = (code: IndustrySectionCode, name: string, first: number, last: number): IndustrySection => ({
  code,
  name,
  firstDivision: String(first).padStart(2, "0"),
  lastDivision: String(last).padStart(2, "0"),
});

export const INDUSTRY_SECTIONS: readonly IndustrySection[] = Object.freeze([
  s("A", "农、林、牧、渔业", 1, 5),
  s("B", "采矿业", 6, 12),
  s("C", "制造业", 13, 43),
  s("D", "电力、热力、燃气及水生产和供应业", 44, 46),
  s("E", "建筑业", 47, 50),
  s("F", "批发和零售业", 51, 52),
  s("G", "交通运输、仓储和邮政业", 53, 60),
  s("H", "住宿和餐饮业", 61, 62),
  s("I", "信息传输、软件和信息技术服务业", 63, 65),
  s("J", "金融业", 66, 69),
  s("K", "房地产业", 70, 70),
  s("L", "租赁和商务服务业", 71, 72),
  s("M", "科学研究和技术服务业", 73, 75),
  s("N", "水利、环境和公共设施管理业", 76, 79),
  s("O", "居民服务、修理和其他服务业", 80, 82),
  s("P", "教育", 83, 83),
  s("Q", "卫生和社会工作", 84, 85),
  s("R", "文化、体育和娱乐业", 86, 90),
  s("S", "公共管理、社会保障和社会组织", 91, 96),
  s("T", "国际组织", 97, 97),
]);

// Index = division number - 1.
const DIVISION_NAMES: readonly string[] = [
  "农业",
  "林业",
  "畜牧业",
  "渔业",
  "农、林、牧、渔专业及辅助性活动",
  "煤炭开采和洗选业",
  "石油和天然气开采业",
  "黑色金属矿采选业",
  "有色金属矿采选业",
  "非金属矿采选业",
  "开采专业及辅助性活动",
  "其他采矿业",
  "农副食品加工业",
  "食品制造业",
  "酒、饮料和精制茶制造业",
  "烟草制品业",
  "纺织业",
  "纺织服装、服饰业",
  "皮革、毛皮、羽毛及其制品和制鞋业",
  "木材加工和木、竹、藤、棕、草制品业",
  "家具制造业",
  "造纸和纸制品业",
  "印刷和记录媒介复制业",
  "文教、工美、体育和娱乐用品制造业",
  "石油、煤炭及其他燃料加工业",
  "化学原料和化学制品制造业",
  "医药制造业",
  "化学纤维制造业",
  "橡胶和塑料制品业",
  "非金属矿物制品业",
  "黑色金属冶炼和压延加工业",
  "有色金属冶炼和压延加工业",
  "金属制品业",
  "通用设备制造业",
  "专用设备制造业",
  "汽车制造业",
  "铁路、船舶、航空航天和其他运输设备制造业",
  "电气机械和器材制造业",
  "计算机、通信和其他电子设备制造业",
  "仪器仪表制造业",
  "其他制造业",
  "废弃资源综合利用业",
  "金属制品、机械和设备修理业",
  "电力、热力生产和供应业",
  "燃气生产和供应业",
  "水的生产和供应业",
  "房屋建筑业",
  "土木工程建筑业",
  "建筑安装业",
  "建筑装饰、装修和其他建筑业",
  "批发业",
  "零售业",
  "铁路运输业",
  "道路运输业",
  "水上运输业",
  "航空运输业",
  "管道运输业",
  "多式联运和运输代理业",
  "装卸搬运和仓储业",
  "邮政业",
  "住宿业",
  "餐饮业",
  "电信、广播电视和卫星传输服务",
  "互联网和相关服务",
  "软件和信息技术服务业",
  "货币金融服务",
  "资本市场服务",
  "保险业",
  "其他金融业",
  "房地产业",
  "租赁业",
  "商务服务业",
  "研究和试验发展",
  "专业技术服务业",
  "科技推广和应用服务业",
  "水利管理业",
  "生态保护和环境治理业",
  "公共设施管理业",
  "土地管理业",
  "居民服务业",
  "机动车、电子产品和日用产品修理业",
  "其他服务业",
  "教育",
  "卫生",
  "社会工作",
  "新闻和出版业",
  "广播、电视、电影和录音制作业",
  "文化艺术业",
  "体育",
  "娱乐业",
  "中国共产党机关",
  "国家机构",
  "人民政协、民主党派",
  "社会保障",
  "群众团体、社会团体和其他成员组织",
  "基层群众自治组织及其他组织",
  "国际组织",
];

export const INDUSTRY_DIVISIONS: readonly IndustryDivision[] = Object.freeze(
  INDUSTRY_SECTIONS.flatMap((sec) => {
    const out: IndustryDivision[] = [];
    for (let n = Number(sec.firstDivision); n <= Number(sec.lastDivision); n++) {
      const name = DIVISION_NAMES[n - 1];
      if (name === undefined) throw new Error(`GB/T 4754 data: no name for division ${n}`);
      out.push({ code: String(n).padStart(2, "0"), name, section: sec.code });
    }
    return out;
  }),
);

const SECTION_BY_CODE: ReadonlyMap<string, IndustrySection> = new Map(INDUSTRY_SECTIONS.map((x) => [x.code, x]));
const DIVISION_BY_CODE: ReadonlyMap<string, IndustryDivision> = new Map(INDUSTRY_DIVISIONS.map((x) => [x.code, x]));

/** A section letter ("C") or a two-digit division ("26"). Case-sensitive. */
export function isIndustryCode(code: string): boolean {
  return SECTION_BY_CODE.has(code) || DIVISION_BY_CODE.has(code);
}

/**
 * A business licence carries the 3-digit group (中类) or 4-digit class (小类) code, e.g. 2614; the
 * register and the statistics classify by division (大类), the code's first two digits. Anything
 * else is returned unchanged.
 */
export function divisionOfClass(code: string): string {
  return /^\d{3,4}$/.test(code) && DIVISION_BY_CODE.has(code.slice(0, 2)) ? code.slice(0, 2) : code;
}

/** Division → its section; section → itself; unknown → undefined. */
export function sectionOf(code: string): IndustrySectionCode | undefined {
  return SECTION_BY_CODE.get(code)?.code ?? DIVISION_BY_CODE.get(code)?.section;
}

export function industryName(code: string): string | undefined {
  return SECTION_BY_CODE.get(code)?.name ?? DIVISION_BY_CODE.get(code)?.name;
}

/** True if `code` equals `filter` or lies inside section `filter`. Unknown codes match nothing. */
export function industryMatches(code: string, filter: string): boolean {
  if (!isIndustryCode(code) || !isIndustryCode(filter)) return false;
  if (code === filter) return true;
  return SECTION_BY_CODE.has(filter) && sectionOf(code) === filter;
}
