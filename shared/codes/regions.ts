// Hubei administrative divisions (GB/T 2260), shipped as data.
//
// Exports:
//   type RegionLevel, interface Region
//   HUBEI_PROVINCE_CODE, CITY_CODES, DIRECT_ADMINISTERED_CODES, REGIONS
//   regionByCode(code), regionLevel(code), parentOf(code), ancestorsOf(code),
//   isWithin(code, ancestorCode), childrenOf(code), cityOf(code), countyOf(code), isCountyLevel(code)
//
// Jurisdiction is a tree: province > city > county > township/street. Only the province,
// its 17 city-level units and the counties of the 13 prefecture-level cities are shipped;
// township codes (9 digits) are recognised structurally: they extend a known county code.
//
// The four units reporting straight to the province (仙桃, 潜江, 天门, 神农架林区) are
// county-level divisions in GB/T 2260 (hence the 4290xx codes; there is no 429000
// node), but for supervision they sit at the city level beside 武汉 and the rest. They
// have no counties: their townships hang directly beneath them, and they also do the
// county-level work (e.g. accident direct reporting), so `isCountyLevel` is true for them.
//
// Codes follow the current GB/T 2260 / MCA list (e.g. 420304 郧阳区 since 2014,
// 420882 京山市 since 2018, 421088 监利市 since 2020). NBS-only statistical codes such as
// development zones (421071) are not administrative divisions and are left out.

export type RegionLevel = "province" | "city" | "county" | "township";

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export const HUBEI_PROVINCE_CODE = "420000";

/** City-level units that report straight to the province and have no counties. */
export const DIRECT_ADMINISTERED_CODES: readonly string[] = ["429004", "429005", "429006", "429021"];

// [code, name, counties as [code, name][]]
type CityRow = readonly [string, string, readonly (readonly [string, string])[]];

const CITY_ROWS: readonly CityRow[] = [
  [
    "420100",
    "武汉市",
    [
      ["420102", "江岸区"],
      ["420103", "江汉区"],
      ["420104", "硚口区"],
      ["420105", "汉阳区"],
      ["420106", "武昌区"],
      ["420107", "青山区"],
      ["420111", "洪山区"],
      ["420112", "东西湖区"],
      ["420113", "汉南区"],
      ["420114", "蔡甸区"],
      ["420115", "江夏区"],
      ["420116", "黄陂区"],
      ["420117", "新洲区"],
    ],
  ],
  [
    "420200",
    "黄石市",
    [
      ["420202", "黄石港区"],
      ["420203", "西塞山区"],
      ["420204", "下陆区"],
      ["420205", "铁山区"],
      ["420222", "阳新县"],
      ["420281", "大冶市"],
    ],
  ],
  [
    "420300",
    "十堰市",
    [
      ["420302", "茅箭区"],
      ["420303", "张湾区"],
      ["420304", "郧阳区"],
      ["420322", "郧西县"],
      ["420323", "竹山县"],
      ["420324", "竹溪县"],
      ["420325", "房县"],
      ["420381", "丹江口市"],
    ],
  ],
  [
    "420500",
    "宜昌市",
    [
      ["420502", "西陵区"],
      ["420503", "伍家岗区"],
      ["420504", "点军区"],
      ["420505", "猇亭区"],
      ["420506", "夷陵区"],
      ["420525", "远安县"],
      ["420526", "兴山县"],
      ["420527", "秭归县"],
      ["420528", "长阳土家族自治县"],
      ["420529", "五峰土家族自治县"],
      ["420581", "宜都市"],
      ["420582", "当阳市"],
      ["420583", "枝江市"],
    ],
  ],
  [
    "420600",
    "襄阳市",
    [
      ["420602", "襄城区"],
      ["420606", "樊城区"],
      ["420607", "襄州区"],
      ["420624", "南漳县"],
      ["420625", "谷城县"],
      ["420626", "保康县"],
      ["420682", "老河口市"],
      ["420683", "枣阳市"],
      ["420684", "宜城市"],
    ],
  ],
  [
    "420700",
    "鄂州市",
    [
      ["420702", "梁子湖区"],
      ["420703", "华容区"],
      ["420704", "鄂城区"],
    ],
  ],
  [
    "420800",
    "荆门市",
    [
      ["420802", "东宝区"],
      ["420804", "掇刀区"],
      ["420822", "沙洋县"],
      ["420881", "钟祥市"],
      ["420882", "京山市"],
    ],
  ],
  [
    "420900",
    "孝感市",
    [
      ["420902", "孝南区"],
      ["420921", "孝昌县"],
      ["420922", "大悟县"],
      ["420923", "云梦县"],
      ["420981", "应城市"],
      ["420982", "安陆市"],
      ["420984", "汉川市"],
    ],
  ],
  [
    "421000",
    "荆州市",
    [
      ["421002", "沙市区"],
      ["421003", "荆州区"],
      ["421022", "公安县"],
      ["421024", "江陵县"],
      ["421081", "石首市"],
      ["421083", "洪湖市"],
      ["421087", "松滋市"],
      ["421088", "监利市"],
    ],
  ],
  [
    "421100",
    "黄冈市",
    [
      ["421102", "黄州区"],
      ["421121", "团风县"],
      ["421122", "红安县"],
      ["421123", "罗田县"],
      ["421124", "英山县"],
      ["421125", "浠水县"],
      ["421126", "蕲春县"],
      ["421127", "黄梅县"],
      ["421181", "麻城市"],
      ["421182", "武穴市"],
    ],
  ],
  [
    "421200",
    "咸宁市",
    [
      ["421202", "咸安区"],
      ["421221", "嘉鱼县"],
      ["421222", "通城县"],
      ["421223", "崇阳县"],
      ["421224", "通山县"],
      ["421281", "赤壁市"],
    ],
  ],
  [
    "421300",
    "随州市",
    [
      ["421303", "曾都区"],
      ["421321", "随县"],
      ["421381", "广水市"],
    ],
  ],
  [
    "422800",
    "恩施土家族苗族自治州",
    [
      ["422801", "恩施市"],
      ["422802", "利川市"],
      ["422822", "建始县"],
      ["422823", "巴东县"],
      ["422825", "宣恩县"],
      ["422826", "咸丰县"],
      ["422827", "来凤县"],
      ["422828", "鹤峰县"],
    ],
  ],
  ["429004", "仙桃市", []],
  ["429005", "潜江市", []],
  ["429006", "天门市", []],
  ["429021", "神农架林区", []],
];

