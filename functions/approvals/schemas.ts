// Request, response and stored-record schemas of the approvals context (zod/mini). Each record the
// store writes is defined here once (store.ts parses every item it reads with it); the API's
// outputs are derived from the records. Request bodies are strict: clients never set state, dates,
// versions, scope fields or who did what.
import * as z from "zod/mini";
import { msg } from "../../shared/messages.js";
import { components, Cursor, DateString, field, IsoDate, Limit, NonEmpty, Out, page, RegionCode, Timestamp, Url } from "../../shared/schemas.js";
import { AttachmentRequest } from "../../shared/storage.js";
import { APPLICATION_STATES, LICENCE_STATUSES, STAGE_NAMES } from "./rules.js";

// ---------- catalogue ----------

/** Catalogue item codes, e.g. AQ01-01 (category 01, item 01). */
export const ItemCode = z.string().check(z.regex(/^[A-Z]{2}\d{2}-\d{2}$/, msg("approvalItemCode")));
export const ItemParams = z.strictObject({ id: field(ItemCode, "审批事项代码，如 AQ01-01。Item code.") });

const Stage = z.strictObject({
  stage: field(z.enum(STAGE_NAMES), "审批环节：acceptance 受理，review 审查，decision 决定，delivery 送达。Stage."),
  reviewed: field(NonEmpty(2000), "本环节审查的内容。What is reviewed."),
  standard: field(NonEmpty(2000), "本环节的审查标准。Standard."),
  keyPoints: field(z.array(NonEmpty(500)).check(z.minLength(1), z.maxLength(30)), "审查要点。Key points."),
  integrityRisks: field(z.array(NonEmpty(500)).check(z.minLength(1), z.maxLength(30)), "廉政风险点。Integrity risks."),
  misconductConsequence: field(NonEmpty(2000), "失职渎职的后果与追责。Misconduct consequence."),
});

const ItemFields = {
  name: field(NonEmpty(200), "事项名称。Name."),
  category: field(NonEmpty(100), "事项类别。Category."),
  inProvincialList: field(z.boolean(), "是否列入省级行政审批事项目录。In the provincial list."),
  legalBasis: field(z.array(NonEmpty(500)).check(z.minLength(1), z.maxLength(20)), "设定依据。Legal basis."),
  issuer: field(z.enum(["province", "province_delegable", "city_county"]), "实施机关：province 省级，province_delegable 省级（可委托市级），city_county 市县。Issuer."),
  limitWorkingDays: field(z.number().check(z.int(), z.minimum(1), z.maximum(365)), "法定办理时限（工作日）。Time limit in working days."),
  /** The provision that sets the limit: 行政许可法 art. 42, or the item's own statute where it sets another. */
  limitBasis: field(NonEmpty(500), "办理时限的设定依据。Basis of the time limit."),
  licenceValidityYears: field(z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(30))), "许可证有效期（年；无证照为 null）。Licence validity."),
  fee: field(z.number().check(z.int(), z.minimum(0)), "收费（元）。Fee."),
  materials: field(z.array(NonEmpty(200)).check(z.minLength(1), z.maxLength(50)), "申请材料清单。Materials."),
  stages: field(z.array(Stage).check(z.minLength(1), z.maxLength(10)), "审批环节及其标准。Stages."),
};

/** An admin's new version of an item (the whole item; the code is the path). */
export const PutApprovalItem = z.strictObject({ ...ItemFields, changeReason: field(NonEmpty(500), "本次修改的理由。Change reason.") });
export type PutApprovalItem = z.infer<typeof PutApprovalItem>;

/** A catalogue item version as stored (the current one and every snapshot). */
export const CatalogueItem = z.object({
  code: field(z.string(), "事项代码，如 AQ01-01。Item code."),
  ...ItemFields,
  version: field(z.number(), "事项版本号。Version."),
  updatedAt: Out.updatedAt,
  updatedBy: Out.updatedBy,
  changeReason: field(z.optional(z.string()), "本次修改的理由。Change reason."),
});
export type CatalogueItem = z.infer<typeof CatalogueItem>;

