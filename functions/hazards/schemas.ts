// Request and response schemas of the hazards context (zod/mini). Requests are strict (unknown
// fields are a 400 naming them); responses are open objects (VALIDATE_RESPONSES checks their shape).
import * as z from "zod/mini";
import { msg } from "../../shared/messages.js";
import { components, Cursor, DateString, field, Id, IndustryCode, Instant, IsoDate, Limit, NextCursor, NonEmpty, Out, page, QueryBool, RegionCode, Timestamp, Url } from "../../shared/schemas.js";
import { AttachmentRequest } from "../../shared/storage.js";
import { isRegionCode } from "./regions.js";
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES, parsePeriod, PLAN_PARTS, SUPERVISING_LEVELS } from "./rules.js";

export { AttachmentRequest };

// ---------- pieces ----------

/** Checklist version ids: `<FAMILY>-v<version>`, e.g. WHP-v1. */
export const ChecklistId = z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,15}-v[1-9]\d{0,3}$/, msg("checklistId")));
/** Checklist item codes: `<FAMILY>-<nnn>`, stable across versions. */
export const ItemCode = z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,15}-\d{3}$/, msg("checklistItemCode")));
export const Period = z.string().check(z.refine((p) => parsePeriod(p) !== null, msg("period")));

const planShape = Object.fromEntries(PLAN_PARTS.map((p) => [p.key, field(z.optional(NonEmpty(4000)), `${p.label}。`)])) as {
  [K in (typeof PLAN_PARTS)[number]["key"]]: z.ZodMiniOptional<ReturnType<typeof NonEmpty>>;
};
/** The six-part rectification plan (16号令 art.15 ¶2); parts may arrive over several requests. */
export const Plan = z.strictObject(planShape);
/** The plan as stored: the parts given so far. */
const PlanRecord = z.partial(
  z.object(Object.fromEntries(PLAN_PARTS.map((p) => [p.key, field(z.string(), `${p.label}。`)])) as { [K in (typeof PLAN_PARTS)[number]["key"]]: z.ZodMiniString }),
);

/** What describes one hazard, wherever it is reported (direct, self-inspection, inspection, patrol). */
const HazardDetails = {
  level: field(z.enum(HAZARD_LEVELS), "隐患级别：general 一般隐患，major 重大隐患。Hazard level."),
  description: field(NonEmpty(2000), "隐患描述。Description."),
  location: field(NonEmpty(300), "隐患所在的具体位置。Location."),
  rectifyBy: field(IsoDate, "整改期限。Rectify by."),
  checklistItemId: field(z.optional(ItemCode), "对应的排查清单条目代码。Checklist item code."),
  fixedOnSpot: field(z.optional(z.boolean()), "是否已当场整改。Fixed on the spot."),
  currentStateAndCause: field(z.optional(NonEmpty(4000)), "隐患现状及其产生原因（重大隐患必填，16号令第十四条）。Current state and cause."),
  harmAndDifficultyAnalysis: field(z.optional(NonEmpty(4000)), "隐患的危害程度和整改难易程度分析（重大隐患必填）。Harm and difficulty analysis."),
  plan: field(z.optional(Plan), "重大隐患治理方案的六项内容（16号令第十五条第二款），可分次提交。Rectification plan."),
};

/** One hazard's content as a request gives it (an inspection's or a patrol's findings, a failed item). */
export const HazardContent = z.strictObject(HazardDetails);
export type HazardInput = z.infer<typeof HazardContent>;

const Person = z.strictObject({
  name: field(NonEmpty(50), "姓名。Name."),
  title: field(z.optional(NonEmpty(50)), "职务。Title."),
  phone: field(z.optional(z.string().check(z.regex(/^[0-9+\-() ]{5,20}$/, msg("phone")))), "联系电话。Phone."),
});

// ---------- checklists ----------

export const ChecklistParams = z.strictObject({ id: field(ChecklistId, "排查清单版本编号，如 WHP-v1。Checklist id.") });

export const ListChecklistsQuery = z.strictObject({
  industryCode: field(z.optional(IndustryCode), "按行业筛选：该行业的清单和通用清单。Industry filter."),
  allVersions: field(QueryBool, "true：列出全部版本；默认只列现行版本。All versions."),
});

export const PublishChecklist = z.strictObject({
  family: field(z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,15}$/, msg("checklistFamily"))), "清单族代码（2–16 位大写字母或数字），各版本共用，如 WHP。Family."),
  industryCode: field(z.nullable(IndustryCode), "适用行业（GB/T 4754）；null 为通用清单。Industry."),
  name: field(NonEmpty(200), "清单名称。Name."),
  items: field(z
    .array(z.strictObject({ code: field(ItemCode, "条目代码（<族>-<三位序号>，跨版本不变），如 WHP-003。Item code."), check: field(NonEmpty(500), "排查内容。What to check."), standard: field(NonEmpty(1000), "排查标准。Standard."), basis: field(NonEmpty(1000), "法律法规或标准依据。Legal basis.") }))
    .check(z.minLength(1), z.maxLength(200)), "清单条目（1–200 条）。Items."),
});

