// Routes of the approvals context: the public catalogue, power list, calendar and licence
// verification; applications and their staged review; licences; delegations.
import { route } from "../../shared/http.js";
import { AttachmentParams } from "../../shared/storage.js";
import type { Role } from "../../shared/policy.js";
import { IdParams } from "../../shared/schemas.js";
import {
  ActionBody,
  ApplicationPage,
  ApplicationView,
  ApprovalItemList,
  ApprovalItemOut,
  AttachmentDownload,
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
  PowerList,
  PutApprovalItem,
  PutCalendar,
  RevokeDelegation,
  SubmitBody,
  YearParams,
} from "./schemas.js";

const fn = "approvals";
const tags = ["approvals"];
const READERS: readonly Role[] = ["enterprise", "approval_officer", "regulator", "admin"];
const OFFICER: readonly Role[] = ["approval_officer"];

function officerAction<const P extends string>(path: P, summary: string) {
  return route({ method: "POST", path, fn, roles: OFFICER, tags, summary, params: IdParams, body: ActionBody, response: ApplicationView });
}

function licenceAction<const P extends string>(path: P, summary: string) {
  return route({ method: "POST", path, fn, roles: OFFICER, tags, summary, params: LicenceParams, body: LicenceActionBody, response: LicenceWithHistory });
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
    params: YearParams, response: CalendarOut,
  }),
  putCalendar: route({
    method: "PUT", path: "/v1/calendar/{year}", fn, roles: ["admin"], tags,
    summary: "Province admin: store a year's holidays and make-up working days (If-Match to replace)",
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
    body: CreateApplication, response: ApplicationView, status: 201,
  }),
  listApplications: route({
    method: "GET", path: "/v1/applications", fn, roles: READERS, tags,
    summary: "Applications: an enterprise's own; officers' in their region (queue=true: those they may act on now)",
    query: ListApplicationsQuery, response: ApplicationPage,
  }),
  getApplication: route({
    method: "GET", path: "/v1/applications/{id}", fn, roles: READERS, tags,
    summary: "One application: state, acceptedOn, dueDate, working days used and left, pauses, full step history",
    params: IdParams, response: ApplicationView,
  }),
  addAttachment: route({
    method: "POST", path: "/v1/applications/{id}/attachments", fn, roles: ["enterprise"], tags,
    summary: "Declare a material (PDF/JPEG/PNG, size-capped) and get a presigned upload URL",
    params: IdParams, body: CreateAttachment, response: AttachmentUpload, status: 201,
  }),
  getApplicationAttachment: route({
    method: "GET", path: "/v1/applications/{id}/attachments/{attachmentId}", fn, roles: READERS, tags,
    summary: "A short-lived download link for one material: the very object verified on submit (a replaced object is refused with 409)",
    params: AttachmentParams, response: AttachmentDownload,
  }),
  submitApplication: route({
    method: "POST", path: "/v1/applications/{id}/submit", fn, roles: ["enterprise"], tags,
    summary: "Submit (or resubmit after a notice): every required material must be uploaded",
    params: IdParams, body: SubmitBody, response: ApplicationView,
  }),
  acceptApplication: officerAction("/v1/applications/{id}/accept", "Accept: a dated receipt; the decision clock starts the next working day"),
  notifyMissingMaterials: officerAction("/v1/applications/{id}/notify-missing", "One notice listing every missing material (行政许可法 art. 32)"),
  declineApplication: officerAction("/v1/applications/{id}/decline", "Decline: outside the agency's remit (reason)"),
  passReview: officerAction("/v1/applications/{id}/review-pass", "The review is passed"),
  pauseApplication: officerAction("/v1/applications/{id}/pause", "Pause for expert review, testing or inspection (reason; the clock stops)"),
  resumeApplication: officerAction("/v1/applications/{id}/resume", "Resume after a pause"),
  extendApplication: officerAction("/v1/applications/{id}/extend", "Extend once by 10 working days (head only, reason)"),
  approveApplication: officerAction("/v1/applications/{id}/approve", "Approve (reason; not by the officer who passed the review)"),
  refuseApplication: officerAction("/v1/applications/{id}/refuse", "Refuse (reason; not by the officer who passed the review)"),
  issueLicence: officerAction("/v1/applications/{id}/issue", "Issue the licence (due within 10 working days of approval)"),

  // ---------- licences ----------
  listLicences: route({
    method: "GET", path: "/v1/licences", fn, roles: READERS, tags,
    summary: "Licences: a holder's own; officers' in their region (filter by item, status, expiring within N days)",
    query: ListLicencesQuery, response: LicencePage,
  }),
  getLicenceHistory: route({
    method: "GET", path: "/v1/licences/{number}/history", fn, roles: READERS, tags,
    summary: "A licence with its status history (holder and officers in scope)",
    params: LicenceParams, response: LicenceWithHistory,
  }),
  renewLicence: licenceAction("/v1/licences/{number}/renew", "Extend by 3 years without fresh review (window open, no fatal accident during validity)"),
  suspendLicence: licenceAction("/v1/licences/{number}/suspend", "Suspend (暂扣) a valid licence"),
  restoreLicence: licenceAction("/v1/licences/{number}/restore", "Restore a suspended licence"),
  revokeLicence: licenceAction("/v1/licences/{number}/revoke", "Revoke (吊销) a licence"),
  cancelLicence: licenceAction("/v1/licences/{number}/cancel", "Cancel (注销) a licence"),

  // ---------- delegations ----------
  createDelegation: route({
    method: "POST", path: "/v1/delegations", fn, roles: ["admin"], tags,
    summary: "Province admin: delegate (委托) an item to a city from a start date",
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
    params: IdParams, body: RevokeDelegation, response: Delegation,
  }),
} as const;
