// Request and response schemas of the hazards context (zod/mini). Requests are strict (unknown
// fields are a 400 naming them); responses are open objects (VALIDATE_RESPONSES checks their shape).
import * as z from "zod/mini";
import { Cursor, Id, IndustryCode, Instant, IsoDate, Limit, NonEmpty, page, QueryBool, RegionCode } from "../../shared/schemas.js";
import { AttachmentRequest } from "../../shared/storage.js";
import { isRegionCode } from "./regions.js";
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES, parsePeriod, PLAN_PARTS, SUPERVISING_LEVELS } from "./rules.js";

export { AttachmentRequest };

// ---------- pieces ----------

/** Checklist version ids: `<FAMILY>-v<version>`, e.g. WHP-v1. */
export const ChecklistId = z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,15}-v[1-9]\d{0,3}$/, "must be a checklist id such as WHP-v1"));
/** Checklist item codes: `<FAMILY>-<nnn>`, stable across versions. */
export const ItemCode = z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,15}-\d{3}$/, "must be a checklist item code such as WHP-003"));
export const Period = z.string().check(z.refine((p) => parsePeriod(p) !== null, "must be a quarter such as 2026Q3 or a year such as 2026"));

const planShape = Object.fromEntries(PLAN_PARTS.map((p) => [p.key, z.optional(NonEmpty(4000))])) as {
  [K in (typeof PLAN_PARTS)[number]["key"]]: z.ZodMiniOptional<ReturnType<typeof NonEmpty>>;
};
/** The six-part rectification plan (16号令 art.15 ¶2); parts may arrive over several requests. */
export const Plan = z.strictObject(planShape);

/** What describes one hazard, wherever it is reported (direct, self-inspection, inspection, patrol). */
const HazardDetails = {
  level: z.enum(HAZARD_LEVELS),
  description: NonEmpty(2000),
  location: NonEmpty(300),
  rectifyBy: IsoDate,
  checklistItemId: z.optional(ItemCode),
  fixedOnSpot: z.optional(z.boolean()),
  currentStateAndCause: z.optional(NonEmpty(4000)),
  harmAndDifficultyAnalysis: z.optional(NonEmpty(4000)),
  plan: z.optional(Plan),
};

const Person = z.strictObject({
  name: NonEmpty(50),
  title: z.optional(NonEmpty(50)),
  phone: z.optional(z.string().check(z.regex(/^[0-9+\-() ]{5,20}$/, "must be a phone number"))),
});

// ---------- checklists ----------

export const ChecklistParams = z.strictObject({ id: ChecklistId });

export const ListChecklistsQuery = z.strictObject({
  industryCode: z.optional(IndustryCode),
  allVersions: QueryBool,
});

export const PublishChecklist = z.strictObject({
  family: z.string().check(z.regex(/^[A-Z][A-Z0-9]{1,15}$/, "must be 2–16 capital letters or digits")),
  industryCode: z.nullable(IndustryCode),
  name: NonEmpty(200),
  items: z
    .array(z.strictObject({ code: ItemCode, check: NonEmpty(500), standard: NonEmpty(1000), basis: NonEmpty(1000) }))
    .check(z.minLength(1), z.maxLength(200)),
});

const ChecklistItemOut = z.object({ code: z.string(), check: z.string(), standard: z.string(), basis: z.string() });
export const ChecklistOut = z.object({
  id: z.string(),
  family: z.string(),
  industryCode: z.nullable(z.string()),
  name: z.string(),
  version: z.number(),
  current: z.boolean(),
  items: z.array(ChecklistItemOut),
});
export const ChecklistSummary = z.object({
  id: z.string(),
  family: z.string(),
  industryCode: z.nullable(z.string()),
  name: z.string(),
  version: z.number(),
  current: z.boolean(),
  itemCount: z.number(),
});
export const ChecklistList = z.object({ items: z.array(ChecklistSummary) });

// ---------- self-inspections ----------