/** Public view: no user ids. */
export const ApprovalItemOut = z.omit(CatalogueItem, { updatedBy: true });
export const ApprovalItemList = z.object({ items: field(z.array(ApprovalItemOut), "审批事项。Approval items.") });
export const ListItemsQuery = z.strictObject({ category: field(z.optional(z.string().check(z.maxLength(100))), "按类别筛选。Category filter.") });

const StageDuty = z.object({ stage: field(z.string(), "审批环节。Stage."), duty: field(z.string(), "职责。Duty."), standard: field(z.string(), "标准。Standard."), keyPoints: field(z.array(z.string()), "审查要点。Key points.") });
const StageAccountability = z.object({ stage: field(z.string(), "审批环节。Stage."), integrityRisks: field(z.array(z.string()), "廉政风险点。Integrity risks."), consequence: field(z.string(), "追责情形。Consequence.") });
export const PowerList = z.object({
  generatedOn: field(DateString, "生成日期。Generated on."),
  items: field(z.array(
    z.object({
      code: field(z.string(), "事项代码。Item code."),
      name: field(z.string(), "事项名称。Name."),
      category: field(z.string(), "事项类别。Category."),
      inProvincialList: field(z.boolean(), "是否列入省级行政审批事项目录。In the provincial list."),
      basis: field(z.array(z.string()), "设定依据。Basis."),
      issuer: field(z.string(), "实施机关：province 省级，province_delegable 省级（可委托市级），city_county 市县。Issuer."),
      holderLevels: field(z.array(z.enum(["province", "city", "county"])), "行使权力的层级。Holder levels."),
      delegatedTo: field(z.array(z.object({ cityCode: field(z.string(), "市（州）行政区划代码。City code."), cityName: field(z.string(), "市（州）名称。City name."), since: field(DateString, "委托起始日期。Since."), inForce: field(z.boolean(), "委托是否生效中。In force.") })), "委托给的市（州）。Delegated to."),
      limitWorkingDays: field(z.number(), "法定办理时限（工作日）。Time limit in working days."),
      limitBasis: field(z.string(), "办理时限的设定依据。Basis of the time limit."),
      responsibilities: field(z.array(StageDuty), "责任清单：各环节职责。Responsibilities."),
      accountability: field(z.array(StageAccountability), "追责：各环节的廉政风险与后果。Accountability."),
    }),
  ), "权力清单中的事项。Items."),
});

// ---------- calendar ----------

export const YearParams = z.strictObject({
  year: field(z.coerce.number().check(z.int(), z.minimum(1949), z.maximum(2100)), "年度。Year."),
});
export const PutCalendar = z.strictObject({
  holidays: field(z.array(IsoDate).check(z.maxLength(80)), "法定节假日（日期）。Holidays."),
  makeUpWorkdays: field(z.array(IsoDate).check(z.maxLength(30)), "调休上班日（日期）。Make-up working days."),
  source: field(NonEmpty(500), "数据来源（国务院办公厅通知文号）。Source."),
});
/** A year's State Council calendar as stored. */
export const CalendarRecord = z.object({
  year: field(z.number(), "年度。Year."),
  holidays: field(z.array(z.string()), "法定节假日（日期）。Holidays."),
  makeUpWorkdays: field(z.array(z.string()), "调休上班日（日期）。Make-up working days."),
  source: field(z.string(), "数据来源（国务院办公厅通知文号）。Source."),
  version: field(z.number(), "日历版本号。Version."),
  updatedAt: Out.updatedAt,
  updatedBy: Out.updatedBy,
});
export type CalendarRecord = z.infer<typeof CalendarRecord>;

