// Credit: violation records and the dishonesty blacklist (安委办〔2015〕14号). Pure rules: no I/O,
// no clock (callers pass `today` as a Shanghai business date). Defaults in ./config-data.ts.
//
// Exports
//   Policy:     validateBlacklistPolicy(policy)
//   Triggers:   ResponsibleAccident, EvidenceRef, SupervisedHazard, LicenceEvent, TriggerInput,
//               BlacklistTrigger, evaluateBlacklistTriggers(input, policy?), isHazardOrderIgnored(hazard, today),
//               isLicencePenaltyEvent(event), yearSettled(accidents, year),
//               primaryReason(triggers), freshTriggers(triggers, usedEvidence)
//   Manual / removal guard: Actor, GuardResult, isProvinceAdmin(actor), manualListingTrigger(actor, reason, evidence?),
//               canRemoveEarly(actor, reason, listing, today), removeEarly(listing, actor, reason, today)
//   Term:       Listing, ListingTerm, listingTerm(publishedOn, priorListings, policy?), isListed(listing, today),
//               activeListing(listings, today)
//   Publication: publicationQuarter(date), parseQuarter(text), publishedInQuarter(listing, quarter),
//               PublicBlacklistEntry, publicBlacklistEntry(listing, enterprise)
//   Tasks:      SupervisionTask, dueInspectionTasks(listing, today, policy?), dueInterviews(listing, today, policy?)
//   Violations: PenaltyInput, isPenaltyKind(kind), validatePenalty(penalty), isLicencePenalty(kind)
//   Re-exported from config-data: BlacklistPolicy, BlacklistTriggerKind, PenaltyKind

import { type AccidentGrade, isGradeAtLeast } from "../accidents/public.js";
import { HUBEI_PROVINCE_CODE } from "../../shared/codes/regions.js";
import { addMonths, formatQuarter, type IsoDate, isIsoDate, parseQuarter, type QuarterRef, shanghaiDate, shanghaiQuarter } from "../../shared/time.js";
import {
  BLACKLIST_REASON_NAME_ZH,
  BLACKLIST_TRIGGER_KINDS,
  type BlacklistPolicy,
  type BlacklistTriggerKind,
  DEFAULT_BLACKLIST_POLICY,
  EARLY_REMOVAL_ROLE,
  LICENCE_PENALTIES,
  PENALTY_KINDS,
  type PenaltyKind,
  POLICY_BOUNDS,
} from "./config-data.js";

export type { BlacklistPolicy, BlacklistTriggerKind, PenaltyKind } from "./config-data.js";
export { parseQuarter };
export type { QuarterRef };

const MONTHS_PER_YEAR = 12;

const toShanghaiDate = (d: string | Date): IsoDate => (typeof d === "string" && isIsoDate(d) ? d : shanghaiDate(d));

// ---------------------------------------------------------------------------------------------
// Policy

