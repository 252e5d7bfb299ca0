// Request and response schemas of the approvals context (zod/mini). Request bodies are strict:
// clients never set state, dates, versions, scope fields or who did what.
import * as z from "zod/mini";
import { Cursor, IsoDate, Limit, NonEmpty, RegionCode } from "../../shared/schemas.js";
import { AttachmentRequest } from "../../shared/storage.js";
import { APPLICATION_STATES, LICENCE_STATUSES, STAGE_NAMES } from "./rules.js";

// ---------- catalogue ----------

/** Catalogue item codes, e.g. AQ01-01 (category 01, item 01). */
export const ItemCode = z.string().check(z.regex(/^[A-Z]{2}\d{2}-\d{2}$/, "must be an item code such as AQ01-01"));
export const ItemParams = z.strictObject({ id: ItemCode });

const Stage = z.strictObject({
  stage: z.enum(STAGE_NAMES),
  reviewed: NonEmpty(2000),
  standard: NonEmpty(2000),
  keyPoints: z.array(NonEmpty(500)).check(z.minLength(1), z.maxLength(30)),
  integrityRisks: z.array(NonEmpty(500)).check(z.minLength(1), z.maxLength(30)),
  misconductConsequence: NonEmpty(2000),
});

const ItemFields = {
  name: NonEmpty(200),
  category: NonEmpty(100),
  inProvincialList: z.boolean(),
  legalBasis: z.array(NonEmpty(500)).check(z.minLength(1), z.maxLength(20)),
  issuer: z.enum(["province", "province_delegable", "city_county"]),
  limitWorkingDays: z.number().check(z.int(), z.minimum(1), z.maximum(365)),
  /** The provision that sets the limit: 行政许可法 art. 42, or the item's own statute where it sets another. */
  limitBasis: NonEmpty(500),
  licenceValidityYears: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(30))),
  fee: z.number().check(z.int(), z.minimum(0)),
  materials: z.array(NonEmpty(200)).check(z.minLength(1), z.maxLength(50)),
  stages: z.array(Stage).check(z.minLength(1), z.maxLength(10)),
};

/** An admin's new version of an item (the whole item; the code is the path). */
export const PutApprovalItem = z.strictObject({ ...ItemFields, changeReason: NonEmpty(500) });
export type PutApprovalItem = z.infer<typeof PutApprovalItem>;

/** Public view: no user ids. */
export const ApprovalItemOut = z.object({
  code: z.string(),
  ...ItemFields,
  version: z.number(),
  updatedAt: z.string(),
  changeReason: z.optional(z.string()),
});
export const ApprovalItemList = z.object({ items: z.array(ApprovalItemOut) });
export const ListItemsQuery = z.strictObject({ category: z.optional(z.string().check(z.maxLength(100))) });

const StageDuty = z.object({ stage: z.string(), duty: z.string(), standard: z.string(), keyPoints: z.array(z.string()) });
const StageAccountability = z.object({ stage: z.string(), integrityRisks: z.array(z.string()), consequence: z.string() });
export const PowerList = z.object({
  generatedOn: z.string(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      category: z.string(),
      inProvincialList: z.boolean(),
      basis: z.array(z.string()),
      issuer: z.string(),
      holderLevels: z.array(z.enum(["province", "city", "county"])),
      delegatedTo: z.array(z.object({ cityCode: z.string(), cityName: z.string(), since: z.string(), inForce: z.boolean() })),
      limitWorkingDays: z.number(),
      limitBasis: z.string(),
      responsibilities: z.array(StageDuty),
      accountability: z.array(StageAccountability),
    }),
  ),
});

// ---------- calendar ----------

export const YearParams = z.strictObject({
  year: z.coerce.number().check(z.int(), z.minimum(1949), z.maximum(2100)),
});
export const PutCalendar = z.strictObject({
  holidays: z.array(IsoDate).check(z.maxLength(80)),
  makeUpWorkdays: z.array(IsoDate).check(z.maxLength(30)),
  source: NonEmpty(500),
});
export const CalendarOut = z.object({
  year: z.number(),
  holidays: z.array(z.string()),
  makeUpWorkdays: z.array(z.string()),
  source: z.nullable(z.string()),
  /** True when no calendar is stored: only weekends are rest days. */
  fallback: z.boolean(),
  note: z.optional(z.string()),
  version: z.optional(z.number()),
  updatedAt: z.optional(z.string()),
});

