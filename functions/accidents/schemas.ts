// Request and response schemas of accident direct reporting (zod/mini). Requests are strict: the
// client can never set grade, deadlines, chain, status, flags, versions or scope fields.
import * as z from "zod/mini";
import { AccidentType, components, CountyCode, Cursor, field, Id, IndustryCode, Instant, IsoDate, Limit, NonEmpty, Out, page, QueryBool, RegionCode, Timestamp, Url } from "../../shared/schemas.js";
import { AttachmentRequest } from "../../shared/storage.js";
import { ACCIDENT_GRADES, REPORT_LEVELS, REPORTER_ROLES } from "./rules.js";

/** Levels a report can be forwarded to (the county receives it first). */
export const FORWARD_TARGETS = ["city", "province", "national"] as const;
export const STATUSES = ["open", "closed"] as const;
export const CONCEALMENT_KINDS = ["concealed", "false_report"] as const;

/** A non-negative whole number of people. */
const Count = z.number().check(z.int(), z.minimum(0));
/** Integer yuan. */
const Yuan = z.number().check(z.int(), z.minimum(0));

/** A unit that is not in the enterprise register (name, USCC if it has one, address). */
export const UnitProfile = z.strictObject({
  name: field(NonEmpty(200), "单位名称。Unit name."),
  uscc: field(z.optional(z.string().check(z.trim(), z.toUpperCase(), z.minLength(1), z.maxLength(18))), "统一社会信用代码（有则填）。USCC if any."),
  address: field(NonEmpty(300), "单位地址。Address."),
});

// ---------- requests ----------

/** Injured people one by one (2016 统计管理办法): when given, the injury counts follow from their lost work days. */
const Injured = z.array(z.strictObject({ lostWorkDays: field(z.number().check(z.int(), z.minimum(0), z.maximum(36_500)), "该伤员的损失工作日（2016《生产安全事故统计管理办法》：≥105 日为重伤）。Lost work days."), acutePoisoning: field(z.optional(z.boolean()), "是否为急性中毒（按重伤统计）。Acute poisoning.") })).check(z.maxLength(1000));

export const CreateAccident = z.strictObject({
  /** County-level region where it happened (the county regulator receives it first). */
  regionCode: CountyCode,
  occurredAt: field(Instant, "发生时刻。Occurred at."),
  /** When the unit head learned of it; defaults to occurredAt. */
  knownAt: field(z.optional(Instant), "单位负责人获知事故的时刻（默认同发生时刻）。Known at."),
  /** A registered enterprise, or `unit` for an unregistered one (exactly one of the two). */
  enterpriseId: field(z.optional(Id), "已登记企业的编号；未登记单位改填 unit（二者必居其一）。Enterprise id."),
  unit: field(z.optional(UnitProfile), "未登记在册的事故单位（名称、信用代码、地址）。Unregistered unit."),
  industryCode: IndustryCode,
  accidentType: AccidentType,
  summary: field(NonEmpty(4000), "事故概况。Summary."),
  scene: field(NonEmpty(2000), "事故现场情况。Scene."),
  deaths: field(Count, "死亡人数。Deaths."),
  missing: field(Count, "失踪人数。Missing."),
  seriousInjuries: field(Count, "重伤人数。Serious injuries."),
  injuries: field(Count, "轻伤人数。Injuries."),
  directLossYuan: field(Yuan, "直接经济损失（元，整数）。Direct economic loss in yuan."),
  measuresTaken: field(z.optional(NonEmpty(4000)), "已采取的措施。Measures taken."),
  /** When given, seriousInjuries and injuries must be the counts it gives (2016 统计管理办法). */
  injured: field(z.optional(Injured), "逐一列出的伤员（给出时，重伤、轻伤人数由损失工作日推定）。Injured people."),
  /**
   * An industry department's report: when the department learned of the accident. It must pass the
   * information to the county work-safety department within 24 hours (2016 统计管理办法); only departments send it.
   */
  departmentKnownAt: field(z.optional(Instant), "仅行业主管部门报告时：部门获知事故的时刻（须在 24 小时内转交县级安全监管部门）。Department known at."),
  roadTraffic: field(z._default(z.boolean(), false), "是否为道路交通事故（补报期 7 日）。Road traffic."),
  fire: field(z._default(z.boolean(), false), "是否为火灾事故（补报期 7 日）。Fire."),
});
export type CreateAccident = z.infer<typeof CreateAccident>;

