// The register's Lambda: regions (public) and enterprises.
import { diff } from "../../shared/audit.js";
import { ACCIDENT_TYPES, countyOf, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, REGIONS } from "../../shared/codes/index.js";
import { decideUscc, enterpriseAt, gridClaimRelease } from "../../shared/enterprises.js";
import { etag, expectedVersion, type Lang, lambda, validate } from "../../shared/http.js";
import { newId } from "../../shared/ids.js";
import { industryScope, requireReach, requireRegion } from "../../shared/scope.js";
import { ApiError, localiseFieldProblems, staleVersion } from "../../shared/errors.js";
import { type Actor, coversRegion } from "../../shared/policy.js";
import { routes } from "./routes.js";
import { derivedEnterpriseFields } from "./rules.js";
import { CreateEnterprise, type Enterprise } from "./schemas.js";
import { createEnterpriseWrites, getEnterprise, listByGrid, listByRegion, updateEnterpriseWrites } from "./store.js";

/** What a registration must pass beyond its schema: the caller's reach and the USCC's checks. */
function registrationChecks(body: CreateEnterprise, actor: Actor) {
  requireReach(actor, { regionCode: body.regionCode, industryCode: body.industryCode });
  return decideUscc(body.uscc, actor, body.checksumOverride);
}

/** A row of a bulk registration checked exactly as its create would be: the same schema, the same checks, the same messages. */
function rowProblems(row: unknown, actor: Actor, lang: Lang): { path: string; code: string; message: string }[] {
  try {
    registrationChecks(validate(CreateEnterprise, row, "body"), actor);
    return [];
  } catch (err) {
    if (!(err instanceof ApiError) || err.status >= 500) throw err;
    // A row that is not an object at all is answered on the row ("body" would name the request's).
    if (err.fieldErrors.length > 0) return localiseFieldProblems(err.fieldErrors, lang).map((f) => ({ path: f.path === "body" ? "" : f.path, message: f.message, code: err.code }));
    // Out of scope names no field: the region is outside the caller's, or (an industry department's) the industry is.
    const regionCode = (row as { regionCode?: string }).regionCode ?? "";
    const path = err.code === "out_of_scope" ? (coversRegion(actor, regionCode) ? "industryCode" : "regionCode") : "";
    return [{ path, code: err.code, message: err.text[lang] }];
  }
}

// Code lists change with a new edition of a standard, i.e. with a deploy: a day's caching is safe.
const CACHE_A_DAY = { "cache-control": "public, max-age=86400" };