const ChecklistItemRecord = z.object({ code: field(z.string(), "条目代码，如 WHP-003。Item code."), check: field(z.string(), "排查内容。What to check."), standard: field(z.string(), "排查标准。Standard."), basis: field(z.string(), "法律法规或标准依据。Legal basis.") });
/** A checklist version as stored (pk CHKL#<id>). */
export const ChecklistRecord = z.object({
  id: field(z.string(), "清单版本编号，如 WHP-v1。Checklist id."),
  family: field(z.string(), "清单族代码。Family."),
  industryCode: field(z.nullable(z.string()), "适用行业；null 为通用清单。Industry."),
  name: field(z.string(), "清单名称。Name."),
  version: field(z.number(), "清单版本号。Checklist version."),
  items: field(z.array(ChecklistItemRecord), "清单条目。Items."),
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
});
export type StoredChecklist = z.infer<typeof ChecklistRecord>;
const Current = field(z.boolean(), "是否为现行版本。Current.");
export const ChecklistOut = z.extend(z.omit(ChecklistRecord, { createdAt: true, createdBy: true }), { current: Current });
export const ChecklistSummary = z.extend(z.omit(ChecklistRecord, { items: true, createdAt: true, createdBy: true }), {
  current: Current,
  itemCount: field(z.number(), "条目数。Item count."),
});
export const ChecklistList = z.object({ items: field(z.array(ChecklistSummary), "清单（摘要）。Checklists.") });

// ---------- self-inspections ----------

export const FailedItemHazard = z.strictObject({
  level: field(HazardDetails.level, "隐患级别：general 一般隐患，major 重大隐患。Hazard level."),
  location: field(HazardDetails.location, "隐患所在的具体位置。Location."),
  rectifyBy: field(HazardDetails.rectifyBy, "整改期限。Rectify by."),
  /** Defaults to the item's check and the note. */
  description: field(z.optional(HazardDetails.description), "隐患描述（默认取条目的排查内容和备注）。Description."),
  fixedOnSpot: field(HazardDetails.fixedOnSpot, "是否已当场整改。Fixed on the spot."),
  currentStateAndCause: field(HazardDetails.currentStateAndCause, "隐患现状及其产生原因（重大隐患必填，16号令第十四条）。Current state and cause."),
  harmAndDifficultyAnalysis: field(HazardDetails.harmAndDifficultyAnalysis, "隐患的危害程度和整改难易程度分析（重大隐患必填）。Harm and difficulty analysis."),
  plan: field(HazardDetails.plan, "重大隐患治理方案的六项内容（16号令第十五条第二款），可分次提交。Rectification plan."),
});

export const CreateSelfInspection = z.strictObject({
  checklistId: field(ChecklistId, "所用排查清单版本编号，如 WHP-v1。Checklist id."),
  inspectedAt: field(Instant, "自查时刻。Inspected at."),
  inspector: field(NonEmpty(50), "自查人。Inspector."),
  results: field(z
    .array(
      z.strictObject({
        itemCode: field(ItemCode, "清单条目代码，如 WHP-003。Item code."),
        result: field(z.enum(["pass", "fail", "na"]), "结果：pass 合格，fail 不合格（须带 hazard），na 不适用。Result."),
        note: field(z.optional(NonEmpty(1000)), "备注。Note."),
        /** Required for `fail`: the hazard the failed item becomes. */
        hazard: field(z.optional(FailedItemHazard), "不合格条目形成的隐患（result 为 fail 时必填，其他结果不得带）。Hazard of a failed item."),
      }).check(
        // The handler's rule, stated in the schema for clients: a fail carries its hazard, nothing else does.
        // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keywords, not a thenable
        z.meta({ if: { properties: { result: { const: "fail" } } }, then: { required: ["hazard"] }, else: { not: { required: ["hazard"] } } }),
      ),
    )
    .check(z.minLength(1), z.maxLength(200)), "每个清单条目的结果：清单的每一条目须有且仅有一条结果（缺项或多项答 400）；result 为 fail 的条目须带 hazard。Results, one per checklist item."),
});
export type CreateSelfInspection = z.infer<typeof CreateSelfInspection>;

/** A self-inspection as stored (pk SINSP#<id>), with the enterprise's scope fields. */
export const SelfInspectionRecord = z.object({
  id: Out.id,
  enterpriseId: field(z.string(), "企业编号。Enterprise id."),
  regionCode: field(z.string(), "行政区划代码。Region code."),
  cityCode: Out.cityCode,
  industryCode: Out.industryCode,
  gridId: field(z.nullable(z.string()), "记录时企业所属网格（范围判断按企业当前网格）。Grid of the enterprise when recorded."),
  checklistId: field(z.string(), "所用排查清单版本编号，如 WHP-v1。Checklist id."),
  checklistVersion: field(z.number(), "清单版本号。Checklist version."),
  inspectedAt: field(Timestamp, "自查时刻。Inspected at."),
  inspector: field(z.string(), "自查人。Inspector."),
  results: field(z.array(
    z.object({
      itemCode: field(z.string(), "清单条目代码，如 WHP-003。Item code."),
      check: field(z.string(), "排查内容。What to check."),
      standard: field(z.string(), "排查标准。Standard."),
      result: field(z.enum(["pass", "fail", "na"]), "结果：pass 合格，fail 不合格（须带 hazard），na 不适用。Result."),
      note: field(z.optional(z.string()), "备注。Note."),
      hazardId: field(z.optional(z.string()), "由此产生的隐患编号。Hazard id."),
    }),
  ), "各条目的结果（含当时版本的条目文本）。Results."),
  counts: field(z.object({ pass: field(z.number(), "合格条目数。Pass."), fail: field(z.number(), "不合格条目数。Fail."), na: field(z.number(), "不适用条目数。Not applicable.") }), "各结果的条目数。Counts."),
  hazardIds: field(z.array(z.string()), "由此产生的隐患编号。Hazard ids."),
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
});
export type SelfInspection = z.infer<typeof SelfInspectionRecord>;
export const SelfInspectionOut = z.omit(SelfInspectionRecord, { cityCode: true, industryCode: true, gridId: true });
export const SelfInspectionPage = page(SelfInspectionOut);
export const ListSelfInspectionsQuery = z.strictObject({ enterpriseId: field(z.optional(Id), "按企业筛选（企业用户只能看本企业）。Enterprise filter."), limit: Limit, cursor: Cursor });

