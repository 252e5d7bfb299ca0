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
    body: CreateAccident, response: AccidentView,
  }),
  getAccident: route({
    method: "GET", path: "/v1/accidents/{id}", fn, roles: READERS, tags,
    summary: "One report: current state, deadlines and flags as of now, and every version with who and when",
    params: IdParams, response: AccidentDetail,
  }),
  listAccidents: route({
    method: "GET", path: "/v1/accidents", fn, roles: READERS, tags,
    summary: "Reports in the caller's scope by region, time, grade, type and industry; ?pending=true lists what waits for the caller's level to forward",
    query: ListAccidentsQuery, response: AccidentPage,
  }),
  forwardAccident: route({
    method: "POST", path: "/v1/accidents/{id}/forward", fn, roles: ["regulator"], tags,
    summary: "Pass the report to the next level (493号令 art.10-11, within 2 hours); skipping a level needs a reason",
    params: IdParams, body: ForwardAccident, response: AccidentView,
  }),
  updateAccident: route({
    method: "POST", path: "/v1/accidents/{id}/updates", fn, roles: REPORTERS, tags, status: 201,
    summary: "Follow-up (续报) or late change (补报) as a new version; casualty changes only within 30 days (7 for road traffic and fire)",
    params: IdParams, body: UpdateAccident, response: AccidentView,
  }),
  investigationReportUpload: route({
    method: "POST", path: "/v1/accidents/{id}/investigation-report", fn, roles: ["regulator"], tags,
    summary: "A presigned upload for the investigation report (JPEG/PNG/PDF ≤ 10 MB), for a regulator who may close the report",
    params: IdParams, body: InvestigationReportUpload, response: UploadTicket,
  }),
  investigationReportDownload: route({
    method: "GET", path: "/v1/accidents/{id}/investigation-report", fn, roles: READERS, tags,
    summary: "A short-lived download link for the investigation report of a closed report (the object verified on close)",
    params: IdParams, response: InvestigationReportDownload,
  }),
  closeAccident: route({
    method: "POST", path: "/v1/accidents/{id}/close", fn, roles: ["regulator"], tags,
    summary: "Close with cause, responsibility and handling, by a regulator at or above the investigating level (493号令 art.19); read-only afterwards",
    params: IdParams, body: CloseAccident, response: AccidentView,
  }),
  confirmConcealment: route({
    method: "POST", path: "/v1/accidents/{id}/confirm-concealment", fn, roles: ["regulator"], tags,
    summary: "Record a confirmed concealed (瞒报) or false (谎报) report, by a regulator at or above the investigating level",
    params: IdParams, body: ConfirmConcealment, response: AccidentView,
  }),
} as const;