// ---------- delegations ----------

export const CreateDelegation = z.strictObject({
  itemCode: ItemCode,
  cityCode: RegionCode,
  startDate: IsoDate,
  reason: z.optional(NonEmpty(1000)),
});
export const RevokeDelegation = z.strictObject({ reason: NonEmpty(1000) });
export const Delegation = z.object({
  id: z.string(),
  itemCode: z.string(),
  cityCode: z.string(),
  startDate: z.string(),
  status: z.enum(["active", "revoked"]),
  reason: z.optional(z.string()),
  /** revoke: the in-progress applications that went back to the province's queue. */
  applicationsReturned: z.optional(z.array(z.string())),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.optional(z.string()),
  revokedBy: z.optional(z.string()),
  revokeReason: z.optional(z.string()),
  version: z.number(),
});
export type Delegation = z.infer<typeof Delegation>;
export const DelegationList = z.object({ items: z.array(Delegation) });
export const ListDelegationsQuery = z.strictObject({
  itemCode: z.optional(ItemCode),
  cityCode: z.optional(RegionCode),
  status: z.optional(z.enum(["active", "revoked"])),
});

// ---------- applications ----------

export const CreateApplication = z.strictObject({
  itemCode: ItemCode,
  /** 申请许可范围, e.g. the products and capacity a production licence covers. */
  scope: NonEmpty(1000),
});

export const CreateAttachment = z.extend(AttachmentRequest, { material: NonEmpty(200) });

/** Body of every officer action; which fields an action needs is checked by the rules. */
export const ActionBody = z.strictObject({
  reason: z.optional(NonEmpty(2000)),
  /** notify-missing: every missing or defective material, in one notice (行政许可法 art. 32). */
  missingMaterials: z.optional(z.array(NonEmpty(200)).check(z.maxLength(50))),
});
export const SubmitBody = z.strictObject({});

const Step = z.object({
  seq: z.number(),
  action: z.string(),
  stage: z.string(),
  at: z.string(),
  on: z.string(),
  actorId: z.string(),
  actorRole: z.string(),
  actorRegion: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.optional(z.string()),
  missingMaterials: z.optional(z.array(z.string())),
  delegationId: z.optional(z.string()),
});
export type Step = z.infer<typeof Step>;

const Pause = z.object({ from: z.string(), to: z.optional(z.nullable(z.string())), reason: z.string() });

const AttachmentOut = z.object({
  id: z.string(),
  material: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
  verified: z.boolean(),
});

const Listing = z.object({ id: z.string(), reasonCategory: z.string(), from: z.string(), until: z.string() });

export const Application = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  regionCode: z.string(),
  cityCode: z.string(),
  industryCode: z.string(),
  gridId: z.optional(z.nullable(z.string())),
  itemCode: z.string(),
  itemName: z.string(),
  itemVersion: z.number(),
  scope: z.string(),
  materials: z.array(z.string()),
  limitWorkingDays: z.number(),
  state: z.enum(APPLICATION_STATES),
  submittedOn: z.optional(z.string()),
  acceptedOn: z.optional(z.string()),
  acceptanceDeemed: z.optional(z.boolean()),
  missingNotice: z.optional(z.object({ materials: z.array(z.string()), on: z.string(), at: z.string() })),
  pauses: z.array(Pause),
  extended: z.boolean(),
  extensionDays: z.number(),
  reviewPassedBy: z.optional(z.string()),
  decision: z.optional(z.enum(["approved", "refused", "declined"])),
  decidedOn: z.optional(z.string()),
  decisionReason: z.optional(z.string()),
  deliveryDueDate: z.optional(z.string()),
  licenceNumber: z.optional(z.string()),
  deadlineFlag: z.optional(z.nullable(z.enum(["near", "overdue", "delivery_overdue"]))),
  flaggedOn: z.optional(z.string()),
  stepCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof Application>;

