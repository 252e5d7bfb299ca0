// Fresh test data: valid USCCs made by our own GB 32100 and GB 11714 check functions, unique per call.
import { orgCodeCheckCharacter, usccCheckCharacter } from "../../shared/codes/index.js";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
let counter = 0;

/** A valid, unique USCC registered in the given county (its embedded GB 11714 organisation code valid too). */
export function uscc(regionCode = "420102"): string {
  counter++;
  const body = Array.from({ length: 8 }, (_, i) =>
    i < 4 ? ALPHABET[Math.floor(Math.random() * 31)] : ALPHABET[(Math.floor(counter / 31 ** (i - 4)) + process.pid) % 31],
  ).join("");
  const first17 = `91${regionCode}${body}${orgCodeCheckCharacter(body)}`;
  return first17 + usccCheckCharacter(first17);
}

export function enterpriseBody(over: Record<string, unknown> = {}) {
  return {
    name: `测试化工有限公司${Math.random().toString(36).slice(2, 8)}`,
    // The registering authority is the county (a township's first six digits).
    uscc: uscc(((over.regionCode as string) ?? "420102").slice(0, 6)),
    regionCode: "420102",
    address: "武汉市江岸区测试路1号",
    industryCode: "26",
    scale: "medium",
    contact: { name: "张安全", phone: "027-12345678" },
    ...over,
  };
}