/** The stored year without user ids, or (no year stored) the weekends-only fallback. */
export const CalendarOut = z.extend(z.partial(z.omit(CalendarRecord, { updatedBy: true }), { version: true, updatedAt: true }), {
  source: field(z.nullable(z.string()), "数据来源（无日历为 null）。Source."),
  /** True when no calendar is stored: only weekends are rest days. */
  fallback: field(z.boolean(), "true：未存该年日历，仅周末为休息日。Fallback."),
  note: field(z.optional(z.string()), "说明。Note."),
});

// ---------- delegations ----------

export const CreateDelegation = z.strictObject({
  itemCode: field(ItemCode, "审批事项代码，如 AQ01-01。Item code."),
  cityCode: field(RegionCode, "受委托的市（州）行政区划代码。City code."),
  startDate: field(IsoDate, "委托生效日期。Start date."),
  reason: field(z.optional(NonEmpty(1000)), "委托理由。Reason."),
});
export const RevokeDelegation = z.strictObject({ reason: field(NonEmpty(1000), "收回委托的理由。Reason.") });
/** A delegation as stored. */
export const DelegationRecord = z.object({
  id: Out.id,
  itemCode: field(z.string(), "审批事项代码，如 AQ01-01。Item code."),
  cityCode: field(z.string(), "市（州）行政区划代码。City code."),
  startDate: field(DateString, "委托生效日期。Start date."),
  status: field(z.enum(["active", "revoked"]), "active 生效中，revoked 已收回。Status."),
  reason: field(z.optional(z.string()), "委托理由。Reason."),
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
  revokedAt: field(z.optional(Timestamp), "收回时刻。Revoked at."),
  revokedBy: field(z.optional(z.string()), "收回人的用户编号。Revoked by."),
  revokeReason: field(z.optional(z.string()), "收回理由。Revoke reason."),
  version: Out.version,
});
export type Delegation = z.infer<typeof DelegationRecord>;
export const Delegation = z.extend(DelegationRecord, {
  /** revoke: the in-progress applications that went back to the province's queue. */
  applicationsReturned: field(z.optional(z.array(z.string())), "收回时退回省级办理的申请编号。Applications returned."),
});

/**
 * The delegation in force (or last revoked) for one (item, city), as stored beside it: the record
 * every officer action's ConditionCheck reads (store.ts).
 */
export const DelegationClaim = z.object({
  delegationId: z.string(),
  itemCode: z.string(),
  cityCode: z.string(),
  status: z.enum(["active", "revoked"]),
  startDate: z.string(),
  revokedAt: z.optional(z.string()),
  version: z.number(),
});
export type DelegationClaim = z.infer<typeof DelegationClaim>;
export const DelegationList = z.object({ items: field(z.array(Delegation), "委托。Delegations.") });
export const ListDelegationsQuery = z.strictObject({
  itemCode: field(z.optional(ItemCode), "审批事项代码，如 AQ01-01。Item code."),
  cityCode: field(z.optional(RegionCode), "按市（州）筛选。City filter."),
  status: field(z.optional(z.enum(["active", "revoked"])), "按状态筛选。Status filter."),
});

// ---------- applications ----------

export const CreateApplication = z.strictObject({
  itemCode: field(ItemCode, "审批事项代码，如 AQ01-01。Item code."),
  /** 申请许可范围, e.g. the products and capacity a production licence covers. */
  scope: field(NonEmpty(1000), "申请许可范围，如许可生产的产品和规模。Scope."),
});

export const CreateAttachment = z.extend(AttachmentRequest, { material: field(NonEmpty(200), "材料名称（须为事项材料清单中的一项）。Material.") });

// Officer actions. The bodies say what each action needs; the rules check it again (rules.ts
// REASON_REQUIRED_ACTIONS, the notice's completeness), so a direct caller of the rules is held too.