/** A follow-up (续报) or late change (补报): any changed counts or loss, narrative, and a required note. */
export const UpdateAccident = z.strictObject({
  note: field(NonEmpty(4000), "续报或补报的说明（必填）。Note."),
  deaths: field(z.optional(Count), "死亡人数。Deaths."),
  missing: field(z.optional(Count), "失踪人数。Missing."),
  seriousInjuries: field(z.optional(Count), "重伤人数。Serious injuries."),
  injuries: field(z.optional(Count), "轻伤人数。Injuries."),
  directLossYuan: field(z.optional(Yuan), "直接经济损失（元，整数）。Direct economic loss in yuan."),
  summary: field(z.optional(NonEmpty(4000)), "事故概况。Summary."),
  scene: field(z.optional(NonEmpty(2000)), "事故现场情况。Scene."),
  measuresTaken: field(z.optional(NonEmpty(4000)), "已采取的措施。Measures taken."),
  /** When given, the injury counts follow from it (and any counts sent must agree). */
  injured: field(z.optional(Injured), "逐一列出的伤员（给出时，重伤、轻伤人数由损失工作日推定）。Injured people."),
});
export type UpdateAccident = z.infer<typeof UpdateAccident>;

export const ForwardAccident = z.strictObject({
  /** Defaults to the next level of the chain; a higher one skips levels and needs a reason. */
  toLevel: field(z.optional(z.enum(FORWARD_TARGETS)), "报送到哪一级：city 市，province 省，national 国家；默认下一级，越级须说明理由。To level."),
  reason: field(z.optional(NonEmpty(500)), "越级上报的理由。Reason for skipping a level."),
});

export const InvestigationReportUpload = AttachmentRequest;

export const CloseAccident = z.strictObject({
  cause: field(NonEmpty(4000), "事故原因。Cause."),
  enterpriseResponsible: field(z.boolean(), "事故单位是否负有责任。Enterprise responsible."),
  handling: field(NonEmpty(4000), "对事故责任的处理意见。Handling."),
  /** The key returned by POST /v1/accidents/{id}/investigation-report, after the upload. */
  investigationReport: field(z.optional(z.strictObject({ key: field(z.string().check(z.minLength(1), z.maxLength(600)), "investigation-report 返回的对象键。Object key.") })), "调查报告（先经 investigation-report 取得上传地址并上传）。Investigation report."),
});

export const ConfirmConcealment = z.strictObject({
  kind: field(z.enum(CONCEALMENT_KINDS), "concealed 瞒报，false_report 谎报。Kind."),
  reason: field(NonEmpty(2000), "认定的理由。Reason."),
});

/** A calendar date (a whole Asia/Shanghai day) or an instant with an offset. */
const TimeBound = z.union([IsoDate, Instant]);

export const ListAccidentsQuery = z.strictObject({
  /** Reports waiting for the caller's level and region to forward them. */
  pending: field(QueryBool, "true：只列等待调用者所在层级和地区报送的事故。Pending for me."),
  regionCode: z.optional(RegionCode),
  from: field(z.optional(TimeBound), "发生时间起：日期（北京时间当日 00:00）或带时区的时刻。From."),
  to: field(z.optional(TimeBound), "发生时间止：日期（含当日）或带时区的时刻。To."),
  grade: field(z.optional(z.enum(ACCIDENT_GRADES)), "按事故等级筛选。Grade filter."),
  accidentType: field(z.optional(AccidentType), "按事故类别筛选。Accident type filter."),
  industryCode: field(z.optional(IndustryCode), "按行业筛选。Industry filter."),
  limit: Limit,
  cursor: Cursor,
});

