// Enterprise register storage.
//
// Access patterns:
//   enterprise by id          pk ENT#<id>             sk ENT
//   USCC uniqueness claim     pk USCC#<uscc>          sk USCC        (created in the same transaction)
//   enterprises by region     gsi1pk ENTREG#<city>    gsi1sk <county>#<id>
//                             (sharded by city so province-wide lists page city by city)
//   enterprises of a grid     gsi2pk ENTGRID#<grid>   gsi2sk <id>    (set by grid assignment)
import { childrenOf, cityOf, regionLevel } from "../../shared/codes/index.js";
import { conflict } from "../../shared/errors.js";
import { beginsWith, contains, filterOf, industryIs, type Item, or, type Page, putNew, putVersioned, query, queryAcross, strip, type Write } from "../../shared/db.js";
import { enterpriseKey, getEnterprise as getSharedEnterprise } from "../../shared/enterprises.js";
import type { Enterprise } from "./schemas.js";


export function enterpriseItem(e: Enterprise): Item {
  return {
    ...enterpriseKey(e.id),
    entity: "enterprise",
    gsi1pk: `ENTREG#${e.cityCode}`,
    gsi1sk: `${e.regionCode}#${e.id}`,
    ...(e.gridId ? { gsi2pk: `ENTGRID#${e.gridId}`, gsi2sk: e.id } : {}),
    ...e,
  };
}

export async function getEnterprise(id: string): Promise<Enterprise | undefined> {
  return (await getSharedEnterprise(id)) as Enterprise | undefined;
}

export function createEnterpriseWrites(e: Enterprise): Write[] {
  const duplicate = conflict("duplicate_uscc", {
    zh: `统一社会信用代码 ${e.uscc} 已登记`,
    en: `an enterprise with USCC ${e.uscc} is already registered`,
  });
  return [
    putNew({ pk: `USCC#${e.uscc}`, sk: "USCC", entity: "uscc_claim", enterpriseId: e.id }, duplicate),
    putNew(enterpriseItem(e)),
  ];
}

export function updateEnterpriseWrites(before: Enterprise, after: Enterprise): Write[] {
  return [putVersioned(enterpriseItem(after) as Item & { version: number }, before.version)];
}

export interface ListFilter {
  industryCode?: string;
  q?: string;
}

function filterExpression(f: ListFilter) {
  return filterOf(industryIs(f.industryCode), f.q ? or(contains("name", f.q), beginsWith("uscc", f.q.toUpperCase())) : undefined);
}

/** Enterprises in a region (province, city or county), city partition by city partition. */
export async function listByRegion(regionCode: string, f: ListFilter, limit: number, cursor?: string): Promise<Page<Enterprise>> {
  const level = regionLevel(regionCode);
  const filter = filterExpression(f);
  if (level === "province") {
    const cities = childrenOf(regionCode).map((c) => `ENTREG#${c.code}`);
    return clean(await queryAcross(cities, { index: "gsi1", filter, limit }, cursor));
  }
  const city = cityOf(regionCode) ?? regionCode;
  return clean(await query({
    index: "gsi1",
    pk: `ENTREG#${city}`,
    // The sort key starts with the enterprise's own region code, so a county's prefix also holds
    // its townships and a township's holds only itself (shared/policy.ts coversRegion).
    sk: level === "city" ? undefined : { beginsWith: regionCode },
    filter,
    limit,
    cursor,
  }));
}

export async function listByGrid(gridId: string, f: ListFilter, limit: number, cursor?: string): Promise<Page<Enterprise>> {
  return clean(await query({ index: "gsi2", pk: `ENTGRID#${gridId}`, filter: filterExpression(f), limit, cursor }));
}

function clean(page: Page<Item>): Page<Enterprise> {
  return { items: page.items.map((i) => strip(i) as Enterprise), nextCursor: page.nextCursor };
}
