// Hazard governance ("两化"): pure rules. No I/O, no clock: callers pass `now`.
// Sources: 安全生产事故隐患排查治理暂行规定 (原国家安全监管总局令第16号, 2008), Hubei's "五到位",
// as summarised in domain.md "Hazards". Every statutory number appears once below.
//
// Exports
//   Vocabulary:  HAZARD_LEVELS, HazardLevel, HAZARD_SOURCES, HazardSource, HAZARD_STATUSES, HazardStatus,
//                HAZARD_ACTIONS, HazardAction, isHazardAction, RECTIFIED_STATUSES, isRectifiedStatus
//   Workflow:    TRANSITIONS, allowedActions(level, status), nextStatus(level, status, action),
//                IllegalTransition, initialStatus({ level, fixedOnSpot, plan })
//   Actors:      ACTION_ACTORS, actorMayPerform(action, role, source?)
//   Guards:      MIN_EVIDENCE_TO_COMPLETE, ActionRequest, ActionDecision, decideAction(request)
//   Plan:        PLAN_PARTS, PlanPartKey, RectificationPlan, missingPlanParts(plan), isPlanComplete(plan),
//                FIVE_IN_PLACE, FiveInPlaceKey, missingFiveInPlace(plan)
//   Report:      MAJOR_REPORT_FIELDS, MajorReportField, missingMajorReportFields(input)
//   Overdue:     isOverdue({ rectifyBy, status }, now)
//   Supervision: SUPERVISING_LEVELS, SupervisingLevel, SupervisionListing, REVIEW_DAYS,
//                reviewDueDate(deadline, reviewRequestedOn), reviewOverdue(input, now),
//                productionSuspended(hazards)
//   Filings:     Period, parsePeriod(p), periodRange(p), QUARTERLY_FILING_DAY, ANNUAL_FILING_MONTH_DAY,
//                filingDeadline(p), isLate(p, filedAt), FilingStatus, filingStatus(p, filedAt, now),
//                StatisticsHazard, HazardCounts, HazardStatistics, computeHazardStatistics(hazards, p, now)
//   Two books:   RECONCILIATION_WINDOW_DAYS, DESCRIPTION_SIMILARITY_THRESHOLD, normaliseText(s),
//                descriptionSimilarity(a, b), ReconcileRecord, ReconcileSelfReport, ReconcileMatch,
//                ReconcileResult, reconcile(findings, selfReports, { windowDays })
//
// Instants go in as ISO 8601 strings (any offset) or Dates; business dates are `YYYY-MM-DD` in
// Asia/Shanghai. Functions that take a period string throw RangeError on a malformed one (validate
// input with parsePeriod first).

import { industryMatches } from "../../shared/codes/index.js";
import type { Role } from "../../shared/policy.js";
import { addDays, addMonths, type IsoDate, shanghaiDate, shanghaiEndOf, toInstant } from "../../shared/time.js";

type Instant = string | Date;

// ---------------------------------------------------------------------------------------------
// Vocabulary (16号令 art.3: 一般事故隐患 / 重大事故隐患)

export const HAZARD_LEVELS = ["general", "major"] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

export const HAZARD_SOURCES = ["self_inspection", "grid_patrol", "enforcement", "public_report"] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_STATUSES = ["reported", "planned", "rectifying", "rectified", "review_requested", "closed"] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

export const HAZARD_ACTIONS = [
  "plan",
  "start",
  "complete",
  "accept",
  "reject",
  "request-review",
  "write-off",
  "supervise",
] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];

export function isHazardAction(value: string): value is HazardAction {
  return (HAZARD_ACTIONS as readonly string[]).includes(value);
}

/** Statuses in which the rectification work has been done (what "overdue" and "fixed" look at). */
export const RECTIFIED_STATUSES: readonly HazardStatus[] = ["rectified", "review_requested", "closed"];

export function isRectifiedStatus(status: HazardStatus): boolean {
  return RECTIFIED_STATUSES.includes(status);
}