// ---------- hazards ----------

export const CreateHazard = z.strictObject({
  enterpriseId: field(Id, "隐患所在企业的编号。Enterprise id."),
  source: field(z.enum(HAZARD_SOURCES), "隐患来源：self_inspection 企业自查，grid_patrol 网格巡查，enforcement 执法检查，public_report 群众举报。Source."),
  discoveredAt: field(Instant, "发现时刻。Discovered at."),
  ...HazardDetails,
});
export type CreateHazard = z.infer<typeof CreateHazard>;

export const ListHazardsQuery = z.strictObject({
  regionCode: field(z.optional(RegionCode), "行政区划代码。Region code."),
  enterpriseId: field(z.optional(Id), "按企业筛选。Enterprise filter."),
  status: field(z.optional(z.enum(HAZARD_STATUSES)), "按状态筛选。Status filter."),
  level: field(z.optional(z.enum(HAZARD_LEVELS)), "按级别筛选。Level filter."),
  source: field(z.optional(z.enum(HAZARD_SOURCES)), "按来源筛选。Source filter."),
  overdue: field(QueryBool, "true：只列已逾期未整改的隐患（北京时间）。Overdue only."),
  limit: Limit,
  cursor: Cursor,
});

export const NoteBody = z.strictObject({ note: field(z.optional(NonEmpty(1000)), "备注。Note.") });
export const PlanBody = z.strictObject({ plan: field(Plan, "重大隐患治理方案的六项内容（16号令第十五条第二款），可分次提交。Rectification plan."), note: field(z.optional(NonEmpty(1000)), "备注。Note.") });
export const RejectBody = z.strictObject({ reason: field(NonEmpty(1000), "退回整改的理由。Reason.") });
export const SuperviseBody = z.strictObject({
  /** Rectification deadline set by the listing department. */
  deadline: field(IsoDate, "挂牌督办的整改期限。Deadline."),
  /** Defaults to the caller's own level; a department may list at its level or below. */
  supervisingLevel: field(z.optional(z.enum(SUPERVISING_LEVELS)), "督办层级：province 省，city 市，county 县；默认调用者本级。Supervising level."),
  productionSuspended: field(z.boolean(), "是否责令停产停业整改。Suspend production."),
  note: field(z.optional(NonEmpty(1000)), "备注。Note."),
});

/** 挂牌督办 of a major hazard (16号令 art.21). */
const SupervisionRecord = z.object({
  deadline: field(DateString, "督办整改期限。Deadline."),
  supervisingLevel: field(z.enum(SUPERVISING_LEVELS), "督办层级：province 省，city 市，county 县；默认调用者本级。Supervising level."),
  productionSuspended: field(z.boolean(), "是否责令停产停业。Production suspended."),
  suspendProduction: field(z.boolean(), "是否责令停产停业（同 productionSuspended，兼容旧客户端）。Suspend production."),
  listedOn: field(DateString, "挂牌日期。Listed on."),
  listedBy: field(z.string(), "挂牌人的用户编号。Listed by."),
  listedByRegion: field(z.string(), "挂牌部门的行政区划代码。Listing region."),
  note: field(z.optional(z.string()), "备注。Note."),
});

/** What S3 held when an upload was verified (shared/storage.ts VerifiedUpload). */
const VerifiedUploadRecord = z.object({ size: z.number(), etag: z.string(), versionId: z.optional(z.string()) });
/** An evidence attachment as stored (pk HAZ#<hazard>, sk ATT#<id>). */
export const AttachmentRecord = z.object({
  id: field(z.string(), "附件编号。Attachment id."),
  hazardId: z.string(),
  key: z.string(),
  fileName: field(z.string(), "文件名。File name."),
  contentType: field(z.string(), "文件类型：image/jpeg、image/png 或 application/pdf。Content type."),
  size: field(z.number(), "文件大小（字节，≤ 10 MB）。Size in bytes."),
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
  /** Set once, on the step that relied on the upload (complete); reads never ask S3 again. */
  verified: z.optional(VerifiedUploadRecord),
});
export type Attachment = z.infer<typeof AttachmentRecord>;