/** accept, review-pass, resume, issue: an optional note, so the body may be left out. */
export const ActionBody = z.strictObject({
  reason: field(z.optional(NonEmpty(2000)), "备注（可选）。Note."),
});
/** decline, pause, extend, approve, refuse: the applicant is owed the reason (行政许可法 art. 38). */
export const ReasonBody = z.strictObject({
  reason: field(NonEmpty(2000), "理由（必填，告知申请人，行政许可法第三十八条）。Reason."),
});
/** notify-missing: every missing or defective material, in one notice (行政许可法 art. 32). */
export const MissingMaterialsBody = z.strictObject({
  missingMaterials: field(
    z.array(NonEmpty(200)).check(z.minLength(1), z.maxLength(50)),
    "须补正的全部材料，一次告知（行政许可法第三十二条），每项须为事项材料清单中的名称。Missing materials.",
  ),
  reason: field(z.optional(NonEmpty(2000)), "补充说明（可选）。Note."),
});
export const SubmitBody = z.strictObject({});

/** One workflow step as stored (append-only). */
export const Step = z.object({
  seq: field(z.number(), "步骤序号（从 1 起）。Step number."),
  action: field(z.string(), "操作：submit、accept、notify-missing 等。Action."),
  stage: field(z.string(), "所处环节。Stage."),
  at: field(Timestamp, "发生时刻。At."),
  on: field(DateString, "日期（北京时间）。On."),
  actorId: field(z.string(), "操作人的用户编号。Actor id."),
  actorRole: field(z.string(), "操作人的角色。Actor role."),
  actorRegion: field(z.string(), "操作人所属行政区划代码。Actor region."),
  from: field(z.string(), "操作前的状态。From state."),
  to: field(z.string(), "操作后的状态。To state."),
  reason: field(z.optional(z.string()), "理由。Reason."),
  missingMaterials: field(z.optional(z.array(z.string())), "须补正的全部材料（一次告知，行政许可法第三十二条）。Missing materials."),
  delegationId: field(z.optional(z.string()), "所依据的委托编号。Delegation id."),
});
export type Step = z.infer<typeof Step>;

const Pause = z.object({ from: field(z.string(), "暂停起始日期。From."), to: field(z.optional(z.nullable(z.string())), "恢复日期（仍暂停为 null）。To."), reason: field(z.string(), "暂停理由（专家评审、检验检测、现场核查等）。Reason.") });

/** A material's upload as stored with its application. */
export const AttachmentRecord = z.object({
  id: field(z.string(), "附件编号。Attachment id."),
  applicationId: z.string(),
  material: field(z.string(), "材料名称（须为事项材料清单中的一项）。Material."),
  fileName: field(z.string(), "文件名。File name."),
  contentType: field(z.string(), "文件类型：image/jpeg、image/png 或 application/pdf。Content type."),
  size: field(z.number(), "文件大小（字节，≤ 10 MB）。Size in bytes."),
  key: z.string(),
  uploadedAt: field(Timestamp, "上传确认时刻。Uploaded at."),
  verified: field(z.boolean(), "是否已确认文件已上传。Verified."),
  /** What S3 held when submit verified it; later reads and links pin exactly that object. */
  verifiedUpload: z.optional(z.object({ size: z.number(), etag: z.string(), versionId: z.optional(z.string()) })),
});
export type AttachmentRecord = z.infer<typeof AttachmentRecord>;

const AttachmentOut = z.pick(AttachmentRecord, { id: true, material: true, fileName: true, contentType: true, size: true, uploadedAt: true, verified: true });

const Listing = z.object({ id: field(z.string(), "黑名单记录编号。Listing id."), reasonCategory: field(z.string(), "列入原因类别：responsible_accident_grade 负有责任的重大及以上事故，annual_deaths 年度死亡人数达到规定，concealed_accident 瞒报谎报事故，ignored_major_hazard_order 重大隐患拒不整改，licence_suspended_or_revoked 许可证被暂扣或吊销，manual 其他严重违法违规。Reason category."), from: field(z.string(), "列入日期。From."), until: field(DateString, "列入截止日期。Until.") });