// ---------------------------------------------------------------------------------------------
// Workflow: one table, (level, status, action) → next status. Anything absent is illegal.
//
// General (16号令 art.15 ¶1: fixed at once by the enterprise):
//   reported -start→ rectifying -complete→ rectified -accept→ closed.
//   No `reject` for general hazards: an acceptor that is not satisfied simply does not accept,
//   and the hazard stays rectified (and visible) until it is.
// Major (16号令 art.14, 15 ¶2, 18, 23):
//   reported -plan→ planned -start→ rectifying -complete→ rectified -request-review→ review_requested
//   -write-off→ closed, or -reject→ rectifying (with a reason).
//   `plan` may be repeated while still planned (revising the plan before work starts).
//   `supervise` (挂牌督办) keeps the status and is allowed in every non-closed major status.

type Table = Readonly<Record<HazardLevel, Readonly<Partial<Record<HazardStatus, Readonly<Partial<Record<HazardAction, HazardStatus>>>>>>>>;

export const TRANSITIONS: Table = Object.freeze({
  general: {
    reported: { start: "rectifying" },
    rectifying: { complete: "rectified" },
    rectified: { accept: "closed" },
  },
  major: {
    reported: { plan: "planned", supervise: "reported" },
    planned: { plan: "planned", start: "rectifying", supervise: "planned" },
    rectifying: { complete: "rectified", supervise: "rectifying" },
    rectified: { "request-review": "review_requested", supervise: "rectified" },
    review_requested: { "write-off": "closed", reject: "rectifying", supervise: "review_requested" },
  },
});

/** Actions allowed from a status, in HAZARD_ACTIONS order (stable for 409 messages). */
export function allowedActions(level: HazardLevel, status: HazardStatus): HazardAction[] {
  const row = TRANSITIONS[level][status] ?? {};
  return HAZARD_ACTIONS.filter((a) => row[a] !== undefined);
}

export interface IllegalTransition {
  error: "illegal_transition";
  allowed: HazardAction[];
}

export function nextStatus(level: HazardLevel, status: HazardStatus, action: HazardAction): HazardStatus | IllegalTransition {
  const next = TRANSITIONS[level][status]?.[action];
  return next ?? { error: "illegal_transition", allowed: allowedActions(level, status) };
}

/**
 * Status of a newly created hazard. A general hazard fixed on the spot (16号令 art.15 ¶1, "立即组织整改")
 * starts at rectified; a major hazard reported together with a complete plan starts at planned.
 * A major hazard cannot be "fixed on the spot": by definition it needs time and a plan (art.3).
 */
export function initialStatus(input: {
  level: HazardLevel;
  fixedOnSpot?: boolean;
  plan?: RectificationPlan | null;
}): HazardStatus | { error: "fixed_on_spot_not_allowed_for_major" } {
  if (input.level === "general") return input.fixedOnSpot ? "rectified" : "reported";
  if (input.fixedOnSpot) return { error: "fixed_on_spot_not_allowed_for_major" };
  return input.plan && isPlanComplete(input.plan) ? "planned" : "reported";
}

// ---------------------------------------------------------------------------------------------
// Who performs each action.
//
// - The enterprise is the responsible party for finding and fixing (16号令 ch.2, 生产经营单位的职责):
//   it plans, starts, completes and applies for review.
// - Regulators (安全监管部门) and industry departments (有关部门, within their own duties; "管行业必须管
//   安全") supervise: they reject, write off (核销, art.23) and list (挂牌督办).
// - General-hazard `accept`: both. 16号令 has enterprises manage general hazards themselves, so the
//   enterprise's own acceptance closes it; a regulator or industry department may also accept (e.g.
//   when checking on site). Exception: a general hazard the regulator found itself (source
//   `enforcement`) is accepted only by a regulator or industry department — the department that
//   ordered the fix verifies it, otherwise the enterprise could close inspection findings itself.
// - Grid members report (create hazards) but take no workflow action; admins are platform operators
//   with no legal standing to accept or write off, so they take none either.

export const ACTION_ACTORS: Readonly<Record<HazardAction, readonly Role[]>> = Object.freeze({
  plan: ["enterprise"],
  start: ["enterprise"],
  complete: ["enterprise"],
  "request-review": ["enterprise"],
  accept: ["enterprise", "regulator", "industry_department"],
  reject: ["regulator", "industry_department"],
  "write-off": ["regulator", "industry_department"],
  supervise: ["regulator", "industry_department"],
});

