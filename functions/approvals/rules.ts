// Administrative approval (行政审批): the pure rules. Plain data in, plain data out; callers pass
// `today` (a Shanghai business date, e.g. shanghaiDate(now)) and the working-day calendars.
//
// Exports
//   numbers: ACCEPTANCE_NOTICE_WORKING_DAYS (5), DECISION_LIMIT_WORKING_DAYS (20),
//     SAFETY_LICENCE_DECISION_LIMIT_WORKING_DAYS (45), FIREWORKS_WHOLESALE_DECISION_LIMIT_WORKING_DAYS (30), DECISION_LIMITS, EXTENSION_WORKING_DAYS (10),
//     DELIVERY_WORKING_DAYS (10), NEAR_DEADLINE_WORKING_DAYS (3), SAFETY_LICENCE_VALIDITY_YEARS (3),
//     RENEWAL_WINDOW_MONTHS (3), EXPIRY_WARNING_DAYS (90), APPROVAL_FEE_YUAN (0)
//   catalogue types: Issuer, StageName, STAGE_NAMES, ApprovalStage, ApprovalItem, validateApprovalItem
//   workflow: ApplicationState, ApplicationAction, APPLICATION_STATES, APPLICATION_ACTIONS,
//     ACTION_STAGE, ACTION_ACTOR, allowedActions, transition, TransitionResult,
//     GuardContext, GuardViolation, GuardCode, checkGuards, REASON_REQUIRED_ACTIONS
//   clock: acceptanceNoticeDeadline, deemedAcceptance, Pause, ClockInput, Clock, computeClock,
//     pausedDateSet, deliveryDueDate, nearDeadline, deadlineFlag
//   licences: LicenceStatus, LicenceAction, LICENCE_STATUSES, LICENCE_ACTIONS, licenceTransition,
//     Cancellation, CANCELLATION_BASIS, lapseCancellation,
//     allowedLicenceActions, licenceValidTo, renewedValidTo, renewalWindowOpensOn, renewalWindowOpen,
//     canExtendWithoutReview, renewalDecision, shouldExpire, expiringWithin
//   re-exported from calendar.ts: YearCalendar, Calendars, isWorkingDay, addWorkingDays,
//     workingDaysBetween, validateYearCalendar
//   safety licences: SAFETY_LICENCE_CATEGORY, isSafetyProductionLicence, hadFatalAccident, licenceNumber
//   authority: DelegationState, Holder, delegationEffective, holderOf, AuthorityCode, AuthorityDecision,
//     officerAuthority, latestDelegations, heldItems (an officer's queue)
//   power list: PowerListEntry, powerList
// (workflow.ts, also part of the rules, applies them to an application record: applyAction, deemIfDue,
// applicationClock.)

import { addDays, addMonths, daysBetween, isIsoDate, type IsoDate } from "../../shared/time.js";
import { addWorkingDays, workingDaysBetween, type Calendars, type WorkingDayResult } from "./calendar.js";
import { HUBEI_PROVINCE_CODE, isWithin, regionLevel } from "../../shared/codes/index.js";

export {
  addWorkingDays,
  isWorkingDay,
  validateYearCalendar,
  workingDaysBetween,
  type Calendars,
  type DayStatus,
  type WorkingDayCount,
  type WorkingDayResult,
  type YearCalendar,
} from "./calendar.js";

// ---------------------------------------------------------------------------------------------
// Numbers. All periods below are working days (行政许可法 art. 82) unless named *_YEARS/_MONTHS/_DAYS
// of a licence's validity, which run on the civil calendar.

/** 行政许可法 art. 32: missing materials are notified in one notice within 5 days, else deemed accepted. */
export const ACCEPTANCE_NOTICE_WORKING_DAYS = 5;
/** 行政许可法 art. 42: decision within 20 days of acceptance. */
export const DECISION_LIMIT_WORKING_DAYS = 20;
/** 安全生产许可证条例 art. 7: safety production licences are decided within 45 days. */
export const SAFETY_LICENCE_DECISION_LIMIT_WORKING_DAYS = 45;
/** 烟花爆竹安全管理条例 art. 19: wholesale licences are decided within 30 days (retail within 20). */
export const FIREWORKS_WHOLESALE_DECISION_LIMIT_WORKING_DAYS = 30;

/**
 * The decision limit of an item and the provision that sets it: 行政许可法 art. 42's 20 days unless the
 * item's own statute sets another limit, which wins (a special provision over the general one).
 */