export const FailedItemHazard = z.strictObject({
  level: HazardDetails.level,
  location: HazardDetails.location,
  rectifyBy: HazardDetails.rectifyBy,
  /** Defaults to the item's check and the note. */
  description: z.optional(HazardDetails.description),
  fixedOnSpot: HazardDetails.fixedOnSpot,
  currentStateAndCause: HazardDetails.currentStateAndCause,
  harmAndDifficultyAnalysis: HazardDetails.harmAndDifficultyAnalysis,
  plan: HazardDetails.plan,
});

export const CreateSelfInspection = z.strictObject({
  checklistId: ChecklistId,
  inspectedAt: Instant,
  inspector: NonEmpty(50),
  results: z
    .array(
      z.strictObject({
        itemCode: ItemCode,
        result: z.enum(["pass", "fail", "na"]),
        note: z.optional(NonEmpty(1000)),
        /** Required for `fail`: the hazard the failed item becomes. */
        hazard: z.optional(FailedItemHazard),
      }),
    )
    .check(z.minLength(1), z.maxLength(200)),
});
export type CreateSelfInspection = z.infer<typeof CreateSelfInspection>;

export const SelfInspectionOut = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  regionCode: z.string(),
  checklistId: z.string(),
  checklistVersion: z.number(),
  inspectedAt: z.string(),
  inspector: z.string(),
  results: z.array(
    z.object({
      itemCode: z.string(),
      check: z.string(),
      standard: z.string(),
      result: z.string(),
      note: z.optional(z.string()),
      hazardId: z.optional(z.string()),
    }),
  ),
  counts: z.object({ pass: z.number(), fail: z.number(), na: z.number() }),
  hazardIds: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
});
export const SelfInspectionPage = page(SelfInspectionOut);
export const ListSelfInspectionsQuery = z.strictObject({ enterpriseId: z.optional(Id), limit: Limit, cursor: Cursor });

// ---------- hazards ----------

export const CreateHazard = z.strictObject({
  enterpriseId: Id,
  source: z.enum(HAZARD_SOURCES),
  discoveredAt: Instant,
  ...HazardDetails,
});
export type CreateHazard = z.infer<typeof CreateHazard>;

export const ListHazardsQuery = z.strictObject({
  regionCode: z.optional(RegionCode),
  enterpriseId: z.optional(Id),
  status: z.optional(z.enum(HAZARD_STATUSES)),
  level: z.optional(z.enum(HAZARD_LEVELS)),
  source: z.optional(z.enum(HAZARD_SOURCES)),
  overdue: QueryBool,
  limit: Limit,
  cursor: Cursor,
});

export const NoteBody = z.strictObject({ note: z.optional(NonEmpty(1000)) });
export const PlanBody = z.strictObject({ plan: Plan, note: z.optional(NonEmpty(1000)) });
export const RejectBody = z.strictObject({ reason: NonEmpty(1000) });
export const SuperviseBody = z.strictObject({
  /** Rectification deadline set by the listing department. */
  deadline: IsoDate,
  /** Defaults to the caller's own level; a department may list at its level or below. */
  supervisingLevel: z.optional(z.enum(SUPERVISING_LEVELS)),
  productionSuspended: z.boolean(),
  note: z.optional(NonEmpty(1000)),
});

const SupervisionOut = z.object({
  deadline: z.string(),
  supervisingLevel: z.string(),
  productionSuspended: z.boolean(),
  suspendProduction: z.boolean(),
  listedOn: z.string(),
  listedBy: z.string(),
  listedByRegion: z.string(),
});

