// 统一社会信用代码 (unified social credit code), GB 32100-2015, with the embedded
// organisation code check of GB 11714.
//
// Exports:
//   USCC_ALPHABET, USCC_WEIGHTS, USCC_REGISTRATION_DEPARTMENTS, PROVINCE_PREFIXES,
//   ORG_CODE_WEIGHTS
//   type UsccFailureReason, type UsccValidation
//   validateUscc(code), usccCheckCharacter(first17), orgCodeCheckCharacter(first8),
//   orgCodeValid(code9), usccOrgCode(uscc), usccRegionCode(uscc)
//   SAMPLE_HUBEI_USCCS (valid codes for seed data and tests)
//
// Layout: [1] registration department, [2] organisation type, [3-8] registering authority's
// GB/T 2260 code, [9-17] GB 11714 organisation code, [18] check character.
//
// Policy on the embedded organisation code: real registers hold codes whose GB 11714 check
// fails, so validateUscc rejects only on the USCC's own check character (position 18).
// Callers should use orgCodeValid(usccOrgCode(code)) to raise a warning, not a rejection.
// A code failing validateUscc with reason "check_character" is rejected by default; the
// registration flow may let a province administrator accept it with a recorded reason
// which is why the failure carries the `expected` character.
//
// Region: this is a Hubei platform but enterprises registered elsewhere still operate here,
// so positions 3-8 only need to be six digits starting with a valid Chinese province prefix.

/** Positions' values are their index in this string (0..30); no I, O, Z, S, V. */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const MODULUS = USCC_ALPHABET.length; // 31

/** Weight of position i (1-based) is 3^(i-1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = Object.freeze(
  Array.from({ length: 17 }, (_, i) => {
    let w = 1;
    for (let k = 0; k < i; k++) w = (w * 3) % MODULUS;
    return w;
  }),
);

/** Position 1: 1 机构编制, 5 民政, 9 工商, Y other. */
export const USCC_REGISTRATION_DEPARTMENTS: readonly string[] = ["1", "5", "9", "Y"];

/** First two digits of valid GB/T 2260 province-level codes. */
export const PROVINCE_PREFIXES: readonly string[] = Object.freeze([
  "11", "12", "13", "14", "15",
  "21", "22", "23",
  "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46",
  "50", "51", "52", "53", "54",
  "61", "62", "63", "64", "65",
  "71", "81", "82",
]);

/** GB 11714 weights over the first 8 characters of the organisation code. */
export const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

const USCC_LENGTH = 18;
const USCC_VALUE: ReadonlyMap<string, number> = new Map([...USCC_ALPHABET].map((c, i) => [c, i]));
const PROVINCES = new Set(PROVINCE_PREFIXES);
const DEPARTMENTS = new Set(USCC_REGISTRATION_DEPARTMENTS);

export type UsccFailureReason = "length" | "alphabet" | "registration_department" | "region" | "check_character";

export type UsccValidation =
  | { ok: true }
  | { ok: false; reason: UsccFailureReason; expected?: string; message: { zh: string; en: string } };

/** The GB 32100 check character for the first 17 characters (which must be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== USCC_LENGTH - 1) throw new RangeError(`need 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < first17.length; i++) {
    const ch = first17.charAt(i);
    const v = USCC_VALUE.get(ch);
    if (v === undefined) throw new RangeError(`character ${JSON.stringify(ch)} is not in the USCC alphabet`);
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((MODULUS - (sum % MODULUS)) % MODULUS);
}

// GB 11714: digits are themselves, A=10 .. Z=35.
function orgValue(ch: string): number | undefined {
  if (/^[0-9A-Z]$/.test(ch)) return Number.parseInt(ch, 36);
  return undefined;
}

/** The GB 11714 check character for an 8-character organisation code body. */
export function orgCodeCheckCharacter(first8: string): string {
  if (first8.length !== ORG_CODE_WEIGHTS.length) throw new RangeError(`need 8 characters, got ${first8.length}`);
  let sum = 0;
  for (let i = 0; i < first8.length; i++) {
    const ch = first8.charAt(i);
    const v = orgValue(ch);
    if (v === undefined) throw new RangeError(`character ${JSON.stringify(ch)} is not allowed in an organisation code`);
    sum += v * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** True when a 9-character organisation code's last character matches its GB 11714 check. */
export function orgCodeValid(code9: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code9)) return false;
  return orgCodeCheckCharacter(code9.slice(0, 8)) === code9.charAt(8);
}

