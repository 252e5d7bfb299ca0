// Routes of the approvals context: the public catalogue, power list, calendar and licence
// verification; applications and their staged review; licences; delegations.
import { route } from "../../shared/http.js";
import type { Role } from "../../shared/policy.js";
import { IdParams } from "../../shared/schemas.js";
import { type ApplicationAction, REASON_REQUIRED_ACTIONS } from "./rules.js";
import {
  ActionBody,
  ApplicationPage,
  ApplicationView,
  ApprovalItemList,
  ApprovalItemOut,
  AttachmentUpload,
  CalendarOut,
  CreateApplication,
  CreateAttachment,
  CreateDelegation,
  Delegation,
  DelegationList,
  ItemParams,
  LicenceActionBody,
  LicencePage,
  LicenceParams,
  LicencePublic,
  LicenceWithHistory,
  ListApplicationsQuery,
  ListDelegationsQuery,
  ListItemsQuery,
  ListLicencesQuery,
  MissingMaterialsBody,
  PowerList,
  PutApprovalItem,
  PutCalendar,
  ReasonBody,
  RevokeDelegation,
  SubmitBody,
  YearParams,
} from "./schemas.js";

const fn = "approvals";
const tags = ["approvals"];
const READERS: readonly Role[] = ["enterprise", "approval_officer", "regulator", "admin"];
const OFFICER: readonly Role[] = ["approval_officer"];

// Every officer action first checks that the officer holds the item's authority for the applicant.
const AUTHORITY_ERRORS = { 403: ["authority_revoked", "delegated_to_city", "no_authority"], 409: ["delegated_to_city", "illegal_transition"] };

/** Problems an action answers beyond its authority and state. */
type Extra = { 400?: string[]; 403?: string[]; 409?: string[] };
const ACTION_ERRORS: Partial<Record<ApplicationAction, Extra>> = {
  "notify-missing": { 400: ["missing_list_required", "missing_list_incomplete"] },
  decline: { 400: ["reason_required"] },
  pause: { 400: ["reason_required"] },
  extend: { 400: ["reason_required"], 403: ["head_required"], 409: ["already_extended", "extension_too_late"] },
  approve: { 400: ["reason_required"], 403: ["separation_of_duties"] },
  refuse: { 400: ["reason_required"], 403: ["separation_of_duties"] },
  issue: { 409: ["licence_number_taken"] },
};

function officerAction<const A extends ApplicationAction>(action: A, summary: string) {
  const body = action === "notify-missing" ? MissingMaterialsBody : REASON_REQUIRED_ACTIONS.includes(action) ? ReasonBody : ActionBody;
  const extra: Extra = ACTION_ERRORS[action] ?? {};
  return route({
    method: "POST", path: `/v1/applications/{id}/${action}`, fn, roles: OFFICER, tags, summary, params: IdParams, body, response: ApplicationView,
    returns: ["etag"],
    errors: { 400: extra[400] ?? [], 403: [...AUTHORITY_ERRORS[403], ...(extra[403] ?? [])], 409: [...AUTHORITY_ERRORS[409], ...(extra[409] ?? [])] },
  });
}

function licenceAction<const P extends string>(path: P, summary: string, errors: { 409?: string[] } = {}) {
  return route({
    method: "POST", path, fn, roles: OFFICER, tags, summary, params: LicenceParams, body: LicenceActionBody, response: LicenceWithHistory,
    returns: ["etag"],
    errors: { 403: AUTHORITY_ERRORS[403], 409: [...AUTHORITY_ERRORS[409], ...(errors[409] ?? [])] },
  });
}

