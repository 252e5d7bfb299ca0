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
    returns: ["etag", "location"], errors: { 400: ["invalid_uscc"], 404: ["not_found"], 409: ["accident_exists"] },
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
    returns: ["etag"], errors: { 400: ["skip_reason_required"], 409: ["illegal_transition", "beyond_ceiling", "not_holder", "not_upward"] },
    params: IdParams, body: ForwardAccident, response: AccidentView,
  }),
  updateAccident: route({
    method: "POST", path: "/v1/accidents/{id}/updates", fn, roles: REPORTERS, tags, status: 201,
    summary: "Follow-up (续报) or late change (补报) as a new version; casualty changes only within 30 days (7 for road traffic and fire)",
    returns: ["etag", "location"], ifMatch: "optional", errors: { 409: ["illegal_transition", "supplement_window_closed"] },
    params: IdParams, body: UpdateAccident, response: AccidentView,
  }),
  investigationReportUpload: route({
    method: "POST", path: "/v1/accidents/{id}/investigation-report", fn, roles: ["regulator"], tags,
    summary: "A presigned upload for the investigation report (JPEG/PNG/PDF ≤ 10 MB), for a regulator who may close the report",
    errors: { 403: ["below_investigating_level"], 409: ["illegal_transition"] },
    params: IdParams, body: InvestigationReportUpload, response: UploadTicket,
  }),
  closeAccident: route({
    method: "POST", path: "/v1/accidents/{id}/close", fn, roles: ["regulator"], tags,
    summary: "Close with cause, responsibility and handling, by a regulator at or above the investigating level (493号令 art.19); read-only afterwards",
    returns: ["etag"], errors: { 403: ["below_investigating_level"], 409: ["illegal_transition"] },
    params: IdParams, body: CloseAccident, response: AccidentView,
  }),
  confirmConcealment: route({
    method: "POST", path: "/v1/accidents/{id}/confirm-concealment", fn, roles: ["regulator"], tags,
    summary: "Record a confirmed concealed (瞒报) or false (谎报) report, by a regulator at or above the investigating level",
    returns: ["etag"], errors: { 403: ["below_investigating_level"], 409: ["illegal_transition"] },
    params: IdParams, body: ConfirmConcealment, response: AccidentView,
  }),
} as const;