export function actorMayPerform(action: HazardAction, role: Role, source?: HazardSource): boolean {
  if (action === "accept" && source === "enforcement" && role === "enterprise") return false;
  return ACTION_ACTORS[action].includes(role);
}

// ---------------------------------------------------------------------------------------------
// Guards: the table says whether the step exists; these say whether this request may take it.

/** Completing a rectification needs evidence (the handler checks each attachment exists in S3). */
export const MIN_EVIDENCE_TO_COMPLETE = 1;

export interface ActionRequest {
  level: HazardLevel;
  status: HazardStatus;
  source: HazardSource;
  action: HazardAction;
  role: Role;
  /** The plan after this request (for `plan`: the submitted one; for `start`: the stored one). */
  plan?: RectificationPlan | null;
  /** Required for `reject`. */
  reason?: string | null;
  /** Evidence attachments known to exist, for `complete`. */
  evidenceCount?: number;
}

export type ActionDecision =
  | { ok: true; next: HazardStatus }
  | IllegalTransition
  | { error: "forbidden_role"; role: Role; action: HazardAction }
  | { error: "plan_incomplete"; missing: PlanPartKey[] }
  | { error: "reason_required" }
  | { error: "evidence_required"; minimum: number };

/** Transition + actor + guards. Checks the transition first so a wrong state is always a 409. */
export function decideAction(req: ActionRequest): ActionDecision {
  const next = nextStatus(req.level, req.status, req.action);
  if (typeof next !== "string") return next;
  if (!actorMayPerform(req.action, req.role, req.source)) {
    return { error: "forbidden_role", role: req.role, action: req.action };
  }
  if (req.level === "major" && (req.action === "plan" || req.action === "start")) {
    const missing = missingPlanParts(req.plan ?? {});
    if (missing.length > 0) return { error: "plan_incomplete", missing };
  }
  if (req.action === "reject" && !hasText(req.reason)) return { error: "reason_required" };
  if (req.action === "complete" && (req.evidenceCount ?? 0) < MIN_EVIDENCE_TO_COMPLETE) {
    return { error: "evidence_required", minimum: MIN_EVIDENCE_TO_COMPLETE };
  }
  return { ok: true, next };
}

function hasText(value: string | null | undefined): value is string {
  return typeof value === "string" && value.trim().length > 0;
}

// ---------------------------------------------------------------------------------------------
// Rectification plan (治理方案), 16号令 art.15 ¶2: six parts.

export const PLAN_PARTS = Object.freeze([
  { key: "goalAndTasks", label: "治理的目标和任务" },
  { key: "methodsAndMeasures", label: "采取的方法和措施" },
  { key: "fundsAndMaterials", label: "经费和物资的落实" },
  { key: "responsibleOrgAndPeople", label: "负责治理的机构和人员" },
  { key: "timeLimitAndRequirements", label: "治理的时限和要求" },
  { key: "safetyAndEmergencyMeasures", label: "安全措施和应急预案" },
] as const);
export type PlanPartKey = (typeof PLAN_PARTS)[number]["key"];

/** Each part is free text; a part is present when it has non-blank text. */
export type RectificationPlan = Partial<Record<PlanPartKey, string | null>>;

export function missingPlanParts(plan: RectificationPlan): PlanPartKey[] {
  return PLAN_PARTS.map((p) => p.key).filter((k) => !hasText(plan[k]));
}

export function isPlanComplete(plan: RectificationPlan): boolean {
  return missingPlanParts(plan).length === 0;
}

/**
 * Hubei's 五到位 (措施、资金、时限、责任人、应急预案) expressed as the six-part plan's parts: a
 * complete six-part plan satisfies all five. `goalAndTasks` has no 到位 counterpart.
 */