export const routes = {
  // ---------- public ----------
  listApprovalItems: route({
    method: "GET", path: "/v1/approval-items", fn, roles: "public", tags,
    summary: "The approval catalogue (service guides): every item with its stages, standards, key points and integrity-risk points",
    query: ListItemsQuery, response: ApprovalItemList,
  }),
  getApprovalItem: route({
    method: "GET", path: "/v1/approval-items/{id}", fn, roles: "public", tags,
    summary: "One catalogue item's service guide (current version)",
    returns: ["etag"],
    params: ItemParams, response: ApprovalItemOut,
  }),
  listApprovalItemVersions: route({
    method: "GET", path: "/v1/approval-items/{id}/versions", fn, roles: "public", tags,
    summary: "Every version of a catalogue item, oldest first",
    params: ItemParams, response: ApprovalItemList,
  }),
  putApprovalItem: route({
    method: "PUT", path: "/v1/approval-items/{id}", fn, roles: ["admin"], tags,
    summary: "Province admin: create an item, or change it with If-Match (a new version; old versions kept)",
    returns: ["etag"], ifMatch: "replace", errors: { 403: ["province_admin_required"], 409: ["item_exists"] },
    params: ItemParams, body: PutApprovalItem, response: ApprovalItemOut,
  }),
  powerList: route({
    method: "GET", path: "/v1/power-list", fn, roles: "public", tags,
    summary: "The power list and responsibility list, generated from the catalogue and the delegations in force",
    response: PowerList,
  }),
  getCalendar: route({
    method: "GET", path: "/v1/calendar/{year}", fn, roles: "public", tags,
    summary: "The State Council working-day calendar of a year (or the weekends-only fallback, marked as such)",
    returns: ["etag"],
    params: YearParams, response: CalendarOut,
  }),
  putCalendar: route({
    method: "PUT", path: "/v1/calendar/{year}", fn, roles: ["admin"], tags,
    summary: "Province admin: store a year's holidays and make-up working days (If-Match to replace)",
    returns: ["etag"], ifMatch: "replace", errors: { 403: ["province_admin_required"], 409: ["calendar_exists"] },
    params: YearParams, body: PutCalendar, response: CalendarOut,
  }),
  verifyLicence: route({
    method: "GET", path: "/v1/licences/{number}", fn, roles: "public", tags,
    summary: "Verify a licence: holder, item, scope, validity and status (nothing private)",
    params: LicenceParams, response: LicencePublic,
  }),

  // ---------- applications ----------
  createApplication: route({
    method: "POST", path: "/v1/applications", fn, roles: ["enterprise"], tags,
    summary: "An enterprise applies for a catalogue item (a draft until submitted)",
    returns: ["etag", "location"], errors: { 403: ["enterprise_unknown"], 404: ["not_found"] },
    body: CreateApplication, response: ApplicationView, status: 201,
  }),
  listApplications: route({
    method: "GET", path: "/v1/applications", fn, roles: READERS, tags,
    summary: "Applications: an enterprise's own; officers' in their region (queue=true: those they may act on now)",
    errors: { 403: ["officers_only"] },
    query: ListApplicationsQuery, response: ApplicationPage,
  }),
  getApplication: route({
    method: "GET", path: "/v1/applications/{id}", fn, roles: READERS, tags,
    summary: "One application: state, acceptedOn, dueDate, working days used and left, pauses, full step history",
    returns: ["etag"],
    params: IdParams, response: ApplicationView,
  }),
  addAttachment: route({
    method: "POST", path: "/v1/applications/{id}/attachments", fn, roles: ["enterprise"], tags,
    summary: "Declare a material (PDF/JPEG/PNG, size-capped) and get a presigned upload URL",
    errors: { 400: ["unknown_material"], 409: ["attachments_closed", "illegal_transition"] },
    params: IdParams, body: CreateAttachment, response: AttachmentUpload, status: 201,
  }),
  submitApplication: route({
    method: "POST", path: "/v1/applications/{id}/submit", fn, roles: ["enterprise"], tags,
    summary: "Submit (or resubmit after a notice): every required material must be uploaded",
    returns: ["etag"], errors: { 409: ["illegal_transition", "materials_missing"] },
    params: IdParams, body: SubmitBody, response: ApplicationView,
  }),
  acceptApplication: officerAction("accept", "Accept: a dated receipt; the decision clock starts the next working day"),
  notifyMissingMaterials: officerAction("notify-missing", "One notice listing every missing material (行政许可法 art. 32)"),
  declineApplication: officerAction("decline", "Decline: outside the agency's remit (reason)"),
  passReview: officerAction("review-pass", "The review is passed"),
  pauseApplication: officerAction("pause", "Pause for expert review, testing or inspection (reason; the clock stops)"),
  resumeApplication: officerAction("resume", "Resume after a pause"),
  extendApplication: officerAction("extend", "Extend once by 10 working days (head only, reason)"),
  approveApplication: officerAction("approve", "Approve (reason; not by the officer who passed the review)"),
  refuseApplication: officerAction("refuse", "Refuse (reason; not by the officer who passed the review)"),
  issueLicence: officerAction("issue", "Issue the licence (due within 10 working days of approval)"),

  // ---------- licences ----------
  listLicences: route({
    method: "GET", path: "/v1/licences", fn, roles: READERS, tags,
    summary: "Licences: a holder's own; officers' in their region (filter by item, status, expiring within N days)",
    query: ListLicencesQuery, response: LicencePage,
  }),
  getLicenceHistory: route({
    method: "GET", path: "/v1/licences/{number}/history", fn, roles: READERS, tags,
    summary: "A licence with its status history (holder and officers in scope)",
    returns: ["etag"],
    params: LicenceParams, response: LicenceWithHistory,
  }),
  renewLicence: licenceAction("/v1/licences/{number}/renew", "Extend by 3 years without fresh review (window open, no fatal accident during validity)", {
    409: ["renewal_not_allowed", "renewal_needs_application"],
  }),
  suspendLicence: licenceAction("/v1/licences/{number}/suspend", "Suspend (暂扣) a valid licence"),
  restoreLicence: licenceAction("/v1/licences/{number}/restore", "Restore a suspended licence", { 409: ["suspended_for_major_hazard"] }),
  revokeLicence: licenceAction("/v1/licences/{number}/revoke", "Revoke (吊销) a licence"),
  cancelLicence: licenceAction("/v1/licences/{number}/cancel", "Cancel (注销) a licence"),

  // ---------- delegations ----------
  createDelegation: route({
    method: "POST", path: "/v1/delegations", fn, roles: ["admin"], tags,
    summary: "Province admin: delegate (委托) an item to a city from a start date",
    returns: ["etag", "location"], errors: { 400: ["not_delegable"], 403: ["province_admin_required"], 404: ["not_found"], 409: ["already_delegated"] },
    body: CreateDelegation, response: Delegation, status: 201,
  }),
  listDelegations: route({
    method: "GET", path: "/v1/delegations", fn, roles: ["approval_officer", "regulator", "admin"], tags,
    summary: "Delegations, in force and revoked",
    query: ListDelegationsQuery, response: DelegationList,
  }),
  revokeDelegation: route({
    method: "POST", path: "/v1/delegations/{id}/revoke", fn, roles: ["admin"], tags,
    summary: "Province admin: take the item back at once; in-progress applications return to the province",
    errors: { 403: ["province_admin_required"], 409: ["illegal_transition"] },
    params: IdParams, body: RevokeDelegation, response: Delegation,
  }),
} as const;