export const AttachmentOut = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploaded: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const HazardOut = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  regionCode: z.string(),
  cityCode: z.string(),
  industryCode: z.string(),
  level: z.enum(HAZARD_LEVELS),
  source: z.enum(HAZARD_SOURCES),
  status: z.enum(HAZARD_STATUSES),
  description: z.string(),
  location: z.string(),
  discoveredAt: z.string(),
  rectifyBy: z.string(),
  checklistItemId: z.optional(z.string()),
  fixedOnSpot: z.boolean(),
  currentStateAndCause: z.optional(z.string()),
  harmAndDifficultyAnalysis: z.optional(z.string()),
  plan: z.optional(z.record(z.string(), z.string())),
  missingPlanParts: z.array(z.string()),
  supervision: z.optional(SupervisionOut),
  review: z.optional(z.object({ requestedOn: z.nullable(z.string()), dueDate: z.string(), decidedOn: z.nullable(z.string()), overdue: z.boolean() })),
  rejections: z.optional(z.array(z.object({ reason: z.string(), at: z.string(), by: z.string() }))),
  overdue: z.boolean(),
  allowedActions: z.array(z.string()),
  attachments: z.optional(z.array(AttachmentOut)),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export const HazardPage = page(HazardOut);

export const AttachmentDownloadOut = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  download: z.object({ url: z.string(), expiresAt: z.string() }),
});

export const AttachmentUploadOut = z.object({
  attachment: AttachmentOut,
  upload: z.object({ url: z.string(), method: z.literal("PUT"), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
});

// ---------- enforcement inspections and reconciliation ----------

export const CreateInspection = z.strictObject({
  enterpriseId: Id,
  /** Business date of the inspection (Asia/Shanghai). */
  date: IsoDate,
  /** When the inspectors arrived; defaults to the start of `date`. Self-reports after it do not count. */
  startedAt: z.optional(Instant),
  /** 行政处罚法 第四十二条: at least two law-enforcement officers. */
  inspectors: z.array(z.strictObject({ name: NonEmpty(50), certificateNo: z.optional(NonEmpty(50)) })).check(z.minLength(2), z.maxLength(10)),
  summary: z.optional(NonEmpty(2000)),
  findings: z.array(z.strictObject(HazardDetails)).check(z.maxLength(30)),
});
export type CreateInspection = z.infer<typeof CreateInspection>;

export const InspectionOut = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  regionCode: z.string(),
  date: z.string(),
  startedAt: z.string(),
  inspectors: z.array(z.object({ name: z.string(), certificateNo: z.optional(z.string()) })),
  findingsCount: z.number(),
  hazardIds: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
});
export const InspectionPage = page(InspectionOut);
export const ListInspectionsQuery = z.strictObject({
  enterpriseId: z.optional(Id),
  regionCode: z.optional(RegionCode),
  from: z.optional(IsoDate),
  to: z.optional(IsoDate),
  limit: Limit,
  cursor: Cursor,
});

export const PeriodQuery = z.strictObject({ period: z.optional(Period) });
export const RegionPeriodQuery = z.strictObject({ regionCode: z.optional(RegionCode), period: z.optional(Period), limit: Limit, cursor: Cursor });

const RecordOut = z.object({
  id: z.string(),
  description: z.string(),
  location: z.string(),
  checklistItemId: z.optional(z.string()),
  discoveredAt: z.string(),
});
export const ReconciliationOut = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  period: z.string(),
  from: z.string(),
  to: z.string(),
  windowDays: z.number(),
  rule: z.string(),
  findings: z.number(),
  matched: z.array(z.object({ finding: RecordOut, selfReport: RecordOut, rule: z.string(), similarity: z.number() })),
  unmatched: z.array(RecordOut),
  selfReportRatio: z.nullable(z.number()),
});
export const RegionReconciliationOut = z.object({
  regionCode: z.string(),
  period: z.string(),
  items: z.array(
    z.object({
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      regionCode: z.string(),
      findings: z.number(),
      matched: z.number(),
      unmatched: z.number(),
      selfReportRatio: z.nullable(z.number()),
    }),
  ),
  nextCursor: z.nullable(z.string()),
});

// ---------- filings ----------

const Counts = z.object({ found: z.number(), fixed: z.number(), open: z.number(), overdue: z.number() });
export const StatisticsOut = z.object({
  enterpriseId: z.string(),
  period: z.string(),
  asOf: z.string(),
  deadline: z.string(),
  total: Counts,
  byLevel: z.object({ general: Counts, major: Counts }),
});