// ---------- stored record ----------

const ChainStepFields = {
  level: field(z.enum(REPORT_LEVELS), "层级：county 县，city 市，province 省，national 国家。Level."),
  dueAt: field(Timestamp, "应报送到该级的时限。Due at."),
  receivedAt: field(z.optional(Timestamp), "该级收到的时刻。Received at."),
  forwardedBy: field(z.optional(z.string()), "报送人的用户编号。Forwarded by."),
  skipReason: field(z.optional(z.string()), "越级报送的理由。Skip reason."),
  skipped: field(z.optional(z.boolean()), "该级被越过。Skipped."),
  notBefore: field(z.optional(Timestamp), "该级最早可报送的时刻。Not before."),
  sameUnit: field(z.optional(z.boolean()), "与上一级为同一监管部门（如省直管）。Same unit."),
};

const Actor = z.object({ userId: field(z.string(), "用户编号。User id."), role: Out.role, regionCode: field(z.string(), "所属行政区划代码。Region code.") });

const Attachment = z.object({
  key: field(z.string(), "对象键。Object key."),
  fileName: field(z.string(), "文件名。File name."),
  contentType: field(z.string(), "文件类型：image/jpeg、image/png 或 application/pdf。Content type."),
  size: field(z.number(), "文件大小（字节，≤ 10 MB）。Size in bytes."),
  /** The object verified on close; download links serve exactly it. */
  verified: field(z.optional(z.object({ size: field(z.number(), "文件大小（字节，≤ 10 MB）。Size in bytes."), etag: field(z.string(), "核验时对象的 ETag。Object ETag."), versionId: field(z.optional(z.string()), "核验时对象的版本号。Object version.") })), "结案时核验的对象：下载地址只提供这一对象。Verified object."),
});

