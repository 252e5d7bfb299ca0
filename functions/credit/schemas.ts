// Request and response shapes of the credit context (violations, blacklist, supervision tasks).
import * as z from "zod/mini";
import { msg } from "../../shared/messages.js";
import { ACCIDENT_GRADES } from "../accidents/public.js";
import { components, Cursor, DateString, field, Id, IsoDate, Limit, NextCursor, NonEmpty, Out, page, RegionCode } from "../../shared/schemas.js";
import { BLACKLIST_TRIGGER_KINDS, PENALTY_KINDS } from "./config-data.js";

const PenaltyKindEnum = z.enum(PENALTY_KINDS);
const TriggerKind = z.enum(BLACKLIST_TRIGGER_KINDS);

// ---------- violations (违法行为信息库) ----------

export const CreateViolation = z.strictObject({
  enterpriseId: field(Id, "被处罚企业的编号。Enterprise id."),
  /** Date of the penalty decision (Shanghai calendar date). */
  date: field(IsoDate, "行政处罚决定日期。Decision date."),
  /** The illegal act, as stated in the decision. */
  act: field(NonEmpty(1000), "违法行为（按决定书表述）。Illegal act."),
  legalBasis: field(NonEmpty(500), "处罚依据。Legal basis."),
  penalty: field(z.strictObject({
    kind: field(PenaltyKindEnum, "处罚种类：warning 警告，fine 罚款，suspend_for_rectification 责令停产停业整顿，licence_suspended 暂扣许可证，licence_revoked 吊销许可证，closure 关闭，other 其他。Penalty kind."),
    /** Integer yuan; required for a fine, optional alongside other penalties (并处罚款). */
    amountYuan: field(z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000_000))), "罚款金额（元，整数；罚款必填）。Fine in yuan."),
  }), "处罚。Penalty."),
  /** 行政处罚决定书文号, e.g. 鄂应急罚〔2026〕12号. Unique. */
  decisionNumber: field(NonEmpty(100), "行政处罚决定书文号，如 鄂应急罚〔2026〕12号（唯一）。Decision number."),
});
export type CreateViolation = z.infer<typeof CreateViolation>;

export const Violation = z.object({
  id: Out.id,
  enterpriseId: Out.enterpriseId,
  enterpriseName: Out.enterpriseName,
  uscc: Out.uscc,
  regionCode: Out.regionCode,
  cityCode: Out.cityCode,
  industryCode: Out.industryCode,
  date: field(DateString, "行政处罚决定日期。Decision date."),
  act: field(z.string(), "违法行为（按决定书表述）。Illegal act."),
  legalBasis: field(z.string(), "处罚依据。Legal basis."),
  penalty: field(z.object({ kind: field(PenaltyKindEnum, "处罚种类：warning 警告，fine 罚款，suspend_for_rectification 责令停产停业整顿，licence_suspended 暂扣许可证，licence_revoked 吊销许可证，closure 关闭，other 其他。Penalty kind."), amountYuan: field(z.optional(z.number()), "罚款金额（元，整数；罚款必填）。Fine in yuan.") }), "处罚。Penalty."),
  penaltyKind: field(PenaltyKindEnum, "处罚种类：warning 警告，fine 罚款，suspend_for_rectification 责令停产停业整顿，licence_suspended 暂扣许可证，licence_revoked 吊销许可证，closure 关闭，other 其他。Penalty kind."),
  amountYuan: field(z.number(), "罚款金额（元，整数；罚款必填）。Fine in yuan."),
  decisionNumber: field(z.string(), "行政处罚决定书文号，如 鄂应急罚〔2026〕12号（唯一）。Decision number."),
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
});
export type Violation = z.infer<typeof Violation>;

export const ListViolationsQuery = z.strictObject({
  enterpriseId: field(z.optional(Id), "按企业筛选。Enterprise filter."),
  regionCode: z.optional(RegionCode),
  limit: Limit,
  cursor: Cursor,
});
export const ViolationPage = page(Violation);

// ---------- blacklist ----------

export const Trigger = z.object({
  kind: field(TriggerKind, "触发类别（同 reasonCategory）。Trigger kind."),
  evidence: field(z.array(z.string()), "证据记录编号（事故、违法行为、隐患等）。Evidence."),
  detail: field(z.optional(z.record(z.string(), z.union([z.string(), z.number()]))), "触发的具体数据（如死亡人数、事故等级）。Detail."),
  reason: field(z.optional(z.string()), "理由（人工列入时）。Reason."),
});