export const REGIONS: readonly Region[] = Object.freeze([
  { code: HUBEI_PROVINCE_CODE, name: "湖北省", level: "province", parentCode: null },
  ...CITY_ROWS.map(([code, name]): Region => ({ code, name, level: "city", parentCode: HUBEI_PROVINCE_CODE })),
  ...CITY_ROWS.flatMap(([cityCode, , counties]) =>
    counties.map(([code, name]): Region => ({ code, name, level: "county", parentCode: cityCode })),
  ),
]);

const BY_CODE: ReadonlyMap<string, Region> = new Map(REGIONS.map((r) => [r.code, r]));

const CHILDREN: ReadonlyMap<string, readonly Region[]> = (() => {
  const m = new Map<string, Region[]>(REGIONS.map((r) => [r.code, []]));
  for (const r of REGIONS) if (r.parentCode !== null) m.get(r.parentCode)?.push(r);
  return m;
})();

const ANCESTORS: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, readonly string[]>();
  // REGIONS is ordered parents-first, so each parent's chain already exists.
  for (const r of REGIONS) {
    m.set(r.code, r.parentCode === null ? [] : [r.parentCode, ...(m.get(r.parentCode) ?? [])]);
  }
  return m;
})();

const DIRECT = new Set(DIRECT_ADMINISTERED_CODES);

/** Township codes hang below counties, and directly below the four 直管 units. */
function hostsTownships(r: Region | undefined): boolean {
  return r !== undefined && (r.level === "county" || DIRECT.has(r.code));
}

const TOWNSHIP_RE = /^\d{9}$/;

/** The host (county or 直管 unit) of a well-formed 9-digit township code, else undefined. */
function townshipHost(code: string): string | undefined {
  if (!TOWNSHIP_RE.test(code) || code.endsWith("000")) return undefined;
  const host = code.slice(0, 6);
  return hostsTownships(BY_CODE.get(host)) ? host : undefined;
}

/** A shipped region (province, city or county). Townships are not shipped. */
export function regionByCode(code: string): Region | undefined {
  return BY_CODE.get(code);
}

/** Level of a known code; "township" for a 9-digit extension of a known county; else undefined. */
export function regionLevel(code: string): RegionLevel | undefined {
  const r = BY_CODE.get(code);
  if (r !== undefined) return r.level;
  return townshipHost(code) !== undefined ? "township" : undefined;
}

/** Parent code; undefined for the province itself and for unknown codes. */
export function parentOf(code: string): string | undefined {
  const r = BY_CODE.get(code);
  if (r !== undefined) return r.parentCode ?? undefined;
  return townshipHost(code);
}

/** Ancestors nearest first, ending at 420000; [] for the province and for unknown codes. */
export function ancestorsOf(code: string): string[] {
  const known = ANCESTORS.get(code);
  if (known !== undefined) return [...known];
  const host = townshipHost(code);
  return host === undefined ? [] : [host, ...(ANCESTORS.get(host) ?? [])];
}

/** True when `code` is `ancestorCode` or lies below it. Unknown codes are within nothing. */
export function isWithin(code: string, ancestorCode: string): boolean {
  if (code === ancestorCode) return regionLevel(code) !== undefined;
  const known = ANCESTORS.get(code);
  if (known !== undefined) return known.includes(ancestorCode);
  const host = townshipHost(code);
  return host !== undefined && (host === ancestorCode || (ANCESTORS.get(host)?.includes(ancestorCode) ?? false));
}

/** Hubei's 17 city-level units (市州、直管市、林区), in code order. */
export const CITY_CODES = (): string[] => childrenOf(HUBEI_PROVINCE_CODE).map((c) => c.code);

/** Shipped children (cities of the province, counties of a city); [] otherwise. */
export function childrenOf(code: string): Region[] {
  return [...(CHILDREN.get(code) ?? [])];
}

/** The city-level unit a city, county or township belongs to; undefined for 420000 and unknowns. */
export function cityOf(code: string): string | undefined {
  const level = regionLevel(code);
  if (level === "city") return code;
  if (level === "county") return parentOf(code);
  if (level === "township") {
    const host = townshipHost(code);
    return host === undefined ? undefined : cityOf(host);
  }
  return undefined;
}

/** The county-level code of a county or township code (its first six digits). */
export function countyOf(code: string): string {
  return code.slice(0, 6);
}

/** Counties, plus the four 直管 units, which are county-level divisions doing county work. */
export function isCountyLevel(code: string): boolean {
  return hostsTownships(BY_CODE.get(code));
}