const RecordFields = {
  id: Id,
  regionCode: Out.regionCode,
  cityCode: Out.cityCode,
  enterpriseId: z.optional(Out.enterpriseId),
  /** Where the named enterprise is registered (属地: its regulators see the report too). */
  homeRegionCode: field(z.optional(z.string()), "企业登记地的行政区划代码（属地：登记地监管部门也可查看）。Home region code."),
  unit: field(z.object({ name: field(z.string(), "单位名称。Unit name."), uscc: field(z.optional(z.string()), "统一社会信用代码（有则填）。USCC if any."), address: field(z.string(), "单位地址。Address.") }), "未登记在册的事故单位（名称、信用代码、地址）。Unregistered unit."),
  industryCode: Out.industryCode,
  industrySection: field(z.string(), "行业门类。Industry section."),
  accidentType: field(z.string(), "事故类别（GB 6441-86 代码 01–20）。Accident type."),
  occurredAt: field(Timestamp, "发生时刻。Occurred at."),
  knownAt: field(Timestamp, "单位负责人获知事故的时刻（默认同发生时刻）。Known at."),
  summary: field(z.string(), "事故概况。Summary."),
  scene: field(z.string(), "事故现场情况。Scene."),
  measuresTaken: field(z.optional(z.string()), "已采取的措施。Measures taken."),
  /** Injured people with their lost work days and class, when the reporter gave them. */
  injured: field(z.optional(z.array(z.object({ lostWorkDays: field(z.number(), "该伤员的损失工作日。Lost work days."), acutePoisoning: field(z.optional(z.boolean()), "是否为急性中毒。Acute poisoning."), injuryClass: field(z.enum(["serious", "injured", "none"]), "据此认定的伤害程度：serious 重伤，injured 轻伤，none 不计。Injury class.") }))), "报告人给出的伤员及认定的伤害程度。Injured people."),
  deaths: field(z.number(), "死亡人数。Deaths."),
  missing: field(z.number(), "失踪人数。Missing."),
  seriousInjuries: field(z.number(), "重伤人数。Serious injuries."),
  injuries: field(z.number(), "轻伤人数。Injuries."),
  directLossYuan: field(z.number(), "直接经济损失（元，整数）。Direct economic loss in yuan."),
  roadTraffic: field(z.boolean(), "是否为道路交通事故（补报期 7 日）。Road traffic."),
  fire: field(z.boolean(), "是否为火灾事故（补报期 7 日）。Fire."),
  grade: field(z.enum(ACCIDENT_GRADES), "事故等级（493号令第三条）：general 一般，larger 较大，major 重大，especially_major 特别重大。Grade."),
  gradeBasis: field(z.array(z.enum(["deaths", "seriousInjuries", "directLoss"])), "定级依据：deaths 死亡（含失踪），seriousInjuries 重伤，directLoss 直接经济损失。Grade basis."),
  /** Deaths plus missing people counted dead once the 补报 window has passed (kept fresh by a daily job). */
  statisticalDeaths: field(z.number(), "统计死亡人数：死亡加补报期满后仍失踪的人数。Statistical deaths."),
  /** When the report reached the platform (the county's receipt). */
  receivedAt: field(Timestamp, "事故报告到达平台（县级收到）的时刻。Received at."),
  reportDueAt: field(Timestamp, "事故单位应报告的时限（获知后 1 小时）。Report due at."),
  reportedLate: field(z.boolean(), "事故单位是否迟报。Reported late."),
  minutesLate: field(z.number(), "迟报的分钟数。Minutes late."),
  reporterRole: field(z.enum(REPORTER_ROLES), "首报者：enterprise 事故单位，regulator 监管部门，department 行业部门。Reporter role."),
  reportedBy: field(Actor, "首报人。Reported by."),
  /** A regulator or department filed the report, passed it up or updated it: its figures are on the government's record. */
  regulatorBacked: field(z.optional(z.boolean()), "监管部门或行业部门报送、上报或续报过：数字已记入政府记录，核减须发生地监管部门说明理由。Regulator backed."),
  /** When the unit itself first reported (its own initial report, or its first update of a report others recorded). */
  unitReportedAt: field(z.optional(Timestamp), "事故单位自己首次报告的时刻。Unit reported at."),
  unreportedByUnit: field(z.boolean(), "事故单位至今未自行报告。Unreported by the unit."),
  /** A department's report: when it learned of the accident, and its 24-hour hand-over deadline (2016 统计管理办法). */
  departmentHandover: field(z.optional(z.object({ knownAt: field(Timestamp, "部门获知事故的时刻。Department known at."), dueAt: field(Timestamp, "转交县级安全监管部门的时限（获知后 24 小时）。Hand-over due at."), late: field(z.boolean(), "是否超时转交。Late."), minutesLate: field(z.number(), "超时的分钟数。Minutes late.") })), "行业主管部门报告的转交情况：获知时刻与 24 小时转交时限。Department hand-over."),
  directAdministered: field(z.boolean(), "是否为省直管单位。Directly administered."),
  chain: field(z.array(z.object(ChainStepFields)), "逐级报送链：各级的时限、收到时刻与报送人。Reporting chain."),
  status: field(z.enum(STATUSES), "状态：open 处理中，closed 已结案。Status."),
  /** Number of report versions (1 = the initial report). */
  reportVersion: field(z.number(), "报告版本数（1 为首报）。Report versions."),
  /** When the last report (initial or follow-up) arrived: follow-ups are due from here. */
  lastReportAt: field(Timestamp, "最近一次报告（首报或续报）的时刻。Last report at."),
  missedFollowUps: field(z.number(), "错过的续报次数。Missed follow-ups."),
  closure: field(z.optional(
    z.object({
      cause: field(z.string(), "事故原因。Cause."),
      enterpriseResponsible: field(z.boolean(), "事故单位是否负有责任。Enterprise responsible."),
      handling: field(z.string(), "对事故责任的处理意见。Handling."),
      investigationReport: field(z.optional(Attachment), "调查报告（先经 investigation-report 取得上传地址并上传）。Investigation report."),
      closedBy: field(Actor, "结案人。Closed by."),
      closedAt: field(Timestamp, "结案时刻。Closed at."),
      closedAtLevel: field(z.enum(REPORT_LEVELS), "结案层级。Closed at level."),
    }),
  ), "结案情况。Closure."),
  /** Copied from the closure for the period index (credit and roll-ups read it there). */
  enterpriseResponsible: field(z.optional(z.boolean()), "事故单位是否负有责任。Enterprise responsible."),
  concealed: field(z.optional(z.boolean()), "是否已认定瞒报或谎报。Concealed."),
  concealment: field(z.optional(
    z.object({ kind: field(z.enum(CONCEALMENT_KINDS), "concealed 瞒报，false_report 谎报。Kind."), reason: field(z.string(), "理由。Reason."), confirmedBy: field(Actor, "认定人。Confirmed by."), confirmedAt: field(Timestamp, "认定时刻。Confirmed at.") }),
  ), "瞒报、谎报的认定。Concealment."),
  version: Out.version,
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
  updatedAt: Out.updatedAt,
};

