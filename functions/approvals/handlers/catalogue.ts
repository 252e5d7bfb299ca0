// The public catalogue: approval items (the service guide) with every version kept, and the power
// and responsibility lists generated from the items and the delegations in force.
import { diff } from "../../../shared/audit.js";
import { HUBEI_PROVINCE_CODE, regionByCode } from "../../../shared/codes/index.js";
import { invalidFields, notFound, staleVersion } from "../../../shared/errors.js";
import { etag, expectedVersion, type Impl } from "../../../shared/http.js";
import { shanghaiDate } from "../../../shared/time.js";
import type { routes } from "../routes.js";
import { powerList as powerListOf, validateApprovalItem } from "../rules.js";
import type { CatalogueItem } from "../schemas.js";
import { ITEM, requireItem, requireProvinceAdmin } from "../service.js";
import { getCatalogueItem, itemVersions, itemWrites, listDelegations, listItems } from "../store.js";

type R = typeof routes;

/** The public view of a catalogue item: no user ids. */
function itemOut(i: CatalogueItem) {
  const { updatedBy: _by, ...rest } = i;
  return rest;
}

/** What an administrator edits: the item without its version stamp. */
function itemFields(i: CatalogueItem) {
  const { version: _v, updatedAt: _u, updatedBy: _b, changeReason: _c, ...fields } = i;
  return fields;
}

export const listApprovalItems: Impl<R["listApprovalItems"]> = async ({ query }) => {
  const items = (await listItems()).filter((i) => !query.category || i.category === query.category).sort((a, b) => a.code.localeCompare(b.code));
  return { body: { items: items.map(itemOut) }, headers: { "cache-control": "public, max-age=60" } };
};

export const getApprovalItem: Impl<R["getApprovalItem"]> = async ({ params }) => {
  const item = await requireItem(params.id);
  return { body: itemOut(item), headers: { etag: etag(item.version), "cache-control": "public, max-age=60" } };
};

export const listApprovalItemVersions: Impl<R["listApprovalItemVersions"]> = async ({ params }) => {
  const versions = await itemVersions(params.id);
  if (versions.length === 0) throw notFound(ITEM);
  return { body: { items: versions.map(itemOut) } };
};

export const putApprovalItem: Impl<R["putApprovalItem"]> = async ({ params, body, actor, headers, now }) => {
  requireProvinceAdmin(actor);
  const { changeReason, ...fields } = body;
  const errors = validateApprovalItem({ code: params.id, ...fields });
  if (errors.length > 0) throw invalidFields("body", errors);
  const before = await getCatalogueItem(params.id);
  let expected: number | undefined;
  if (before) {
    expected = expectedVersion(headers);
    if (before.version !== expected) throw staleVersion();
  }
  const after: CatalogueItem = { code: params.id, ...fields, version: (before?.version ?? 0) + 1, updatedAt: now.toISOString(), updatedBy: actor.userId, changeReason };
  const beforeFields = before ? itemFields(before) : {};
  return {
    status: before ? 200 : 201,
    body: itemOut(after),
    headers: { etag: etag(after.version) },
    writes: itemWrites(after, expected),
    audit: [{ action: before ? "approval_item.update" : "approval_item.create", entityType: "approval_item", entityId: params.id, regionCode: HUBEI_PROVINCE_CODE, summary: { version: after.version, changes: diff(beforeFields, { code: params.id, ...fields }) }, reason: changeReason }],
  };
};

export const powerList: Impl<R["powerList"]> = async ({ now }) => {
  const today = shanghaiDate(now);
  const [items, delegations] = await Promise.all([listItems(), listDelegations()]);
  const entries = powerListOf([...items].sort((a, b) => a.code.localeCompare(b.code)), delegations, today).map((e) => ({
    ...e,
    delegatedTo: e.delegatedTo.map((d) => ({ ...d, cityName: regionByCode(d.cityCode)?.name ?? d.cityCode })),
  }));
  return { body: { generatedOn: today, items: entries }, headers: { "cache-control": "public, max-age=60" } };
};