/** The full listing, with its evidence: regulators and admins in scope only. */
export const Listing = z.object({
  id: field(z.string(), "黑名单记录编号。Listing id."),
  enterpriseId: Out.enterpriseId,
  enterpriseName: Out.enterpriseName,
  uscc: Out.uscc,
  regionCode: Out.regionCode,
  cityCode: Out.cityCode,
  industryCode: Out.industryCode,
  from: field(z.string(), "列入日期。From."),
  until: field(DateString, "列入截止日期。Until."),
  repeat: field(z.boolean(), "是否为再次列入（期限更长）。Repeat listing."),
  priorListings: field(z.number(), "此前被列入的次数。Prior listings."),
  reasonCategory: field(TriggerKind, "列入原因类别：responsible_accident_grade 负有责任的重大及以上事故，annual_deaths 年度死亡人数达到规定，concealed_accident 瞒报谎报事故，ignored_major_hazard_order 重大隐患拒不整改，licence_suspended_or_revoked 许可证被暂扣或吊销，manual 其他严重违法违规。Reason category."),
  triggers: field(z.array(Trigger), "列入的依据。Triggers."),
  source: field(z.enum(["job", "manual"]), "job 每日自动评估，manual 省级管理员人工列入。Source."),
  removedOn: field(z.optional(z.nullable(DateString)), "提前移出的日期。Removed on."),
  removalReason: field(z.optional(z.nullable(z.string())), "提前移出的理由。Removal reason."),
  removedBy: field(z.optional(z.nullable(z.string())), "移出人的用户编号。Removed by."),
  publicationQuarter: field(z.string(), "首次公布的季度，如 2026Q4。Publication quarter."),
  version: Out.version,
  createdAt: Out.createdAt,
  createdBy: Out.createdBy,
});
export type ListingRecord = z.infer<typeof Listing>;

export const ListingPage = page(Listing);

export const ListListingsQuery = z.strictObject({
  enterpriseId: field(z.optional(Id), "按企业筛选。Enterprise filter."),
  regionCode: z.optional(RegionCode),
  limit: Limit,
  cursor: Cursor,
});

export const ManualListing = z.strictObject({
  enterpriseId: field(Id, "列入的企业编号。Enterprise id."),
  reason: field(NonEmpty(1000), "列入理由。Reason."),
  /** Ids of supporting records (violations, inspections, documents). */
  evidence: field(z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(50))), "支撑记录的编号（违法行为、检查、文书等）。Evidence."),
});

export const RemoveListing = z.strictObject({ reason: field(NonEmpty(1000), "提前移出的理由。Reason.") });

export const PublicBlacklistQuery = z.strictObject({
  quarter: field(z.optional(z.string().check(z.regex(/^\d{4}[Qq][1-4]$/, msg("quarter")))), "季度公布的名单，如 2026Q4；不填为当前在列名单。Quarter."),
  limit: Limit,
  cursor: Cursor,
});

export const PublicEntry = z.strictObject({
  name: field(z.string(), "企业名称。Enterprise name."),
  uscc: Out.uscc,
  reasonCategory: field(z.nullable(TriggerKind), "列入原因类别：responsible_accident_grade 负有责任的重大及以上事故，annual_deaths 年度死亡人数达到规定，concealed_accident 瞒报谎报事故，ignored_major_hazard_order 重大隐患拒不整改，licence_suspended_or_revoked 许可证被暂扣或吊销，manual 其他严重违法违规。Reason category."),
  reason: field(z.nullable(z.string()), "公开的列入原因（无则为 null）。Reason."),
  listedFrom: field(DateString, "列入日期。Listed from."),
  listedUntil: field(DateString, "列入截止日期。Listed until."),
});

export const PublicBlacklist = z.strictObject({
  /** The quarter of a quarterly publication; null for the list in force today. */
  quarter: field(z.nullable(z.string()), "公布的季度；当前在列名单为 null。Quarter."),
  /** The day the list in force was published (null before the first publication). */
  asOf: field(z.nullable(z.string()), "名单截至的日期。As of."),
  /** Entries in the list in force (its publication); absent for a quarter's publication. */
  total: field(z.optional(z.number()), "合计。Total."),
  items: field(z.array(PublicEntry), "在列企业。Entries."),
  nextCursor: NextCursor,
});

// ---------- policy ----------

export const Policy = z.strictObject({
  accidentGradeThreshold: field(z.enum(ACCIDENT_GRADES), "列入黑名单的事故等级门槛（负有责任的该等级及以上事故）。Accident grade threshold."),
  annualDeathsThreshold: field(z.number().check(z.int()), "一年内负有责任事故累计死亡人数门槛。Annual deaths threshold."),
  firstTermYears: field(z.number().check(z.int()), "首次列入的期限（年）。First term."),
  repeatTermYears: field(z.number().check(z.int()), "再次列入的期限（年）。Repeat term."),
  inspectionIntervalMonths: field(z.number().check(z.int()), "在列企业的检查间隔（月）。Inspection interval."),
  interviewIntervalMonths: field(z.number().check(z.int()), "在列企业的约谈间隔（月）。Interview interval."),
});
export const PolicyOut = z.object({ ...Policy.shape, version: Out.version, updatedAt: Out.updatedAt, updatedBy: Out.updatedBy });