/** Positions 9-17: the embedded organisation code. */
export function usccOrgCode(uscc: string): string {
  return uscc.slice(8, 17);
}

/** Positions 3-8: the registering authority's GB/T 2260 region code. */
export function usccRegionCode(uscc: string): string {
  return uscc.slice(2, 8);
}

function fail(reason: UsccFailureReason, zh: string, en: string, expected?: string): UsccValidation {
  return expected === undefined
    ? { ok: false, reason, message: { zh, en } }
    : { ok: false, reason, expected, message: { zh, en } };
}

export function validateUscc(code: string): UsccValidation {
  if (code.length !== USCC_LENGTH) {
    return fail(
      "length",
      `统一社会信用代码应为18位，实际为${code.length}位`,
      `a unified social credit code has 18 characters; got ${code.length}`,
    );
  }
  // Position 18 is judged only as the check character, so a wrong final character (even
  // I/O/Z/S/V, as in the standard's printed "...Y4Z") gets the more useful "expected X";
  // a lower-case letter anywhere is an alphabet error so the user is told to use upper case.
  for (let i = 0; i < code.length; i++) {
    const ch = code.charAt(i);
    const isLowerCase = ch !== ch.toUpperCase();
    if ((i < USCC_LENGTH - 1 && !USCC_VALUE.has(ch)) || isLowerCase) {
      return fail(
        "alphabet",
        `第${i + 1}位字符“${ch}”不合法：只允许数字和大写字母（不含I、O、Z、S、V）`,
        `character "${ch}" at position ${i + 1} is not allowed: only digits and upper-case letters except I, O, Z, S, V`,
      );
    }
  }
  const dept = code.charAt(0);
  if (!DEPARTMENTS.has(dept)) {
    return fail(
      "registration_department",
      `登记管理部门码“${dept}”无效，应为1、5、9或Y`,
      `registration department "${dept}" is not valid; expected 1, 5, 9 or Y`,
    );
  }
  const region = usccRegionCode(code);
  if (!/^\d{6}$/.test(region) || !PROVINCES.has(region.slice(0, 2))) {
    return fail(
      "region",
      `第3至8位登记管理机关行政区划码“${region}”无效`,
      `positions 3-8 "${region}" are not a valid administrative division code`,
    );
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code.charAt(17) !== expected) {
    return fail("check_character", `校验码错误，应为 ${expected}`, `check character is wrong; expected ${expected}`, expected);
  }
  return { ok: true };
}

/**
 * Valid codes with Hubei registering authorities (embedded organisation codes valid too),
 * generated with usccCheckCharacter for seed data. Fictitious: not real enterprises.
 */
// Registering authorities cover the province, every city-level unit and several counties.
export const SAMPLE_HUBEI_USCCS: readonly string[] = Object.freeze([
  "91420000MA4L6XA85N",
  "91420100MA4M6QT88E",
  "91420102MA4Y50JA5Q",
  "91420106MA4HEFC46X",
  "91420111MA4N2FLD7Y",
  "91420202MA4UDHBW0A",
  "91420281MA4RY0EM3E",
  "91420304MA4A58FD45",
  "91420381MA4TB23N34",
  "91420502MA45FH6D1P",
  "91420506MA4H90BT6G",
  "91420607MA406JT54C",
  "91420704MA49NE5R99",
  "91420881MA4N2TKX2A",
  "91420902MA4A3FG02C",
  "91421003MA4YXLP361",
  "91421088MA46WUPY3L",
  "91421102MA4HBCDH4G",
  "91421202MA4Q2G4K1L",
  "91421303MA4BE663XW",
  "91422801MA4YRYL41K",
  "91429004MA4GX39L6M",
  "91429005MA4GT2643T",
  "91429006MA4T9N2Y34",
  "91429021MA4T5EP13B",
]);