export const Application = z.object({
  id: Out.id,
  enterpriseId: Out.enterpriseId,
  enterpriseName: field(z.string(), "申请企业名称。Enterprise name."),
  enterpriseUscc: field(z.string(), "申请企业的统一社会信用代码。Enterprise USCC."),
  regionCode: Out.regionCode,
  cityCode: field(z.string(), "市（州）行政区划代码。City code."),
  industryCode: Out.industryCode,
  gridId: z.optional(z.nullable(Out.gridId)),
  itemCode: field(z.string(), "审批事项代码，如 AQ01-01。Item code."),
  itemName: field(z.string(), "审批事项名称。Approval item name."),
  itemVersion: field(z.number(), "申请时事项的版本号。Item version."),
  scope: field(z.string(), "申请许可范围。Scope."),
  materials: field(z.array(z.string()), "事项要求的材料。Materials."),
  limitWorkingDays: field(z.number(), "法定办理时限（工作日）。Time limit in working days."),
  state: field(z.enum(APPLICATION_STATES), "申请状态：draft 草稿，submitted 已提交，missing_materials 待补正，declined 不予受理，under_review 审查中，paused 中止，reviewed 审查通过，approved 准予许可，refused 不予许可，issued 已发证。State."),
  submittedOn: field(z.optional(DateString), "提交日期。Submitted on."),
  acceptedOn: field(z.optional(DateString), "受理日期。Accepted on."),
  acceptanceDeemed: field(z.optional(z.boolean()), "提交后 5 个工作日内未告知补正，视为受理（行政许可法第三十二条）。Acceptance deemed."),
  missingNotice: field(z.optional(z.object({ materials: field(z.array(z.string()), "事项要求的材料。Materials."), on: field(DateString, "日期。On."), at: field(Timestamp, "发生时刻。At.") })), "补正告知。Missing-materials notice."),
  pauses: field(z.array(Pause), "中止记录（期间不计时限）。Pauses."),
  extended: field(z.boolean(), "是否已延长期限。Extended."),
  extensionDays: field(z.number(), "延长的工作日数。Extension days."),
  reviewPassedBy: field(z.optional(z.string()), "审查通过人的用户编号。Review passed by."),
  decision: field(z.optional(z.enum(["approved", "refused", "declined"])), "决定：approved 准予，refused 不予，declined 不予受理。Decision."),
  decidedOn: field(z.optional(DateString), "决定日期。Decided on."),
  decisionReason: field(z.optional(z.string()), "决定理由。Decision reason."),
  deliveryDueDate: field(z.optional(DateString), "证件送达期限。Delivery due date."),
  licenceNumber: field(z.optional(z.string()), "颁发的许可证编号。Licence number."),
  deadlineFlag: field(z.optional(z.nullable(z.enum(["near", "overdue", "delivery_overdue"]))), "时限预警：near 临近，overdue 已超期，delivery_overdue 送达超期。Deadline flag."),
  flaggedOn: field(z.optional(DateString), "预警日期。Flagged on."),
  stepCount: field(z.number(), "已记录的步骤数。Step count."),
  version: Out.version,
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
  updatedAt: Out.updatedAt,
});
export type Application = z.infer<typeof Application>;

/** 行政许可法 decisions as stored for the period index (APPDEC): the approvals-within-limit indicator. */
export const ApplicationDecision = z.object({
  id: z.string(),
  regionCode: z.string(),
  enterpriseId: z.string(),
  itemCode: z.string(),
  decision: z.enum(["approved", "refused"]),
  decidedOn: z.string(),
  dueDate: z.string(),
  withinLimit: z.boolean(),
});
export type ApplicationDecision = z.infer<typeof ApplicationDecision>;

/** The statutory clock as of today (null before acceptance). */
const ClockFields = {
  dueDate: field(z.nullable(DateString), "法定办结日期（未受理为 null）。Due date."),
  workingDaysUsed: field(z.nullable(z.number()), "已用工作日。Working days used."),
  workingDaysLeft: field(z.nullable(z.number()), "剩余工作日。Working days left."),
  paused: field(z.boolean(), "是否中止中。Paused."),
  overdue: field(z.boolean(), "是否已超过法定期限。Overdue."),
};

