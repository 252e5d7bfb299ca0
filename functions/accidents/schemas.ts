// Request and response schemas of accident direct reporting (zod/mini). Requests are strict: the
// client can never set grade, deadlines, chain, status, flags, versions or scope fields.
import * as z from "zod/mini";
import {
  AccidentType,
  CountyCode,
  Cursor,
  Id,
  IndustryCode,
  Instant,
  IsoDate,
  Limit,
  NonEmpty,
  page,
  QueryBool,
  RegionCode,
} from "../../shared/schemas.js";
import { AttachmentRequest } from "../../shared/storage.js";

export const GRADES = ["general", "larger", "major", "especially_major"] as const;
export const LEVELS = ["county", "city", "province", "national"] as const;
/** Levels a report can be forwarded to (the county receives it first). */
export const FORWARD_TARGETS = ["city", "province", "national"] as const;
export const STATUSES = ["open", "closed"] as const;
export const REPORTER_ROLES = ["enterprise", "regulator", "department"] as const;
export const CONCEALMENT_KINDS = ["concealed", "false_report"] as const;

/** A non-negative whole number of people. */
const Count = z.number().check(z.int(), z.minimum(0));
/** Integer yuan. */
const Yuan = z.number().check(z.int(), z.minimum(0));

/** A unit that is not in the enterprise register (name, USCC if it has one, address). */
export const UnitProfile = z.strictObject({
  name: NonEmpty(200),
  uscc: z.optional(z.string().check(z.trim(), z.toUpperCase(), z.minLength(1), z.maxLength(18))),
  address: NonEmpty(300),
});

// ---------- requests ----------

/** Injured people one by one (2016 统计管理办法): when given, the injury counts follow from their lost work days. */
const Injured = z.array(z.strictObject({ lostWorkDays: z.number().check(z.int(), z.minimum(0), z.maximum(36_500)), acutePoisoning: z.optional(z.boolean()) })).check(z.maxLength(1000));

export const CreateAccident = z.strictObject({
  /** County-level region where it happened (the county regulator receives it first). */
  regionCode: CountyCode,
  occurredAt: Instant,
  /** When the unit head learned of it; defaults to occurredAt. */
  knownAt: z.optional(Instant),
  /** A registered enterprise, or `unit` for an unregistered one (exactly one of the two). */
  enterpriseId: z.optional(Id),
  unit: z.optional(UnitProfile),
  industryCode: IndustryCode,
  accidentType: AccidentType,
  summary: NonEmpty(4000),
  scene: NonEmpty(2000),
  deaths: Count,
  missing: Count,
  seriousInjuries: Count,
  injuries: Count,
  directLossYuan: Yuan,
  measuresTaken: z.optional(NonEmpty(4000)),
  /** When given, seriousInjuries and injuries must be the counts it gives (2016 统计管理办法). */
  injured: z.optional(Injured),
  /**
   * An industry department's report: when the department learned of the accident. It must pass the
   * information to the county work-safety department within 24 hours (2016 统计管理办法); only departments send it.
   */
  departmentKnownAt: z.optional(Instant),
  roadTraffic: z._default(z.boolean(), false),
  fire: z._default(z.boolean(), false),
});
export type CreateAccident = z.infer<typeof CreateAccident>;

/** A follow-up (续报) or late change (补报): any changed counts or loss, narrative, and a required note. */
export const UpdateAccident = z.strictObject({
  note: NonEmpty(4000),
  deaths: z.optional(Count),
  missing: z.optional(Count),
  seriousInjuries: z.optional(Count),
  injuries: z.optional(Count),
  directLossYuan: z.optional(Yuan),
  summary: z.optional(NonEmpty(4000)),
  scene: z.optional(NonEmpty(2000)),
  measuresTaken: z.optional(NonEmpty(4000)),
  /** When given, the injury counts follow from it (and any counts sent must agree). */
  injured: z.optional(Injured),
});
export type UpdateAccident = z.infer<typeof UpdateAccident>;