// ---------- supervision tasks ----------

export const TASK_STATUSES = ["open", "done"] as const;

export const SupervisionTask = z.object({
  id: field(z.string(), "任务编号。Task id."),
  kind: field(z.enum(["inspection", "interview"]), "inspection 检查，interview 约谈。Kind."),
  listingId: field(z.string(), "所依据的黑名单记录编号。Listing id."),
  enterpriseId: Out.enterpriseId,
  enterpriseName: Out.enterpriseName,
  regionCode: Out.regionCode,
  cityCode: Out.cityCode,
  industryCode: Out.industryCode,
  sequence: field(z.number(), "第几次（从 1 起）。Sequence."),
  opensOn: field(DateString, "任务开始日期。Opens on."),
  dueOn: field(DateString, "任务应完成日期。Due on."),
  status: field(z.enum(TASK_STATUSES), "open 待办，done 已完成。Status."),
  doneOn: field(z.optional(DateString), "完成日期。Done on."),
  doneBy: field(z.optional(z.string()), "完成人的用户编号。Done by."),
  note: field(z.optional(z.string()), "完成说明。Note."),
  version: Out.version,
  createdAt: Out.createdAt,
});
export type SupervisionTaskRecord = z.infer<typeof SupervisionTask>;

export const ListTasksQuery = z.strictObject({
  regionCode: z.optional(RegionCode),
  enterpriseId: field(z.optional(Id), "按企业筛选。Enterprise filter."),
  kind: field(z.optional(z.enum(["inspection", "interview"])), "按类别筛选：inspection 检查，interview 约谈。Kind filter."),
  status: field(z.optional(z.enum(TASK_STATUSES)), "按状态筛选：open 待办，done 已完成。Status filter."),
  limit: Limit,
  cursor: Cursor,
});
export const TaskPage = page(SupervisionTask);

export const TaskParams = z.strictObject({ id: field(z.string().check(z.regex(/^[0-9A-Z]{26}-(inspection|interview)-\d{1,3}$/, msg("taskId"))), "任务编号。Task id.") });
export const CompleteTask = z.strictObject({ note: field(NonEmpty(1000), "完成情况说明。Note.") });

// ---------- stored records without a route of their own ----------

/**
 * An enterprise's credit state (pk CREDIT#<eid>): listings so far, the evidence already used, the
 * listing in force. Versioned, so two concurrent listings of one enterprise cannot both succeed.
 */
export const CreditState = z.object({
  enterpriseId: z.string(),
  /** Listings so far (a further one is a repeat listing). */
  listings: z.number(),
  /** Ids of every record that already served as evidence of a listing. */
  usedEvidence: z.array(z.string()),
  /** The listing in force, kept here so "already listed?" is one consistent read serialised by `version`. */
  activeListingId: z.optional(z.string()),
  activeUntil: z.optional(z.string()),
  version: z.number(),
});
export type CreditState = z.infer<typeof CreditState>;

/** Which public blacklist snapshot is current, its date and size. */
export const SnapshotPointer = z.object({ snapshot: z.string(), asOf: DateString, total: z.number(), pages: z.number() });
export type SnapshotPointer = z.infer<typeof SnapshotPointer>;

/** A year whose accidents the blacklist job found settled: it reads that year no more. */
export const SettledYear = z.object({ year: z.number(), settledOn: DateString, accidentsRead: z.number() });

/** One page of a public blacklist snapshot: the public entries, nothing private. */
export const SnapshotPage = z.object({ entries: z.array(PublicEntry) });

// ---------- OpenAPI components ----------
components(
  {
    CreateViolation, Violation, ViolationPage, Listing, ListingPage, ManualListing, RemoveListing, PublicBlacklist, Policy, PolicyOut,
    SupervisionTask, TaskPage, CompleteTask,
  },
  {
    CreateViolation: "登记违法行为（行政处罚决定）。Record a violation.",
    Violation: "违法行为信息。A violation.",
    ViolationPage: "违法行为列表的一页。A page of violations.",
    Listing: "黑名单记录及其依据（仅监管部门）。A blacklist listing.",
    ListingPage: "黑名单记录列表的一页。A page of listings.",
    ManualListing: "人工列入黑名单（省级管理员）。Manual listing.",
    RemoveListing: "提前移出黑名单。Early removal.",
    PublicBlacklist: "公开的黑名单。The public blacklist.",
    Policy: "黑名单政策参数。Blacklist policy.",
    PolicyOut: "黑名单政策参数及其版本。Blacklist policy.",
    SupervisionTask: "对黑名单企业的检查或约谈任务。A supervision task.",
    TaskPage: "任务列表的一页。A page of tasks.",
    CompleteTask: "完成任务。Complete a task.",
  },
);