export const AccidentRecordSchema = z.object(RecordFields);
export type AccidentRecord = z.infer<typeof AccidentRecordSchema>;

/**
 * What statistics and the blacklist read of a report through the period index (shared/periods.ts):
 * the figures, the grade and the findings, nothing of the chain or the narrative.
 */
export const AccidentFacts = z.pick(AccidentRecordSchema, {
  id: true,
  regionCode: true,
  enterpriseId: true,
  occurredAt: true,
  grade: true,
  deaths: true,
  missing: true,
  seriousInjuries: true,
  injuries: true,
  directLossYuan: true,
  industryCode: true,
  accidentType: true,
  roadTraffic: true,
  fire: true,
  status: true,
  enterpriseResponsible: true,
  concealed: true,
});
export type AccidentFacts = z.infer<typeof AccidentFacts>;

export const ReportVersionSchema = z.object({
  n: field(z.number(), "版本序号（1 为首报）。Version number."),
  kind: field(z.enum(["initial", "update"]), "initial 首报，update 续报或补报。Kind."),
  at: field(Timestamp, "报告时刻。At."),
  by: field(Actor, "报告人。By."),
  note: field(z.optional(z.string()), "说明。Note."),
  /** Fields this version changed: { field: { from, to } } (empty for a follow-up without changes). */
  changes: field(z.record(z.string(), z.object({ from: field(z.optional(z.unknown()), "起。From."), to: field(z.optional(z.unknown()), "止。To.") })), "本版本改变的字段：{ 字段: { from, to } }。Changes."),
  grade: field(z.enum(ACCIDENT_GRADES), "事故等级（493号令第三条）：general 一般，larger 较大，major 重大，especially_major 特别重大。Grade."),
  deaths: field(z.number(), "死亡人数。Deaths."),
  missing: field(z.number(), "失踪人数。Missing."),
  seriousInjuries: field(z.number(), "重伤人数。Serious injuries."),
  injuries: field(z.number(), "轻伤人数。Injuries."),
  directLossYuan: field(z.number(), "直接经济损失（元，整数）。Direct economic loss in yuan."),
  /** The follow-up arrived after it was due (续报 missed). */
  followUpLate: field(z.optional(z.boolean()), "续报是否晚于时限。Follow-up late."),
});
export type ReportVersion = z.infer<typeof ReportVersionSchema>;

// ---------- responses ----------

const ChainStepView = z.object({
  ...ChainStepFields,
  /** The regulator region acting at this level (none for national: outside the platform). */
  region: field(z.nullable(z.string()), "该级的监管部门行政区划（国家级为 null）。Region."),
  overdue: field(z.boolean(), "该级是否已超时未报送。Overdue."),
  late: field(z.boolean(), "该级是否超时报送。Late."),
  minutesLate: field(z.number(), "超时的分钟数。Minutes late."),
});