export const ForwardAccident = z.strictObject({
  /** Defaults to the next level of the chain; a higher one skips levels and needs a reason. */
  toLevel: z.optional(z.enum(FORWARD_TARGETS)),
  reason: z.optional(NonEmpty(500)),
});

export const InvestigationReportUpload = AttachmentRequest;

export const CloseAccident = z.strictObject({
  cause: NonEmpty(4000),
  enterpriseResponsible: z.boolean(),
  handling: NonEmpty(4000),
  /** The key returned by POST /v1/accidents/{id}/investigation-report, after the upload. */
  investigationReport: z.optional(z.strictObject({ key: z.string().check(z.minLength(1), z.maxLength(600)) })),
});

export const ConfirmConcealment = z.strictObject({
  kind: z.enum(CONCEALMENT_KINDS),
  reason: NonEmpty(2000),
});

/** A calendar date (a whole Asia/Shanghai day) or an instant with an offset. */
const TimeBound = z.union([IsoDate, Instant]);

export const ListAccidentsQuery = z.strictObject({
  /** Reports waiting for the caller's level and region to forward them. */
  pending: QueryBool,
  regionCode: z.optional(RegionCode),
  from: z.optional(TimeBound),
  to: z.optional(TimeBound),
  grade: z.optional(z.enum(GRADES)),
  accidentType: z.optional(AccidentType),
  industryCode: z.optional(IndustryCode),
  limit: Limit,
  cursor: Cursor,
});

// ---------- stored record ----------

const ChainStepFields = {
  level: z.enum(LEVELS),
  dueAt: z.string(),
  receivedAt: z.optional(z.string()),
  forwardedBy: z.optional(z.string()),
  skipReason: z.optional(z.string()),
  skipped: z.optional(z.boolean()),
  notBefore: z.optional(z.string()),
  sameUnit: z.optional(z.boolean()),
};

const Actor = z.object({ userId: z.string(), role: z.string(), regionCode: z.string() });

const Attachment = z.object({
  key: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  /** The object verified on close; download links serve exactly it. */
  verified: z.optional(z.object({ size: z.number(), etag: z.string(), versionId: z.optional(z.string()) })),
});

const RecordFields = {
  id: Id,
  regionCode: z.string(),
  cityCode: z.string(),
  enterpriseId: z.optional(z.string()),
  /** Where the named enterprise is registered (属地: its regulators see the report too). */
  homeRegionCode: z.optional(z.string()),
  unit: z.object({ name: z.string(), uscc: z.optional(z.string()), address: z.string() }),
  industryCode: z.string(),
  industrySection: z.string(),
  accidentType: z.string(),
  occurredAt: z.string(),
  knownAt: z.string(),
  summary: z.string(),
  scene: z.string(),
  measuresTaken: z.optional(z.string()),
  /** Injured people with their lost work days and class, when the reporter gave them. */
  injured: z.optional(z.array(z.object({ lostWorkDays: z.number(), acutePoisoning: z.optional(z.boolean()), injuryClass: z.enum(["serious", "injured", "none"]) }))),
  deaths: z.number(),
  missing: z.number(),
  seriousInjuries: z.number(),
  injuries: z.number(),
  directLossYuan: z.number(),
  roadTraffic: z.boolean(),
  fire: z.boolean(),
  grade: z.enum(GRADES),
  gradeBasis: z.array(z.enum(["deaths", "seriousInjuries", "directLoss"])),
  /** Deaths plus missing people counted dead once the 补报 window has passed (kept fresh by a daily job). */
  statisticalDeaths: z.number(),
  /** When the report reached the platform (the county's receipt). */
  receivedAt: z.string(),
  reportDueAt: z.string(),
  reportedLate: z.boolean(),
  minutesLate: z.number(),
  reporterRole: z.enum(REPORTER_ROLES),
  reportedBy: Actor,
  /** A regulator or department filed the report, passed it up or updated it: its figures are on the government's record. */
  regulatorBacked: z.optional(z.boolean()),
  /** When the unit itself first reported (its own initial report, or its first update of a report others recorded). */
  unitReportedAt: z.optional(z.string()),
  unreportedByUnit: z.boolean(),
  /** A department's report: when it learned of the accident, and its 24-hour hand-over deadline (2016 统计管理办法). */
  departmentHandover: z.optional(z.object({ knownAt: z.string(), dueAt: z.string(), late: z.boolean(), minutesLate: z.number() })),
  directAdministered: z.boolean(),
  chain: z.array(z.object(ChainStepFields)),
  status: z.enum(STATUSES),
  /** Number of report versions (1 = the initial report). */
  reportVersion: z.number(),
  /** When the last report (initial or follow-up) arrived: follow-ups are due from here. */
  lastReportAt: z.string(),
  missedFollowUps: z.number(),
  closure: z.optional(
    z.object({
      cause: z.string(),
      enterpriseResponsible: z.boolean(),
      handling: z.string(),
      investigationReport: z.optional(Attachment),
      closedBy: Actor,
      closedAt: z.string(),
      closedAtLevel: z.enum(LEVELS),
    }),
  ),
  /** Copied from the closure for the period index (credit and roll-ups read it there). */
  enterpriseResponsible: z.optional(z.boolean()),
  concealed: z.optional(z.boolean()),
  concealment: z.optional(
    z.object({ kind: z.enum(CONCEALMENT_KINDS), reason: z.string(), confirmedBy: Actor, confirmedAt: z.string() }),
  ),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
};