export const AttachmentOut = z.extend(z.pick(AttachmentRecord, { id: true, fileName: true, contentType: true, size: true, createdAt: true, createdBy: true }), {
  uploaded: field(z.boolean(), "文件是否已上传到存储。Uploaded."),
});
export type AttachmentView = z.infer<typeof AttachmentOut>;

/** A hazard as stored (pk HAZ#<id>), with the enterprise's scope fields at the time of the report. */
export const HazardRecord = z.object({
  id: Out.id,
  enterpriseId: field(z.string(), "企业编号。Enterprise id."),
  enterpriseName: field(z.string(), "企业名称。Enterprise name."),
  regionCode: field(z.string(), "行政区划代码。Region code."),
  cityCode: Out.cityCode,
  industryCode: Out.industryCode,
  industrySection: Out.industrySection,
  gridId: field(z.nullable(z.string()), "记录时企业所属网格（范围判断按企业当前网格）。Grid of the enterprise when recorded."),
  level: field(z.enum(HAZARD_LEVELS), "隐患级别：general 一般隐患，major 重大隐患。Hazard level."),
  source: field(z.enum(HAZARD_SOURCES), "隐患来源：self_inspection 企业自查，grid_patrol 网格巡查，enforcement 执法检查，public_report 群众举报。Source."),
  status: field(z.enum(HAZARD_STATUSES), "隐患状态：reported 已报告，planned 已制定方案，rectifying 整改中，rectified 已整改，review_requested 已申请核查，closed 已销号。Status."),
  description: field(z.string(), "隐患描述。Description."),
  location: field(z.string(), "隐患所在的具体位置。Location."),
  discoveredAt: field(Timestamp, "发现时刻。Discovered at."),
  rectifyBy: field(DateString, "整改期限。Rectify by."),
  checklistItemId: field(z.optional(z.string()), "对应的排查清单条目代码。Checklist item code."),
  fixedOnSpot: field(z.boolean(), "是否已当场整改。Fixed on the spot."),
  currentStateAndCause: field(z.optional(z.string()), "隐患现状及其产生原因（重大隐患必填，16号令第十四条）。Current state and cause."),
  harmAndDifficultyAnalysis: field(z.optional(z.string()), "隐患的危害程度和整改难易程度分析（重大隐患必填）。Harm and difficulty analysis."),
  plan: field(z.optional(PlanRecord), "重大隐患治理方案的六项内容（16号令第十五条第二款），可分次提交。Rectification plan."),
  selfInspectionId: field(z.optional(z.string()), "发现它的企业自查编号。Self-inspection id."),
  inspectionId: field(z.optional(z.string()), "发现它的执法检查编号。Enforcement inspection id."),
  patrolId: field(z.optional(z.string()), "发现它的网格巡查编号。Grid patrol id."),
  supervision: field(z.optional(SupervisionRecord), "挂牌督办情况。Supervision."),
  reviewRequestedOn: field(z.optional(DateString), "申请核查的日期。Review requested on."),
  reviewedOn: field(z.optional(DateString), "核查结论日期。Reviewed on."),
  rectifiedAt: field(z.optional(Timestamp), "整改完成的时刻。Rectified at."),
  closedAt: field(z.optional(Timestamp), "销号的时刻。Closed at."),
  rejections: field(z.optional(z.array(z.object({ reason: field(z.string(), "理由。Reason."), at: field(Timestamp, "时刻。At."), by: field(z.string(), "操作人的用户编号。By.") }))), "被退回整改的记录。Rejections."),
  evidence: field(z.optional(z.array(z.string())), "完成整改时已在存储中核实的证据附件编号。Evidence attachment ids."),
  version: Out.version,
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
  updatedAt: Out.updatedAt,
});
export type Hazard = z.infer<typeof HazardRecord>;
export type Supervision = z.infer<typeof SupervisionRecord>;

export const HazardOut = z.extend(z.omit(HazardRecord, { industrySection: true, gridId: true }), {
  missingPlanParts: field(z.array(z.string()), "治理方案尚缺的部分。Missing plan parts."),
  review: field(z.optional(z.object({ requestedOn: field(z.nullable(DateString), "申请核查的日期。Requested on."), dueDate: field(DateString, "核查应完成的日期。Due date."), decidedOn: field(z.nullable(DateString), "核查结论日期。Decided on."), overdue: field(z.boolean(), "是否已逾期（按北京时间计）。Overdue.") })), "核查（重大隐患销号前的复查）情况。Review."),
  overdue: field(z.boolean(), "是否已逾期（按北京时间计）。Overdue."),
  allowedActions: field(z.array(z.string()), "当前状态下调用者可执行的操作。Allowed actions."),
  attachments: field(z.optional(z.array(AttachmentOut)), "整改证据附件。Attachments."),
});
export const HazardPage = page(HazardOut);

export const AttachmentDownloadOut = z.extend(z.pick(AttachmentRecord, { id: true, fileName: true, contentType: true, size: true }), {
  download: field(z.object({ url: field(Url, "短时有效的下载地址。Download URL."), expiresAt: field(Timestamp, "下载地址的失效时刻。Expires at.") }), "附件的下载。Download."),
});

