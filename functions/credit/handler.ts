// The credit Lambda: violations, the blacklist, supervision tasks and the blacklist policy.
import { diff } from "../../shared/audit.js";
import { targetEnterprise } from "../../shared/enterprises.js";
import { conflict, forbidden, invalidField, invalidFields, staleVersion } from "../../shared/errors.js";
import { etag, expectedVersion, lambda } from "../../shared/http.js";
import { newId } from "../../shared/ids.js";
import { putNew, putVersioned } from "../../shared/db.js";
import { outOfScope, reachable, requireRegion } from "../../shared/scope.js";
import { formatQuarter, shanghaiDate } from "../../shared/time.js";
import { canReach, isProvinceAdmin } from "../../shared/policy.js";
import { listingWrites, stateAfterRemoval } from "./service.js";
import { routes } from "./routes.js";
import {
  activeListing,
  canRemoveEarly,
  manualListingTrigger,
  parseQuarter,
  publicBlacklistEntry,
  removeEarly,
  validateBlacklistPolicy,
  validatePenalty,
} from "./rules.js";
import type { ListingRecord, SupervisionTaskRecord, Violation } from "./schemas.js";
import {
  getCreditState,
  getListing,
  getPolicy,
  getTask,
  getViolation,
  listingItem,
  listingsOfEnterprise,
  listingsOfRegion,
  listingsPublishedPage,
  blacklistSnapshotPage,
  policyItem,
  taskItem,
  tasksOfEnterprise,
  tasksOfRegion,
  violationDocClaim,
  violationItem,
  violationsOfEnterprise,
  violationsOfRegion,
  listedPerState,
} from "./store.js";
import { HUBEI_PROVINCE_CODE } from "../../shared/codes/index.js";

const VIOLATION = { zh: "违法行为记录", en: "violation record" };
const LISTING = { zh: "黑名单记录", en: "blacklist listing" };
const TASK = { zh: "监管任务", en: "supervision task" };