export const FIVE_IN_PLACE = Object.freeze([
  { key: "measures", label: "整改措施到位", planParts: ["methodsAndMeasures"] },
  { key: "funds", label: "整改资金到位", planParts: ["fundsAndMaterials"] },
  { key: "deadline", label: "整改时限到位", planParts: ["timeLimitAndRequirements"] },
  { key: "responsiblePerson", label: "整改责任人到位", planParts: ["responsibleOrgAndPeople"] },
  { key: "emergencyPlan", label: "应急预案到位", planParts: ["safetyAndEmergencyMeasures"] },
] as const satisfies readonly { key: string; label: string; planParts: readonly PlanPartKey[] }[]);
export type FiveInPlaceKey = (typeof FIVE_IN_PLACE)[number]["key"];

export function missingFiveInPlace(plan: RectificationPlan): FiveInPlaceKey[] {
  const missing = new Set(missingPlanParts(plan));
  return FIVE_IN_PLACE.filter((f) => f.planParts.some((p) => missing.has(p))).map((f) => f.key);
}

// ---------------------------------------------------------------------------------------------
// Major hazard report (16号令 art.14 ¶2): current state and cause; harm and difficulty analysis;
// the plan. The plan may follow later (POST /v1/hazards/{id}/plan), so it is not required here.

export const MAJOR_REPORT_FIELDS = Object.freeze([
  { key: "currentStateAndCause", label: "隐患的现状及其产生原因" },
  { key: "harmAndDifficultyAnalysis", label: "隐患的危害程度和整改难易程度分析" },
] as const);
export type MajorReportField = (typeof MAJOR_REPORT_FIELDS)[number]["key"];

export function missingMajorReportFields(input: Partial<Record<MajorReportField, string | null>>): MajorReportField[] {
  return MAJOR_REPORT_FIELDS.map((f) => f.key).filter((k) => !hasText(input[k]));
}

// ---------------------------------------------------------------------------------------------
// Overdue: past rectifyBy (the rectifyBy day itself is on time) in Asia/Shanghai, not yet rectified.

export function isOverdue(hazard: { rectifyBy: IsoDate; status: HazardStatus }, now: Instant): boolean {
  return !isRectifiedStatus(hazard.status) && shanghaiDate(now) > hazard.rectifyBy;
}

// ---------------------------------------------------------------------------------------------
// Listed supervision (挂牌督办).
//
// 16号令 art.23: on receiving the enterprise's application the department reviews on site within
// 10 days. domain.md: "within 10 days of the deadline or the application". Reading: two triggers
// start the same 10-day clock and the first one to happen counts —
//   - application before the deadline: due = application + 10;
//   - no application by the deadline: the department goes anyway, due = deadline + 10;
//   - application after the deadline: the clock already started at the deadline, so the due date
//     stays deadline + 10 (a late application does not buy the department time).
// i.e. due = min(deadline, application) + 10, never later than deadline + 10.

export const SUPERVISING_LEVELS = ["province", "city", "county"] as const;
export type SupervisingLevel = (typeof SUPERVISING_LEVELS)[number];

export interface SupervisionListing {
  /** Rectification deadline set by the listing department. */
  deadline: IsoDate;
  supervisingLevel: SupervisingLevel;
  /** Full or partial suspension ordered (16号令 art.16); drives the licence's 暂扣 on the licence side. */
  productionSuspended: boolean;
  listedOn: IsoDate;
}

export const REVIEW_DAYS = 10;

/** An unlisted hazard has no deadline: its clock starts at the application. */
export function reviewDueDate(deadline: IsoDate | undefined, reviewRequestedOn?: IsoDate | null): IsoDate {
  const trigger = reviewRequestedOn && (!deadline || reviewRequestedOn < deadline) ? reviewRequestedOn : (deadline as IsoDate);
  return addDays(trigger, REVIEW_DAYS);
}

/**
 * Missed when the review (write-off or rejection) happened after the due date, or has not happened
 * and today (Shanghai) is past it. The due date itself is on time.
 */
export function reviewOverdue(
  input: { deadline: IsoDate; reviewRequestedOn?: IsoDate | null; reviewedOn?: IsoDate | null },
  now: Instant,
): boolean {
  const due = reviewDueDate(input.deadline, input.reviewRequestedOn);
  return (input.reviewedOn ?? shanghaiDate(now)) > due;
}