export const AttachmentUploadOut = z.object({
  attachment: field(AttachmentOut, "登记的附件。Attachment."),
  upload: field(z.object({ url: field(Url, "预签名上传地址：在 expiresAt 之前用 PUT 上传文件。Presigned URL."), method: field(z.literal("PUT"), "上传使用的 HTTP 方法（固定为 PUT）。HTTP method."), headers: field(z.record(z.string(), z.string()), "上传时须原样带上的请求头。Headers to send with the upload."), expiresAt: field(Timestamp, "上传地址的失效时刻。Expires at.") }), "预签名上传：把文件 PUT 到 url。Presigned upload."),
});

// ---------- enforcement inspections and reconciliation ----------

export const CreateInspection = z.strictObject({
  enterpriseId: field(Id, "被检查企业的编号。Enterprise id."),
  /** Business date of the inspection (Asia/Shanghai). */
  date: field(IsoDate, "检查日期。Inspection date."),
  /** When the inspectors arrived; defaults to the start of `date`. Self-reports after it do not count. */
  startedAt: field(z.optional(Instant), "检查人员到达的时刻（默认检查日 00:00）。Started at."),
  /** 行政处罚法 第四十二条: at least two law-enforcement officers. */
  inspectors: field(z.array(z.strictObject({ name: field(NonEmpty(50), "执法人员姓名。Name."), certificateNo: field(z.optional(NonEmpty(50)), "执法证号。Certificate number.") })).check(z.minLength(2), z.maxLength(10)), "执法人员（至少 2 名）。Inspectors."),
  summary: field(z.optional(NonEmpty(2000)), "检查情况概要。Summary."),
  findings: field(z.array(HazardContent).check(z.maxLength(30)), "发现的隐患（每项成为来源为 enforcement 的隐患）。Findings."),
});
export type CreateInspection = z.infer<typeof CreateInspection>;

/** An enforcement inspection as stored (pk INSP#<id>), with the enterprise's scope fields. */
export const InspectionRecord = z.object({
  id: Out.id,
  enterpriseId: field(z.string(), "企业编号。Enterprise id."),
  enterpriseName: field(z.string(), "被检查企业的名称（检查时）。Enterprise name."),
  regionCode: field(z.string(), "行政区划代码。Region code."),
  cityCode: Out.cityCode,
  industryCode: Out.industryCode,
  industrySection: field(z.optional(z.string()), "行业门类（GB/T 4754-2017，A–T）。Industry section."),
  gridId: field(z.nullable(z.string()), "记录时企业所属网格（范围判断按企业当前网格）。Grid of the enterprise when recorded."),
  date: field(DateString, "检查日期。Inspection date."),
  startedAt: field(Timestamp, "检查人员到达的时刻（默认检查日 00:00）。Started at."),
  inspectors: field(z.array(z.object({ name: field(z.string(), "执法人员姓名。Name."), certificateNo: field(z.optional(z.string()), "执法证号。Certificate number.") })), "执法人员（至少 2 名）。Inspectors."),
  summary: field(z.optional(z.string()), "检查情况概要。Summary."),
  findingsCount: field(z.number(), "发现的隐患数。Findings count."),
  hazardIds: field(z.array(z.string()), "由此产生的隐患编号。Hazard ids."),
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
});
export type Inspection = z.infer<typeof InspectionRecord>;
export const InspectionOut = z.omit(InspectionRecord, { cityCode: true, industryCode: true, industrySection: true, gridId: true });
export const InspectionPage = page(InspectionOut);
export const ListInspectionsQuery = z.strictObject({
  enterpriseId: field(z.optional(Id), "按企业筛选。Enterprise filter."),
  regionCode: field(z.optional(RegionCode), "行政区划代码。Region code."),
  from: field(z.optional(IsoDate), "检查日期起。From date."),
  to: field(z.optional(IsoDate), "检查日期止。To date."),
  limit: Limit,
  cursor: Cursor,
});

export const PeriodQuery = z.strictObject({ period: field(z.optional(Period), "期间：季度如 2026Q3 或年度如 2026；默认本季度。Period.") });
export const RegionPeriodQuery = z.strictObject({ regionCode: field(z.optional(RegionCode), "行政区划代码。Region code."), period: field(z.optional(Period), "期间：季度如 2026Q3 或年度如 2026；默认本季度。Period."), limit: Limit, cursor: Cursor });

