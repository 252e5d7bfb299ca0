// Schema pieces every context uses, so a region code or a page looks the same everywhere.
import * as z from "zod/mini";
import { msg } from "./messages.js";
import { isAccidentType, isCountyLevel, isIndustryCode, regionLevel } from "./codes/index.js";
import { isIsoDate } from "./time.js";

export const MAX_PAGE = 100;

export const Id = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, msg("ulid")));

// A malformed code gets one message, not also "unknown region" (abort stops the checks).
export const RegionCode = z.string().check(
  z.regex(/^\d{6}(\d{3})?$/, { error: msg("regionCodeFormat"), abort: true }),
  z.refine((c) => regionLevel(c) !== undefined, msg("regionUnknown")),
);

export const CountyCode = z.string().check(
  z.regex(/^\d{6}$/, { error: msg("countyCodeFormat"), abort: true }),
  z.refine((c) => isCountyLevel(c), msg("countyLevel")),
);

export const IndustryCode = z.string().check(z.refine((c) => isIndustryCode(c), msg("industryCode")));

export const AccidentType = z.string().check(z.refine((c) => isAccidentType(c), msg("accidentType")));

export const IsoDate = z.string().check(z.refine((d) => isIsoDate(d), msg("isoDate")));

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
