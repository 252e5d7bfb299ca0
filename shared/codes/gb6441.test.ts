import { describe, expect, it } from "vitest";
import { ACCIDENT_TYPES, accidentTypeName, isAccidentType } from "./gb6441.js";

describe("GB 6441-86 accident types", () => {
  it("GB 6441-86: 20 types coded 01–20 in order", () => {
    expect(ACCIDENT_TYPES.map((t) => t.code)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0")),
    );
    expect(new Set(ACCIDENT_TYPES.map((t) => t.name)).size).toBe(20);
  });

  it.each([
    ["01", "物体打击"],
    ["02", "车辆伤害"],
    ["03", "机械伤害"],
    ["04", "起重伤害"],
    ["05", "触电"],
    ["06", "淹溺"],
    ["07", "灼烫"],
    ["08", "火灾"],
    ["09", "高处坠落"],
    ["10", "坍塌"],
    ["11", "冒顶片帮"],
    ["12", "透水"],
    ["13", "放炮"],
    ["14", "火药爆炸"],
    ["15", "瓦斯爆炸"],
    ["16", "锅炉爆炸"],
    ["17", "容器爆炸"],
    ["18", "其他爆炸"],
    ["19", "中毒和窒息"],
    ["20", "其他伤害"],
  ])("GB 6441-86: %s is %s", (code, name) => {
    expect(isAccidentType(code)).toBe(true);
    expect(accidentTypeName(code)).toBe(name);
  });

  it.each(["00", "21", "1", "001", "ten", ""])("GB 6441-86: %j is not an accident type", (code) => {
    expect(isAccidentType(code)).toBe(false);
    expect(accidentTypeName(code)).toBeUndefined();
  });
});