/** Field problems of a policy, each in Chinese and English (empty when valid). */
export function validateBlacklistPolicy(p: BlacklistPolicy): { path: string; message: { zh: string; en: string } }[] {
  const errors: { path: string; message: { zh: string; en: string } }[] = [];
  if (!POLICY_BOUNDS.accidentGrades.includes(p.accidentGradeThreshold)) {
    errors.push({
      path: "accidentGradeThreshold",
      message: { zh: `事故等级门槛须为以下之一：${POLICY_BOUNDS.accidentGrades.join("、")}`, en: `must be one of ${POLICY_BOUNDS.accidentGrades.join(", ")}` },
    });
  }
  const d = p.annualDeathsThreshold;
  if (!Number.isInteger(d) || d < POLICY_BOUNDS.annualDeathsMin || d > POLICY_BOUNDS.annualDeathsMax) {
    errors.push({
      path: "annualDeathsThreshold",
      message: {
        zh: `年度死亡人数门槛须为 ${POLICY_BOUNDS.annualDeathsMin} 至 ${POLICY_BOUNDS.annualDeathsMax} 之间的整数`,
        en: `must be an integer from ${POLICY_BOUNDS.annualDeathsMin} to ${POLICY_BOUNDS.annualDeathsMax}`,
      },
    });
  }
  const positive: (keyof BlacklistPolicy)[] = ["firstTermYears", "repeatTermYears", "inspectionIntervalMonths", "interviewIntervalMonths"];
  for (const k of positive) {
    const v = p[k];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) errors.push({ path: k, message: { zh: "须为正整数", en: "must be a positive integer" } });
  }
  if (p.repeatTermYears < p.firstTermYears) {
    errors.push({ path: "repeatTermYears", message: { zh: "再次列入的期限不得短于首次列入的期限", en: "must not be shorter than firstTermYears" } });
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Triggers

/** An accident for which the enterprise was found responsible at closure. */
export interface ResponsibleAccident {
  id: string;
  /** ISO 8601 instant; its Shanghai calendar year decides the annual-deaths year. */
  occurredAt: string;
  grade: AccidentGrade;
  /** Deaths incl. missing counted dead (accidents context). */
  statisticalDeaths: number;
}

export interface EvidenceRef {
  id: string;
}

/** A major hazard under listed supervision (挂牌督办). */
export interface SupervisedHazard {
  id: string;
  /** Supervision deadline, Shanghai date. */
  deadline: IsoDate;
  /** Set once the regulator wrote it off (核销). */
  writtenOffAt?: string | null;
  /** When the enterprise applied for review as fixed. */
  reviewRequestedAt?: string | null;
}

export interface LicenceEvent {
  id: string;
  /** Only `suspended` (暂扣) and `revoked` (吊销) list an enterprise; other kinds are ignored. */
  kind: string;
  /**
   * `major_hazard`: the hold on a safety production licence while production is suspended for a
   * listed major hazard (16号令). That is a supervision measure, not the penalty 14号 means by
   * "licence suspended or revoked", so it never lists; ignoring the hazard order does (its own trigger).
   */
  cause?: string;
}

export interface TriggerInput {
  enterpriseId: string;
  responsibleAccidents: readonly ResponsibleAccident[];
  /** Accidents confirmed concealed or falsified (瞒报/谎报), or evidence destroyed. */
  concealedAccidents: readonly EvidenceRef[];
  /** Supervised major hazards to check; only those past the deadline without write-off count. */
  overdueSupervisedHazards: readonly SupervisedHazard[];
  licenceEvents: readonly LicenceEvent[];
  /** Calendar year for the annual-deaths count. */
  year: number;
  /** The previous year, while its accidents are not yet settled (see yearSettled): counted on its own. */
  previousYear?: number;
  /** Shanghai date of the evaluation. */
  today: IsoDate;
}

export interface BlacklistTrigger {
  kind: BlacklistTriggerKind;
  /** Ids of the records that triggered it (accidents, hazards, licence events). */
  evidence: string[];
  /** Figures behind a threshold trigger, e.g. deaths and threshold. */
  detail?: Readonly<Record<string, string | number>>;
  /** Manual listings only. */
  reason?: string;
}

/**
 * The order to fix a major hazard counts as ignored once its supervision deadline has passed
 * (the day after it) without write-off, unless the enterprise applied for review by the
 * deadline: then the wait is the regulator's (review within 10 days, 总局令第16号), not defiance.
 */
export function isHazardOrderIgnored(h: SupervisedHazard, today: IsoDate): boolean {
  if (h.writtenOffAt != null) return false;
  if (today <= h.deadline) return false;
  if (h.reviewRequestedAt != null && toShanghaiDate(h.reviewRequestedAt) <= h.deadline) return false;
  return true;
}

/**
 * Every blacklist trigger the records support, with its evidence. Records are taken as given
 * (the caller picks the window); only the annual-deaths count is restricted to `year`.
 */
export function evaluateBlacklistTriggers(input: TriggerInput, policy: BlacklistPolicy = DEFAULT_BLACKLIST_POLICY): BlacklistTrigger[] {
  const triggers: BlacklistTrigger[] = [];

  const graveAccidents = input.responsibleAccidents.filter((a) => isGradeAtLeast(a.grade, policy.accidentGradeThreshold));
  if (graveAccidents.length > 0) {
    triggers.push({
      kind: "responsible_accident_grade",
      evidence: graveAccidents.map((a) => a.id),
      detail: { threshold: policy.accidentGradeThreshold },
    });
  }

  // Each year is counted on its own: accidents late in a year whose responsibility is settled after
  // 1 January still add up for their own year while that year is evaluated.
  for (const year of input.previousYear === undefined ? [input.year] : [input.previousYear, input.year]) {
    const inYear = input.responsibleAccidents.filter((a) => Number(shanghaiDate(a.occurredAt).slice(0, 4)) === year && a.statisticalDeaths > 0);
    const deaths = inYear.reduce((s, a) => s + a.statisticalDeaths, 0);
    if (deaths >= policy.annualDeathsThreshold) {
      triggers.push({
        kind: "annual_deaths",
        evidence: inYear.map((a) => a.id),
        detail: { year, deaths, threshold: policy.annualDeathsThreshold },
      });
    }
  }

  if (input.concealedAccidents.length > 0) {
    triggers.push({ kind: "concealed_accident", evidence: input.concealedAccidents.map((a) => a.id) });
  }

  const ignored = input.overdueSupervisedHazards.filter((h) => isHazardOrderIgnored(h, input.today));
  if (ignored.length > 0) triggers.push({ kind: "ignored_major_hazard_order", evidence: ignored.map((h) => h.id) });

  const licence = input.licenceEvents.filter((e) => isLicencePenaltyEvent(e));
  if (licence.length > 0) triggers.push({ kind: "licence_suspended_or_revoked", evidence: licence.map((e) => e.id) });

  return triggers;
}

/** A suspension (暂扣) or revocation (吊销) imposed as a penalty; the major-hazard hold is not one. */
export function isLicencePenaltyEvent(e: LicenceEvent): boolean {
  return (e.kind === "suspended" || e.kind === "revoked") && e.cause !== "major_hazard";
}

/**
 * Whether a year's accidents are settled, decided from the stored reports: every accident that
 * occurred in the year is closed. Closure records whether the enterprise was responsible (493号令
 * art. 19 ff.), and a closed report is read-only: no later casualty change, regrade or confirmation
 * of concealment can touch it. Until then, the year's responsible deaths and concealments may still
 * change, so the blacklist keeps evaluating it.
 */
export function yearSettled(accidents: readonly { occurredAt: string; status: string }[], year: number): boolean {
  return accidents.every((a) => Number(shanghaiDate(a.occurredAt).slice(0, 4)) !== year || a.status === "closed");
}

/** The most serious trigger kind present: the public reason category of a listing. */
export function primaryReason(triggers: readonly Pick<BlacklistTrigger, "kind">[]): BlacklistTriggerKind | null {
  return BLACKLIST_TRIGGER_KINDS.find((k) => triggers.some((t) => t.kind === k)) ?? null;
}

/**
 * The triggers that rest on at least one record not yet used as evidence of an earlier listing.
 * A listing consumes its evidence: once removed early or expired, the same accident or hazard
 * does not list the enterprise again; a new record does (a repeat listing). Where each record
 * triggers on its own (an accident of the grade, a concealed accident, a hazard, a licence event),
 * the evidence keeps the new records only; the annual-deaths count keeps every accident it sums.
 */
export function freshTriggers<T extends Pick<BlacklistTrigger, "kind" | "evidence">>(triggers: readonly T[], usedEvidence: Iterable<string>): T[] {
  const used = new Set(usedEvidence);
  const out: T[] = [];
  for (const t of triggers) {
    const fresh = t.evidence.filter((id) => !used.has(id));
    if (fresh.length === 0) continue;
    out.push(t.kind === "annual_deaths" || t.kind === "manual" ? t : { ...t, evidence: fresh });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Province-admin guard (manual listing, early removal)

export interface Actor {
  role: string;
  /** Absent for an admin without a regional scope (province-wide). */
  regionCode?: string | null;
}

export type GuardResult = { ok: true } | { ok: false; code: "not_province_admin" | "reason_required" | "not_listed"; message: string };

export function isProvinceAdmin(actor: Actor): boolean {
  return actor.role === EARLY_REMOVAL_ROLE && (actor.regionCode == null || actor.regionCode === HUBEI_PROVINCE_CODE);
}

function adminWithReason(actor: Actor, reason: string | null | undefined): GuardResult {
  if (!isProvinceAdmin(actor)) return { ok: false, code: "not_province_admin", message: "仅省级管理员可执行此操作" };
  if (reason == null || reason.trim() === "") return { ok: false, code: "reason_required", message: "必须填写理由" };
  return { ok: true };
}

/** A manual listing (other serious violations): province admin with a reason. */
export function manualListingTrigger(
  actor: Actor,
  reason: string,
  evidence: readonly string[] = [],
): { ok: true; trigger: BlacklistTrigger } | Extract<GuardResult, { ok: false }> {
  const g = adminWithReason(actor, reason);
  if (!g.ok) return g;
  return { ok: true, trigger: { kind: "manual", evidence: [...evidence], reason: reason.trim() } };
}

// ---------------------------------------------------------------------------------------------
// Term

export interface Listing {
  id: string;
  enterpriseId: string;
  /** Publication date: first listed day. */
  from: IsoDate;
  /** Last listed day, inclusive. */
  until: IsoDate;
  repeat: boolean;
  /** Early removal: not listed from this date on. */
  removedOn?: IsoDate | null;
  removalReason?: string | null;
}

export interface ListingTerm {
  from: IsoDate;
  until: IsoDate;
  repeat: boolean;
}

/**
 * Term from publication: 1 year, or 3 when listed before (14号, configurable). The last day
 * follows 民法典 art. 201–202: counting starts the day after publication and ends on the
 * corresponding day of the final month, or that month's last day when there is none
 * (published 2028-02-29 → until 2029-02-28).
 */
export function listingTerm(publishedOn: IsoDate, priorListings: number, policy: BlacklistPolicy = DEFAULT_BLACKLIST_POLICY): ListingTerm {
  if (!isIsoDate(publishedOn)) throw new RangeError(`not a date: ${publishedOn}`);
  if (!Number.isInteger(priorListings) || priorListings < 0) throw new RangeError(`priorListings must be a count: ${priorListings}`);
  const repeat = priorListings > 0;
  const years = repeat ? policy.repeatTermYears : policy.firstTermYears;
  return { from: publishedOn, until: addMonths(publishedOn, years * MONTHS_PER_YEAR), repeat };
}

export function isListed(listing: Pick<Listing, "from" | "until" | "removedOn">, today: IsoDate): boolean {
  if (listing.removedOn != null && listing.removedOn <= today) return false;
  return listing.from <= today && today <= listing.until;
}

/** The enterprise's listing in force today, if any (approval applications show a warning). */
export function activeListing<L extends Listing>(listings: readonly L[], today: IsoDate): L | null {
  return listings.find((l) => isListed(l, today)) ?? null;
}

/** Early removal: only a province admin with a reason, and only while listed. */
export function canRemoveEarly(actor: Actor, reason: string | null | undefined, listing: Listing, today: IsoDate): GuardResult {
  const g = adminWithReason(actor, reason);
  if (!g.ok) return g;
  if (!isListed(listing, today)) return { ok: false, code: "not_listed", message: "该企业当前不在黑名单中" };
  return { ok: true };
}

export function removeEarly<L extends Listing>(
  listing: L,
  actor: Actor,
  reason: string,
  today: IsoDate,
): { ok: true; listing: L } | Extract<GuardResult, { ok: false }> {
  const g = canRemoveEarly(actor, reason, listing, today);
  if (!g.ok) return g;
  return { ok: true, listing: { ...listing, removedOn: today, removalReason: reason.trim() } };
}

// ---------------------------------------------------------------------------------------------
// Publication (lists are published quarterly)

/** The quarterly publication a date belongs to, e.g. "2026Q4". */
export function publicationQuarter(date: string | Date): string {
  return shanghaiQuarter(date);
}

/** Whether a listing was published in the quarter ("2026Q4" or a parsed reference). */
export function publishedInQuarter(listing: Pick<Listing, "from">, quarter: string | QuarterRef): boolean {
  const ref = typeof quarter === "string" ? parseQuarter(quarter) : quarter;
  return ref !== null && publicationQuarter(listing.from) === formatQuarter(ref);
}

/** What the public blacklist shows: nothing but these fields. */
export interface PublicBlacklistEntry {
  name: string;
  uscc: string;
  reasonCategory: BlacklistTriggerKind | null;
  reason: string | null;
  listedFrom: IsoDate;
  listedUntil: IsoDate;
}

export function publicBlacklistEntry(
  listing: Pick<Listing, "from" | "until"> & { triggers: readonly Pick<BlacklistTrigger, "kind">[] },
  enterprise: { name: string; uscc: string },
): PublicBlacklistEntry {
  const kind = primaryReason(listing.triggers);
  return {
    name: enterprise.name,
    uscc: enterprise.uscc,
    reasonCategory: kind,
    reason: kind === null ? null : BLACKLIST_REASON_NAME_ZH[kind],
    listedFrom: listing.from,
    listedUntil: listing.until,
  };
}

// ---------------------------------------------------------------------------------------------
// Supervision tasks for listed enterprises

export interface SupervisionTask {
  kind: "inspection" | "interview";
  listingId: string;
  enterpriseId: string;
  /** 1-based window number within the listing. */
  sequence: number;
  /** First day of the window. */
  opensOn: IsoDate;
  /** The task must be done by this day (end of the window, never after the listing ends). */
  dueOn: IsoDate;
  /** Stable key for idempotent creation: `${listingId}#${kind}#${sequence}`. */
  taskKey: string;
}

function tasks(kind: SupervisionTask["kind"], listing: Listing, today: IsoDate, intervalMonths: number): SupervisionTask[] {
  const out: SupervisionTask[] = [];
  for (let k = 1; ; k++) {
    // Each window counts from the listing date, so month-end clamping never drifts.
    const opensOn = addMonths(listing.from, (k - 1) * intervalMonths);
    if (opensOn > today || opensOn >= listing.until) break;
    if (listing.removedOn != null && opensOn >= listing.removedOn) break;
    const end = addMonths(listing.from, k * intervalMonths);
    out.push({
      kind,
      listingId: listing.id,
      enterpriseId: listing.enterpriseId,
      sequence: k,
      opensOn,
      // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as strings, not numbers
      dueOn: end < listing.until ? end : listing.until,
      taskKey: `${listing.id}#${kind}#${k}`,
    });
  }
  return out;
}

/** Inspection tasks opened so far: one per 6-month window from listing (14号, configurable). */
export function dueInspectionTasks(listing: Listing, today: IsoDate, policy: BlacklistPolicy = DEFAULT_BLACKLIST_POLICY): SupervisionTask[] {
  return tasks("inspection", listing, today, policy.inspectionIntervalMonths);
}

/** Interview (约谈) tasks opened so far: one per year of listing (14号, configurable). */
export function dueInterviews(listing: Listing, today: IsoDate, policy: BlacklistPolicy = DEFAULT_BLACKLIST_POLICY): SupervisionTask[] {
  return tasks("interview", listing, today, policy.interviewIntervalMonths);
}

// ---------------------------------------------------------------------------------------------
// Violations (违法行为信息库)

export interface PenaltyInput {
  kind: string;
  /** Integer yuan; required for a fine, optional alongside other penalties (并处罚款). */
  amountYuan?: number | null;
}

export function isPenaltyKind(kind: string): kind is PenaltyKind {
  return (PENALTY_KINDS as readonly string[]).includes(kind);
}

/** Field problems of a penalty, as `{ path, message }` (empty when valid). */
export function validatePenalty(p: PenaltyInput): { path: string; message: { zh: string; en: string } }[] {
  const errors: { path: string; message: { zh: string; en: string } }[] = [];
  if (!isPenaltyKind(p.kind)) {
    errors.push({ path: "kind", message: { zh: `处罚种类须为以下之一：${PENALTY_KINDS.join("、")}`, en: `the penalty kind must be one of: ${PENALTY_KINDS.join(", ")}` } });
  }
  const a = p.amountYuan;
  if (a != null && !(Number.isSafeInteger(a) && a >= 0)) {
    errors.push({ path: "amountYuan", message: { zh: "罚款金额须为非负整数（元）", en: "the fine must be a whole number of yuan, not negative" } });
  } else if (p.kind === "fine" && !(a != null && a > 0)) {
    errors.push({ path: "amountYuan", message: { zh: "罚款须填写金额", en: "a fine needs its amount" } });
  }
  return errors;
}

/** A suspended or revoked licence is itself a blacklist trigger (14号). */
export function isLicencePenalty(kind: PenaltyKind): boolean {
  return LICENCE_PENALTIES.includes(kind);
}