/** The application as read: the record, the clock, who holds it, the history and the warning. */
export const ApplicationView = z.extend(Application, {
  ...ClockFields,
  /** Years the clock touched with no State Council calendar: only weekends were rest days. */
  calendarFallbackYears: field(z.array(z.number()), "计时涉及但缺少国务院日历的年份（仅按周末计）。Calendar fallback years."),
  calendarNote: field(z.optional(z.string()), "日历说明。Calendar note."),
  acceptanceNoticeDue: field(z.optional(DateString), "受理或补正告知的期限（提交后第 5 个工作日）。Acceptance notice due."),
  allowedActions: field(z.array(z.string()), "当前状态下调用者可执行的操作。Allowed actions."),
  handledBy: field(z.object({ level: field(z.enum(["province", "city", "local"]), "province 省级，city 市级（受委托），local 属地。Level."), regionCode: Out.regionCode, delegationId: field(z.optional(z.string()), "所依据的委托编号。Delegation id.") }), "办理机关。Handled by."),
  history: field(z.array(Step), "全部步骤，按时间先后。History."),
  authorityEvents: field(z.array(z.object({ event: field(z.literal("authority-returned"), "事件类型。Event."), at: field(Timestamp, "发生时刻。At."), delegationId: field(z.string(), "所依据的委托编号。Delegation id."), toRegion: field(z.string(), "改由哪一行政区划办理。To region.") })), "办理机关变动（委托收回等）。Authority events."),
  attachments: field(z.array(AttachmentOut), "已登记的材料附件。Attachments."),
  blacklistWarning: field(z.optional(Listing), "申请企业在黑名单中的提示。Blacklist warning."),
});
/** A list row carries the clock too, so a queue can be ordered by working days left. */
export const ApplicationPage = page(z.extend(Application, ClockFields));

export const ListApplicationsQuery = z.strictObject({
  regionCode: z.optional(RegionCode),
  itemCode: field(z.optional(ItemCode), "审批事项代码，如 AQ01-01。Item code."),
  state: field(z.optional(z.enum(APPLICATION_STATES)), "按状态筛选。State filter."),
  /** "true": only applications the officer may act on now (its queue). */
  queue: field(z.optional(z.enum(["true", "false"])), "true：只列审批人员当前可办理的申请。Queue."),
  limit: Limit,
  cursor: Cursor,
});

export const AttachmentDownload = z.extend(z.pick(AttachmentRecord, { id: true, material: true, fileName: true, contentType: true, size: true }), {
  download: field(z.object({ url: field(Url, "短时有效的下载地址。Download URL."), expiresAt: field(Timestamp, "下载地址的失效时刻。Expires at.") }), "附件的下载。Download."),
});

export const AttachmentUpload = z.extend(z.pick(AttachmentRecord, { id: true, material: true }), {
  upload: field(z.object({ url: field(Url, "预签名上传地址：在 expiresAt 之前用 PUT 上传文件。Presigned URL."), method: field(z.literal("PUT"), "上传使用的 HTTP 方法（固定为 PUT）。HTTP method."), headers: field(z.record(z.string(), z.string()), "上传时须原样带上的请求头。Headers to send with the upload."), expiresAt: field(Timestamp, "上传地址的失效时刻。Expires at.") }), "预签名上传：把文件 PUT 到 url。Presigned upload."),
});

// ---------- licences ----------

export const LicenceNumber = z.string().check(z.regex(/^HB-[A-Z]{2}\d{2}-\d{2}-\d{4}-[0-9A-HJKMNP-TV-Z]{10}$/, msg("licenceNumber")));
export const LicenceParams = z.strictObject({ number: field(LicenceNumber, "许可证编号。Licence number.") });