export const AccidentRecordSchema = z.object(RecordFields);
export type AccidentRecord = z.infer<typeof AccidentRecordSchema>;

export const ReportVersionSchema = z.object({
  n: z.number(),
  kind: z.enum(["initial", "update"]),
  at: z.string(),
  by: Actor,
  note: z.optional(z.string()),
  /** Fields this version changed: { field: { from, to } } (empty for a follow-up without changes). */
  changes: z.record(z.string(), z.object({ from: z.optional(z.unknown()), to: z.optional(z.unknown()) })),
  grade: z.enum(GRADES),
  deaths: z.number(),
  missing: z.number(),
  seriousInjuries: z.number(),
  injuries: z.number(),
  directLossYuan: z.number(),
  /** The follow-up arrived after it was due (续报 missed). */
  followUpLate: z.optional(z.boolean()),
});
export type ReportVersion = z.infer<typeof ReportVersionSchema>;

// ---------- responses ----------

const ChainStepView = z.object({
  ...ChainStepFields,
  /** The regulator region acting at this level (none for national: outside the platform). */
  region: z.nullable(z.string()),
  overdue: z.boolean(),
  late: z.boolean(),
  minutesLate: z.number(),
});

export const AccidentView = z.object({
  ...RecordFields,
  chain: z.array(ChainStepView),
  /** The forward waiting now: who holds the report, where it must go, by when. */
  pending: z.nullable(
    z.object({ holderLevel: z.enum(LEVELS), holderRegion: z.string(), nextLevel: z.enum(LEVELS), dueAt: z.string(), overdue: z.boolean() }),
  ),
  followUpDueAt: z.nullable(z.string()),
  followUpMissed: z.boolean(),
  supplementWindowClosesAt: z.string(),
  casualtyChangesOpen: z.boolean(),
  investigatingLevel: z.enum(LEVELS),
});
export type AccidentView = z.infer<typeof AccidentView>;

export const AccidentDetail = z.object({ ...AccidentView.shape, history: z.array(ReportVersionSchema) });

export const AccidentPage = page(AccidentView);

export const InvestigationReportDownload = z.object({
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  download: z.object({ url: z.string(), expiresAt: z.string() }),
});

export const UploadTicket = z.object({
  key: z.string(),
  upload: z.object({ url: z.string(), method: z.literal("PUT"), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
});
