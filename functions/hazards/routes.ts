// Routes of the hazards context: checklists, self-inspections, hazards and their workflow,
// evidence, enforcement inspections and the two-books reconciliation, filings, grids and patrols.
import type * as z from "zod/mini";
import { type Request, route } from "../../shared/http.js";
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
  ListPatrolsQuery,
  ListHazardsQuery,
  ListInspectionsQuery,
  ListSelfInspectionsQuery,
  NoteBody,
  PatrolOut,
  PatrolPage,
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

/** Every action is decided by the transition table (rules.ts decideAction); some have guards of their own. */
const ACTION_ERRORS: Partial<Record<keyof typeof ACTION_ACTORS, { 400?: string[]; 403?: string[]; 409?: string[] }>> = {
  start: { 409: ["plan_incomplete"] },
  complete: { 409: ["evidence_required"] },
  reject: { 400: ["reason_required"] },
  supervise: { 403: ["supervising_level_too_high"] },
};

const action = <B extends z.ZodMiniType>(name: keyof typeof ACTION_ACTORS, body: B, summary: string, example?: z.input<B>) =>
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
    example,
    returns: ["etag"],
    ifMatch: "optional",
    errors: {
      400: ACTION_ERRORS[name]?.[400] ?? [],
      403: ["action_not_allowed", ...(ACTION_ERRORS[name]?.[403] ?? [])],
      409: ["illegal_transition", ...(ACTION_ERRORS[name]?.[409] ?? [])],
    },
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
    example: { family: "WHP", industryCode: "26", name: "危险化学品生产储存企业事故隐患排查清单", items: [{ code: "WHP-001", check: "主要负责人和安全生产管理人员考核情况", standard: "主要负责人和安全生产管理人员经应急管理部门考核合格，证书在有效期内", basis: "《安全生产法》第二十七条" }] },
    returns: ["location"], errors: { 403: ["province_only"], 409: ["checklist_version_exists"] },
    body: PublishChecklist, response: ChecklistOut, status: 201,
  }),

  // ---- self-inspections
  createSelfInspection: route({
    method: "POST", path: "/v1/self-inspections", fn, roles: ["enterprise"], tags,
    summary: "Record a self-inspection against a checklist: a result per item; every fail becomes a hazard in the same transaction",
    example: { checklistId: "TY-v1", inspectedAt: "2026-11-03T09:30:00+08:00", inspector: "王安全", results: [{ itemCode: "TY-001", result: "pass" }, { itemCode: "TY-002", result: "pass" }, { itemCode: "TY-003", result: "pass" }, { itemCode: "TY-004", result: "pass" }, { itemCode: "TY-005", result: "pass" }, { itemCode: "TY-006", result: "fail", note: "二号仓库门口缺少安全警示标志", hazard: { level: "general", location: "二号仓库门口", rectifyBy: "2026-12-15" } }, { itemCode: "TY-007", result: "pass" }, { itemCode: "TY-008", result: "pass" }, { itemCode: "TY-009", result: "pass" }, { itemCode: "TY-010", result: "pass" }, { itemCode: "TY-011", result: "pass" }, { itemCode: "TY-012", result: "pass" }, { itemCode: "TY-013", result: "pass" }, { itemCode: "TY-014", result: "pass" }, { itemCode: "TY-015", result: "pass" }, { itemCode: "TY-016", result: "pass" }, { itemCode: "TY-017", result: "pass" }, { itemCode: "TY-018", result: "pass" }] },
    returns: ["location"], errors: { 404: ["not_found"] },
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
    example: { enterpriseId: "01JDEM0000000000000000E001", source: "self_inspection", discoveredAt: "2026-11-20T10:00:00+08:00", level: "general", description: "二号仓库灭火器压力不足", location: "二号仓库东侧", rectifyBy: "2026-12-20" },
    returns: ["etag", "location"], errors: { 403: ["source_not_allowed"], 404: ["not_found"] },
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
    returns: ["etag"],
    params: IdParams, response: HazardOut,
  }),
  planHazard: action("plan", PlanBody, "Submit (parts of) the six-part rectification plan of a major hazard; planned once all six parts are in", { plan: { goalAndTasks: "一个月内完成二号罐区紧急切断系统改造并通过验收", methodsAndMeasures: "加装紧急切断阀，接入安全仪表系统", fundsAndMaterials: "安全生产费用列支 48 万元，设备已采购", responsibleOrgAndPeople: "设备部牵头，负责人张工", timeLimitAndRequirements: "2026 年 12 月 31 日前完成，改造期间罐区降负荷运行", safetyAndEmergencyMeasures: "改造期间设专人监护，现场配备应急物资，修订罐区泄漏应急预案" } }),
  startHazard: action("start", NoteBody, "Start rectification (a major hazard needs its complete plan first)"),
  completeHazard: action("complete", NoteBody, "Rectification done: needs at least one evidence attachment that exists in S3"),
  acceptHazard: action("accept", NoteBody, "Accept a rectified general hazard (closes it)"),
  rejectHazard: action("reject", RejectBody, "Send a major hazard under review back to rectifying, with a reason", { reason: "整改照片未显示压力表读数，请补充" }),
  requestReviewHazard: action("request-review", NoteBody, "Apply for the regulator's review of a rectified major hazard"),
  writeOffHazard: action("write-off", NoteBody, "Write off (核销) a reviewed major hazard; lifts a production suspension"),
  superviseHazard: action("supervise", SuperviseBody, "List a major hazard for supervision (挂牌督办) with a deadline, level and production suspension", { deadline: "2027-01-31", supervisingLevel: "county", productionSuspended: false, note: "重大事故隐患挂牌督办" }),
  requestAttachment: route({
    method: "POST", path: "/v1/hazards/{id}/attachments", fn, roles: ["enterprise", "grid_member", "regulator", "industry_department"], tags,
    summary: "Presigned upload for one evidence file (JPEG, PNG or PDF, at most 10 MB; anything else is refused before a URL exists)",
    example: { fileName: "整改后照片.jpg", contentType: "image/jpeg", size: 245760 },
    errors: { 409: ["hazard_closed", "too_many_attachments"] },
    params: IdParams, body: AttachmentRequest, response: AttachmentUploadOut, status: 201,
  }),
  getHazardAttachment: route({
    method: "GET", path: "/v1/hazards/{id}/attachments/{attachmentId}", fn, roles: READERS, tags,
    summary: "A short-lived download link for one evidence file: the very object verified on complete (a replaced object is refused with 409)",
    errors: { 409: ["attachment_not_uploaded", "attachment_replaced"] },
    params: AttachmentParams, response: AttachmentDownloadOut,
  }),

  // ---- enforcement inspections and the two books (两本帐)
  createInspection: route({
    method: "POST", path: "/v1/enforcement-inspections", fn, roles: ["regulator", "industry_department"], tags,
    summary: "Record an enforcement inspection; each finding becomes a hazard with source enforcement",
    example: { enterpriseId: "01JDEM0000000000000000E001", date: "2026-11-25", inspectors: [{ name: "李执法", certificateNo: "42010200123" }, { name: "赵执法", certificateNo: "42010200456" }], summary: "对罐区和仓库进行执法检查", findings: [{ level: "general", description: "罐区可燃气体报警器未定期检定", location: "一号罐区", rectifyBy: "2026-12-25" }] },
    returns: ["location"], errors: { 404: ["not_found"] },
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
    example: { period: "2026Q3", principal: { name: "陈建国", title: "总经理", phone: "027-87654321" } },
    returns: ["location"], errors: { 409: ["already_filed", "period_not_ended"] },
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
    example: { code: "GRID-420102-02", name: "江岸区二号网格", regionCode: "420102", member: { userId: "grid-420102-02", name: "刘网格", phone: "13800000000" }, supervisingOfficial: { name: "周监管", title: "江岸区应急管理局科长", phone: "027-82800000" }, contactLeader: { name: "吴领导", title: "街道办事处副主任" } },
    returns: ["etag", "location"], errors: { 409: ["duplicate_grid_code"] },
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
    returns: ["etag"],
    params: IdParams, response: GridOut,
  }),
  assignEnterprises: route({
    method: "POST", path: "/v1/grids/{id}/enterprises", fn, roles: ["regulator"], tags,
    summary: "Assign enterprises to a grid; each enterprise belongs to at most one grid. With If-Match, only if the grid is still at that version",
    example: { enterpriseIds: ["01JDEM0000000000000000E001"] },
    returns: ["etag"], errors: { 409: ["enterprise_in_another_grid"] },
    params: IdParams, body: AssignEnterprises, response: AssignOut,
  }),
  removeEnterprise: route({
    method: "DELETE", path: "/v1/grids/{id}/enterprises/{enterpriseId}", fn, roles: ["regulator"], tags,
    summary: "Take an enterprise out of a grid. With If-Match, only if the grid is still at that version",
    returns: ["etag"], errors: { 409: ["not_in_grid"] },
    params: GridEnterpriseParams, response: AssignOut,
  }),
  createPatrol: route({
    method: "POST", path: "/v1/grid-patrols", fn, roles: ["grid_member"], tags,
    summary: "A grid member's patrol report; each finding becomes a hazard with source grid_patrol",
    example: { patrolledAt: "2026-11-28T15:00:00+08:00", route: "化工路沿线", visitedEnterpriseIds: ["01JDEM0000000000000000E001"], findings: [{ enterpriseId: "01JDEM0000000000000000E001", level: "general", description: "消防通道堆放杂物", location: "厂区北门消防通道", rectifyBy: "2026-12-05" }] },
    returns: ["location"], errors: { 403: ["no_grid", "not_in_grid"] },
    body: CreatePatrol, response: PatrolOut, status: 201,
  }),
  listPatrols: route({
    method: "GET", path: "/v1/grids/{id}/patrols", fn, roles: ["grid_member", "regulator", "industry_department", "statistician", "admin"], tags,
    summary: "Patrol reports of a grid, newest first",
    params: IdParams, query: ListPatrolsQuery, response: PatrolPage,
  }),
  getPatrol: route({
    method: "GET", path: "/v1/grid-patrols/{id}", fn, roles: ["grid_member", "regulator", "industry_department", "statistician", "admin"], tags,
    summary: "One patrol report",
    params: IdParams, response: PatrolOut,
  }),
} as const;

/** What a route's implementation receives, typed from its entry in the manifest. */
export type Req<K extends keyof typeof routes> = Request<(typeof routes)[K]>;
