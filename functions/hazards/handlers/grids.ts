// Grids (网格化): grids, their enterprises and the grid members' patrols.
import type { AuditEntry } from "../../../shared/audit.js";
import { countyOf } from "../../../shared/codes/index.js";
import type { Write } from "../../../shared/db.js";
import { ENTERPRISE_TEXT, type EnterpriseRecord, enterpriseScope, getEnterprise, gridClaimRelease, targetEnterprise } from "../../../shared/enterprises.js";
import { conflict, type FieldProblem, forbidden, invalidField, notFound, staleVersion } from "../../../shared/errors.js";
import { etag, expectedVersion } from "../../../shared/http.js";
import { newId } from "../../../shared/ids.js";
import { type Actor, coversRegion } from "../../../shared/policy.js";
import { requireReach, requireRegion } from "../../../shared/scope.js";
import { isoUtc } from "../../../shared/time.js";
import { cityCodeOf, isRegionCode } from "../regions.js";
import { buildHazard, failOn, hazardAudit, knownItemCodes, notFuture } from "../service.js";
import {
  createGridWrites,
  createHazardWrite,
  enterpriseChangeWrite,
  enterprisesOfGrid,
  getGrid,
  getPatrol,
  type Grid,
  gridClaimWrite,
  gridChangeWrite,
  type Hazard,
  listGrids,
  listPatrolsOfGrid,
  type Patrol,
  patrolWrite,
} from "../store.js";
import type { Req } from "../routes.js";

const GRID = { zh: "网格", en: "grid" };
const PATROL = { zh: "巡查记录", en: "patrol report" };

/** A grid the caller may see: a grid member its own, a regulator one in its region. */
function visibleGrid(actor: Actor, g: Grid | undefined): Grid {
  if (!g) throw notFound(GRID);
  if (actor.role === "grid_member") {
    if (actor.gridId !== g.id) throw notFound(GRID);
    return g;
  }
  // Grids are territorial: every other role sees the grids of its region (industry departments too).
  if (!coversRegion(actor, g.countyCode)) throw notFound(GRID);
  return g;
}

async function gridOut(g: Grid, withEnterprises: boolean) {
  if (!withEnterprises) return g;
  const ents = await enterprisesOfGrid(g.id);
  return { ...g, enterprises: ents };
}

export async function createGrid({ body, actor, now }: Req<"createGrid">) {
  requireRegion(actor, body.regionCode);
  const g: Grid = {
    id: newId(), code: body.code, name: body.name, regionCode: body.regionCode, countyCode: countyOf(body.regionCode),
    cityCode: cityCodeOf(countyOf(body.regionCode)),
    member: body.member, supervisingOfficial: body.supervisingOfficial, contactLeader: body.contactLeader,
    version: 1, createdAt: now.toISOString(), createdBy: actor.userId,
  };
  return {
    status: 201,
    body: { ...g, enterprises: [] },
    headers: { location: `/v1/grids/${g.id}`, etag: etag(1) },
    writes: createGridWrites(g),
    audit: [{ action: "grid.create", entityType: "grid", entityId: g.id, regionCode: g.countyCode, summary: { code: g.code, name: g.name, member: g.member.userId } }],
  };
}

async function listGridsRoute({ query, actor }: Req<"listGrids">) {
  if (actor.role === "grid_member") {
    const own = await getGrid(actor.gridId as string);
    return { body: { items: own ? [own] : [], nextCursor: null } };
  }
  const region = query.regionCode ?? actor.regionCode;
  requireRegion(actor, region);
  if (!isRegionCode(region, ["province", "city", "county"])) {
    throw invalidField("regionCode", { zh: "按县级及以上区划查询网格", en: "list grids by county, city or province" });
  }
  return { body: await listGrids(region, query.limit, query.cursor) };
}

async function getGridRoute({ params, actor }: Req<"getGrid">) {
  const g = visibleGrid(actor, await getGrid(params.id));
  return { body: await gridOut(g, true), headers: { etag: etag(g.version) } };
}

/**
 * A change of the grid's enterprises moves the grid's version, so a screen that read the grid can
 * send If-Match and lose to a concurrent change with 409 rather than act on a list it never saw.
 */
function checkGridVersion(g: Grid, headers: Record<string, string | undefined>): void {
  if (headers["if-match"] !== undefined && expectedVersion(headers) !== g.version) throw staleVersion();
}

export async function assignEnterprises({ params, body, actor, now, headers }: Req<"assignEnterprises">) {
  const g = visibleGrid(actor, await getGrid(params.id));
  checkGridVersion(g, headers);
  const at = now.toISOString();
  const ids = [...new Set(body.enterpriseIds)];
  const ents = await Promise.all(ids.map((id) => targetEnterprise(actor, id)));
  const problems: FieldProblem[] = [];
  const writes: Write[] = [];
  const audit: AuditEntry[] = [];
  const assigned: string[] = [];
  const already: string[] = [];
  ents.forEach((e, i) => {
    const path = `enterpriseIds.${body.enterpriseIds.indexOf(ids[i] as string)}`;
    if (e.regionCode !== g.countyCode) {
      problems.push({ path, message: { zh: `企业不在网格所在区县 ${g.countyCode}`, en: `the enterprise is not in the grid's county ${g.countyCode}` } });
      return;
    }
    if (e.gridId === g.id) {
      already.push(e.id);
      return;
    }
    if (e.gridId) {
      throw conflict("enterprise_in_another_grid", { zh: `企业 ${e.id} 已属于网格 ${e.gridId}`, en: `enterprise ${e.id} already belongs to grid ${e.gridId}` }, { enterpriseId: e.id, gridId: e.gridId });
    }
    // The claim is the conditional write that keeps an enterprise in at most one grid; the
    // enterprise's own version guards against a concurrent change of the register record.
    writes.push(gridClaimWrite(e.id, g.id), enterpriseChangeWrite(e, { gridId: g.id, updatedAt: at }));
    audit.push({ action: "enterprise.assign-grid", entityType: "enterprise", entityId: e.id, enterpriseId: e.id, regionCode: e.regionCode, summary: { gridId: { from: null, to: g.id }, gridCode: g.code } });
    assigned.push(e.id);
  });
  failOn(problems);
  if (assigned.length === 0) return { body: { gridId: g.id, assigned, alreadyInGrid: already }, headers: { etag: etag(g.version) } };
  writes.push(gridChangeWrite(g));
  audit.push({ action: "grid.assign", entityType: "grid", entityId: g.id, regionCode: g.countyCode, summary: { assigned } });
  return { body: { gridId: g.id, assigned, alreadyInGrid: already }, headers: { etag: etag(g.version + 1) }, writes, audit };
}

