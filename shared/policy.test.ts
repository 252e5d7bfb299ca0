// Who reaches what: the scope rules every handler relies on (GB/T 2260 tree: a regulator
// sees its own node and everything below it).
import { describe, expect, it } from "vitest";
import { type Actor, actorFromClaims, canReach, coversRegion, levelOf } from "./policy.js";

const actor = (over: Partial<Actor>): Actor => ({ userId: "u", role: "regulator", regionCode: "420000", isHead: false, ...over });
const rec = { enterpriseId: "E1", regionCode: "420102", industryCode: "26", gridId: "G1" };

describe("jurisdiction tree (GB/T 2260)", () => {
  it.each([
    ["420000", "420102", true],
    ["420100", "420102", true],
    ["420102", "420102", true],
    ["420106", "420102", false],
    ["420300", "420102", false],
    ["420100", "420304001", false],
    ["420300", "420304001", true],
    ["429004", "429004", true],
    ["420100", "429004", false],
  ])("a regulator of %s covers %s: %s", (region, target, expected) => {
    expect(coversRegion(actor({ regionCode: region }), target)).toBe(expected);
  });

  it("levels follow from the region code", () => {
    expect(levelOf({ regionCode: "420000" })).toBe("province");
    expect(levelOf({ regionCode: "420100" })).toBe("city");
    expect(levelOf({ regionCode: "429004" })).toBe("city");
    expect(levelOf({ regionCode: "420102" })).toBe("county");
  });
});

describe("canReach by role", () => {
  it("enterprise: its own records only", () => {
    expect(canReach(actor({ role: "enterprise", regionCode: "420102", enterpriseId: "E1" }), rec)).toBe(true);
    expect(canReach(actor({ role: "enterprise", regionCode: "420102", enterpriseId: "E2" }), rec)).toBe(false);
  });
  it("grid member: its grid's records only", () => {
    expect(canReach(actor({ role: "grid_member", regionCode: "420102", gridId: "G1" }), rec)).toBe(true);
    expect(canReach(actor({ role: "grid_member", regionCode: "420102", gridId: "G2" }), rec)).toBe(false);
    expect(canReach(actor({ role: "grid_member", regionCode: "420102", gridId: "G1" }), { ...rec, gridId: null })).toBe(false);
  });
  it("industry department: its industry inside its region", () => {
    expect(canReach(actor({ role: "industry_department", regionCode: "420100", industryCode: "C" }), rec)).toBe(true);
    expect(canReach(actor({ role: "industry_department", regionCode: "420100", industryCode: "26" }), rec)).toBe(true);
    expect(canReach(actor({ role: "industry_department", regionCode: "420100", industryCode: "E" }), rec)).toBe(false);
    expect(canReach(actor({ role: "industry_department", regionCode: "420300", industryCode: "C" }), rec)).toBe(false);
  });
  it("regulators, officers, statisticians: their region and below; admin: the province admin everywhere", () => {
    for (const role of ["regulator", "approval_officer", "statistician"] as const) {
      expect(canReach(actor({ role, regionCode: "420100" }), rec)).toBe(true);
      expect(canReach(actor({ role, regionCode: "420106" }), rec)).toBe(false);
    }
    expect(canReach(actor({ role: "admin", regionCode: "420000" }), rec)).toBe(true);
    expect(canReach(actor({ role: "admin", regionCode: "420300" }), rec)).toBe(false);
  });
});

describe("属地: a record away from its enterprise's home", () => {
  const away = { ...rec, regionCode: "420281", homeRegionCode: "420102" };
  it("is reached from where it lies and from the home region, and the levels above each", () => {
    for (const region of ["420281", "420200", "420102", "420100", "420000"]) {
      expect(canReach(actor({ regionCode: region }), away), region).toBe(true);
    }
    expect(canReach(actor({ regionCode: "420106" }), away)).toBe(false);
    expect(canReach(actor({ regionCode: "420102001" }), away)).toBe(false);
    expect(canReach(actor({ role: "industry_department", regionCode: "420100", industryCode: "C" }), away)).toBe(true);
    expect(canReach(actor({ role: "industry_department", regionCode: "420100", industryCode: "E" }), away)).toBe(false);
  });
  it("a township reaches nothing registered at county level", () => {
    expect(canReach(actor({ regionCode: "420102001" }), rec)).toBe(false);
  });
});

describe("claims from the JWT authorizer", () => {
  it("reads bare and Cognito custom: claims", () => {
    expect(actorFromClaims({ sub: "a", role: "regulator", region: "420100" })).toMatchObject({ role: "regulator", regionCode: "420100" });
    expect(actorFromClaims({ sub: "a", "custom:role": "enterprise", "custom:region": "420102", "custom:enterprise": "E1" })).toMatchObject({ role: "enterprise", enterpriseId: "E1" });
  });
  it("refuses unusable claims: unknown role, region outside Hubei, an enterprise user without an enterprise", () => {
    expect(actorFromClaims({ sub: "a", role: "king", region: "420100" })).toBeUndefined();
    expect(actorFromClaims({ sub: "a", role: "regulator", region: "110000" })).toBeUndefined();
    expect(actorFromClaims({ sub: "a", role: "enterprise", region: "420102" })).toBeUndefined();
    expect(actorFromClaims({ sub: "a", role: "grid_member", region: "420102" })).toBeUndefined();
    expect(actorFromClaims({ sub: "a", role: "industry_department", region: "420102" })).toBeUndefined();
    expect(actorFromClaims(undefined)).toBeUndefined();
  });
  it("head is true only when the claim says so", () => {
    expect(actorFromClaims({ sub: "a", role: "approval_officer", region: "420000", head: "true" })?.isHead).toBe(true);
    expect(actorFromClaims({ sub: "a", role: "approval_officer", region: "420000", head: "false" })?.isHead).toBe(false);
  });
});