export const Licence = z.object({
  number: field(z.string(), "许可证编号。Licence number."),
  itemCode: field(z.string(), "审批事项代码，如 AQ01-01。Item code."),
  itemName: field(z.string(), "审批事项名称。Approval item name."),
  safetyProduction: field(z.boolean(), "是否为安全生产许可证（重大隐患挂牌时暂扣）。Safety production licence."),
  enterpriseId: Out.enterpriseId,
  holderName: field(z.string(), "持证单位名称。Holder name."),
  holderUscc: field(z.string(), "持证单位统一社会信用代码。Holder USCC."),
  regionCode: Out.regionCode,
  cityCode: field(z.string(), "市（州）行政区划代码。City code."),
  industryCode: Out.industryCode,
  gridId: z.optional(z.nullable(Out.gridId)),
  scope: field(z.string(), "许可范围。Scope."),
  validFrom: field(DateString, "有效期起。Valid from."),
  validTo: field(z.nullable(DateString), "有效期止（长期有效为 null）。Valid to."),
  status: field(z.enum(LICENCE_STATUSES), "许可证状态：valid 有效，suspended 暂扣，revoked 吊销，expired 过期，cancelled 注销。Status."),
  /**
   * A hold: `major_hazard` while production is suspended for a listed major hazard (16号令; not a
   * penalty), `officer` for a suspension (暂扣) imposed as an administrative penalty.
   */
  suspension: field(z.optional(z.object({ source: field(z.enum(["major_hazard", "officer"]), "暂扣来源：major_hazard 重大隐患挂牌，officer 审批人员。Source."), reason: field(z.string(), "理由。Reason."), since: field(DateString, "委托起始日期。Since.") })), "暂扣情况。Suspension."),
  /** Why and on what basis the licence was cancelled (注销, 行政许可法 art. 70). */
  cancellation: field(z.optional(
    z.object({ ground: field(z.enum(["expired_without_renewal", "officer"]), "注销原因：expired_without_renewal 有效期届满未延续，officer 审批人员依法注销。Ground."), basis: field(z.string(), "注销的法律依据。Legal basis."), on: field(DateString, "注销日期。On."), reason: field(z.optional(z.string()), "注销理由（审批人员注销时）。Reason.") }),
  ), "注销情况（行政许可法第七十条）。Cancellation."),
  applicationId: field(z.nullable(z.string()), "来源申请编号。Application id."),
  issuedOn: field(DateString, "发证日期。Issued on."),
  issuedBy: field(z.string(), "发证人的用户编号。Issued by."),
  renewals: field(z.number(), "延续次数。Renewals."),
  version: Out.version,
  createdAt: Out.createdAt,
  updatedAt: Out.updatedAt,
});
export type Licence = z.infer<typeof Licence>;

/** What anyone may verify: no internal ids, no reasons, no officers. */
export const LicencePublic = z.strictObject(
  z.pick(Licence, { number: true, holderName: true, holderUscc: true, itemCode: true, itemName: true, scope: true, validFrom: true, validTo: true, status: true, issuedOn: true }).shape,
);

/** A licence status event as stored, also a period-index record (LICEVT) for the roll-ups. */
export const LicenceEventRecord = z.object({
  id: field(z.string(), "事件编号。Event id."),
  licenceNumber: z.string(),
  itemCode: z.string(),
  regionCode: z.string(),
  enterpriseId: z.string(),
  event: field(z.enum(["suspended", "restored", "revoked", "cancelled", "issued", "renewed"]), "事件：issued 发证，renewed 延续，suspended 暂扣，restored 恢复，revoked 吊销，cancelled 注销。Event."),
  /**
   * What a suspension or revocation is: `penalty` (an administrative penalty, the blacklist trigger of
   * 安委办〔2015〕14号) or `major_hazard` (the hold while production is suspended for a listed major
   * hazard, 16号令; not a penalty).
   */
  cause: z.optional(z.enum(["penalty", "major_hazard"])),
  at: field(Timestamp, "发生时刻。At."),
  from: field(z.nullable(z.enum(LICENCE_STATUSES)), "之前的状态（发证时为 null）。From status."),
  to: field(z.enum(LICENCE_STATUSES), "之后的状态。To status."),
  reason: field(z.optional(z.string()), "理由。Reason."),
  actorId: field(z.string(), "操作人的用户编号。Actor id."),
});
export type LicenceEventRecord = z.infer<typeof LicenceEventRecord>;

