// Request and response shapes of the credit context (violations, blacklist, supervision tasks).
import * as z from "zod/mini";
import { ACCIDENT_GRADES } from "../accidents/rules.js";
import { Cursor, Id, IsoDate, Limit, NonEmpty, page, RegionCode } from "../../shared/schemas.js";
import { BLACKLIST_TRIGGER_KINDS, type BlacklistTriggerKind, PENALTY_KINDS, type PenaltyKind } from "./config-data.js";

const PenaltyKindEnum = z.enum(PENALTY_KINDS as unknown as [PenaltyKind, ...PenaltyKind[]]);
const TriggerKind = z.enum(BLACKLIST_TRIGGER_KINDS as unknown as [BlacklistTriggerKind, ...BlacklistTriggerKind[]]);

// ---------- violations (违法行为信息库) ----------

export const CreateViolation = z.strictObject({
  enterpriseId: Id,
  /** Date of the penalty decision (Shanghai calendar date). */
  date: IsoDate,
  /** The illegal act, as stated in the decision. */
  act: NonEmpty(1000),
  legalBasis: NonEmpty(500),
  penalty: z.strictObject({
    kind: PenaltyKindEnum,
    /** Integer yuan; required for a fine, optional alongside other penalties (并处罚款). */
    amountYuan: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000_000_000))),
  }),
  /** 行政处罚决定书文号, e.g. 鄂应急罚〔2026〕12号. Unique. */
  decisionNumber: NonEmpty(100),
});
export type CreateViolation = z.infer<typeof CreateViolation>;

export const Violation = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  cityCode: z.string(),
  industryCode: z.string(),
  date: z.string(),
  act: z.string(),
  legalBasis: z.string(),
  penalty: z.object({ kind: PenaltyKindEnum, amountYuan: z.optional(z.number()) }),
  penaltyKind: PenaltyKindEnum,
  amountYuan: z.number(),
  decisionNumber: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Violation = z.infer<typeof Violation>;

export const ListViolationsQuery = z.strictObject({
  enterpriseId: z.optional(Id),
  regionCode: z.optional(RegionCode),
  limit: Limit,
  cursor: Cursor,
});
export const ViolationPage = page(Violation);

// ---------- blacklist ----------

export const Trigger = z.object({
  kind: TriggerKind,
  evidence: z.array(z.string()),
  detail: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
  reason: z.optional(z.string()),
});

/** The full listing, with its evidence: regulators and admins in scope only. */
export const Listing = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  cityCode: z.string(),
  industryCode: z.string(),
  from: z.string(),
  until: z.string(),
  repeat: z.boolean(),
  priorListings: z.number(),
  reasonCategory: TriggerKind,
  triggers: z.array(Trigger),
  source: z.enum(["job", "manual"]),
  removedOn: z.optional(z.nullable(z.string())),
  removalReason: z.optional(z.nullable(z.string())),
  removedBy: z.optional(z.nullable(z.string())),
  publicationQuarter: z.string(),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type ListingRecord = z.infer<typeof Listing>;

export const ListingPage = page(Listing);

export const ListListingsQuery = z.strictObject({
  enterpriseId: z.optional(Id),
  regionCode: z.optional(RegionCode),
  limit: Limit,
  cursor: Cursor,
});

export const ManualListing = z.strictObject({
  enterpriseId: Id,
  reason: NonEmpty(1000),
  /** Ids of supporting records (violations, inspections, documents). */
  evidence: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(50))),
});

export const RemoveListing = z.strictObject({ reason: NonEmpty(1000) });

export const PublicBlacklistQuery = z.strictObject({
  quarter: z.optional(z.string().check(z.regex(/^\d{4}[Qq][1-4]$/, "must be a quarter like 2026Q4"))),
  limit: Limit,
  cursor: Cursor,
});

export const PublicEntry = z.strictObject({
  name: z.string(),
  uscc: z.string(),
  reasonCategory: z.nullable(TriggerKind),
  reason: z.nullable(z.string()),
  listedFrom: z.string(),
  listedUntil: z.string(),
});

export const PublicBlacklist = z.strictObject({
  /** The quarter of a quarterly publication; null for the list in force today. */
  quarter: z.nullable(z.string()),
  /** The day the list in force was published (null before the first publication). */
  asOf: z.nullable(z.string()),
  /** Entries in the list in force (its publication); absent for a quarter's publication. */
  total: z.optional(z.number()),
  items: z.array(PublicEntry),
  nextCursor: z.nullable(z.string()),
});

// ---------- policy ----------

export const Policy = z.strictObject({
  accidentGradeThreshold: z.enum(ACCIDENT_GRADES as unknown as ["general", "larger", "major", "especially_major"]),
  annualDeathsThreshold: z.number().check(z.int()),
  firstTermYears: z.number().check(z.int()),
  repeatTermYears: z.number().check(z.int()),
  inspectionIntervalMonths: z.number().check(z.int()),
  interviewIntervalMonths: z.number().check(z.int()),
});
export const PolicyOut = z.object({ ...Policy.shape, version: z.number(), updatedAt: z.string(), updatedBy: z.string() });

// ---------- supervision tasks ----------

export const TASK_STATUSES = ["open", "done"] as const;

export const SupervisionTask = z.object({
  id: z.string(),
  kind: z.enum(["inspection", "interview"]),
  listingId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  cityCode: z.string(),
  industryCode: z.string(),
  sequence: z.number(),
  opensOn: z.string(),
  dueOn: z.string(),
  status: z.enum(TASK_STATUSES),
  doneOn: z.optional(z.string()),
  doneBy: z.optional(z.string()),
  note: z.optional(z.string()),
  version: z.number(),
  createdAt: z.string(),
});
export type SupervisionTaskRecord = z.infer<typeof SupervisionTask>;

export const ListTasksQuery = z.strictObject({
  regionCode: z.optional(RegionCode),
  enterpriseId: z.optional(Id),
  kind: z.optional(z.enum(["inspection", "interview"])),
  status: z.optional(z.enum(TASK_STATUSES)),
  limit: Limit,
  cursor: Cursor,
});
export const TaskPage = page(SupervisionTask);

export const TaskParams = z.strictObject({ id: z.string().check(z.regex(/^[0-9A-Z]{26}-(inspection|interview)-\d{1,3}$/, "must be a task id")) });
export const CompleteTask = z.strictObject({ note: NonEmpty(1000) });
