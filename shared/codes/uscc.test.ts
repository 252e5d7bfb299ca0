import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cityOf, isWithin } from "./regions.js";
import {
  ORG_CODE_WEIGHTS,
  PROVINCE_PREFIXES,
  SAMPLE_HUBEI_USCCS,
  USCC_ALPHABET,
  USCC_REGISTRATION_DEPARTMENTS,
  USCC_WEIGHTS,
  orgCodeCheckCharacter,
  orgCodeValid,
  usccCheckCharacter,
  usccOrgCode,
  usccRegionCode,
  validateUscc,
} from "./uscc.js";

const alphabetChar = fc.constantFrom(...USCC_ALPHABET);
const chars = (n: number) => fc.array(alphabetChar, { minLength: n, maxLength: n }).map((a) => a.join(""));

/** Random first 17 characters that pass every rule before the check character. */
const validPrefix = fc
  .tuple(
    fc.constantFrom(...USCC_REGISTRATION_DEPARTMENTS),
    alphabetChar,
    fc.constantFrom(...PROVINCE_PREFIXES),
    fc.integer({ min: 0, max: 9999 }),
    chars(9),
  )
  .map(([dept, type, prov, rest, org]) => `${dept}${type}${prov}${String(rest).padStart(4, "0")}${org}`);

describe("GB 32100-2015 constants", () => {
  it("GB 32100-2015: alphabet has 31 characters and excludes I, O, Z, S, V", () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const c of "IOZSV") expect(USCC_ALPHABET).not.toContain(c);
  });

  it("GB 32100-2015: weights are 3^(i-1) mod 31 = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it("GB 11714: organisation code weights are 3 7 9 10 5 8 4 2", () => {
    expect(ORG_CODE_WEIGHTS).toEqual([3, 7, 9, 10, 5, 8, 4, 2]);
  });
});