export const DECISION_LIMITS = {
  general: { days: DECISION_LIMIT_WORKING_DAYS, basis: "《中华人民共和国行政许可法》第四十二条" },
  safetyLicence: { days: SAFETY_LICENCE_DECISION_LIMIT_WORKING_DAYS, basis: "《安全生产许可证条例》第七条" },
  fireworksWholesale: { days: FIREWORKS_WHOLESALE_DECISION_LIMIT_WORKING_DAYS, basis: "《烟花爆竹安全管理条例》第十九条" },
} as const;
/** 行政许可法 art. 42: extendable once by 10 days with the head's approval. */
export const EXTENSION_WORKING_DAYS = 10;
/** 行政许可法 art. 44: the certificate is served within 10 days of the decision. */
export const DELIVERY_WORKING_DAYS = 10;
/** The daily job flags applications within 3 working days of their limit. */
export const NEAR_DEADLINE_WORKING_DAYS = 3;
/** 安全生产许可证条例 art. 9: the safety production licence is valid 3 years. */
export const SAFETY_LICENCE_VALIDITY_YEARS = 3;
/** 安全生产许可证条例 art. 9: renewal is applied for 3 months before expiry. */
export const RENEWAL_WINDOW_MONTHS = 3;
/** The daily job lists licences expiring within 90 (calendar) days. */
export const EXPIRY_WARNING_DAYS = 90;
/** 行政许可法 art. 58: granting a licence is free unless a law or administrative regulation says otherwise. */
export const APPROVAL_FEE_YUAN = 0;

// ---------------------------------------------------------------------------------------------
// Catalogue types (data in catalogue-data.ts).

/** province: only the provincial department; province_delegable: provincial, may be delegated (委托)
 * to a city; city_county: issued by city/county departments, never by the province. */
export type Issuer = "province" | "province_delegable" | "city_county";

export const STAGE_NAMES = ["acceptance", "review", "decision", "delivery"] as const;
export type StageName = (typeof STAGE_NAMES)[number];

export interface ApprovalStage {
  stage: StageName;
  /** 审查内容 */
  reviewed: string;
  /** 审查标准 */
  standard: string;
  /** 审查要点 */
  keyPoints: string[];
  /** 廉政风险点 */
  integrityRisks: string[];
  /** 不当行为须承担的后果 */
  misconductConsequence: string;
}

export interface ApprovalItem {
  code: string;
  name: string;
  category: string;
  /** True for the notice's 16 provincial items; false for items listed for completeness only. */
  inProvincialList: boolean;
  legalBasis: string[];
  issuer: Issuer;
  limitWorkingDays: number;
  /** The provision that sets limitWorkingDays (shown in the service guide). */
  limitBasis: string;
  licenceValidityYears: number | null;
  fee: number;
  materials: string[];
  stages: ApprovalStage[];
}

/** A problem with configuration data (a catalogue item, a calendar), in Chinese and English. */
export interface DataProblem {
  path: string;
  message: { zh: string; en: string };
}