const RecordOut = z.pick(HazardRecord, { id: true, description: true, location: true, checklistItemId: true, discoveredAt: true });
export const ReconciliationOut = z.object({
  enterpriseId: field(z.string(), "企业编号。Enterprise id."),
  enterpriseName: field(z.string(), "企业名称。Enterprise name."),
  period: field(z.string(), "期间。Period."),
  from: field(z.string(), "期间起。From."),
  to: field(z.string(), "期间止。To."),
  windowDays: field(z.number(), "自查隐患可匹配的时间窗（检查日前的天数）。Matching window in days."),
  rule: field(z.string(), "两本帐的匹配规则说明。Matching rule."),
  findings: field(z.number(), "期间内执法检查发现的隐患数。Findings."),
  matched: field(z.array(z.object({ finding: field(RecordOut, "执法检查发现的隐患。Finding."), selfReport: field(RecordOut, "与之匹配的企业自查隐患。Self-report."), rule: field(z.string(), "两本帐的匹配规则说明。Matching rule."), similarity: field(z.number(), "描述相似度（0–1，字符二元组 Dice 系数）。Similarity.") })), "企业已自查上报的执法发现。Matched findings."),
  unmatched: field(z.array(RecordOut), "企业未自查上报的执法发现。Unmatched findings."),
  selfReportRatio: field(z.nullable(z.number()), "自查上报率：已匹配数 / 执法发现数（无发现为 null）。Self-report ratio."),
});
export const RegionReconciliationOut = z.object({
  regionCode: field(z.string(), "行政区划代码。Region code."),
  period: field(z.string(), "期间。Period."),
  items: field(z.array(
    z.object({
      enterpriseId: field(z.string(), "企业编号。Enterprise id."),
      enterpriseName: field(z.string(), "企业名称。Enterprise name."),
      regionCode: field(z.string(), "行政区划代码。Region code."),
      findings: field(z.number(), "执法发现数。Findings."),
      matched: field(z.number(), "已自查上报的执法发现数。Matched."),
      unmatched: field(z.number(), "未自查上报的执法发现数。Unmatched."),
      selfReportRatio: field(z.nullable(z.number()), "自查上报率：已匹配数 / 执法发现数（无发现为 null）。Self-report ratio."),
    }),
  ), "受检企业，按未自查上报的执法发现数从多到少。Enterprises."),
  nextCursor: NextCursor,
});

// ---------- filings ----------

const Counts = z.object({ found: field(z.number(), "期间内发现的隐患数。Found."), fixed: field(z.number(), "期间内整改完成的隐患数。Fixed."), open: field(z.number(), "未整改完成的隐患数。Open."), overdue: field(z.number(), "逾期未整改的隐患数。Overdue.") });
export const StatisticsOut = z.object({
  enterpriseId: field(z.string(), "企业编号。Enterprise id."),
  period: field(z.string(), "期间。Period."),
  asOf: Out.asOf,
  deadline: field(DateString, "该期间统计报送的截止日期。Filing deadline."),
  total: field(Counts, "全部隐患。Total."),
  byLevel: field(z.object({ general: field(Counts, "一般隐患。General."), major: field(Counts, "重大隐患。Major.") }), "按级别分。By level."),
});

export const CreateFiling = z.strictObject({
  period: field(Period, "报送期间：季度如 2026Q3（次月 15 日前），或年度如 2026（次年 1 月 31 日前）。Period."),
  /** 主要负责人 who signs the table. */
  principal: field(Person, "签署的主要负责人。Principal."),
  note: field(z.optional(NonEmpty(1000)), "备注。Note."),
});

/** A filing as stored (pk FILING#<enterprise>#<period>), with the enterprise's scope fields. */
export const FilingRecord = z.object({
  id: Out.id,
  enterpriseId: field(z.string(), "企业编号。Enterprise id."),
  enterpriseName: field(z.string(), "企业名称。Enterprise name."),
  regionCode: field(z.string(), "行政区划代码。Region code."),
  cityCode: Out.cityCode,
  industryCode: Out.industryCode,
  industrySection: field(z.optional(z.string()), "行业门类（GB/T 4754-2017，A–T）。Industry section."),
  gridId: field(z.nullable(z.string()), "记录时企业所属网格（范围判断按企业当前网格）。Grid of the enterprise when recorded."),
  period: field(z.string(), "期间：季度如 2026Q3，或年度如 2026。Period."),
  principal: field(z.object({ name: field(z.string(), "姓名。Name."), title: field(z.optional(z.string()), "职务。Title."), phone: field(z.optional(z.string()), "联系电话。Phone.") }), "签署的主要负责人。Principal."),
  note: field(z.optional(z.string()), "备注。Note."),
  statistics: field(z.object({ asOf: Out.asOf, total: field(Counts, "全部隐患。Total."), byLevel: field(z.object({ general: field(Counts, "一般隐患。General."), major: field(Counts, "重大隐患。Major.") }), "按级别分。By level.") }), "报送时的统计数据。Statistics."),
  filedAt: field(Timestamp, "报送时刻。Filed at."),
  deadline: field(DateString, "该期间统计报送的截止日期。Filing deadline."),
  late: field(z.boolean(), "是否逾期报送。Late."),
  createdBy: Out.createdBy,
});
export type Filing = z.infer<typeof FilingRecord>;
export const FilingOut = z.omit(FilingRecord, { enterpriseName: true, cityCode: true, industryCode: true, industrySection: true, gridId: true });

