// Delegations (委托, 鄂安办〔2015〕60号 task 3): the province administrator delegates a delegable
// item to a city from a start date and takes it back; one delegation in force per (item, city).
import { regionLevel } from "../../../shared/codes/index.js";
import { conflict, illegalTransition, invalidField, notFound, staleVersion } from "../../../shared/errors.js";
import { etag, type Impl } from "../../../shared/http.js";
import { newId } from "../../../shared/ids.js";
import { shanghaiDate } from "../../../shared/time.js";
import type { routes } from "../routes.js";
import type { Delegation } from "../schemas.js";
import { DELEGATION, requireProvinceAdmin } from "../service.js";
import { createDelegationWrites, delegationState, getCatalogueItem, getDelegation, listDelegations as readDelegations, openApplications, revokeDelegationWrites } from "../store.js";

type R = typeof routes;

export const createDelegation: Impl<R["createDelegation"]> = async ({ body, actor, now }) => {
  requireProvinceAdmin(actor);
  const today = shanghaiDate(now);
  const item = await getCatalogueItem(body.itemCode);
  if (!item) throw invalidField("itemCode", { zh: `审批事项 ${body.itemCode} 不存在`, en: `no approval item ${body.itemCode}` });
  if (item.issuer !== "province_delegable") {
    throw invalidField("itemCode", { zh: `事项 ${item.code} 不可委托（${item.issuer}）`, en: `item ${item.code} cannot be delegated (${item.issuer})` }, "not_delegable");
  }
  if (regionLevel(body.cityCode) !== "city") throw invalidField("cityCode", { zh: "须为市（州）级行政区划代码", en: "must be a city-level region code" });
  if (body.startDate < today) throw invalidField("startDate", { zh: "起始日期不得早于今天", en: "the start date may not be in the past" });
  const previous = await delegationState(item.code, body.cityCode, true);
  if (previous?.status === "active") {
    throw conflict("already_delegated", { zh: `事项 ${item.code} 已委托给 ${body.cityCode}`, en: `item ${item.code} is already delegated to ${body.cityCode}` }, { delegationId: previous.delegationId });
  }
  const d: Delegation = { id: newId(), itemCode: item.code, cityCode: body.cityCode, startDate: body.startDate, status: "active", ...(body.reason ? { reason: body.reason } : {}), createdAt: now.toISOString(), createdBy: actor.userId, version: 1 };
  return {
    status: 201,
    body: d,
    headers: { etag: etag(1), location: `/v1/delegations/${d.id}` },
    writes: createDelegationWrites(d, previous),
    audit: [{ action: "delegation.create", entityType: "delegation", entityId: d.id, regionCode: body.cityCode, summary: { itemCode: d.itemCode, cityCode: d.cityCode, startDate: d.startDate }, reason: body.reason }],
  };
};

export const listDelegations: Impl<R["listDelegations"]> = async ({ query }) => {
  const all = (await readDelegations())
    .filter((d) => (!query.itemCode || d.itemCode === query.itemCode) && (!query.cityCode || d.cityCode === query.cityCode) && (!query.status || d.status === query.status))
    .sort((a, b) => b.id.localeCompare(a.id));
  return { body: { items: all } };
};

export const revokeDelegation: Impl<R["revokeDelegation"]> = async ({ params, body, actor, now }) => {
  requireProvinceAdmin(actor);
  const before = await getDelegation(params.id);
  if (!before) throw notFound(DELEGATION);
  if (before.status !== "active") throw illegalTransition("revoke", before.status, []);
  const claim = await delegationState(before.itemCode, before.cityCode, true);
  if (!claim || claim.delegationId !== before.id) throw staleVersion();
  const at = now.toISOString();
  const after: Delegation = { ...before, status: "revoked", revokedAt: at, revokedBy: actor.userId, revokeReason: body.reason, version: before.version + 1 };
  // The authority is read live from the delegation, so the in-progress applications are the
  // province's from this commit on; they are named here for the record.
  const returned = (await openApplications(before.cityCode)).filter((a) => a.itemCode === before.itemCode).map((a) => a.id);
  return {
    body: { ...after, applicationsReturned: returned },
    writes: revokeDelegationWrites(before, after, claim.version),
    audit: [{ action: "delegation.revoke", entityType: "delegation", entityId: before.id, regionCode: before.cityCode, summary: { itemCode: before.itemCode, cityCode: before.cityCode, applicationsReturned: returned }, reason: body.reason }],
  };
};
