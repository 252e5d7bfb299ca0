// Who may act on which record. One module, pure, used by every handler: routes say which
// roles may call them; these functions say whether a caller reaches a given record.
// A record outside scope is answered 404 by the caller (existence is not revealed).
import { HUBEI_PROVINCE_CODE, industryMatches, isWithin, regionLevel } from "./codes/index.js";

export const ROLES = [
  "enterprise",
  "grid_member",
  "regulator",
  "industry_department",
  "approval_officer",
  "statistician",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];


export interface Actor {
  userId: string;
  role: Role;
  /** Jurisdiction: the region the account belongs to (province, city or county code). */
  regionCode: string;
  enterpriseId?: string;
  gridId?: string;
  /** Industry departments: the GB/T 4754 section or division they supervise. */
  industryCode?: string;
  /** Head of an approving agency (may extend a decision period). */
  isHead: boolean;
  name?: string;
}

export type Level = "province" | "city" | "county";

/** A regulator's level follows from its region code. */
export function levelOf(actor: Pick<Actor, "regionCode">): Level {
  const level = regionLevel(actor.regionCode);
  if (level === "province" || level === "city") return level;
  return "county";
}

export function isProvinceAdmin(actor: Actor): boolean {
  return actor.role === "admin" && actor.regionCode === HUBEI_PROVINCE_CODE;
}

/** Does the caller's jurisdiction cover a region (its own node and everything below)? */
export function coversRegion(actor: Actor, regionCode: string): boolean {
  if (actor.role === "admin" && actor.regionCode === HUBEI_PROVINCE_CODE) return true;
  return isWithin(regionCode, actor.regionCode);
}

/** The minimum an enterprise-scoped record must carry for a scope decision. */
export interface ScopedRecord {
  enterpriseId?: string | null;
  regionCode: string;
  industryCode?: string | null;
  gridId?: string | null;
  /**
   * Where the named enterprise is registered, when the record lies in another region (属地: an
   * accident it had away from home). The home region's regulators reach the record too.
   */
  homeRegionCode?: string | null;
}

/** Does the caller's region cover the record's region, or the home region of its enterprise? */
function coversRecord(actor: Actor, record: ScopedRecord): boolean {
  return coversRegion(actor, record.regionCode) || (!!record.homeRegionCode && coversRegion(actor, record.homeRegionCode));
}

/** May the caller see (and, if its role allows the route, act on) this record? */
export function canReach(actor: Actor, record: ScopedRecord): boolean {
  switch (actor.role) {
    case "admin":
    case "regulator":
    case "approval_officer":
    case "statistician":
      return coversRecord(actor, record);
    case "industry_department":
      return (
        coversRecord(actor, record) &&
        !!actor.industryCode &&
        !!record.industryCode &&
        industryMatches(record.industryCode, actor.industryCode)
      );
    case "enterprise":
      return !!actor.enterpriseId && record.enterpriseId === actor.enterpriseId;
    case "grid_member":
      return !!actor.gridId && record.gridId === actor.gridId;
  }
}

/** Validates claims from the JWT authorizer into an Actor; undefined when unusable. */
export function actorFromClaims(claims: Record<string, unknown> | undefined): Actor | undefined {
  if (!claims) return undefined;
  // Cognito puts custom attributes under "custom:"; local tokens use bare names.
  const get = (name: string): string | undefined => {
    const v = claims[name] ?? claims[`custom:${name}`];
    return typeof v === "string" && v.length > 0 ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
  };
  const role = get("role");
  const userId = get("sub");
  const regionCode = get("region");
  if (!role || !userId || !(ROLES as readonly string[]).includes(role)) return undefined;
  if (!regionCode || impossibleClaims({ role: role as Role, region: regionCode, enterprise: get("enterprise"), grid: get("grid"), industry: get("industry") })) return undefined;
  const actor: Actor = {
    userId,
    role: role as Role,
    regionCode,
    enterpriseId: get("enterprise"),
    gridId: get("grid"),
    industryCode: get("industry"),
    isHead: get("head") === "true",
    name: get("name"),
  };
  return actor;
}

/**
 * Why claims cannot describe an account, or undefined when they can: the region must be a
 * Hubei GB/T 2260 code, and the enterprise, grid and industry roles need what scopes them.
 * The API refuses such tokens; `npm run token` refuses to mint them.
 */
export function impossibleClaims(c: { role: Role; region?: string; enterprise?: string; grid?: string; industry?: string }): string | undefined {
  if (!c.region || regionLevel(c.region) === undefined) return `region ${c.region ?? "(none)"} is not a Hubei GB/T 2260 code (province 420000, a city, a county or a township of one)`;
  if (c.role === "enterprise" && !c.enterprise) return "role enterprise needs --enterprise <id>";
  if (c.role === "grid_member" && !c.grid) return "role grid_member needs --grid <id>";
  if (c.role === "industry_department" && !c.industry) return "role industry_department needs --industry <GB/T 4754 code>";
  return undefined;
}
