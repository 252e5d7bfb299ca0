// Schema pieces every context uses, so a region code or a page looks the same everywhere.
import * as z from "zod/mini";
import { isAccidentType, isCountyLevel, isIndustryCode, regionLevel } from "./codes/index.js";
import { isIsoDate } from "./time.js";

export const MAX_PAGE = 100;

export const Id = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, "must be a ULID"));

export const RegionCode = z.string().check(
  z.regex(/^\d{6}(\d{3})?$/, "must be a 6-digit GB/T 2260 code (or 9-digit township code)"),
  z.refine((c) => regionLevel(c) !== undefined, "unknown region code in Hubei"),
);

export const CountyCode = z.string().check(
  z.regex(/^\d{6}$/, "must be a 6-digit county code"),
  z.refine((c) => isCountyLevel(c), "must be a county-level region in Hubei"),
);

export const IndustryCode = z.string().check(z.refine((c) => isIndustryCode(c), "must be a GB/T 4754 section letter or two-digit division"));

export const AccidentType = z.string().check(z.refine((c) => isAccidentType(c), "must be a GB 6441-86 code 01–20"));

export const IsoDate = z.string().check(z.refine((d) => isIsoDate(d), "must be a date YYYY-MM-DD"));

/** An instant with an explicit offset (Z or ±hh:mm). */
export const Instant = z.iso.datetime({ offset: true });

export const Limit = z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE)), 20);
export const Cursor = z.optional(z.string().check(z.maxLength(2048)));

export const NonEmpty = (max = 2000) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const IdParams = z.strictObject({ id: Id });

export function page<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
}

/** Query booleans arrive as strings. */
export const QueryBool = z.optional(z.enum(["true", "false"]));
