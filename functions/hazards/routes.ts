// Routes of the hazards context: checklists, self-inspections, hazards and their workflow,
// evidence, enforcement inspections and the two-books reconciliation, filings, grids and patrols.
import type * as z from "zod/mini";
import { route } from "../../shared/http.js";
import { AttachmentParams } from "../../shared/storage.js";
import type { Role } from "../../shared/policy.js";
import { IdParams } from "../../shared/schemas.js";
import { ACTION_ACTORS } from "./rules.js";
import {
  AssignEnterprises,
  AssignOut,
  AttachmentDownloadOut,
  AttachmentRequest,
  AttachmentUploadOut,
  ChecklistList,
  ChecklistOut,
  ChecklistParams,
  CreateFiling,
  CreateGrid,
  CreateHazard,
  CreateInspection,
  CreatePatrol,
  CreateSelfInspection,
  FilingOut,
  FilingsQuery,
  FilingsView,
  GridEnterpriseParams,
  GridOut,
  GridPage,
  HazardOut,
  HazardPage,
  InspectionOut,
  InspectionPage,
  ListChecklistsQuery,
  ListGridsQuery,
  ListHazardsQuery,
  ListInspectionsQuery,
  ListSelfInspectionsQuery,
  NoteBody,
  PatrolOut,
  PeriodQuery,
  PlanBody,
  PublishChecklist,
  ReconciliationOut,
  RegionPeriodQuery,
  RegionReconciliationOut,
  RejectBody,
  SelfInspectionOut,
  SelfInspectionPage,
  StatisticsOut,
  SuperviseBody,
} from "./schemas.js";

const fn = "hazards";
const tags = ["hazards"];

const READERS: readonly Role[] = ["enterprise", "grid_member", "regulator", "industry_department", "statistician", "admin"];
const SUPERVISORS: readonly Role[] = ["regulator", "industry_department", "statistician", "admin"];

const action = <B extends z.ZodMiniType>(name: keyof typeof ACTION_ACTORS, body: B, summary: string) =>
  route({
    method: "POST",
    path: `/v1/hazards/{id}/${name}`,
    fn,
    roles: ACTION_ACTORS[name],
    tags,
    summary,
    params: IdParams,
    body,
    response: HazardOut,
  });