/**
 * An enterprise's production is suspended while any of its major hazards is listed with suspension
 * and not yet written off (16号令 art.16, 23; licence 暂扣 follows on the licence side).
 */
export function productionSuspended(
  hazards: readonly { level: HazardLevel; status: HazardStatus; supervision?: Pick<SupervisionListing, "productionSuspended"> | null }[],
): boolean {
  return hazards.some((h) => h.level === "major" && h.status !== "closed" && h.supervision?.productionSuspended === true);
}

// ---------------------------------------------------------------------------------------------
// Filings (16号令 art.14 ¶1): quarterly by the 15th of the next quarter's first month, annual by
// 31 January of the next year. A late filing is accepted and marked late.

export type Period = { kind: "quarter"; year: number; quarter: 1 | 2 | 3 | 4 } | { kind: "year"; year: number };

export const QUARTERLY_FILING_DAY = 15;
export const ANNUAL_FILING_MONTH_DAY = "01-31";

/** `2026Q3` or `2026`; anything else is null. */
export function parsePeriod(p: string): Period | null {
  const m = /^(\d{4})(?:Q([1-4]))?$/.exec(p);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1970) return null;
  return m[2] ? { kind: "quarter", year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : { kind: "year", year };
}

function mustParse(p: string): Period {
  const parsed = parsePeriod(p);
  if (!parsed) throw new RangeError(`not a period (expected 2026Q3 or 2026): ${p}`);
  return parsed;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** First and last Shanghai calendar dates of the period, inclusive. */
export function periodRange(p: string): { from: IsoDate; to: IsoDate } {
  const period = mustParse(p);
  if (period.kind === "year") return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
  const from = `${period.year}-${pad2((period.quarter - 1) * 3 + 1)}-01`;
  return { from, to: addDays(addMonths(from, 3), -1) };
}

export function filingDeadline(p: string): IsoDate {
  const period = mustParse(p);
  if (period.kind === "year") return `${period.year + 1}-${ANNUAL_FILING_MONTH_DAY}`;
  const nextQuarterStart = addDays(periodRange(p).to, 1);
  return addDays(nextQuarterStart, QUARTERLY_FILING_DAY - 1);
}

/** Filed after the deadline date (Asia/Shanghai); the deadline day itself is on time. */
export function isLate(p: string, filedAt: Instant): boolean {
  return shanghaiDate(filedAt) > filingDeadline(p);
}

/** `pending`: not filed and the deadline has not passed; `missing`: not filed and it has. */
export type FilingStatus = "on_time" | "late" | "missing" | "pending";

export function filingStatus(p: string, filedAt: Instant | null | undefined, now: Instant): FilingStatus {
  if (filedAt) return isLate(p, filedAt) ? "late" : "on_time";
  return shanghaiDate(now) > filingDeadline(p) ? "missing" : "pending";
}

export interface StatisticsHazard {
  level: HazardLevel;
  status: HazardStatus;
  discoveredAt: Instant;
  rectifyBy: IsoDate;
  /** When the hazard last reached `rectified`; cleared or replaced when a rejection sends it back. */
  rectifiedAt?: Instant | null;
}

export interface HazardCounts {
  found: number;
  fixed: number;
  open: number;
  overdue: number;
}

export interface HazardStatistics {
  period: string;
  /** The instant the counts describe: the end of the period, or `now` while it is still running. */
  asOf: string;
  total: HazardCounts;
  byLevel: Record<HazardLevel, HazardCounts>;
}

/**
 * The statistics table for one enterprise and period. Cohort: hazards discovered in the period
 * (Shanghai dates). Counted as of the end of the period (or `now` if earlier), so a closed period's
 * table does not change with later work and matches what the 15th-of-the-month filing describes.
 *   fixed   — currently in a rectified status, reached on or before asOf;
 *   open    — found − fixed;
 *   overdue — open and rectifyBy before asOf's Shanghai date.
 */
export function computeHazardStatistics(hazards: readonly StatisticsHazard[], p: string, now: Instant): HazardStatistics {
  const { from, to } = periodRange(p);
  const end = shanghaiEndOf(to);
  const asOf = toInstant(now).getTime() < end.getTime() ? toInstant(now) : end;
  const asOfDate = shanghaiDate(asOf);
  const zero = (): HazardCounts => ({ found: 0, fixed: 0, open: 0, overdue: 0 });
  const total = zero();
  const byLevel: Record<HazardLevel, HazardCounts> = { general: zero(), major: zero() };
  for (const h of hazards) {
    const discovered = toInstant(h.discoveredAt);
    const day = shanghaiDate(discovered);
    if (day < from || day > to || discovered.getTime() > asOf.getTime()) continue;
    const fixed =
      isRectifiedStatus(h.status) && h.rectifiedAt != null && toInstant(h.rectifiedAt).getTime() <= asOf.getTime();
    const overdue = !fixed && asOfDate > h.rectifyBy;
    for (const c of [total, byLevel[h.level]]) {
      c.found++;
      if (fixed) c.fixed++;
      else c.open++;
      if (overdue) c.overdue++;
    }
  }
  return { period: p, asOf: asOf.toISOString(), total, byLevel };
}

// ---------------------------------------------------------------------------------------------
// Two books (两本帐): which enforcement findings had the enterprise already self-reported?
//
// Window: 90 days, one quarter — the self-inspection and filing cycle (16号令 art.14). A hazard the
// enterprise should have found appears in its books within the quarter before an inspection;
// anything older was either fixed (and the finding is a new occurrence) or is not "the same" report.
//
// Rule, applied deterministically:
//   1. Eligible self-report: same enterprise; discovered on or after (inspection day − window) and
//      not after the finding's instant; if it carries `reportedAt` (server-stamped creation), that
//      must not be after the finding either — the enterprise-declared discoveredAt can be backdated.
//   2. Checklist rule: finding and self-report both carry a checklistItemId and they are equal.
//      (Both carrying different items: no match.)
//   3. Text rule, when either side has no checklist item: both have a location, equal after
//      normaliseText, and descriptionSimilarity ≥ 0.6 (Dice coefficient on character bigrams of
//      the normalised descriptions).
//   4. One-to-one: a self-report backs at most one finding. Checklist matches are assigned first,
//      then text matches; findings in (discoveredAt, id) order; for each, the eligible self-report
//      with the highest similarity (checklist = 1), then the latest discoveredAt, then smallest id.
// selfReportRatio = matched / findings, null when there are no findings (nothing to judge).
// Checklist item ids should be the item `code` (stable across checklist versions).

export const RECONCILIATION_WINDOW_DAYS = 90;
export const DESCRIPTION_SIMILARITY_THRESHOLD = 0.6;

/** NFKC, lower case, without whitespace, punctuation or symbols: "１号 储罐区，" → "1号储罐区". */
export function normaliseText(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "");
}

