// Routes of the approvals context: the public catalogue, power list, calendar and licence
// verification; applications and their staged review; licences; delegations.
import { route } from "../../shared/http.js";
import { AttachmentParams } from "../../shared/storage.js";
import type { Role } from "../../shared/policy.js";
import { IdParams } from "../../shared/schemas.js";
import { type ApplicationAction, REASON_REQUIRED_ACTIONS } from "./rules.js";
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

/** Request examples of the actions that need a body. */
const ACTION_EXAMPLES: Partial<Record<ApplicationAction, unknown>> = {
  "notify-missing": { missingMaterials: ["安全评价报告"] },
  decline: { reason: "该事项不属于本机关职权范围，请向所在市应急管理局申请" },
  pause: { reason: "组织专家现场核查" },
  extend: { reason: "现场核查发现问题较多，经负责人批准延长十个工作日" },
  approve: { reason: "经审查符合《安全生产许可证条例》第六条规定的安全生产条件" },
  refuse: { reason: "安全评价报告结论为不具备安全生产条件" },
};

function officerAction<const A extends ApplicationAction>(action: A, summary: string) {
  const body = action === "notify-missing" ? MissingMaterialsBody : REASON_REQUIRED_ACTIONS.includes(action) ? ReasonBody : ActionBody;
  const extra: Extra = ACTION_ERRORS[action] ?? {};
  return route({
    method: "POST", path: `/v1/applications/{id}/${action}`, fn, roles: OFFICER, tags, summary, params: IdParams, body, response: ApplicationView,
    example: ACTION_EXAMPLES[action],
    returns: ["etag"],
    errors: { 400: extra[400] ?? [], 403: [...AUTHORITY_ERRORS[403], ...(extra[403] ?? [])], 409: [...AUTHORITY_ERRORS[409], ...(extra[409] ?? [])] },
  });
}

function licenceAction<const P extends string>(path: P, summary: string, reason: string, errors: { 409?: string[] } = {}) {
  return route({
    method: "POST", path, fn, roles: OFFICER, tags, summary, params: LicenceParams, body: LicenceActionBody, response: LicenceWithHistory,
    example: { reason },
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
    example: {
      name: "特种作业操作证核发",
      category: "特种作业操作证核发",
      inProvincialList: true,
      legalBasis: ["《安全生产法》第三十条", "《特种作业人员安全技术培训考核管理规定》"],
      issuer: "city_county",
      limitWorkingDays: 20,
      limitBasis: "《行政许可法》第四十二条",
      licenceValidityYears: 6,
      fee: 0,
      materials: ["申请书", "身份证明", "学历证明", "体检证明"],
      stages: (["acceptance", "review", "decision", "delivery"] as const).map((stage) => ({
        stage,
        reviewed: "申请材料和考核成绩",
        standard: "符合《特种作业人员安全技术培训考核管理规定》第四条规定的条件",
        keyPoints: ["考核成绩合格"],
        integrityRisks: ["降低标准发证"],
        misconductConsequence: "依照《行政许可法》第七十二条追究责任",
      })),
      changeReason: "调整审查要点",
    },
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
    example: { holidays: ["2027-01-01"], makeUpWorkdays: [], source: "国务院办公厅关于2027年部分节假日安排的通知" },
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
    example: { itemCode: "AQ01-01", scope: "年产 5 万吨乙酸乙酯" },
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
    example: { material: "申请书", fileName: "申请书.pdf", contentType: "application/pdf", size: 524288 },
    errors: { 400: ["unknown_material"], 409: ["attachments_closed", "illegal_transition", "too_many_attachments"] },
    params: IdParams, body: CreateAttachment, response: AttachmentUpload, status: 201,
  }),
  getApplicationAttachment: route({
    method: "GET", path: "/v1/applications/{id}/attachments/{attachmentId}", fn, roles: READERS, tags,
    summary: "A short-lived download link for one material: the very object verified on submit (a replaced object is refused with 409)",
    errors: { 409: ["attachment_not_uploaded", "attachment_replaced"] },
    params: AttachmentParams, response: AttachmentDownload,
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
  renewLicence: licenceAction("/v1/licences/{number}/renew", "Extend by 3 years without fresh review (window open, no fatal accident during validity)", "有效期内未发生死亡事故，申请延期", {
    409: ["renewal_not_allowed", "renewal_needs_application"],
  }),
  suspendLicence: licenceAction("/v1/licences/{number}/suspend", "Suspend (暂扣) a valid licence", "重大事故隐患挂牌督办期间暂扣"),
  restoreLicence: licenceAction("/v1/licences/{number}/restore", "Restore a suspended licence", "隐患已整改销号", { 409: ["suspended_for_major_hazard"] }),
  revokeLicence: licenceAction("/v1/licences/{number}/revoke", "Revoke (吊销) a licence", "发生重大生产安全事故"),
  cancelLicence: licenceAction("/v1/licences/{number}/cancel", "Cancel (注销) a licence", "企业申请注销"),

  // ---------- delegations ----------
  createDelegation: route({
    method: "POST", path: "/v1/delegations", fn, roles: ["admin"], tags,
    summary: "Province admin: delegate (委托) an item to a city from a start date",
    example: { itemCode: "AQ01-01", cityCode: "420100", startDate: "2027-01-01", reason: "委托武汉市应急管理局实施" },
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
    example: { reason: "委托期间办件质量不达标，收回委托" },
    errors: { 403: ["province_admin_required"], 409: ["illegal_transition"] },
    params: IdParams, body: RevokeDelegation, response: Delegation,
  }),
} as const;