/** The application as read: the record, the clock, who holds it, the history and the warning. */
export const ApplicationView = z.extend(Application, {
  dueDate: z.nullable(z.string()),
  workingDaysUsed: z.nullable(z.number()),
  workingDaysLeft: z.nullable(z.number()),
  paused: z.boolean(),
  overdue: z.boolean(),
  /** Years the clock touched with no State Council calendar: only weekends were rest days. */
  calendarFallbackYears: z.array(z.number()),
  calendarNote: z.optional(z.string()),
  acceptanceNoticeDue: z.optional(z.string()),
  allowedActions: z.array(z.string()),
  handledBy: z.object({ level: z.enum(["province", "city", "local"]), regionCode: z.string(), delegationId: z.optional(z.string()) }),
  history: z.array(Step),
  authorityEvents: z.array(z.object({ event: z.literal("authority-returned"), at: z.string(), delegationId: z.string(), toRegion: z.string() })),
  attachments: z.array(AttachmentOut),
  blacklistWarning: z.optional(Listing),
});
export const ApplicationPage = z.object({ items: z.array(Application), nextCursor: z.nullable(z.string()) });

export const ListApplicationsQuery = z.strictObject({
  regionCode: z.optional(RegionCode),
  itemCode: z.optional(ItemCode),
  state: z.optional(z.enum(APPLICATION_STATES)),
  /** "true": only applications the officer may act on now (its queue). */
  queue: z.optional(z.enum(["true", "false"])),
  limit: Limit,
  cursor: Cursor,
});

export const AttachmentDownload = z.object({
  id: z.string(),
  material: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  download: z.object({ url: z.string(), expiresAt: z.string() }),
});

export const AttachmentUpload = z.object({
  id: z.string(),
  material: z.string(),
  upload: z.object({ url: z.string(), method: z.literal("PUT"), headers: z.record(z.string(), z.string()), expiresAt: z.string() }),
});

// ---------- licences ----------

export const LicenceNumber = z.string().check(z.regex(/^HB-[A-Z]{2}\d{2}-\d{2}-\d{4}-[0-9A-HJKMNP-TV-Z]{10}$/, "must be a licence number such as HB-AQ01-01-2026-7Q4F7K2M9Q"));
export const LicenceParams = z.strictObject({ number: LicenceNumber });

export const Licence = z.object({
  number: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  safetyProduction: z.boolean(),
  enterpriseId: z.string(),
  holderName: z.string(),
  holderUscc: z.string(),
  regionCode: z.string(),
  cityCode: z.string(),
  industryCode: z.string(),
  gridId: z.optional(z.nullable(z.string())),
  scope: z.string(),
  validFrom: z.string(),
  validTo: z.nullable(z.string()),
  status: z.enum(LICENCE_STATUSES),
  /**
   * A hold: `major_hazard` while production is suspended for a listed major hazard (16号令; not a
   * penalty), `officer` for a suspension (暂扣) imposed as an administrative penalty.
   */
  suspension: z.optional(z.object({ source: z.enum(["major_hazard", "officer"]), reason: z.string(), since: z.string() })),
  /** Why and on what basis the licence was cancelled (注销, 行政许可法 art. 70). */
  cancellation: z.optional(
    z.object({ ground: z.enum(["expired_without_renewal", "officer"]), basis: z.string(), on: z.string(), reason: z.optional(z.string()) }),
  ),
  applicationId: z.nullable(z.string()),
  issuedOn: z.string(),
  issuedBy: z.string(),
  renewals: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Licence = z.infer<typeof Licence>;

/** What anyone may verify: no internal ids, no reasons, no officers. */
export const LicencePublic = z.strictObject({
  number: z.string(),
  holderName: z.string(),
  holderUscc: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  scope: z.string(),
  validFrom: z.string(),
  validTo: z.nullable(z.string()),
  status: z.enum(LICENCE_STATUSES),
  issuedOn: z.string(),
});

export const LicenceEvent = z.object({
  id: z.string(),
  event: z.string(),
  at: z.string(),
  from: z.nullable(z.string()),
  to: z.string(),
  reason: z.optional(z.string()),
  actorId: z.string(),
});
export const LicenceWithHistory = z.extend(Licence, {
  history: z.array(LicenceEvent),
  renewalWindowOpensOn: z.nullable(z.string()),
});
export const LicencePage = z.object({ items: z.array(Licence), nextCursor: z.nullable(z.string()) });
export const ListLicencesQuery = z.strictObject({
  regionCode: z.optional(RegionCode),
  itemCode: z.optional(ItemCode),
  status: z.optional(z.enum(LICENCE_STATUSES)),
  /** Only licences still valid that end within this many days (e.g. 90). */
  expiringWithinDays: z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(3660))),
  limit: Limit,
  cursor: Cursor,
});
export const LicenceActionBody = z.strictObject({ reason: NonEmpty(2000) });