export const FilingsQuery = z.strictObject({ period: field(Period, "期间。Period."), regionCode: field(z.optional(RegionCode), "行政区划代码。Region code."), limit: Limit, cursor: Cursor });
export const FilingsView = z.object({
  period: field(z.string(), "期间：季度如 2026Q3，或年度如 2026。Period."),
  regionCode: field(z.string(), "行政区划代码。Region code."),
  deadline: field(DateString, "期限（日期）。Deadline."),
  totals: field(z.object({ enterprises: field(z.number(), "企业数。Enterprises."), on_time: field(z.number(), "按时报送的企业数。Filed on time."), late: field(z.number(), "是否迟报/迟交。Late."), missing: field(z.number(), "已过期未报送的企业数。Missing."), pending: field(z.number(), "未到期、尚未报送的企业数。Pending.") }), "各报送状态的企业数。Totals."),
  items: field(z.array(
    z.object({
      enterpriseId: field(z.string(), "企业编号。Enterprise id."),
      enterpriseName: field(z.string(), "企业名称。Enterprise name."),
      regionCode: field(z.string(), "行政区划代码。Region code."),
      status: field(z.enum(["on_time", "late", "missing", "pending"]), "隐患状态：reported 已报告，planned 已制定方案，rectifying 整改中，rectified 已整改，review_requested 已申请核查，closed 已销号。Status."),
      filedAt: field(z.nullable(Timestamp), "报送时刻。Filed at."),
      filingId: field(z.nullable(z.string()), "报送记录编号（未报送为 null）。Filing id."),
    }),
  ), "各企业的报送情况。Enterprises."),
  nextCursor: NextCursor,
});

// ---------- grids ----------

export const GridRegion = z.string().check(
  z.refine((c) => isRegionCode(c, ["county", "township"]), msg("countyOrTownship")),
);

export const CreateGrid = z.strictObject({
  code: field(z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, msg("gridCode"))), "网格代码（3–40 位大写字母、数字或连字符），如 GRID-420102-02。Grid code."),
  name: field(NonEmpty(100), "网格名称。Grid name."),
  regionCode: field(GridRegion, "行政区划代码。Region code."),
  /** 网格员: the account (token subject) and how to reach them. */
  member: field(z.strictObject({ userId: field(NonEmpty(64), "网格员的用户编号（令牌的 sub）。User id."), name: field(NonEmpty(50), "姓名。Name."), phone: field(z.optional(Person.shape.phone), "联系电话。Phone."), fullTime: field(z.optional(z.boolean()), "是否专职。Full time.") }), "网格员。Grid member."),
  supervisingOfficial: field(Person, "网格监管责任人。Supervising official."),
  contactLeader: field(Person, "网格联系领导。Contact leader."),
});
export type CreateGrid = z.infer<typeof CreateGrid>;

/** A grid as stored (pk GRID#<id>). */
export const GridRecord = z.object({
  id: Out.id,
  code: field(z.string(), "网格代码。Grid code."),
  name: field(z.string(), "网格名称。Grid name."),
  regionCode: field(z.string(), "行政区划代码。Region code."),
  countyCode: field(z.string(), "网格所在县级行政区划代码。County code."),
  cityCode: Out.cityCode,
  member: field(z.object({ userId: field(z.string(), "网格员的用户编号。User id."), name: field(z.string(), "姓名。Name."), phone: field(z.optional(z.string()), "联系电话。Phone."), fullTime: field(z.optional(z.boolean()), "是否专职。Full time.") }), "网格员。Grid member."),
  supervisingOfficial: field(z.object({ name: field(z.string(), "姓名。Name."), title: field(z.optional(z.string()), "职务。Title."), phone: field(z.optional(z.string()), "联系电话。Phone.") }), "网格监管责任人。Supervising official."),
  contactLeader: field(z.object({ name: field(z.string(), "姓名。Name."), title: field(z.optional(z.string()), "职务。Title."), phone: field(z.optional(z.string()), "联系电话。Phone.") }), "网格联系领导。Contact leader."),
  version: Out.version,
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
});
export type Grid = z.infer<typeof GridRecord>;
/** An enterprise as a grid or a filing list shows it: a projection of the register's record. */
export const EnterpriseRow = z.object({ id: Out.id, name: field(z.string(), "企业名称。Enterprise name."), regionCode: field(z.string(), "行政区划代码。Region code.") });
export type EnterpriseRow = z.infer<typeof EnterpriseRow>;
export const GridOut = z.extend(GridRecord, { enterprises: field(z.optional(z.array(EnterpriseRow)), "企业数。Enterprises.") });
export const GridPage = page(GridOut);
export const ListGridsQuery = z.strictObject({ regionCode: field(z.optional(RegionCode), "行政区划代码。Region code."), limit: Limit, cursor: Cursor });

export const AssignEnterprises = z.strictObject({ enterpriseIds: field(z.array(Id).check(z.minLength(1), z.maxLength(25)), "企业编号（1–25 个）。Enterprise ids.") });
export const AssignOut = z.object({ gridId: field(z.string(), "网格编号。Grid id."), assigned: field(z.array(z.string()), "本次划入网格的企业编号。Assigned."), alreadyInGrid: field(z.array(z.string()), "原已在本网格的企业编号。Already in the grid.") });
export const GridEnterpriseParams = z.strictObject({ id: Id, enterpriseId: field(Id, "企业编号。Enterprise id.") });

export const CreatePatrol = z.strictObject({
  patrolledAt: field(Instant, "巡查时刻。Patrolled at."),
  route: field(z.optional(NonEmpty(500)), "巡查路线。Route."),
  visitedEnterpriseIds: field(z.optional(z.array(Id).check(z.maxLength(100))), "巡查到的企业编号。Visited enterprises."),
  findings: field(z.array(z.strictObject({ enterpriseId: field(Id, "企业编号。Enterprise id."), ...HazardDetails })).check(z.maxLength(30)), "发现的问题。Findings."),
  note: field(z.optional(NonEmpty(2000)), "备注。Note."),
});
export type CreatePatrol = z.infer<typeof CreatePatrol>;