export const LicenceEvent = z.pick(LicenceEventRecord, { id: true, event: true, at: true, from: true, to: true, reason: true, actorId: true });
export const LicenceWithHistory = z.extend(Licence, {
  history: field(z.array(LicenceEvent), "全部步骤，按时间先后。History."),
  renewalWindowOpensOn: field(z.nullable(DateString), "可申请延续的起始日期。Renewal window opens on."),
});
export const LicencePage = page(Licence);
export const ListLicencesQuery = z.strictObject({
  regionCode: z.optional(RegionCode),
  itemCode: field(z.optional(ItemCode), "审批事项代码，如 AQ01-01。Item code."),
  status: field(z.optional(z.enum(LICENCE_STATUSES)), "按状态筛选。Status filter."),
  /** Only licences still valid that end within this many days (e.g. 90). */
  expiringWithinDays: field(z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(3660))), "只列仍有效、且在此天数内到期的许可证（如 90）。Expiring within days."),
  limit: Limit,
  cursor: Cursor,
});
export const LicenceActionBody = z.strictObject({ reason: field(NonEmpty(2000), "理由。Reason.") });

// ---------- OpenAPI components ----------
components(
  {
    PutApprovalItem, ApprovalItemOut, ApprovalItemList, PowerList, PutCalendar, CalendarOut, CreateDelegation, RevokeDelegation, Delegation,
    DelegationList, CreateApplication, CreateAttachment, ActionBody, ReasonBody, MissingMaterialsBody, SubmitBody, Application, ApplicationView, ApplicationPage,
    AttachmentUpload, Licence, LicencePublic, LicenceWithHistory, LicencePage, LicenceActionBody,
  },
  {
    PutApprovalItem: "审批事项（办事指南）的新版本。A catalogue item version.",
    ApprovalItemOut: "审批事项的办事指南。A catalogue item.",
    ApprovalItemList: "审批事项。Catalogue items.",
    PowerList: "权力清单和责任清单。Power and responsibility lists.",
    PutCalendar: "一年的法定节假日与调休上班日。A year's calendar.",
    CalendarOut: "一年的工作日历。A year's working-day calendar.",
    CreateDelegation: "委托市（州）实施审批事项。Delegate an item.",
    RevokeDelegation: "收回委托。Revoke a delegation.",
    Delegation: "一项委托。A delegation.",
    DelegationList: "委托。Delegations.",
    CreateApplication: "提出行政许可申请（提交前为草稿）。Apply.",
    CreateAttachment: "登记一份申请材料并取得上传地址。Declare a material.",
    ActionBody: "受理、审查通过、恢复、发证：只有可选备注，可省略请求体。An action with an optional note.",
    ReasonBody: "不予受理、中止、延期、准予、不予许可：须写明理由。An action that needs a reason.",
    MissingMaterialsBody: "补正告知：一次列明全部须补正的材料。Notice of missing materials.",
    SubmitBody: "提交申请：不需要请求体（可省略或发送 {}）。Submit; no body.",
    Application: "行政许可申请。An application.",
    ApplicationView: "申请及其时限、办理机关、步骤与附件。An application as read.",
    ApplicationPage: "申请列表的一页。A page of applications.",
    AttachmentUpload: "登记的材料和它的预签名上传地址。A material and its upload.",
    Licence: "许可证。A licence.",
    LicencePublic: "许可证的公开核验信息。Public licence verification.",
    LicenceWithHistory: "许可证及其状态变化。A licence with its history.",
    LicencePage: "许可证列表的一页。A page of licences.",
    LicenceActionBody: "许可证操作的理由。Reason of a licence action.",
  },
);