export async function removeEnterprise({ params, actor, now, headers }: Req<"removeEnterprise">) {
  const g = visibleGrid(actor, await getGrid(params.id));
  const e = await getEnterprise(params.enterpriseId);
  if (!e || e.gridId !== g.id) throw notFound(ENTERPRISE_TEXT);
  requireReach(actor, enterpriseScope(e));
  checkGridVersion(g, headers);
  return {
    body: { gridId: g.id, assigned: [], alreadyInGrid: [] },
    headers: { etag: etag(g.version + 1) },
    writes: [gridClaimRelease(e.id, g.id), enterpriseChangeWrite(e, { gridId: null, updatedAt: now.toISOString() }), gridChangeWrite(g)],
    audit: [
      { action: "enterprise.leave-grid", entityType: "enterprise", entityId: e.id, enterpriseId: e.id, regionCode: e.regionCode, summary: { gridId: { from: g.id, to: null } } },
      { action: "grid.remove", entityType: "grid", entityId: g.id, regionCode: g.countyCode, summary: { removed: e.id } },
    ],
  };
}

export async function createPatrol({ body, actor, now }: Req<"createPatrol">) {
  const g = await getGrid(actor.gridId as string);
  if (!g) throw forbidden("no_grid", { zh: "您的网格不存在", en: "your grid does not exist" });
  const problems: FieldProblem[] = [...notFuture("patrolledAt", body.patrolledAt, now)];
  const ids = [...new Set([...(body.visitedEnterpriseIds ?? []), ...body.findings.map((f) => f.enterpriseId)])];
  const ents = new Map((await Promise.all(ids.map((id) => getEnterprise(id)))).filter((e): e is EnterpriseRecord => !!e).map((e) => [e.id, e]));
  // A grid member reports only on its grid's enterprises. Reports captured offline can arrive after
  // an enterprise left the grid, so the refusal says exactly that: a regulator takes the report over.
  for (const id of ids) {
    if (ents.get(id)?.gridId !== g.id) {
      throw forbidden("not_in_grid", {
        zh: "所报企业已不在您的网格内（可能已调出网格），不能作为网格巡查上报",
        en: "the enterprise is not in your grid (it may have left it); it cannot be reported by a grid patrol",
      });
    }
  }
  const codes = body.findings.some((f) => f.checklistItemId) ? await knownItemCodes() : new Set<string>();
  const id = newId();
  const hazards: Hazard[] = [];
  body.findings.forEach((f, i) => {
    const { enterpriseId, ...input } = f;
    if (f.checklistItemId && !codes.has(f.checklistItemId)) {
      problems.push({ path: `findings.${i}.checklistItemId`, message: { zh: "排查清单中没有此项", en: "no checklist has this item" } });
    }
    const built = buildHazard(input, { enterprise: ents.get(enterpriseId) as EnterpriseRecord, source: "grid_patrol", discoveredAt: body.patrolledAt, actor, now, links: { patrolId: id } }, `findings.${i}.`);
    problems.push(...built.problems);
    if (built.hazard) hazards.push(built.hazard);
  });
  failOn(problems);
  const patrol: Patrol = {
    id, gridId: g.id, regionCode: g.countyCode, patrolledAt: isoUtc(body.patrolledAt), ...(body.route ? { route: body.route } : {}),
    visitedEnterpriseIds: ids, hazardIds: hazards.map((h) => h.id), ...(body.note ? { note: body.note } : {}),
    createdAt: now.toISOString(), createdBy: actor.userId,
  };
  return {
    status: 201,
    body: patrol,
    headers: { location: `/v1/grid-patrols/${id}` },
    writes: [patrolWrite(patrol), ...hazards.map(createHazardWrite)],
    audit: [
      { action: "grid-patrol.create", entityType: "grid_patrol", entityId: id, regionCode: g.countyCode, summary: { gridId: g.id, findings: hazards.length } },
      ...hazards.map((h) => hazardAudit(h, "create", { source: h.source, level: h.level, status: h.status, patrolId: id })),
    ],
  };
}

async function listPatrolsRoute({ params, query, actor }: Req<"listPatrols">) {
  const g = visibleGrid(actor, await getGrid(params.id));
  return { body: await listPatrolsOfGrid(g.id, query.limit, query.cursor) };
}

async function getPatrolRoute({ params, actor }: Req<"getPatrol">) {
  const p = await getPatrol(params.id);
  if (!p) throw notFound(PATROL);
  const g = await getGrid(p.gridId);
  visibleGrid(actor, g);
  return { body: p };
}

export { getGridRoute as getGrid, getPatrolRoute as getPatrol, listGridsRoute as listGrids, listPatrolsRoute as listPatrols };
