import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DIRECT_ADMINISTERED_CODES,
  HUBEI_PROVINCE_CODE,
  REGIONS,
  ancestorsOf,
  childrenOf,
  cityOf,
  isCountyLevel,
  isWithin,
  parentOf,
  regionByCode,
  regionLevel,
} from "./regions.js";

const cities = REGIONS.filter((r) => r.level === "city");
const counties = REGIONS.filter((r) => r.level === "county");

describe("GB/T 2260 Hubei data", () => {
  it("GB/T 2260: Hubei 420000 has exactly 17 city-level units", () => {
    expect(cities).toHaveLength(17);
    expect(regionByCode(HUBEI_PROVINCE_CODE)).toEqual({
      code: "420000",
      name: "湖北省",
      level: "province",
      parentCode: null,
    });
    expect(childrenOf("420000").map((r) => r.code)).toEqual(cities.map((r) => r.code));
  });

  it("GB/T 2260: the 17 city-level units are Hubei's 17 (no 420400, no 429000)", () => {
    expect(Object.fromEntries(cities.map((c) => [c.code, c.name]))).toEqual({
      "420100": "武汉市",
      "420200": "黄石市",
      "420300": "十堰市",
      "420500": "宜昌市",
      "420600": "襄阳市",
      "420700": "鄂州市",
      "420800": "荆门市",
      "420900": "孝感市",
      "421000": "荆州市",
      "421100": "黄冈市",
      "421200": "咸宁市",
      "421300": "随州市",
      "422800": "恩施土家族苗族自治州",
      "429004": "仙桃市",
      "429005": "潜江市",
      "429006": "天门市",
      "429021": "神农架林区",
    });
  });

  it("GB/T 2260: there is no 420400 and no 429000", () => {
    for (const code of ["420400", "429000"]) {
      expect(regionByCode(code)).toBeUndefined();
      expect(regionLevel(code)).toBeUndefined();
      expect(isWithin(code, "420000")).toBe(false);
    }
  });

  it("GB/T 2260: codes are unique six-digit strings", () => {
    const codes = REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^42\d{4}$/);
  });

  it("GB/T 2260: every county's parent is a prefecture-level city and shares its first 4 digits", () => {
    for (const county of counties) {
      const parent = regionByCode(county.parentCode ?? "");
      expect(parent?.level, county.code).toBe("city");
      expect(DIRECT_ADMINISTERED_CODES).not.toContain(parent?.code);
      expect(county.code.slice(0, 4)).toBe(county.parentCode?.slice(0, 4));
      expect(county.code.endsWith("00")).toBe(false);
    }
  });

  it("GB/T 2260: county counts per city (99 counties under the 13 prefecture-level cities)", () => {
    const expected: Record<string, number> = {
      "420100": 13,
      "420200": 6,
      "420300": 8,
      "420500": 13,
      "420600": 9,
      "420700": 3,
      "420800": 5,
      "420900": 7,
      "421000": 8,
      "421100": 10,
      "421200": 6,
      "421300": 3,
      "422800": 8,
      "429004": 0,
      "429005": 0,
      "429006": 0,
      "429021": 0,
    };
    for (const [city, n] of Object.entries(expected)) expect(childrenOf(city), city).toHaveLength(n);
    expect(counties).toHaveLength(99);
  });

  it.each([
    ["420102", "江岸区", "420100"],
    ["420304", "郧阳区", "420300"],
    ["420882", "京山市", "420800"],
    ["421088", "监利市", "421000"],
    ["420607", "襄州区", "420600"],
    ["421321", "随县", "421300"],
    ["422801", "恩施市", "422800"],
  ])("GB/T 2260: %s %s lies under %s", (code, name, city) => {
    expect(regionByCode(code)).toEqual({ code, name, level: "county", parentCode: city });
  });

  it("GB/T 2260: abolished codes are absent (421023 监利县, 420821 京山县, 420321 郧县)", () => {
    for (const code of ["421023", "420821", "420321"]) expect(regionByCode(code)).toBeUndefined();
  });
});