export const AccidentView = z.object({
  ...RecordFields,
  chain: field(z.array(ChainStepView), "逐级报送链：各级的时限、收到时刻与报送人。Reporting chain."),
  /** The forward waiting now: who holds the report, where it must go, by when. */
  pending: field(z.nullable(
    z.object({ holderLevel: field(z.enum(REPORT_LEVELS), "持有报告的一级。Holder level."), holderRegion: field(z.string(), "持有报告的行政区划。Holder region."), nextLevel: field(z.enum(REPORT_LEVELS), "应报送到的一级。Next level."), dueAt: field(Timestamp, "应报送到该级的时限。Due at."), overdue: field(z.boolean(), "是否已超时。Overdue.") }),
  ), "当前待报送：持有报告的一级、下一级和时限（无则为 null）。Pending forward."),
  followUpDueAt: field(z.nullable(Timestamp), "下次续报的时限（无则为 null）。Follow-up due at."),
  followUpMissed: field(z.boolean(), "是否错过了续报时限。Follow-up missed."),
  supplementWindowClosesAt: field(Timestamp, "伤亡人数补报期截止时刻（30 日；道路交通、火灾 7 日）。Supplement window closes at."),
  casualtyChangesOpen: field(z.boolean(), "是否仍可补报伤亡人数变化。Casualty changes open."),
  investigatingLevel: field(z.enum(REPORT_LEVELS), "负责调查的层级（按事故等级）。Investigating level."),
});
export type AccidentView = z.infer<typeof AccidentView>;

export const AccidentDetail = z.object({ ...AccidentView.shape, history: field(z.array(ReportVersionSchema), "全部报告版本，首报在前。History.") });

export const AccidentPage = page(AccidentView);

export const InvestigationReportDownload = z.object({
  fileName: field(z.string(), "文件名。File name."),
  contentType: field(z.string(), "文件类型：image/jpeg、image/png 或 application/pdf。Content type."),
  size: field(z.number(), "文件大小（字节，≤ 10 MB）。Size in bytes."),
  download: field(z.object({ url: field(Url, "短时有效的下载地址。Download URL."), expiresAt: field(Timestamp, "下载地址的失效时刻。Expires at.") }), "调查报告的下载。Download."),
});

export const UploadTicket = z.object({
  key: field(z.string(), "对象键：上传后在结案时引用。Object key."),
  upload: field(z.object({ url: field(Url, "预签名上传地址：在 expiresAt 之前用 PUT 上传文件。Presigned URL."), method: field(z.literal("PUT"), "上传使用的 HTTP 方法（固定为 PUT）。HTTP method."), headers: field(z.record(z.string(), z.string()), "上传时须原样带上的请求头。Headers to send with the upload."), expiresAt: field(Timestamp, "上传地址的失效时刻。Expires at.") }), "预签名上传：把文件 PUT 到 url。Presigned upload."),
});

// ---------- OpenAPI components ----------
components(
  { CreateAccident, UpdateAccident, ForwardAccident, CloseAccident, ConfirmConcealment, AccidentView, AccidentDetail, AccidentPage, UploadTicket },
  {
    CreateAccident: "事故首报：已登记企业填 enterpriseId，未登记单位填 unit。Initial report.",
    UpdateAccident: "续报或补报：变化的人数、损失和说明。Follow-up.",
    ForwardAccident: "向上一级（或越级）报送。Forward.",
    CloseAccident: "结案。Close.",
    ConfirmConcealment: "认定瞒报或谎报。Confirm concealment.",
    AccidentView: "事故报告：当前数据、等级、时限与报送链。An accident report.",
    AccidentDetail: "事故报告及其全部版本。An accident report with its history.",
    AccidentPage: "事故列表的一页。A page of accident reports.",
    UploadTicket: "调查报告的预签名上传。Upload of the investigation report.",
  },
);