export const handler = lambda(routes, {
  listRegions: async () => ({
    body: { items: REGIONS.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode })) },
    headers: CACHE_A_DAY,
  }),

  listAccidentTypes: async () => ({
    body: { items: ACCIDENT_TYPES.map((t) => ({ code: t.code, name: t.name })) },
    headers: CACHE_A_DAY,
  }),

  listIndustries: async () => ({
    body: {
      items: INDUSTRY_SECTIONS.flatMap((sec) => [
        { code: sec.code, name: sec.name, level: "section" as const, section: null },
        ...INDUSTRY_DIVISIONS.filter((d) => d.section === sec.code).map((d) => ({ code: d.code, name: d.name, level: "division" as const, section: sec.code })),
      ]),
    },
    headers: CACHE_A_DAY,
  }),

  createEnterprise: async ({ body, actor, now }) => {
    const uscc = registrationChecks(body, actor);
    const at = now.toISOString();
    const enterprise: Enterprise = {
      id: newId(),
      name: body.name,
      uscc: body.uscc,
      regionCode: body.regionCode,
      address: body.address,
      industryCode: body.industryCode,
      scale: body.scale,
      contact: body.contact,
      ...derivedEnterpriseFields(body.regionCode, body.industryCode),
      ...(uscc.override ? { checksumOverride: uscc.override } : {}),
      version: 1,
      createdAt: at,
      createdBy: actor.userId,
      updatedAt: at,
    };
    return {
      status: 201,
      body: enterprise,
      headers: { etag: etag(1), location: `/v1/enterprises/${enterprise.id}` },
      writes: createEnterpriseWrites(enterprise),
      audit: [
        {
          action: "enterprise.create",
          entityType: "enterprise",
          entityId: enterprise.id,
          enterpriseId: enterprise.id,
          regionCode: enterprise.regionCode,
          summary: { name: enterprise.name, uscc: enterprise.uscc },
          reason: uscc.override?.reason,
        },
      ],
    };
  },

  validateEnterprises: async ({ body, actor, lang }) => {
    const problems = body.rows.flatMap((row, index) => rowProblems(row, actor, lang).map((p) => ({ index, ...p })));
    return { body: { checked: body.rows.length, invalid: new Set(problems.map((p) => p.index)).size, problems } };
  },

  getEnterprise: async ({ params, actor }) => {
    const enterprise = await enterpriseAt(actor, params.id);
    return { body: enterprise, headers: { etag: etag(enterprise.version) } };
  },

  patchEnterprise: async ({ params, body, actor, headers, now }) => {
    const expected = expectedVersion(headers);
    const current = await enterpriseAt(actor, params.id);
    if (current.version !== expected) throw staleVersion();
    const merged = { ...current, ...body };
    // Moving an enterprise must keep it inside the caller's scope too.
    requireReach(actor, { regionCode: merged.regionCode, industryCode: merged.industryCode });
    // Grids are county-level (a grid takes only enterprises of its county): a move to another
    // county takes the enterprise off its grid in the same transaction, so the old grid's member
    // loses it at once.
    const leavesGrid = current.gridId && countyOf(merged.regionCode) !== countyOf(current.regionCode) ? current.gridId : undefined;
    const after: Enterprise = {
      ...merged,
      ...derivedEnterpriseFields(merged.regionCode, merged.industryCode),
      ...(leavesGrid ? { gridId: null } : {}),
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    return {
      body: after,
      headers: { etag: etag(after.version) },
      writes: [...updateEnterpriseWrites(current, after), ...(leavesGrid ? [gridClaimRelease(current.id, leavesGrid)] : [])],
      audit: [
        ...(leavesGrid
          ? [
              { action: "enterprise.leave-grid", entityType: "enterprise", entityId: current.id, enterpriseId: current.id, regionCode: after.regionCode, summary: { gridId: { from: leavesGrid, to: null }, reason: "moved" } },
              { action: "grid.remove", entityType: "grid", entityId: leavesGrid, regionCode: countyOf(current.regionCode), summary: { removed: current.id, movedTo: after.regionCode } },
            ]
          : []),
        {
          action: "enterprise.update",
          entityType: "enterprise",
          entityId: current.id,
          enterpriseId: current.id,
          regionCode: after.regionCode,
          summary: diff(
            { name: current.name, regionCode: current.regionCode, address: current.address, industryCode: current.industryCode, scale: current.scale, contact: current.contact },
            { name: after.name, regionCode: after.regionCode, address: after.address, industryCode: after.industryCode, scale: after.scale, contact: after.contact },
          ),
        },
      ],
    };
  },

  listEnterprises: async ({ query, actor }) => {
    const filter = { industryCode: query.industryCode, q: query.q };
    if (actor.role === "enterprise") {
      const own = await getEnterprise(actor.enterpriseId as string);
      return { body: { items: own ? [own] : [], nextCursor: null } };
    }
    if (actor.role === "grid_member") {
      return { body: await listByGrid(actor.gridId as string, filter, query.limit, query.cursor) };
    }
    const regionCode = query.regionCode ?? actor.regionCode;
    requireRegion(actor, regionCode);
    filter.industryCode = industryScope(actor, query.industryCode);
    return { body: await listByRegion(regionCode, filter, query.limit, query.cursor) };
  },
});
