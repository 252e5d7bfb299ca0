// Hazard statistics and their quarterly and annual filings (16号令 art.14 ¶1).
import { decodeCursor, encodeCursor } from "../../../shared/db.js";
import { enterpriseAt, type EnterpriseRecord, targetEnterprise } from "../../../shared/enterprises.js";
import { conflict, invalidField } from "../../../shared/errors.js";
import { newId } from "../../../shared/ids.js";
import { industryScope, requireRegion } from "../../../shared/scope.js";
import { shanghaiEndOf, shanghaiQuarter, shanghaiStartOf } from "../../../shared/time.js";
import { computeHazardStatistics, filingDeadline, filingStatus, isLate, periodRange } from "../rules.js";
import {
  enterprisesOfGrid,
  countEnterprisesOfRegion,
  enterprisePageOfRegion,
  type EnterpriseRow,
  type Filing,
  filingCounts,
  filingsOf,
  filingWrites,
  getFiling,
  hazardsOfEnterprise,
} from "../store.js";
import type { Req } from "../routes.js";


async function statisticsOf(e: EnterpriseRecord, period: string, now: Date) {
  const { from, to } = periodRange(period);
  const hazards = await hazardsOfEnterprise(e.id, shanghaiStartOf(from).toISOString(), shanghaiEndOf(to).toISOString());
  return computeHazardStatistics(hazards, period, now);
}

export async function hazardStatistics({ params, query, actor, now }: Req<"hazardStatistics">) {
  const e = await enterpriseAt(actor, params.id);
  const period = query.period ?? shanghaiQuarter(now);
  const s = await statisticsOf(e, period, now);
  return { body: { enterpriseId: e.id, ...s, deadline: filingDeadline(period) } };
}

function filingOut(f: Filing) {
  const { cityCode: _c, industryCode: _i, gridId: _g, enterpriseName: _n, industrySection: _s, ...rest } = f;
  return rest;
}

export async function createFiling({ body, actor, now }: Req<"createFiling">) {
  const e = await targetEnterprise(actor, actor.enterpriseId as string);
  const { to } = periodRange(body.period);
  if (now.getTime() <= shanghaiEndOf(to).getTime()) {
    throw conflict("period_not_ended", { zh: `${body.period} 尚未结束，不能报送`, en: `${body.period} has not ended yet` }, { endsOn: to });
  }
  const s = await statisticsOf(e, body.period, now);
  const filing: Filing = {
    id: newId(), enterpriseId: e.id, enterpriseName: e.name, regionCode: e.regionCode, cityCode: e.cityCode, industryCode: e.industryCode,
    industrySection: e.industrySection, gridId: e.gridId ?? null, period: body.period, principal: body.principal, ...(body.note ? { note: body.note } : {}),
    statistics: { asOf: s.asOf, total: s.total, byLevel: s.byLevel },
    filedAt: now.toISOString(), deadline: filingDeadline(body.period), late: isLate(body.period, now), createdBy: actor.userId,
  };
  return {
    status: 201,
    body: filingOut(filing),
    headers: { location: `/v1/hazard-filings?period=${body.period}` },
    writes: filingWrites(filing),
    audit: [{ action: "hazard-filing.create", entityType: "hazard_filing", entityId: filing.id, regionCode: e.regionCode, enterpriseId: e.id, summary: { period: body.period, late: filing.late, total: s.total } }],
  };
}

type FilingRow = { enterpriseId: string; enterpriseName: string; regionCode: string; status: ReturnType<typeof filingStatus>; filedAt: string | null; filingId: string | null };

function filingRow(e: EnterpriseRow, f: Filing | undefined, period: string, now: Date): FilingRow {
  return { enterpriseId: e.id, enterpriseName: e.name, regionCode: e.regionCode, status: filingStatus(period, f?.filedAt, now), filedAt: f?.filedAt ?? null, filingId: f?.id ?? null };
}

export async function listFilings({ query, actor, now }: Req<"listFilings">) {
  const deadline = filingDeadline(query.period);
  if (actor.role === "enterprise" || actor.role === "grid_member") {
    // A handful of enterprises: every row at once.
    const list: EnterpriseRow[] = actor.role === "enterprise"
      ? [await targetEnterprise(actor, actor.enterpriseId as string)]
      : await enterprisesOfGrid(actor.gridId as string);
    const found = await Promise.all(list.map((e) => getFiling(e.id, query.period)));
    const rows = list.map((e, i) => filingRow(e, found[i], query.period, now)).sort((a, b) => (a.regionCode + a.enterpriseId < b.regionCode + b.enterpriseId ? -1 : 1));
    const totals = { enterprises: rows.length, on_time: 0, late: 0, missing: 0, pending: 0 };
    for (const r of rows) totals[r.status]++;
    const offset = decodeCursor<{ o: number }>(query.cursor)?.o ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidField("cursor", { zh: "分页游标无效", en: "invalid cursor" }, "invalid_cursor");
    const next = offset + query.limit < rows.length ? encodeCursor({ o: offset + query.limit }) : null;
    return { body: { period: query.period, regionCode: actor.regionCode, deadline, totals, items: rows.slice(offset, offset + query.limit), nextCursor: next } };
  }
  // Regulators: a province holds hundreds of thousands of enterprises, so rows are paged
  // straight off the register's index and the totals come from counts, never from holding
  // rows. Reads per page: the register page (≤ 5 Query calls per city partition touched), one
  // BatchGetItem for the page's filings, one Query of the period's filing counts, and the
  // register's Select COUNT (one call per 1 MB of the region's index).
  const region = query.regionCode ?? actor.regionCode;
  requireRegion(actor, region);
  const industry = industryScope(actor, undefined);
  const [page, enterpriseCount, counts] = await Promise.all([
    enterprisePageOfRegion(region, industry, query.limit, query.cursor),
    countEnterprisesOfRegion(region, industry),
    filingCounts(region, query.period, industry),
  ]);
  const filed = new Map((await filingsOf(page.items.map((e) => e.id), query.period)).map((f) => [f.enterpriseId, f]));
  const items = page.items.map((e) => filingRow(e, filed.get(e.id), query.period, now));
  const { onTime, late } = counts;
  const unfiled = Math.max(0, enterpriseCount - onTime - late);
  const unfiledStatus = filingStatus(query.period, undefined, now);
  const totals = {
    enterprises: enterpriseCount,
    on_time: onTime,
    late,
    missing: unfiledStatus === "missing" ? unfiled : 0,
    pending: unfiledStatus === "pending" ? unfiled : 0,
  };
  return { body: { period: query.period, regionCode: region, deadline, totals, items, nextCursor: page.nextCursor } };
}
