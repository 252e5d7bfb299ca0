// Routes of accident direct reporting (事故归口直报), declared once for CDK, the local server and OpenAPI.
import { route } from "../../shared/http.js";
import { IdParams } from "../../shared/schemas.js";
import {
  AccidentDetail,
  AccidentPage,
  AccidentView,
  CloseAccident,
  ConfirmConcealment,
  CreateAccident,
  ForwardAccident,
  InvestigationReportUpload,
  ListAccidentsQuery,
  UpdateAccident,
  InvestigationReportDownload,
  UploadTicket,
} from "./schemas.js";

const fn = "accidents";
const tags = ["accidents"];
const READERS = ["enterprise", "regulator", "industry_department", "statistician", "admin"] as const;
const REPORTERS = ["enterprise", "regulator", "industry_department"] as const;

export const routes = {
  createAccident: route({
    method: "POST", path: "/v1/accidents", fn, roles: REPORTERS, tags, status: 201,
    summary: "Initial report (首报) by the unit for itself, a regulator in its region or an industry department; grade, deadlines and escalation chain are computed (493号令)",
    example: { regionCode: "420102", occurredAt: "2026-11-30T14:20:00+08:00", enterpriseId: "01JDEM0000000000000000E001", industryCode: "26", accidentType: "03", summary: "包装车间一名操作工右手被输送机卷入", scene: "包装车间二号输送线，设备已停机", deaths: 0, missing: 0, seriousInjuries: 1, injuries: 0, directLossYuan: 150000, measuresTaken: "伤者已送医，现场已封闭" },
    returns: ["etag", "location"], errors: { 400: ["injury_counts_mismatch", "invalid_uscc", "uscc_check_character", "uscc_org_code_check"], 404: ["not_found"], 409: ["accident_exists"] },
    body: CreateAccident, response: AccidentView,
  }),
  getAccident: route({
    method: "GET", path: "/v1/accidents/{id}", fn, roles: READERS, tags,
    summary: "One report: current state, deadlines and flags as of now, and every version with who and when",
    returns: ["etag"],
    params: IdParams, response: AccidentDetail,
  }),
  listAccidents: route({
    method: "GET", path: "/v1/accidents", fn, roles: READERS, tags,
    summary: "Reports in the caller's scope by region, time, grade, type and industry; ?pending=true lists what waits for the caller's level to forward",
    errors: { 403: ["pending_for_regulators"] },
    query: ListAccidentsQuery, response: AccidentPage,
  }),
  forwardAccident: route({
    method: "POST", path: "/v1/accidents/{id}/forward", fn, roles: ["regulator"], tags,
    summary: "Pass the report to the next level (493号令 art.10-11, within 2 hours); skipping a level needs a reason",
    returns: ["etag"], errors: { 400: ["skip_reason_required"], 403: ["not_accident_region"], 409: ["illegal_transition", "beyond_ceiling", "not_holder", "not_upward"] },
    params: IdParams, body: ForwardAccident, response: AccidentView,
  }),
  updateAccident: route({
    method: "POST", path: "/v1/accidents/{id}/updates", fn, roles: REPORTERS, tags, status: 201,
    summary: "Follow-up (续报) or late change (补报) as a new version; casualty changes only within 30 days (7 for road traffic and fire)",
    example: { note: "续报：直接经济损失核定为 18 万元", directLossYuan: 180000 },
    returns: ["etag", "location"], ifMatch: "optional", errors: { 400: ["injury_counts_mismatch"], 403: ["casualty_decrease_refused", "not_accident_region"], 409: ["illegal_transition", "supplement_window_closed"] },
    params: IdParams, body: UpdateAccident, response: AccidentView,
  }),
  investigationReportUpload: route({
    method: "POST", path: "/v1/accidents/{id}/investigation-report", fn, roles: ["regulator"], tags,
    summary: "A presigned upload for the investigation report (JPEG/PNG/PDF ≤ 10 MB), for a regulator who may close the report",
    example: { fileName: "事故调查报告.pdf", contentType: "application/pdf", size: 1048576 },
    errors: { 403: ["below_investigating_level", "not_accident_region"], 409: ["illegal_transition"] },
    params: IdParams, body: InvestigationReportUpload, response: UploadTicket,
  }),
  investigationReportDownload: route({
    method: "GET", path: "/v1/accidents/{id}/investigation-report", fn, roles: READERS, tags,
    summary: "A short-lived download link for the investigation report of a closed report (the object verified on close)",
    errors: { 409: ["attachment_not_uploaded", "attachment_replaced"] },
    params: IdParams, response: InvestigationReportDownload,
  }),
  closeAccident: route({
    method: "POST", path: "/v1/accidents/{id}/close", fn, roles: ["regulator"], tags,
    summary: "Close with cause, responsibility and handling, by a regulator at or above the investigating level (493号令 art.19); read-only afterwards",
    example: { cause: "输送机防护罩缺失，操作工违规清理运行中的设备", enterpriseResponsible: true, handling: "对企业处以罚款，对车间主任给予处分" },
    returns: ["etag"], errors: { 403: ["below_investigating_level", "not_accident_region"], 409: ["illegal_transition"] },
    params: IdParams, body: CloseAccident, response: AccidentView,
  }),
  confirmConcealment: route({
    method: "POST", path: "/v1/accidents/{id}/confirm-concealment", fn, roles: ["regulator"], tags,
    summary: "Record a confirmed concealed (瞒报) or false (谎报) report, by a regulator at or above the investigating level",
    example: { kind: "concealed", reason: "经调查，企业隐瞒一名重伤人员未报" },
    returns: ["etag"], errors: { 403: ["below_investigating_level", "not_accident_region"], 409: ["illegal_transition"] },
    params: IdParams, body: ConfirmConcealment, response: AccidentView,
  }),
} as const;