/** Problems with a catalogue item (seed data or an admin edit); empty when valid. */
export function validateApprovalItem(item: ApprovalItem): DataProblem[] {
  const errors: DataProblem[] = [];
  const add = (path: string, zh: string, en: string) => errors.push({ path, message: { zh, en } });
  const text = (v: unknown) => typeof v === "string" && v.trim() !== "";
  if (!text(item.code)) add("code", "须填写事项编码", "code is required");
  if (!text(item.name)) add("name", "须填写事项名称", "name is required");
  if (!text(item.category)) add("category", "须填写事项类别", "category is required");
  if (!Array.isArray(item.legalBasis) || item.legalBasis.length === 0 || !item.legalBasis.every(text))
    add("legalBasis", "设定依据至少须有一条", "legalBasis needs at least one entry");
  if (!["province", "province_delegable", "city_county"].includes(item.issuer)) add("issuer", `未知的实施机关层级：${item.issuer}`, `unknown issuer: ${item.issuer}`);
  if (!Number.isInteger(item.limitWorkingDays) || item.limitWorkingDays <= 0) add("limitWorkingDays", "办理时限须为正整数（工作日）", "limitWorkingDays must be a positive integer");
  if (!text(item.limitBasis)) add("limitBasis", "须填写设定办理时限的法律条款", "limitBasis is required: the provision that sets the time limit");
  if (item.licenceValidityYears !== null && (!Number.isInteger(item.licenceValidityYears) || item.licenceValidityYears <= 0))
    add("licenceValidityYears", "许可证有效期须为正整数（年）或为空", "licenceValidityYears must be a positive integer or null");
  if (item.fee !== APPROVAL_FEE_YUAN) add("fee", "行政许可不得收费，收费须为 0（行政许可法第五十八条）", "fee must be 0 (行政许可法 art. 58)");
  if (!Array.isArray(item.materials) || item.materials.length === 0 || !item.materials.every(text))
    add("materials", "申请材料至少须有一项", "materials needs at least one entry");
  const names = Array.isArray(item.stages) ? item.stages.map((s) => s.stage) : [];
  if (names.join() !== STAGE_NAMES.join()) add("stages", `办理环节须依次为：${STAGE_NAMES.join("、")}`, `stages must be ${STAGE_NAMES.join(", ")} in order`);
  (Array.isArray(item.stages) ? item.stages : []).forEach((s, n) => {
    if (!text(s.reviewed) || !text(s.standard) || !text(s.misconductConsequence))
      add(`stages.${n}`, `环节「${s.stage}」须填写审查内容、审查标准和失职后果`, `stage ${s.stage}: text fields are required`);
    if (!Array.isArray(s.keyPoints) || s.keyPoints.length === 0 || !s.keyPoints.every(text)) add(`stages.${n}.keyPoints`, `环节「${s.stage}」须列明审查要点`, `stage ${s.stage}: keyPoints required`);
    if (!Array.isArray(s.integrityRisks) || s.integrityRisks.length === 0 || !s.integrityRisks.every(text))
      add(`stages.${n}.integrityRisks`, `环节「${s.stage}」须列明廉政风险点`, `stage ${s.stage}: integrityRisks required`);
  });
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Application workflow.
//
//   draft --submit--> submitted --accept | deem-accept--> under_review --review-pass--> reviewed
//                      |  \--notify-missing--> missing_materials --submit--> submitted
//                      \--decline--> declined
//   under_review --pause--> paused --resume--> under_review
//   reviewed --approve--> approved --issue--> issued;  reviewed --refuse--> refused
//   extend: a self-transition in under_review, paused and reviewed (once; see checkGuards).
//
// `pause` is only possible in under_review: expert review, testing and on-site inspection are the
// review stage's tools, and a decider who needs more of them has not got a passed review. Keeping one
// paused state also keeps `resume` a pure table lookup (it always returns to under_review).
// `deem-accept` is the system's action when 5 working days passed without a notice (art. 32): the
// handler applies it (deemedAcceptance() != null) before any officer action on a submitted application,
// so a late notify-missing or decline is then illegal. After a resubmission the 5-day period runs
// again from the new submission date.

export const APPLICATION_STATES = [
  "draft",
  "submitted",
  "missing_materials",
  "declined",
  "under_review",
  "paused",
  "reviewed",
  "approved",
  "refused",
  "issued",
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_ACTIONS = [
  "submit",
  "accept",
  "notify-missing",
  "decline",
  "deem-accept",
  "review-pass",
  "pause",
  "resume",
  "extend",
  "approve",
  "refuse",
  "issue",
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

const TRANSITIONS: Readonly<Record<ApplicationState, Readonly<Partial<Record<ApplicationAction, ApplicationState>>>>> = {
  draft: { submit: "submitted" },
  submitted: { accept: "under_review", "deem-accept": "under_review", "notify-missing": "missing_materials", decline: "declined" },
  missing_materials: { submit: "submitted" },
  declined: {},
  under_review: { "review-pass": "reviewed", pause: "paused", extend: "under_review" },
  paused: { resume: "under_review", extend: "paused" },
  reviewed: { approve: "approved", refuse: "refused", extend: "reviewed" },
  approved: { issue: "issued" },
  refused: {},
  issued: {},
};

/** The catalogue stage each action belongs to (for the step history and the service guide). */
export const ACTION_STAGE: Readonly<Record<ApplicationAction, StageName | "application">> = {
  submit: "application",
  accept: "acceptance",
  "notify-missing": "acceptance",
  decline: "acceptance",
  "deem-accept": "acceptance",
  "review-pass": "review",
  pause: "review",
  resume: "review",
  extend: "decision",
  approve: "decision",
  refuse: "decision",
  issue: "delivery",
};

/** Who performs an action: the applicant enterprise, an approval officer, or the system. */
export const ACTION_ACTOR: Readonly<Record<ApplicationAction, "applicant" | "officer" | "system">> = {
  submit: "applicant",
  accept: "officer",
  "notify-missing": "officer",
  decline: "officer",
  "deem-accept": "system",
  "review-pass": "officer",
  pause: "officer",
  resume: "officer",
  extend: "officer",
  approve: "officer",
  refuse: "officer",
  issue: "officer",
};

export function allowedActions(state: ApplicationState): ApplicationAction[] {
  const row = TRANSITIONS[state];
  return APPLICATION_ACTIONS.filter((a) => row[a] !== undefined);
}

export type TransitionResult<S, A> =
  | { ok: true; next: S }
  | { ok: false; error: "illegal_action"; state: S; action: A; allowed: A[] };

export function transition(state: ApplicationState, action: ApplicationAction): TransitionResult<ApplicationState, ApplicationAction> {
  const next = TRANSITIONS[state]?.[action];
  if (next !== undefined) return { ok: true, next };
  return { ok: false, error: "illegal_action", state, action, allowed: TRANSITIONS[state] ? allowedActions(state) : [] };
}

/** Actions that need a written reason (decline and refusal reasons are owed to the applicant, art. 38). */
export const REASON_REQUIRED_ACTIONS: readonly ApplicationAction[] = ["decline", "pause", "extend", "approve", "refuse"];

export interface GuardContext {
  actorId: string;
  /** Holds the head (负责人) role for the item. */
  isHead?: boolean;
  /** Officer who did review-pass; approve/refuse must be someone else. */
  reviewPassedBy?: string | null;
  /** The application has already been extended. */
  extended?: boolean;
  reason?: string | null;
  /** notify-missing: every missing material, in one notice. */
  missingMaterials?: readonly string[];
  /** notify-missing, optional: the item's required materials and those the applicant supplied;
   * when both are given the notice must list every required material not supplied. */
  requiredMaterials?: readonly string[];
  providedMaterials?: readonly string[];
  /** extend: the clock is already past its due date. */
  clockOverdue?: boolean;
}

export type GuardCode =
  | "reason_required"
  | "separation_of_duties"
  | "head_required"
  | "already_extended"
  | "extension_too_late"
  | "missing_list_required"
  | "missing_list_incomplete";

export interface GuardViolation {
  code: GuardCode;
  message: string;
  /** missing_list_incomplete: the materials the notice left out. */
  omitted?: string[];
}

const blank = (s: string | null | undefined) => s === undefined || s === null || s.trim() === "";

/** Role and content checks for an action that the transition table allows; empty when it may proceed. */
export function checkGuards(action: ApplicationAction, ctx: GuardContext): GuardViolation[] {
  const v: GuardViolation[] = [];
  if (REASON_REQUIRED_ACTIONS.includes(action) && blank(ctx.reason)) v.push({ code: "reason_required", message: `${action} needs a reason` });
  if (action === "approve" || action === "refuse") {
    // Fail closed: without a recorded reviewer the separation cannot be shown.
    if (blank(ctx.reviewPassedBy)) v.push({ code: "separation_of_duties", message: "no review-pass officer recorded" });
    else if (ctx.reviewPassedBy === ctx.actorId)
      v.push({ code: "separation_of_duties", message: "the officer who passed the review cannot decide" });
  }
  if (action === "extend") {
    if (!ctx.isHead) v.push({ code: "head_required", message: "extension needs the head's approval (art. 42)" });
    if (ctx.extended) v.push({ code: "already_extended", message: "the period may be extended only once (art. 42)" });
    if (ctx.clockOverdue) v.push({ code: "extension_too_late", message: "the period has already run out" });
  }
  if (action === "notify-missing") {
    const listed = (ctx.missingMaterials ?? []).map((m) => m.trim()).filter((m) => m !== "");
    if (listed.length === 0) v.push({ code: "missing_list_required", message: "the notice must list every missing material (art. 32)" });
    else if (ctx.requiredMaterials && ctx.providedMaterials) {
      const provided = new Set(ctx.providedMaterials.map((m) => m.trim()));
      const named = new Set(listed);
      const omitted = ctx.requiredMaterials.map((m) => m.trim()).filter((m) => !provided.has(m) && !named.has(m));
      if (omitted.length > 0)
        v.push({ code: "missing_list_incomplete", message: "one notice must name every missing material (一次性告知)", omitted });
    }
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// The clock.

/** Last day on which a missing-materials notice is in time: the 5th working day after submission. */
export function acceptanceNoticeDeadline(submittedOn: IsoDate, calendars: Calendars): WorkingDayResult {
  return addWorkingDays(submittedOn, ACCEPTANCE_NOTICE_WORKING_DAYS, calendars);
}

/**
 * 行政许可法 art. 32: with no notice by the 5th working day after submission, the application counts
 * as accepted on the day it was submitted. Returns that acceptance date once the deadline has passed,
 * else null. Call only while the application is still `submitted`.
 */
export function deemedAcceptance(submittedOn: IsoDate, today: IsoDate, calendars: Calendars): IsoDate | null {
  return today > acceptanceNoticeDeadline(submittedOn, calendars).date ? submittedOn : null;
}

/**
 * A pause for hearing, testing, inspection or expert review (art. 45). It covers the days
 * [from, to): the day the clock stops is not counted, the day it resumes counts again. So the
 * excluded span is exactly the days between the two events, a pause resumed the same day excludes
 * nothing, and no day is both "acceptance day" and "paused". An open pause (no `to`) covers every
 * day from `from` through `today`.
 */
export interface Pause {
  from: IsoDate;
  to?: IsoDate | null;
}

export interface ClockInput {
  acceptedOn: IsoDate;
  /** The item's limit: DECISION_LIMIT_WORKING_DAYS or SAFETY_LICENCE_DECISION_LIMIT_WORKING_DAYS. */
  limitDays: number;
  /** 0, or EXTENSION_WORKING_DAYS after an extension. */
  extensionDays?: number;
  pauses?: readonly Pause[];
  today: IsoDate;
  calendars: Calendars;
  /** Once decided the clock stops: it is evaluated as of this date (overdue = decided late). */
  decidedOn?: IsoDate | null;
}

export interface Clock {
  acceptedOn: IsoDate;
  /** Last working day of the period. While paused it is projected as if the clock resumed tomorrow. */
  dueDate: IsoDate;
  limitDays: number;
  extensionDays: number;
  workingDaysUsed: number;
  workingDaysLeft: number;
  paused: boolean;
  overdue: boolean;
  /** Years the computation touched that had no calendar (weekends-only fallback). */
  fallbackYears: number[];
}

/** The calendar dates excluded by the pauses, as of `asOf` (open pauses run through it). */
export function pausedDateSet(pauses: readonly Pause[], asOf: IsoDate): Set<IsoDate> {
  const out = new Set<IsoDate>();
  for (const p of pauses) {
    if (!isIsoDate(p.from) || (p.to != null && !isIsoDate(p.to))) throw new RangeError(`bad pause dates: ${p.from}..${p.to}`);
    if (p.to != null && p.to < p.from) throw new RangeError(`pause ends before it starts: ${p.from}..${p.to}`);
    const lastIncl = p.to != null ? addDays(p.to, -1) : asOf > p.from ? asOf : p.from;
    for (let d = p.from; d <= lastIncl; d = addDays(d, 1)) out.add(d);
  }
  return out;
}

export function computeClock(input: ClockInput): Clock {
  const { acceptedOn, limitDays, calendars } = input;
  const extensionDays = input.extensionDays ?? 0;
  if (!Number.isInteger(limitDays) || limitDays <= 0) throw new RangeError(`limitDays must be a positive integer: ${limitDays}`);
  if (!Number.isInteger(extensionDays) || extensionDays < 0) throw new RangeError(`extensionDays must be >= 0: ${extensionDays}`);
  const asOf = input.decidedOn ?? input.today;
  const pauses = input.pauses ?? [];
  const paused = !input.decidedOn && pauses.some((p) => p.to == null);
  const excluded = pausedDateSet(pauses, asOf);
  const total = limitDays + extensionDays;
  const due = addWorkingDays(acceptedOn, total, calendars, excluded);
  const used = workingDaysBetween(acceptedOn, asOf, calendars, excluded);
  const fallbackYears = [...new Set([...due.fallbackYears, ...used.fallbackYears])].sort((a, b) => a - b);
  return {
    acceptedOn,
    dueDate: due.date,
    limitDays,
    extensionDays,
    workingDaysUsed: used.days,
    workingDaysLeft: Math.max(0, total - used.days),
    paused,
    overdue: asOf > due.date,
    fallbackYears,
  };
}

/** 行政许可法 art. 44: the licence is served by the 10th working day after the decision. */
export function deliveryDueDate(approvedOn: IsoDate, calendars: Calendars): WorkingDayResult {
  return addWorkingDays(approvedOn, DELIVERY_WORKING_DAYS, calendars);
}

/** Within 3 working days of the limit and still running (a paused clock is not counted down). */
export function nearDeadline(clock: Clock): boolean {
  return !clock.overdue && !clock.paused && clock.workingDaysLeft <= NEAR_DEADLINE_WORKING_DAYS;
}

/** What the daily job reports for an undecided application. */
export function deadlineFlag(clock: Clock): "overdue" | "near" | null {
  if (clock.overdue) return "overdue";
  return nearDeadline(clock) ? "near" : null;
}

// ---------------------------------------------------------------------------------------------
// Licences.
//
// valid ⇄ suspended (暂扣 / restored on write-off); valid|suspended → revoked (吊销); valid|suspended →
// cancelled (注销) by `expire`, the daily job's lapse of a licence past its validTo without renewal
// (行政许可法 art. 70(1); also while suspended), or by an officer's `cancel` (art. 70's other grounds);
// revoked → cancelled. `renew` keeps a valid licence valid with a new validTo; a suspended licence
// cannot be renewed. There is no "expired" state: the law knows only the cancellation that follows.

export const LICENCE_STATUSES = ["valid", "suspended", "revoked", "cancelled"] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export const LICENCE_ACTIONS = ["suspend", "restore", "revoke", "expire", "cancel", "renew"] as const;
export type LicenceAction = (typeof LICENCE_ACTIONS)[number];

const LICENCE_TRANSITIONS: Readonly<Record<LicenceStatus, Readonly<Partial<Record<LicenceAction, LicenceStatus>>>>> = {
  valid: { suspend: "suspended", revoke: "revoked", expire: "cancelled", cancel: "cancelled", renew: "valid" },
  suspended: { restore: "valid", revoke: "revoked", expire: "cancelled", cancel: "cancelled" },
  revoked: { cancel: "cancelled" },
  cancelled: {},
};

/** Why a licence was cancelled (注销) and the provision that requires it. */
export interface Cancellation {
  ground: "expired_without_renewal" | "officer";
  basis: string;
  on: IsoDate;
  reason?: string;
}

/** 行政许可法 art. 70: the grounds on which the licensing authority must cancel (注销) a licence. */
export const CANCELLATION_BASIS = {
  expired_without_renewal: "《中华人民共和国行政许可法》第七十条第（一）项：行政许可有效期届满未延续",
  officer: "《中华人民共和国行政许可法》第七十条",
} as const;

/** The cancellation the daily job records for a licence whose validity ended on `validTo` without renewal. */
export function lapseCancellation(validTo: IsoDate, today: IsoDate): Cancellation | null {
  if (!shouldExpire(validTo, today)) return null;
  return { ground: "expired_without_renewal", basis: CANCELLATION_BASIS.expired_without_renewal, on: today, reason: `有效期至${validTo}届满，未延续` };
}

export function allowedLicenceActions(status: LicenceStatus): LicenceAction[] {
  const row = LICENCE_TRANSITIONS[status];
  return LICENCE_ACTIONS.filter((a) => row[a] !== undefined);
}

export function licenceTransition(status: LicenceStatus, action: LicenceAction): TransitionResult<LicenceStatus, LicenceAction> {
  const next = LICENCE_TRANSITIONS[status]?.[action];
  if (next !== undefined) return { ok: true, next };
  return { ok: false, error: "illegal_action", state: status, action, allowed: LICENCE_TRANSITIONS[status] ? allowedLicenceActions(status) : [] };
}

/**
 * Last valid day of a licence valid `years` from `validFrom`: the validity includes the issue day,
 * so it ends the day before the anniversary (2026-03-15 → 2029-03-14, as printed "至2029年3月14日").
 * A 29 February start has its anniversary on 1 March in a common year, so it ends on 28 February.
 */
export function licenceValidTo(validFrom: IsoDate, years: number): IsoDate {
  if (!isIsoDate(validFrom)) throw new RangeError(`not a date: ${validFrom}`);
  if (!Number.isInteger(years) || years <= 0) throw new RangeError(`years must be a positive integer: ${years}`);
  const y = Number(validFrom.slice(0, 4)) + years;
  const sameDay = `${String(y).padStart(4, "0")}${validFrom.slice(4)}`;
  const anniversary = isIsoDate(sameDay) ? sameDay : `${String(y).padStart(4, "0")}-03-01`;
  return addDays(anniversary, -1);
}

/** validTo after a renewal by `years` (the new period starts the day after the old one ends). */
export function renewedValidTo(validTo: IsoDate, years: number = SAFETY_LICENCE_VALIDITY_YEARS): IsoDate {
  return licenceValidTo(addDays(validTo, 1), years);
}

/** 安全生产许可证条例 art. 9: renewal is applied for from 3 months before expiry. */
export function renewalWindowOpensOn(validTo: IsoDate): IsoDate {
  return addMonths(validTo, -RENEWAL_WINDOW_MONTHS);
}

export function renewalWindowOpen(validTo: IsoDate, today: IsoDate): boolean {
  return today >= renewalWindowOpensOn(validTo) && today <= validTo;
}

/** 安全生产许可证条例 art. 9: no fatal accident during the validity → extension without fresh review. */
export function canExtendWithoutReview(input: { fatalAccidentDuringValidity: boolean }): boolean {
  return !input.fatalAccidentDuringValidity;
}

export interface RenewalDecision {
  /** Renewal by extension without fresh review is possible now. */
  allowed: boolean;
  reasons: string[];
  newValidTo: IsoDate;
}

/** Everything an officer's "extend without review" needs: status, window and the accident record.
 * (Art. 9 also asks for strict compliance during the validity; that stays the officer's judgement.) */
export function renewalDecision(input: {
  status: LicenceStatus;
  validTo: IsoDate;
  today: IsoDate;
  fatalAccidentDuringValidity: boolean;
  years?: number;
}): RenewalDecision {
  const reasons: string[] = [];
  if (licenceTransition(input.status, "renew").ok === false) reasons.push(`a ${input.status} licence cannot be renewed`);
  if (!renewalWindowOpen(input.validTo, input.today))
    reasons.push(`the renewal window is ${renewalWindowOpensOn(input.validTo)}..${input.validTo}`);
  if (!canExtendWithoutReview(input)) reasons.push("a fatal accident occurred during the validity: fresh review required");
  return { allowed: reasons.length === 0, reasons, newValidTo: renewedValidTo(input.validTo, input.years) };
}

/** The daily job cancels a licence the day after its last valid day (行政许可法 art. 70(1)). */
export function shouldExpire(validTo: IsoDate, today: IsoDate): boolean {
  return today > validTo;
}

/** Still valid today and ends within `days` calendar days. */
export function expiringWithin(validTo: IsoDate, today: IsoDate, days: number = EXPIRY_WARNING_DAYS): boolean {
  return today <= validTo && daysBetween(today, validTo) <= days;
}

// ---------------------------------------------------------------------------------------------
// Which catalogue items are safety production licences (安全生产许可证条例): they get the 45-day limit,
// the 3-year validity with renewal by extension, and are the licences a listed major hazard with
// production suspended puts on hold (functions/approvals/public.ts).

export const SAFETY_LICENCE_CATEGORY = "安全生产许可证核发";

export function isSafetyProductionLicence(item: Pick<ApprovalItem, "category">): boolean {
  return item.category === SAFETY_LICENCE_CATEGORY;
}

// ---------------------------------------------------------------------------------------------
// Authority: who may act on an application or a licence (鄂安办〔2015〕60号 task 3: the province may delegate
// (委托) an item to a city and take it back; a decision by a city on an item it no longer holds must
// be impossible). Pure: the caller passes the item's issuer, the applicant's region, the state of
// the delegation of (item, applicant's city) and today.

/** The delegation of one item to one city, as the authority check needs it. */
export interface DelegationState {
  delegationId: string;
  cityCode: string;
  status: "active" | "revoked";
  startDate: IsoDate;
}

/** Who holds an item for an applicant: the province, a city by delegation, or the local (city/county) departments. */
export interface Holder {
  level: "province" | "city" | "local";
  /** The region whose officers act: 420000, the delegated city, or the applicant's city for local items. */
  regionCode: string;
  delegationId?: string;
}

export function delegationEffective(d: DelegationState | undefined, today: IsoDate): d is DelegationState {
  return !!d && d.status === "active" && d.startDate <= today;
}

export function holderOf(issuer: Issuer, applicantCityCode: string, delegation: DelegationState | undefined, today: IsoDate): Holder {
  if (issuer === "city_county") return { level: "local", regionCode: applicantCityCode };
  if (issuer === "province_delegable" && delegationEffective(delegation, today) && delegation.cityCode === applicantCityCode) {
    return { level: "city", regionCode: applicantCityCode, delegationId: delegation.delegationId };
  }
  return { level: "province", regionCode: HUBEI_PROVINCE_CODE };
}

export type AuthorityCode = "no_authority" | "authority_revoked" | "delegated_to_city";

export type AuthorityDecision = { ok: true; holder: Holder } | { ok: false; code: AuthorityCode; holder: Holder };

/**
 * May an approval officer of `officerRegion` act for an applicant in `applicantRegion`?
 * - province items: province officers only;
 * - delegable items: province officers, or while a delegation to the applicant's city is in force,
 *   that city's officers only (one holder at a time); after a revocation the city's officers get
 *   `authority_revoked`;
 * - city/county items: the city's and the county's officers of the applicant's region.
 */
export function officerAuthority(input: {
  officerRegion: string;
  applicantRegion: string;
  applicantCityCode: string;
  issuer: Issuer;
  delegation?: DelegationState;
  today: IsoDate;
}): AuthorityDecision {
  const { officerRegion, applicantRegion, applicantCityCode, issuer, delegation, today } = input;
  const holder = holderOf(issuer, applicantCityCode, delegation, today);
  if (holder.level === "local") {
    const ok = officerRegion !== HUBEI_PROVINCE_CODE && isWithin(applicantRegion, officerRegion);
    return ok ? { ok, holder } : { ok, holder, code: "no_authority" };
  }
  if (officerRegion === holder.regionCode) return { ok: true, holder };
  if (holder.level === "city" && officerRegion === HUBEI_PROVINCE_CODE) return { ok: false, holder, code: "delegated_to_city" };
  if (holder.level === "province" && delegation?.status === "revoked" && officerRegion === applicantCityCode && delegation.cityCode === applicantCityCode) {
    return { ok: false, holder, code: "authority_revoked" };
  }
  return { ok: false, holder, code: "no_authority" };
}

/** The latest delegation of each (item, city): the state the authority check reads. */
export function latestDelegations(all: readonly (Omit<DelegationState, "delegationId"> & { id: string; itemCode: string })[]): Map<string, DelegationState> {
  const out = new Map<string, DelegationState>();
  for (const d of [...all].sort((a, b) => a.id.localeCompare(b.id))) {
    out.set(`${d.itemCode}#${d.cityCode}`, { delegationId: d.id, cityCode: d.cityCode, status: d.status, startDate: d.startDate });
  }
  return out;
}

/**
 * An approval officer's queue in one city: the codes of the items the officer holds there today for
 * applicants of `regionCode` (own items, or the province's items unless delegated to the city).
 */
export function heldItems(
  officerRegion: string,
  regionCode: string,
  city: string,
  items: readonly Pick<ApprovalItem, "code" | "issuer">[],
  latest: Map<string, DelegationState>,
  today: IsoDate,
): string[] {
  return items
    .filter((i) => officerAuthority({ officerRegion, applicantRegion: regionLevel(regionCode) === "province" ? city : regionCode, applicantCityCode: city, issuer: i.issuer, delegation: latest.get(`${i.code}#${city}`), today }).ok)
    .map((i) => i.code);
}

// ---------------------------------------------------------------------------------------------
// The power list and responsibility list (权力清单和责任清单), generated from the catalogue and the
// delegations in force, so it can never disagree with who actually holds an item.

export interface PowerListEntry {
  code: string;
  name: string;
  category: string;
  inProvincialList: boolean;
  basis: string[];
  issuer: Issuer;
  /** Levels that exercise the power today. */
  holderLevels: ("province" | "city" | "county")[];
  delegatedTo: { cityCode: string; since: IsoDate; inForce: boolean }[];
  limitWorkingDays: number;
  limitBasis: string;
  responsibilities: { stage: StageName; duty: string; standard: string; keyPoints: string[] }[];
  accountability: { stage: StageName; integrityRisks: string[]; consequence: string }[];
}

export function powerList(
  items: readonly ApprovalItem[],
  delegations: readonly (Pick<DelegationState, "cityCode" | "startDate" | "status"> & { itemCode: string })[],
  today: IsoDate,
): PowerListEntry[] {
  return items.map((i) => {
    const mine = delegations
      .filter((d) => d.itemCode === i.code && d.status === "active")
      .map((d) => ({ cityCode: d.cityCode, since: d.startDate, inForce: d.startDate <= today }))
      .sort((a, b) => a.cityCode.localeCompare(b.cityCode));
    const holderLevels: PowerListEntry["holderLevels"] =
      i.issuer === "city_county" ? ["city", "county"] : mine.some((d) => d.inForce) ? ["province", "city"] : ["province"];
    return {
      code: i.code,
      name: i.name,
      category: i.category,
      inProvincialList: i.inProvincialList,
      basis: i.legalBasis,
      issuer: i.issuer,
      holderLevels,
      delegatedTo: i.issuer === "province_delegable" ? mine : [],
      limitWorkingDays: i.limitWorkingDays,
      limitBasis: i.limitBasis,
      responsibilities: i.stages.map((s) => ({ stage: s.stage, duty: s.reviewed, standard: s.standard, keyPoints: s.keyPoints })),
      accountability: i.stages.map((s) => ({ stage: s.stage, integrityRisks: s.integrityRisks, consequence: s.misconductConsequence })),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Licence numbers and the accident test for renewal.

/**
 * HB-<item code>-<year>-<serial>, e.g. HB-AQ01-01-2026-7Q4F7K2M9Q: ASCII, so it verifies by URL. The
 * serial is 10 Crockford base32 characters; issuing takes them from the application's ULID (its
 * random tail, 50 bits), so officers issuing different licences at once never contend for a shared
 * counter. A number is zero-padded (records migrated from a numbered register, test fixtures).
 */
export function licenceNumber(itemCode: string, year: number, serial: string | number): string {
  const s = typeof serial === "number" && Number.isInteger(serial) && serial > 0 ? String(serial).padStart(10, "0") : String(serial);
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(s)) throw new RangeError(`licence serial must be 10 Crockford base32 characters: ${serial}`);
  return `HB-${itemCode}-${year}-${s}`;
}

/**
 * 安全生产许可证条例 art. 9: "未发生死亡事故". Missing persons count with the dead (生产安全事故报告和调查处理条例
 * art. 3 grades by "死亡（含失踪）"), so an accident with a missing person is fatal too.
 */
export function hadFatalAccident(accidents: readonly { deaths: number; missing: number }[]): boolean {
  return accidents.some((a) => a.deaths + a.missing > 0);
}
