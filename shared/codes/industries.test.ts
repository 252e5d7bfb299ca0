import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  INDUSTRY_DIVISIONS,
  INDUSTRY_SECTIONS,
  divisionOfClass,
  industryMatches,
  industryName,
  isIndustryCode,
  sectionOf,
} from "./industries.js";

const twoDigits = (n: number) => String(n).padStart(2, "0");

describe("GB/T 4754-2017 data", () => {
  it("GB/T 4754-2017: 20 sections A–T in order", () => {
    expect(INDUSTRY_SECTIONS.map((x) => x.code).join("")).toBe("ABCDEFGHIJKLMNOPQRST");
  });

  it("GB/T 4754-2017: 97 divisions 01–97, contiguous and unique", () => {
    expect(INDUSTRY_DIVISIONS.map((d) => d.code)).toEqual(Array.from({ length: 97 }, (_, i) => twoDigits(i + 1)));
    expect(new Set(INDUSTRY_DIVISIONS.map((d) => d.name)).size).toBe(97);
  });

  it("GB/T 4754-2017: section ranges tile 01–97 without gaps", () => {
    let next = 1;
    for (const sec of INDUSTRY_SECTIONS) {
      expect(sec.firstDivision, sec.code).toBe(twoDigits(next));
      next = Number(sec.lastDivision) + 1;
    }
    expect(next).toBe(98);
  });

  it.each([
    ["A", "01", "05", "农、林、牧、渔业"],
    ["B", "06", "12", "采矿业"],
    ["C", "13", "43", "制造业"],
    ["D", "44", "46", "电力、热力、燃气及水生产和供应业"],
    ["E", "47", "50", "建筑业"],
    ["F", "51", "52", "批发和零售业"],
    ["G", "53", "60", "交通运输、仓储和邮政业"],
    ["H", "61", "62", "住宿和餐饮业"],
    ["I", "63", "65", "信息传输、软件和信息技术服务业"],
    ["J", "66", "69", "金融业"],
    ["K", "70", "70", "房地产业"],
    ["L", "71", "72", "租赁和商务服务业"],
    ["M", "73", "75", "科学研究和技术服务业"],
    ["N", "76", "79", "水利、环境和公共设施管理业"],
    ["O", "80", "82", "居民服务、修理和其他服务业"],
    ["P", "83", "83", "教育"],
    ["Q", "84", "85", "卫生和社会工作"],
    ["R", "86", "90", "文化、体育和娱乐业"],
    ["S", "91", "96", "公共管理、社会保障和社会组织"],
    ["T", "97", "97", "国际组织"],
  ])("GB/T 4754-2017: section %s spans %s–%s (%s)", (code, first, last, name) => {
    expect(industryName(code)).toBe(name);
    expect(sectionOf(first)).toBe(code);
    expect(sectionOf(last)).toBe(code);
    const before = twoDigits(Number(first) - 1);
    const after = twoDigits(Number(last) + 1);
    if (isIndustryCode(before)) expect(sectionOf(before)).not.toBe(code);
    if (isIndustryCode(after)) expect(sectionOf(after)).not.toBe(code);
  });

  it.each([
    ["06", "煤炭开采和洗选业"],
    ["11", "开采专业及辅助性活动"],
    ["25", "石油、煤炭及其他燃料加工业"],
    ["26", "化学原料和化学制品制造业"],
    ["47", "房屋建筑业"],
    ["54", "道路运输业"],
    ["58", "多式联运和运输代理业"],
    ["96", "基层群众自治组织及其他组织"],
  ])("GB/T 4754-2017: division %s is %s", (code, name) => {
    expect(industryName(code)).toBe(name);
  });
});

describe("GB/T 4754-2017 lookups", () => {
  it("GB/T 4754-2017: section letters and two-digit divisions are codes; others are not", () => {
    for (const ok of ["A", "C", "T", "01", "26", "97"]) expect(isIndustryCode(ok), ok).toBe(true);
    for (const bad of ["U", "c", "00", "98", "6", "260", "C26", ""]) expect(isIndustryCode(bad), bad).toBe(false);
    expect(sectionOf("98")).toBeUndefined();
    expect(industryName("U")).toBeUndefined();
  });

  it("GB/T 4754-2017: division 26 is in section C; a section is its own section", () => {
    expect(sectionOf("26")).toBe("C");
    expect(sectionOf("C")).toBe("C");
  });

  it("GB/T 4754-2017: industryMatches by equality or section membership", () => {
    expect(industryMatches("26", "C")).toBe(true);
    expect(industryMatches("26", "26")).toBe(true);
    expect(industryMatches("C", "C")).toBe(true);
    expect(industryMatches("26", "B")).toBe(false);
    expect(industryMatches("26", "27")).toBe(false);
    expect(industryMatches("C", "26")).toBe(false); // a section is not inside a division
    expect(industryMatches("99", "99")).toBe(false);
    expect(industryMatches("06", "B")).toBe(true);
    expect(industryMatches("12", "B")).toBe(true);
    expect(industryMatches("13", "B")).toBe(false);
  });

  it("GB/T 4754-2017 property: every division matches exactly one section filter", () => {
    fc.assert(
      fc.property(fc.constantFrom(...INDUSTRY_DIVISIONS), (d) => {
        const matching = INDUSTRY_SECTIONS.filter((sec) => industryMatches(d.code, sec.code));
        expect(matching.map((x) => x.code)).toEqual([d.section]);
        expect(sectionOf(d.code)).toBe(d.section);
      }),
    );
  });
});

describe("divisionOfClass (GB/T 4754-2017 codes as printed on business licences)", () => {
  it.each([
    ["2614", "26"], // 有机化学原料制造 → 化学原料和化学制品制造业
    ["261", "26"],
    ["0610", "06"],
    ["26", "26"],
    ["C", "C"],
    ["9800", "9800"], // no division 98
    ["26145", "26145"],
    ["26a", "26a"],
  ])("%s → %s", (code, division) => {
    expect(divisionOfClass(code)).toBe(division);
  });
});