function bigrams(s: string): Map<string, number> {
  const chars = Array.from(s);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i]}${chars[i + 1]}`;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient on character bigram multisets of the normalised texts, in [0, 1]. */
export function descriptionSimilarity(a: string, b: string): number {
  const na = normaliseText(a);
  const nb = normaliseText(b);
  if (na === nb) return na.length > 0 ? 1 : 0;
  const ga = bigrams(na);
  const gb = bigrams(nb);
  let sizeA = 0;
  let sizeB = 0;
  let common = 0;
  for (const n of ga.values()) sizeA += n;
  for (const [g, n] of gb) {
    sizeB += n;
    common += Math.min(n, ga.get(g) ?? 0);
  }
  return sizeA + sizeB === 0 ? 0 : (2 * common) / (sizeA + sizeB);
}

export interface ReconcileRecord {
  id: string;
  enterpriseId: string;
  checklistItemId?: string | null;
  location?: string | null;
  description: string;
  discoveredAt: Instant;
}

export interface ReconcileSelfReport extends ReconcileRecord {
  /** Server-stamped creation instant, if known. */
  reportedAt?: Instant | null;
}

export interface ReconcileMatch<F, S> {
  finding: F;
  selfReport: S;
  rule: "checklist_item" | "location_description";
  /** 1 for checklist matches; the Dice coefficient for text matches. */
  similarity: number;
}

export interface ReconcileResult<F, S> {
  matched: ReconcileMatch<F, S>[];
  unmatched: F[];
  selfReportRatio: number | null;
}

const ms = (t: Instant): number => toInstant(t).getTime();

function eligible(f: ReconcileRecord, s: ReconcileSelfReport, windowDays: number): boolean {
  if (s.enterpriseId !== f.enterpriseId) return false;
  const fAt = ms(f.discoveredAt);
  if (ms(s.discoveredAt) > fAt) return false;
  if (s.reportedAt != null && ms(s.reportedAt) > fAt) return false;
  return shanghaiDate(s.discoveredAt) >= addDays(shanghaiDate(f.discoveredAt), -windowDays);
}

function checklistMatch(f: ReconcileRecord, s: ReconcileRecord): boolean {
  return hasText(f.checklistItemId) && hasText(s.checklistItemId) && f.checklistItemId === s.checklistItemId;
}

function textSimilarity(f: ReconcileRecord, s: ReconcileRecord): number | null {
  if (hasText(f.checklistItemId) && hasText(s.checklistItemId)) return null;
  if (!hasText(f.location) || !hasText(s.location)) return null;
  const lf = normaliseText(f.location);
  if (lf.length === 0 || lf !== normaliseText(s.location)) return null;
  const sim = descriptionSimilarity(f.description, s.description);
  return sim >= DESCRIPTION_SIMILARITY_THRESHOLD ? sim : null;
}

export function reconcile<F extends ReconcileRecord, S extends ReconcileSelfReport>(
  findings: readonly F[],
  selfReports: readonly S[],
  options: { windowDays?: number } = {},
): ReconcileResult<F, S> {
  const windowDays = options.windowDays ?? RECONCILIATION_WINDOW_DAYS;
  const byTimeThenId = <T extends ReconcileRecord>(a: T, b: T): number =>
    ms(a.discoveredAt) - ms(b.discoveredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const orderedFindings = [...findings].sort(byTimeThenId);
  const laterThenSmallerId = (a: S, b: S): boolean =>
    ms(a.discoveredAt) > ms(b.discoveredAt) || (ms(a.discoveredAt) === ms(b.discoveredAt) && a.id < b.id);
  const used = new Set<S>();
  const matchOf = new Map<F, ReconcileMatch<F, S>>();

  const pass = (rule: ReconcileMatch<F, S>["rule"], score: (f: F, s: S) => number | null): void => {
    for (const f of orderedFindings) {
      if (matchOf.has(f)) continue;
      let best: { s: S; sim: number } | undefined;
      for (const s of selfReports) {
        if (used.has(s) || !eligible(f, s, windowDays)) continue;
        const sim = score(f, s);
        if (sim === null) continue;
        if (!best || sim > best.sim || (sim === best.sim && laterThenSmallerId(s, best.s))) best = { s, sim };
      }
      if (best) {
        used.add(best.s);
        matchOf.set(f, { finding: f, selfReport: best.s, rule, similarity: best.sim });
      }
    }
  };
  pass("checklist_item", (f, s) => (checklistMatch(f, s) ? 1 : null));
  pass("location_description", textSimilarity);

  const matched = orderedFindings.flatMap((f) => {
    const m = matchOf.get(f);
    return m ? [m] : [];
  });
  const unmatched = orderedFindings.filter((f) => !matchOf.has(f));
  return {
    matched,
    unmatched,
    selfReportRatio: findings.length === 0 ? null : matched.length / findings.length,
  };
}

/**
 * Checklists offered to an enterprise of the given GB/T 4754 code: those whose industryCode equals
 * it or whose section contains it, then the general one.
 */
export function checklistsForIndustry<C extends { industryCode: string | null }>(code: string, checklists: readonly C[]): C[] {
  return [
    ...checklists.filter((c) => c.industryCode !== null && industryMatches(code, c.industryCode)),
    ...checklists.filter((c) => c.industryCode === null),
  ];
}