describe("GB/T 2260 jurisdiction tree", () => {
  it("GB/T 2260: 429004 仙桃市 is city level and reports straight to 420000", () => {
    expect(regionLevel("429004")).toBe("city");
    expect(parentOf("429004")).toBe("420000");
    expect(ancestorsOf("429004")).toEqual(["420000"]);
    expect(cityOf("429004")).toBe("429004");
    expect(childrenOf("429004")).toEqual([]);
  });

  it("GB/T 2260: 420304 郧阳区 is under 420300 十堰市", () => {
    expect(regionLevel("420304")).toBe("county");
    expect(parentOf("420304")).toBe("420300");
    expect(ancestorsOf("420304")).toEqual(["420300", "420000"]);
    expect(isWithin("420304", "420300")).toBe(true);
    expect(isWithin("420304", "420000")).toBe(true);
    expect(isWithin("420304", "420100")).toBe(false);
    expect(cityOf("420304")).toBe("420300");
  });

  it("GB/T 2260: township 420304001 is within 420300 and 420000 but not 420100", () => {
    const t = "420304001";
    expect(regionLevel(t)).toBe("township");
    expect(parentOf(t)).toBe("420304");
    expect(ancestorsOf(t)).toEqual(["420304", "420300", "420000"]);
    expect(isWithin(t, "420304")).toBe(true);
    expect(isWithin(t, "420300")).toBe(true);
    expect(isWithin(t, "420000")).toBe(true);
    expect(isWithin(t, "420100")).toBe(false);
    expect(isWithin(t, t)).toBe(true);
    expect(cityOf(t)).toBe("420300");
  });

  it("GB/T 2260: townships of 直管 units hang directly beneath them (429004001)", () => {
    expect(regionLevel("429004001")).toBe("township");
    expect(ancestorsOf("429004001")).toEqual(["429004", "420000"]);
    expect(cityOf("429004001")).toBe("429004");
    expect(isWithin("429004001", "429005")).toBe(false);
  });

  it("GB/T 2260: township codes must extend a known county (not a prefecture city, not 000)", () => {
    expect(regionLevel("420100001")).toBeUndefined(); // 武汉 itself has counties, not townships
    expect(regionLevel("420399001")).toBeUndefined();
    expect(regionLevel("420304000")).toBeUndefined();
    expect(regionLevel("42030400")).toBeUndefined();
    expect(regionLevel("42030400a")).toBeUndefined();
    expect(isWithin("420399001", "420000")).toBe(false);
    expect(ancestorsOf("420399001")).toEqual([]);
    expect(parentOf("420399001")).toBeUndefined();
    expect(cityOf("420399001")).toBeUndefined();
  });

  it("GB/T 2260: province has no parent and no city", () => {
    expect(parentOf("420000")).toBeUndefined();
    expect(ancestorsOf("420000")).toEqual([]);
    expect(cityOf("420000")).toBeUndefined();
    expect(isWithin("420000", "420000")).toBe(true);
    expect(isWithin("420000", "420100")).toBe(false);
  });

  it("GB/T 2260: unknown codes are within nothing, not even themselves", () => {
    expect(isWithin("110000", "110000")).toBe(false);
    expect(isWithin("110101", "420000")).toBe(false);
    expect(regionLevel("")).toBeUndefined();
  });

  it("GB/T 2260: county level means counties plus the four 直管 units", () => {
    expect(isCountyLevel("420102")).toBe(true);
    for (const c of DIRECT_ADMINISTERED_CODES) expect(isCountyLevel(c)).toBe(true);
    expect(isCountyLevel("420100")).toBe(false);
    expect(isCountyLevel("420000")).toBe(false);
    expect(isCountyLevel("420304001")).toBe(false);
    expect(isCountyLevel("420400")).toBe(false);
  });

  it("GB/T 2260: childrenOf returns copies", () => {
    childrenOf("420100").pop();
    expect(childrenOf("420100")).toHaveLength(13);
  });

  it("GB/T 2260 property: any township of any county lies within exactly its own city", () => {
    const hosts = REGIONS.filter((r) => isCountyLevel(r.code));
    fc.assert(
      fc.property(fc.constantFrom(...hosts), fc.integer({ min: 1, max: 999 }), (host, n) => {
        const t = host.code + String(n).padStart(3, "0");
        const city = host.level === "city" ? host.code : host.parentCode;
        expect(regionLevel(t)).toBe("township");
        expect(cityOf(t)).toBe(city);
        expect(isWithin(t, "420000")).toBe(true);
        for (const other of cities) expect(isWithin(t, other.code)).toBe(other.code === city);
        expect(ancestorsOf(t).at(-1)).toBe("420000");
      }),
    );
  });
});