export const routes = {
  // ---- checklists (排查清单)
  listChecklists: route({
    method: "GET", path: "/v1/checklists", fn, roles: READERS, tags,
    summary: "Checklists offered to an industry (its own and the general one), current versions unless allVersions=true",
    query: ListChecklistsQuery, response: ChecklistList,
  }),
  getChecklist: route({
    method: "GET", path: "/v1/checklists/{id}", fn, roles: READERS, tags,
    summary: "One checklist version with its items (code, check, standard, legal basis)",
    params: ChecklistParams, response: ChecklistOut,
  }),
  publishChecklist: route({
    method: "POST", path: "/v1/checklists", fn, roles: ["regulator", "admin"], tags,
    summary: "Publish the next version of a checklist (province level); earlier versions and inspections made against them never change",
    body: PublishChecklist, response: ChecklistOut, status: 201,
  }),

  // ---- self-inspections
  createSelfInspection: route({
    method: "POST", path: "/v1/self-inspections", fn, roles: ["enterprise"], tags,
    summary: "Record a self-inspection against a checklist: a result per item; every fail becomes a hazard in the same transaction",
    body: CreateSelfInspection, response: SelfInspectionOut, status: 201,
  }),
  getSelfInspection: route({
    method: "GET", path: "/v1/self-inspections/{id}", fn, roles: READERS, tags,
    summary: "One self-inspection with its results as recorded (the checklist version's text)",
    params: IdParams, response: SelfInspectionOut,
  }),
  listSelfInspections: route({
    method: "GET", path: "/v1/self-inspections", fn, roles: READERS, tags,
    summary: "Self-inspections of an enterprise, newest first",
    query: ListSelfInspectionsQuery, response: SelfInspectionPage,
  }),

  // ---- hazards
  createHazard: route({
    method: "POST", path: "/v1/hazards", fn, roles: ["enterprise", "grid_member", "regulator", "industry_department"], tags,
    summary: "Report a hazard: an enterprise for itself, a grid member in its grid, a regulator in its region",
    body: CreateHazard, response: HazardOut, status: 201,
  }),
  listHazards: route({
    method: "GET", path: "/v1/hazards", fn, roles: READERS, tags,
    summary: "Hazards in the caller's scope by region, enterprise, status, level, source or overdue (Asia/Shanghai), each served by a Query on an index",
    query: ListHazardsQuery, response: HazardPage,
  }),
  getHazard: route({
    method: "GET", path: "/v1/hazards/{id}", fn, roles: READERS, tags,
    summary: "One hazard with its allowed actions, overdue flag, review due date and attachments (whether each upload was verified; links come from the attachment route)",
    params: IdParams, response: HazardOut,
  }),
  planHazard: action("plan", PlanBody, "Submit (parts of) the six-part rectification plan of a major hazard; planned once all six parts are in"),
  startHazard: action("start", NoteBody, "Start rectification (a major hazard needs its complete plan first)"),
  completeHazard: action("complete", NoteBody, "Rectification done: needs at least one evidence attachment that exists in S3"),
  acceptHazard: action("accept", NoteBody, "Accept a rectified general hazard (closes it)"),
  rejectHazard: action("reject", RejectBody, "Send a major hazard under review back to rectifying, with a reason"),
  requestReviewHazard: action("request-review", NoteBody, "Apply for the regulator's review of a rectified major hazard"),
  writeOffHazard: action("write-off", NoteBody, "Write off (核销) a reviewed major hazard; lifts a production suspension"),
  superviseHazard: action("supervise", SuperviseBody, "List a major hazard for supervision (挂牌督办) with a deadline, level and production suspension"),
  requestAttachment: route({
    method: "POST", path: "/v1/hazards/{id}/attachments", fn, roles: ["enterprise", "grid_member", "regulator", "industry_department"], tags,
    summary: "Presigned upload for one evidence file (JPEG, PNG or PDF, at most 10 MB; anything else is refused before a URL exists)",
    params: IdParams, body: AttachmentRequest, response: AttachmentUploadOut, status: 201,
  }),
  getHazardAttachment: route({
    method: "GET", path: "/v1/hazards/{id}/attachments/{attachmentId}", fn, roles: READERS, tags,
    summary: "A short-lived download link for one evidence file: the very object verified on complete (a replaced object is refused with 409)",
    params: AttachmentParams, response: AttachmentDownloadOut,
  }),

  // ---- enforcement inspections and the two books (两本帐)
  createInspection: route({
    method: "POST", path: "/v1/enforcement-inspections", fn, roles: ["regulator", "industry_department"], tags,
    summary: "Record an enforcement inspection; each finding becomes a hazard with source enforcement",
    body: CreateInspection, response: InspectionOut, status: 201,
  }),
  getInspection: route({
    method: "GET", path: "/v1/enforcement-inspections/{id}", fn, roles: READERS, tags,
    summary: "One enforcement inspection",
    params: IdParams, response: InspectionOut,
  }),
  listInspections: route({
    method: "GET", path: "/v1/enforcement-inspections", fn, roles: READERS, tags,
    summary: "Enforcement inspections of an enterprise or a region, newest first",
    query: ListInspectionsQuery, response: InspectionPage,
  }),
  enterpriseReconciliation: route({
    method: "GET", path: "/v1/enterprises/{id}/reconciliation", fn, roles: ["enterprise", ...SUPERVISORS], tags,
    summary: "Enforcement findings of a period and which of them the enterprise had self-reported (two books)",
    params: IdParams, query: PeriodQuery, response: ReconciliationOut,
  }),
  regionReconciliation: route({
    method: "GET", path: "/v1/reconciliation", fn, roles: SUPERVISORS, tags,
    summary: "Inspected enterprises of a region ranked by enforcement findings they had not self-reported",
    query: RegionPeriodQuery, response: RegionReconciliationOut,
  }),

  // ---- statistics and filings
  hazardStatistics: route({
    method: "GET", path: "/v1/enterprises/{id}/hazard-statistics", fn, roles: READERS, tags,
    summary: "The enterprise's quarterly or annual hazard statistics computed from its records",
    params: IdParams, query: PeriodQuery, response: StatisticsOut,
  }),
  createFiling: route({
    method: "POST", path: "/v1/hazard-filings", fn, roles: ["enterprise"], tags,
    summary: "File the quarterly (by the 15th of the next month) or annual (by 31 January) statistics, signed by the principal; late filings are accepted and marked late",
    body: CreateFiling, response: FilingOut, status: 201,
  }),
  listFilings: route({
    method: "GET", path: "/v1/hazard-filings", fn, roles: READERS, tags,
    summary: "Per enterprise in scope: filed on time, late, missing (or pending before the deadline), with totals",
    query: FilingsQuery, response: FilingsView,
  }),

  // ---- grids (网格化)
  createGrid: route({
    method: "POST", path: "/v1/grids", fn, roles: ["regulator"], tags,
    summary: "Create a grid in a county or township with its grid member, supervising official and contact leader",
    body: CreateGrid, response: GridOut, status: 201,
  }),
  listGrids: route({
    method: "GET", path: "/v1/grids", fn, roles: ["grid_member", "regulator", "industry_department", "statistician", "admin"], tags,
    summary: "Grids in a region",
    query: ListGridsQuery, response: GridPage,
  }),
  getGrid: route({
    method: "GET", path: "/v1/grids/{id}", fn, roles: ["grid_member", "regulator", "industry_department", "statistician", "admin"], tags,
    summary: "One grid with its enterprises",
    params: IdParams, response: GridOut,
  }),
  assignEnterprises: route({
    method: "POST", path: "/v1/grids/{id}/enterprises", fn, roles: ["regulator"], tags,
    summary: "Assign enterprises to a grid; each enterprise belongs to at most one grid",
    params: IdParams, body: AssignEnterprises, response: AssignOut,
  }),
  removeEnterprise: route({
    method: "DELETE", path: "/v1/grids/{id}/enterprises/{enterpriseId}", fn, roles: ["regulator"], tags,
    summary: "Take an enterprise out of a grid",
    params: GridEnterpriseParams, response: AssignOut,
  }),
  createPatrol: route({
    method: "POST", path: "/v1/grid-patrols", fn, roles: ["grid_member"], tags,
    summary: "A grid member's patrol report; each finding becomes a hazard with source grid_patrol",
    body: CreatePatrol, response: PatrolOut, status: 201,
  }),
  getPatrol: route({
    method: "GET", path: "/v1/grid-patrols/{id}", fn, roles: ["grid_member", "regulator", "industry_department", "statistician", "admin"], tags,
    summary: "One patrol report",
    params: IdParams, response: PatrolOut,
  }),
} as const;