/** A grid patrol as stored (pk PATROL#<id>). */
export const PatrolRecord = z.object({
  id: Out.id,
  gridId: field(z.string(), "网格编号。Grid id."),
  regionCode: field(z.string(), "行政区划代码。Region code."),
  patrolledAt: field(Timestamp, "巡查时刻。Patrolled at."),
  route: field(z.optional(z.string()), "巡查路线。Route."),
  visitedEnterpriseIds: field(z.array(z.string()), "巡查到的企业编号。Visited enterprises."),
  hazardIds: field(z.array(z.string()), "由此产生的隐患编号。Hazard ids."),
  note: field(z.optional(z.string()), "备注。Note."),
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
});
export type Patrol = z.infer<typeof PatrolRecord>;
export const PatrolOut = PatrolRecord;
export const PatrolPage = page(PatrolOut);

// ---------- projections the store keeps beside the records ----------

/** A listed (挂牌督办) hazard's projection (pk HAZSUP#<city>), kept while it is not written off. */
export const SupervisedHazardRecord = z.object({ id: z.string(), enterpriseId: z.string(), regionCode: z.string(), deadline: z.string(), status: z.enum(HAZARD_STATUSES), productionSuspended: z.boolean() });
/** An enterprise inspected in a period (pk INSPECTED#<city>#<period>). */
export const InspectedEnterpriseRecord = z.object({ enterpriseId: z.string(), regionCode: z.string(), industryCode: z.string(), industrySection: z.optional(z.string()) });
/** An enterprise's grid membership claim (pk GRIDENT#<enterprise>): each enterprise in at most one grid. */
export const GridClaimRecord = z.object({ enterpriseId: z.string(), gridId: z.string() });
/** A period's filing count for one county and industry division (pk FILINGN#<period>). */
export const FilingCountRecord = z.object({ onTime: z.optional(z.number()), late: z.optional(z.number()) });
export const ListPatrolsQuery = z.strictObject({ limit: Limit, cursor: Cursor });

// ---------- OpenAPI components ----------
components(
  {
    PublishChecklist, ChecklistOut, ChecklistList, CreateSelfInspection, SelfInspectionOut, SelfInspectionPage, CreateHazard, HazardOut,
    HazardPage, NoteBody, PlanBody, RejectBody, SuperviseBody, AttachmentOut, AttachmentUploadOut, CreateInspection, InspectionOut,
    InspectionPage, ReconciliationOut, RegionReconciliationOut, StatisticsOut, CreateFiling, FilingOut, FilingsView, CreateGrid, GridOut,
    GridPage, AssignEnterprises, AssignOut, CreatePatrol, PatrolOut, PatrolPage,
  },
  {
    PublishChecklist: "发布排查清单新版本的请求。Publish a checklist version.",
    ChecklistOut: "排查清单的一个版本及其条目。A checklist version.",
    ChecklistList: "排查清单（摘要）。Checklists.",
    CreateSelfInspection: "企业按排查清单自查的记录：清单的每一条目须有一条结果；不合格条目同时成为隐患。A self-inspection.",
    SelfInspectionOut: "一次自查。A self-inspection.",
    SelfInspectionPage: "自查列表的一页。A page of self-inspections.",
    CreateHazard: "报告隐患的请求。Report a hazard.",
    HazardOut: "隐患及其整改进度、允许的操作和附件。A hazard.",
    HazardPage: "隐患列表的一页。A page of hazards.",
    NoteBody: "只带可选备注的操作：可省略请求体。An action with an optional note.",
    PlanBody: "提交（部分）治理方案。Submit (parts of) the plan.",
    RejectBody: "退回整改。Send back.",
    SuperviseBody: "挂牌督办。List for supervision.",
    AttachmentOut: "证据附件。An evidence attachment.",
    AttachmentUploadOut: "登记的附件和它的预签名上传地址。An attachment and its upload.",
    CreateInspection: "执法检查记录。An enforcement inspection.",
    InspectionOut: "一次执法检查。An enforcement inspection.",
    InspectionPage: "执法检查列表的一页。A page of inspections.",
    ReconciliationOut: "企业的两本帐：执法发现与企业自查的对照。Two books of one enterprise.",
    RegionReconciliationOut: "地区的两本帐排名。Two books of a region.",
    StatisticsOut: "企业的季度或年度隐患统计。Hazard statistics.",
    CreateFiling: "报送隐患统计。File the statistics.",
    FilingOut: "一次隐患统计报送。A filing.",
    FilingsView: "各企业的报送情况。Filings by enterprise.",
    CreateGrid: "新建网格。Create a grid.",
    GridOut: "网格及其企业。A grid.",
    GridPage: "网格列表的一页。A page of grids.",
    AssignEnterprises: "把企业划入网格。Assign enterprises.",
    AssignOut: "划入网格的结果。Assignment result.",
    CreatePatrol: "网格员巡查记录。A grid patrol.",
    PatrolOut: "一次网格巡查。A grid patrol.",
    PatrolPage: "网格巡查列表的一页。A page of grid patrols.",
  },
);
