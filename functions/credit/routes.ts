// Routes of the credit context: violation records, the blacklist (public and internal), the
// supervision tasks of listed enterprises, and the blacklist policy.
import { route } from "../../shared/http.js";
import { IdParams } from "../../shared/schemas.js";
import {
  CompleteTask,
  CreateViolation,
  Listing,
  ListingPage,
  ListListingsQuery,
  ListTasksQuery,
  ListViolationsQuery,
  ManualListing,
  Policy,
  PolicyOut,
  PublicBlacklist,
  PublicBlacklistQuery,
  RemoveListing,
  SupervisionTask,
  TaskPage,
  TaskParams,
  Violation,
  ViolationPage,
} from "./schemas.js";

const fn = "credit";
const tags = ["credit"];
const readers = ["enterprise", "regulator", "industry_department", "admin"] as const;
const supervisors = ["regulator", "industry_department", "admin"] as const;

export const routes = {
  createViolation: route({
    method: "POST", path: "/v1/violations", fn, roles: ["regulator"], tags,
    summary: "Record a violation (违法行为信息库): act, legal basis, penalty, decision document",
    example: { enterpriseId: "01JDEM0000000000000000E001", date: "2026-11-20", act: "未按规定对安全设备进行经常性维护、保养", legalBasis: "《安全生产法》第九十九条", penalty: { kind: "fine", amountYuan: 30000 }, decisionNumber: "（江岸）应急罚〔2026〕15号" },
    returns: ["location"], errors: { 404: ["not_found"], 409: ["duplicate_decision_number"] },
    body: CreateViolation, response: Violation, status: 201,
  }),
  listViolations: route({
    method: "GET", path: "/v1/violations", fn, roles: readers, tags,
    summary: "Violations of an enterprise or a region, in the caller's scope",
    query: ListViolationsQuery, response: ViolationPage,
  }),
  getViolation: route({
    method: "GET", path: "/v1/violations/{id}", fn, roles: readers, tags,
    summary: "One violation record, if in scope",
    params: IdParams, response: Violation,
  }),

  publicBlacklist: route({
    method: "GET", path: "/v1/blacklist", fn, roles: "public", tags,
    summary: "The dishonesty blacklist (失信联合惩戒): name, USCC, reason category, term. ?quarter=2026Q4 gives that quarter's publication",
    query: PublicBlacklistQuery, response: PublicBlacklist,
  }),
  listListings: route({
    method: "GET", path: "/v1/blacklist-listings", fn, roles: supervisors, tags,
    summary: "Blacklist listings with their evidence, in the caller's scope",
    query: ListListingsQuery, response: ListingPage,
  }),
  getListing: route({
    method: "GET", path: "/v1/blacklist-listings/{id}", fn, roles: supervisors, tags,
    summary: "One listing with its triggers and evidence",
    returns: ["etag"],
    params: IdParams, response: Listing,
  }),
  manualListing: route({
    method: "POST", path: "/v1/blacklist-listings", fn, roles: ["admin"], tags,
    summary: "List an enterprise manually for another serious violation (province admin, with a reason)",
    example: { enterpriseId: "01JDEM0000000000000000E003", reason: "拒不执行停产整顿指令，继续违法储存烟花爆竹", evidence: [] },
    returns: ["etag", "location"], errors: { 400: ["reason_required"], 403: ["not_province_admin"], 404: ["not_found"], 409: ["already_listed"] },
    body: ManualListing, response: Listing, status: 201,
  }),
  removeListing: route({
    method: "POST", path: "/v1/blacklist-listings/{id}/remove", fn, roles: ["admin"], tags,
    summary: "Remove a listing before its term ends (province admin, with a reason)",
    example: { reason: "经复核，企业已完成整改并履行处罚决定" },
    returns: ["etag"], errors: { 400: ["reason_required"], 403: ["not_province_admin"], 409: ["not_listed"] },
    params: IdParams, body: RemoveListing, response: Listing,
  }),

  listTasks: route({
    method: "GET", path: "/v1/inspection-tasks", fn, roles: ["regulator", "admin"], tags,
    summary: "Inspection (every 6 months) and interview (yearly) tasks for listed enterprises in the caller's scope",
    query: ListTasksQuery, response: TaskPage,
  }),
  completeTask: route({
    method: "POST", path: "/v1/inspection-tasks/{id}/complete", fn, roles: ["regulator"], tags,
    summary: "Mark an inspection or interview task done, with a note",
    example: { note: "已完成对企业的约谈，企业承诺一个月内完成整改" },
    errors: { 409: ["illegal_transition"] },
    params: TaskParams, body: CompleteTask, response: SupervisionTask,
  }),

  getPolicy: route({
    method: "GET", path: "/v1/credit-policy", fn, roles: ["regulator", "admin"], tags,
    summary: "The blacklist policy in force (thresholds, terms, task intervals)",
    returns: ["etag"],
    response: PolicyOut,
  }),
  putPolicy: route({
    method: "PUT", path: "/v1/credit-policy", fn, roles: ["admin"], tags,
    summary: "Change the blacklist policy (province admin; If-Match with the version read)",
    example: { accidentGradeThreshold: "larger", annualDeathsThreshold: 3, firstTermYears: 1, repeatTermYears: 3, inspectionIntervalMonths: 6, interviewIntervalMonths: 12 },
    returns: ["etag"], ifMatch: "required", errors: { 403: ["not_province_admin"] },
    body: Policy, response: PolicyOut,
  }),
} as const;