export const CreateFiling = z.strictObject({
  period: Period,
  /** 主要负责人 who signs the table. */
  principal: Person,
  note: z.optional(NonEmpty(1000)),
});

export const FilingOut = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  regionCode: z.string(),
  period: z.string(),
  principal: z.object({ name: z.string(), title: z.optional(z.string()), phone: z.optional(z.string()) }),
  statistics: z.object({ asOf: z.string(), total: Counts, byLevel: z.object({ general: Counts, major: Counts }) }),
  filedAt: z.string(),
  deadline: z.string(),
  late: z.boolean(),
  createdBy: z.string(),
});

export const FilingsQuery = z.strictObject({ period: Period, regionCode: z.optional(RegionCode), limit: Limit, cursor: Cursor });
export const FilingsView = z.object({
  period: z.string(),
  regionCode: z.string(),
  deadline: z.string(),
  totals: z.object({ enterprises: z.number(), on_time: z.number(), late: z.number(), missing: z.number(), pending: z.number() }),
  items: z.array(
    z.object({
      enterpriseId: z.string(),
      enterpriseName: z.string(),
      regionCode: z.string(),
      status: z.enum(["on_time", "late", "missing", "pending"]),
      filedAt: z.nullable(z.string()),
      filingId: z.nullable(z.string()),
    }),
  ),
  nextCursor: z.nullable(z.string()),
});

// ---------- grids ----------

export const GridRegion = z.string().check(
  z.refine((c) => isRegionCode(c, ["county", "township"]), "must be a county-level or township code in Hubei"),
);

export const CreateGrid = z.strictObject({
  code: z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, "must be 3–40 capital letters, digits or dashes")),
  name: NonEmpty(100),
  regionCode: GridRegion,
  /** 网格员: the account (token subject) and how to reach them. */
  member: z.strictObject({ userId: NonEmpty(64), name: NonEmpty(50), phone: z.optional(Person.shape.phone), fullTime: z.optional(z.boolean()) }),
  supervisingOfficial: Person,
  contactLeader: Person,
});
export type CreateGrid = z.infer<typeof CreateGrid>;

export const GridOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  countyCode: z.string(),
  cityCode: z.string(),
  member: z.object({ userId: z.string(), name: z.string(), phone: z.optional(z.string()), fullTime: z.optional(z.boolean()) }),
  supervisingOfficial: z.object({ name: z.string(), title: z.optional(z.string()), phone: z.optional(z.string()) }),
  contactLeader: z.object({ name: z.string(), title: z.optional(z.string()), phone: z.optional(z.string()) }),
  enterprises: z.optional(z.array(z.object({ id: z.string(), name: z.string(), regionCode: z.string() }))),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export const GridPage = page(GridOut);
export const ListGridsQuery = z.strictObject({ regionCode: z.optional(RegionCode), limit: Limit, cursor: Cursor });

export const AssignEnterprises = z.strictObject({ enterpriseIds: z.array(Id).check(z.minLength(1), z.maxLength(25)) });
export const AssignOut = z.object({ gridId: z.string(), assigned: z.array(z.string()), alreadyInGrid: z.array(z.string()) });
export const GridEnterpriseParams = z.strictObject({ id: Id, enterpriseId: Id });

export const CreatePatrol = z.strictObject({
  patrolledAt: Instant,
  route: z.optional(NonEmpty(500)),
  visitedEnterpriseIds: z.optional(z.array(Id).check(z.maxLength(100))),
  findings: z.array(z.strictObject({ enterpriseId: Id, ...HazardDetails })).check(z.maxLength(30)),
  note: z.optional(NonEmpty(2000)),
});
export type CreatePatrol = z.infer<typeof CreatePatrol>;

export const PatrolOut = z.object({
  id: z.string(),
  gridId: z.string(),
  regionCode: z.string(),
  patrolledAt: z.string(),
  route: z.optional(z.string()),
  visitedEnterpriseIds: z.array(z.string()),
  hazardIds: z.array(z.string()),
  note: z.optional(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
});