export const handler = lambda(routes, {
  // ---------- violations ----------

  createViolation: async ({ body, actor, now }) => {
    const e = await targetEnterprise(actor, body.enterpriseId);
    const problems = validatePenalty(body.penalty);
    if (problems.length > 0) throw invalidFields("body", problems.map((p) => ({ ...p, path: `penalty.${p.path}` })));
    if (body.date > shanghaiDate(now)) throw invalidField("date", { zh: "处罚决定日期不能晚于今天", en: "the decision date cannot be in the future" });
    const v: Violation = {
      id: newId(),
      enterpriseId: e.id,
      enterpriseName: e.name,
      uscc: e.uscc,
      regionCode: e.regionCode,
      cityCode: e.cityCode,
      industryCode: e.industryCode,
      date: body.date,
      act: body.act,
      legalBasis: body.legalBasis,
      penalty: body.penalty,
      penaltyKind: body.penalty.kind,
      amountYuan: body.penalty.amountYuan ?? 0,
      decisionNumber: body.decisionNumber,
      createdAt: now.toISOString(),
      createdBy: actor.userId,
    };
    const duplicate = conflict("duplicate_decision_number", {
      zh: `处罚决定书文号 ${v.decisionNumber} 已登记`,
      en: `decision document ${v.decisionNumber} is already recorded`,
    });
    return {
      status: 201,
      body: v,
      headers: { location: `/v1/violations/${v.id}` },
      writes: [putNew(violationDocClaim(v.decisionNumber, v.id), duplicate), putNew(violationItem(v))],
      audit: [
        {
          action: "violation.create",
          entityType: "violation",
          entityId: v.id,
          enterpriseId: v.enterpriseId,
          regionCode: v.regionCode,
          summary: { decisionNumber: v.decisionNumber, penalty: v.penalty, date: v.date },
        },
      ],
    };
  },

  listViolations: async ({ query, actor }) => {
    if (actor.role === "enterprise") {
      if (query.enterpriseId && query.enterpriseId !== actor.enterpriseId) throw outOfScope();
      return { body: await violationsOfEnterprise(actor.enterpriseId as string, query.limit, query.cursor) };
    }
    if (query.enterpriseId) {
      await targetEnterprise(actor, query.enterpriseId);
      return { body: await violationsOfEnterprise(query.enterpriseId, query.limit, query.cursor) };
    }
    const regionCode = query.regionCode ?? actor.regionCode;
    requireRegion(actor, regionCode);
    const page = await violationsOfRegion(regionCode, query.limit, query.cursor);
    // Industry departments see their own industry only (the page may come out shorter).
    if (actor.role === "industry_department") {
      page.items = page.items.filter((v) => canReach(actor, v));
    }
    return { body: page };
  },

  getViolation: async ({ params, actor }) => {
    const v = await getViolation(params.id);
    reachable(actor, v, VIOLATION);
    return { body: v };
  },

  // ---------- blacklist ----------

  publicBlacklist: async ({ query, now }) => {
    if (query.quarter) {
      const ref = parseQuarter(query.quarter);
      if (!ref) throw invalidField("quarter", { zh: "季度格式应为 2026Q4", en: "quarter must look like 2026Q4" });
      const quarter = formatQuarter(ref);
      // A quarter's publication: the listings published in it, except those removed early (信用修复).
      const page = await listingsPublishedPage(quarter, query.limit, query.cursor);
      return { body: { quarter, asOf: shanghaiDate(now), items: page.items.map(toPublic), nextCursor: page.nextCursor } };
    }
    // The list in force is the one the daily job published (blacklistSnapshotPage: two reads).
    const page = await blacklistSnapshotPage(query.limit, query.cursor);
    return { body: { quarter: null, ...page }, headers: { "cache-control": "public, max-age=300" } };
  },

  listListings: async ({ query, actor }) => {
    if (query.enterpriseId) {
      await targetEnterprise(actor, query.enterpriseId);
      const items = (await listingsOfEnterprise(query.enterpriseId)).reverse();
      return { body: { items, nextCursor: null } };
    }
    const regionCode = query.regionCode ?? actor.regionCode;
    requireRegion(actor, regionCode);
    const page = await listingsOfRegion(regionCode, query.limit, query.cursor);
    if (actor.role === "industry_department") page.items = page.items.filter((l) => canReach(actor, l));
    return { body: page };
  },

  getListing: async ({ params, actor }) => {
    const l = reachable(actor, await getListing(params.id), LISTING);
    return { body: l, headers: { etag: etag(l.version) } };
  },

  manualListing: async ({ body, actor, now }) => {
    const manual = manualListingTrigger(actor, body.reason, body.evidence ?? []);
    if (!manual.ok) {
      throw forbidden("not_province_admin", { zh: "仅省级管理员可手动列入黑名单", en: "only a province administrator may list an enterprise manually" });
    }
    const e = await targetEnterprise(actor, body.enterpriseId);
    const today = shanghaiDate(now);
    const current = activeListing(await listingsOfEnterprise(e.id), today);
    if (current) {
      throw conflict(
        "already_listed",
        { zh: `该企业已在黑名单中（至 ${current.until}）`, en: `the enterprise is already listed (until ${current.until})` },
        { listingId: current.id },
      );
    }
    const [state, policy] = await Promise.all([getCreditState(e.id), getPolicy()]);
    // The list above is read from an index and may lag; the state read is consistent, and its
    // version serialises concurrent listings of one enterprise.
    if (listedPerState(state, today)) {
      throw conflict(
        "already_listed",
        { zh: `该企业已在黑名单中（至 ${state?.activeUntil}）`, en: `the enterprise is already listed (until ${state?.activeUntil})` },
        { listingId: state?.activeListingId },
      );
    }
    const { listing, writes } = listingWrites({
      enterprise: e,
      triggers: [manual.trigger],
      state,
      today,
      policy,
      source: "manual",
      by: actor.userId,
      now,
    });
    return {
      status: 201,
      body: listing,
      headers: { etag: etag(1), location: `/v1/blacklist-listings/${listing.id}` },
      writes,
      audit: [
        {
          action: "blacklist.list",
          entityType: "blacklist_listing",
          entityId: listing.id,
          enterpriseId: e.id,
          regionCode: e.regionCode,
          summary: { source: "manual", from: listing.from, until: listing.until, repeat: listing.repeat, evidence: manual.trigger.evidence },
          reason: manual.trigger.reason,
        },
      ],
    };
  },

  removeListing: async ({ params, body, actor, now }) => {
    const listing = reachable(actor, await getListing(params.id, true), LISTING);
    const today = shanghaiDate(now);
    const guard = canRemoveEarly(actor, body.reason, listing, today);
    if (!guard.ok) {
      if (guard.code === "not_province_admin") {
        throw forbidden("not_province_admin", { zh: "仅省级管理员可提前移出黑名单", en: "only a province administrator may remove a listing early" });
      }
      throw conflict("not_listed", { zh: "该记录当前不在黑名单期内，无法移出", en: "the listing is not in force, so it cannot be removed" }, { state: listing.removedOn ? "removed" : "not_in_force", allowed: [] });
    }
    const removed = removeEarly(listing, actor, body.reason, today);
    if (!removed.ok) throw staleVersion();
    const after: ListingRecord = { ...removed.listing, removedBy: actor.userId, version: listing.version + 1 };
    return {
      body: after,
      headers: { etag: etag(after.version) },
      writes: [putVersioned(listingItem(after), listing.version), ...stateAfterRemoval(await getCreditState(listing.enterpriseId), listing.id)],
      audit: [
        {
          action: "blacklist.remove",
          entityType: "blacklist_listing",
          entityId: listing.id,
          enterpriseId: listing.enterpriseId,
          regionCode: listing.regionCode,
          summary: { removedOn: today, until: listing.until },
          reason: after.removalReason ?? body.reason,
        },
      ],
    };
  },

  // ---------- supervision tasks ----------

  listTasks: async ({ query, actor }) => {
    let page: { items: SupervisionTaskRecord[]; nextCursor: string | null };
    if (query.enterpriseId) {
      await targetEnterprise(actor, query.enterpriseId);
      page = await tasksOfEnterprise(query.enterpriseId, query.limit, query.cursor);
    } else {
      const regionCode = query.regionCode ?? actor.regionCode;
      requireRegion(actor, regionCode);
      page = await tasksOfRegion(regionCode, query.limit, query.cursor);
    }
    page.items = page.items.filter((t) => (!query.kind || t.kind === query.kind) && (!query.status || t.status === query.status));
    return { body: page };
  },

  completeTask: async ({ params, body, actor, now }) => {
    const task = reachable(actor, await getTask(params.id), TASK);
    if (task.status !== "open") throw conflict("illegal_transition", { zh: "任务已完成", en: "the task is already done" }, { state: task.status, allowed: [] });
    const after: SupervisionTaskRecord = { ...task, status: "done", doneOn: shanghaiDate(now), doneBy: actor.userId, note: body.note, version: task.version + 1 };
    return {
      body: after,
      writes: [putVersioned(taskItem(after), task.version)],
      audit: [
        {
          action: `supervision-task.complete`,
          entityType: "supervision_task",
          entityId: task.id,
          enterpriseId: task.enterpriseId,
          regionCode: task.regionCode,
          summary: { kind: task.kind, doneOn: after.doneOn },
          reason: body.note,
        },
      ],
    };
  },

  // ---------- policy ----------

  getPolicy: async () => {
    const p = await getPolicy();
    return { body: p, headers: { etag: etag(p.version) } };
  },

  putPolicy: async ({ body, actor, headers, now }) => {
    if (!isProvinceAdmin(actor)) {
      throw forbidden("not_province_admin", { zh: "仅省级管理员可修改黑名单政策", en: "only a province administrator may change the blacklist policy" });
    }
    const expected = expectedVersion(headers);
    const errors = validateBlacklistPolicy(body);
    if (errors.length > 0) throw invalidFields("body", errors);
    const before = await getPolicy();
    if (before.version !== expected) throw staleVersion();
    const after = { ...body, version: before.version + 1, updatedAt: now.toISOString(), updatedBy: actor.userId };
    const write = before.version === 0 ? putNew(policyItem(after), staleVersion()) : putVersioned(policyItem(after), before.version);
    const { version: _v, updatedAt: _u, updatedBy: _b, ...old } = before;
    return {
      body: after,
      headers: { etag: etag(after.version) },
      writes: [write],
      audit: [{ action: "credit-policy.update", entityType: "credit_policy", entityId: "credit-policy", regionCode: HUBEI_PROVINCE_CODE, summary: diff(old, body) }],
    };
  },
});

function toPublic(l: ListingRecord) {
  return publicBlacklistEntry({ from: l.from, until: l.until, triggers: l.triggers }, { name: l.enterpriseName, uscc: l.uscc });
}