describe("GB 32100-2015 validateUscc", () => {
  it.each(["91350100M000100Y43", "91512081MA62K0260E"])("GB 32100-2015: %s is valid", (code) => {
    expect(validateUscc(code)).toEqual({ ok: true });
  });

  it("GB 32100-2015: the standard's printed example ...Y4Z is invalid; expected check character 3", () => {
    expect(validateUscc("91350100M000100Y4Z")).toEqual({
      ok: false,
      reason: "check_character",
      expected: "3",
      message: { zh: "校验码错误，应为 3", en: "check character is wrong; expected 3" },
    });
  });

  it("GB 32100-2015: a wrong but in-alphabet check character names the expected one", () => {
    const r = validateUscc("91512081MA62K0260F");
    expect(r).toMatchObject({ ok: false, reason: "check_character", expected: "E" });
    if (!r.ok) {
      expect(r.message.zh).toContain("E");
      expect(r.message.en).toContain("expected E");
    }
  });

  it.each(["", "91512081MA62K0260", "91512081MA62K0260EE", " 91512081MA62K0260E"])(
    "GB 32100-2015: 18 characters required (%j)",
    (code) => {
      expect(validateUscc(code)).toMatchObject({ ok: false, reason: "length" });
    },
  );

  it.each(["I", "O", "Z", "S", "V"])("GB 32100-2015: letter %s is not in the alphabet", (letter) => {
    // put it in the organisation code body (position 10)
    const code = `91512081M${letter}62K0260E`;
    const r = validateUscc(code);
    expect(r).toMatchObject({ ok: false, reason: "alphabet" });
    if (!r.ok) expect(r.message.en).toContain("position 10");
  });

  it("GB 32100-2015: I/O/Z/S/V as the last character is a check-character error", () => {
    for (const letter of "IOZSV") {
      expect(validateUscc(`91512081MA62K0260${letter}`)).toMatchObject({ reason: "check_character", expected: "E" });
    }
  });

  it("GB 32100-2015: lower-case letters are rejected as alphabet errors, including the last", () => {
    expect(validateUscc("91512081ma62k0260E")).toMatchObject({ ok: false, reason: "alphabet" });
    expect(validateUscc("91512081MA62K0260e")).toMatchObject({ ok: false, reason: "alphabet" });
    expect(validateUscc("91512081MA62K0260-")).toMatchObject({ ok: false, reason: "check_character" });
  });

  it.each(["0", "2", "8", "A", "X"])("GB 32100-2015: registration department %s is rejected", (dept) => {
    const first17 = `${dept}1512081MA62K0260`;
    const code = first17 + usccCheckCharacter(first17);
    expect(validateUscc(code)).toMatchObject({ ok: false, reason: "registration_department" });
  });

  it.each(["1", "5", "9", "Y"])("GB 32100-2015: registration department %s is accepted", (dept) => {
    const first17 = `${dept}1420102MA4Y50JA5`;
    expect(validateUscc(first17 + usccCheckCharacter(first17))).toEqual({ ok: true });
  });

  it.each(["000000", "100000", "160000", "240000", "380000", "470000", "550000", "660000", "720000", "83000", "4201A2", "99000X"])(
    "GB/T 2260: region segment %s is rejected",
    (region) => {
      const first17 = `91${region.padEnd(6, "0")}MA62K0260`;
      const code = first17 + usccCheckCharacter(first17);
      expect(validateUscc(code)).toMatchObject({ ok: false, reason: "region" });
    },
  );

  it("GB/T 2260: every listed province prefix is accepted in positions 3-8", () => {
    for (const prov of PROVINCE_PREFIXES) {
      const first17 = `91${prov}0000MA62K0260`;
      expect(validateUscc(first17 + usccCheckCharacter(first17)), prov).toEqual({ ok: true });
    }
  });

  it("GB 32100-2015 property: appending usccCheckCharacter validates; any other last character fails", () => {
    fc.assert(
      fc.property(validPrefix, alphabetChar, (first17, other) => {
        const check = usccCheckCharacter(first17);
        expect(validateUscc(first17 + check)).toEqual({ ok: true });
        fc.pre(other !== check);
        expect(validateUscc(first17 + other)).toMatchObject({ ok: false, reason: "check_character", expected: check });
      }),
      { numRuns: 500 },
    );
  });

  it("GB 32100-2015 property: changing any single one of the first 17 characters is detected", () => {
    fc.assert(
      fc.property(validPrefix, fc.integer({ min: 0, max: 16 }), alphabetChar, (first17, pos, ch) => {
        fc.pre(first17.charAt(pos) !== ch);
        const code = first17 + usccCheckCharacter(first17);
        const mutated = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(validateUscc(mutated).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("GB 32100-2015: usccCheckCharacter refuses bad input", () => {
    expect(() => usccCheckCharacter("9151208")).toThrow(RangeError);
    expect(() => usccCheckCharacter("91512081MA62K026I")).toThrow(RangeError);
  });
});

describe("GB 11714 organisation code", () => {
  it("GB 11714: embedded codes of the valid examples pass", () => {
    expect(usccOrgCode("91350100M000100Y43")).toBe("M000100Y4");
    expect(orgCodeValid("M000100Y4")).toBe(true);
    expect(orgCodeValid("MA62K0260")).toBe(true);
  });

  it.each([
    // body, weighted sum, check
    ["MA62K026", "66+70+54+20+100+0+8+12 = 330 ≡ 0 → 11 → 0", "0"],
    ["00000001", "1·2 = 2 → 9", "9"],
    ["00000010", "1·4 = 4 → 7", "7"],
    ["0000000A", "10·2 = 20 ≡ 9 → 2", "2"],
    ["00000100", "1·8 = 8 → 3", "3"],
    ["00000006", "6·2 = 12 ≡ 1 → 10 → X", "X"],
    ["0001000Y", "1·10 + 34·2 = 78 ≡ 1 → 10 → X", "X"],
    ["00000000", "0 → 11 → 0", "0"],
  ])("GB 11714: check of %s is 11 - (sum mod 11), 10→X, 11→0 (%s)", (body, _why, check) => {
    expect(orgCodeCheckCharacter(body)).toBe(check);
  });

  it("GB 11714: wrong check, bad length or characters fail orgCodeValid", () => {
    expect(orgCodeValid("MA62K0261")).toBe(false);
    expect(orgCodeValid("MA62K026")).toBe(false);
    expect(orgCodeValid("ma62k0260")).toBe(false);
    expect(orgCodeValid("000000060")).toBe(false);
    expect(orgCodeValid("00000006X")).toBe(true);
  });

  it("GB 32100-2015 policy: a failing embedded organisation code does not reject the USCC", () => {
    const first17 = "91420102MA62K0261"; // org check should be 0
    const code = first17 + usccCheckCharacter(first17);
    expect(orgCodeValid(usccOrgCode(code))).toBe(false);
    expect(validateUscc(code)).toEqual({ ok: true });
  });

  it("GB 11714 property: appending orgCodeCheckCharacter always gives a valid code", () => {
    const orgChar = fc.constantFrom(..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    fc.assert(
      fc.property(fc.array(orgChar, { minLength: 8, maxLength: 8 }), (a) => {
        const body = a.join("");
        expect(orgCodeValid(body + orgCodeCheckCharacter(body))).toBe(true);
      }),
    );
  });
});

describe("SAMPLE_HUBEI_USCCS", () => {
  it("GB 32100-2015: at least 12 distinct samples, all valid with valid embedded organisation codes", () => {
    expect(SAMPLE_HUBEI_USCCS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(SAMPLE_HUBEI_USCCS).size).toBe(SAMPLE_HUBEI_USCCS.length);
    for (const code of SAMPLE_HUBEI_USCCS) {
      expect(validateUscc(code), code).toEqual({ ok: true });
      expect(orgCodeValid(usccOrgCode(code)), code).toBe(true);
    }
  });

  it("GB/T 2260: samples are registered by Hubei authorities and cover all 17 city-level units", () => {
    const cities = new Set<string>();
    for (const code of SAMPLE_HUBEI_USCCS) {
      const region = usccRegionCode(code);
      expect(isWithin(region, "420000"), code).toBe(true);
      const city = cityOf(region);
      if (city !== undefined) cities.add(city);
    }
    expect(cities.size).toBe(17);
  });
});
