// Credit and blacklist (安委办〔2015〕14号): configuration seeds.
// The defaults are the notice's; a province may tighten them within the bounds below.
//
// Exports:
//   BlacklistPolicy, DEFAULT_BLACKLIST_POLICY, POLICY_BOUNDS
//   BlacklistTriggerKind, BLACKLIST_TRIGGER_KINDS, BLACKLIST_REASON_NAME_ZH
//   PenaltyKind, PENALTY_KINDS, PENALTY_KIND_NAME_ZH, LICENCE_PENALTIES
//   EARLY_REMOVAL_ROLE

import type { AccidentGrade } from "../accidents/public.js";

export interface BlacklistPolicy {
  /** A responsible accident of this grade or above lists the enterprise (14号: 重大; may be 较大). */
  accidentGradeThreshold: AccidentGrade;
  /** Responsible-accident (statistical) deaths in a calendar year that list it (14号: 10; may be 3). */
  annualDeathsThreshold: number;
  /** Term of a first listing, in years from publication. */
  firstTermYears: number;
  /** Term when the enterprise has been listed before. */
  repeatTermYears: number;
  /** Listed enterprises get an inspection at least this often. */
  inspectionIntervalMonths: number;
  /** …and an interview (约谈) at least this often. */
  interviewIntervalMonths: number;
}

export const DEFAULT_BLACKLIST_POLICY: BlacklistPolicy = {
  accidentGradeThreshold: "major",
  annualDeathsThreshold: 10,
  firstTermYears: 1,
  repeatTermYears: 3,
  inspectionIntervalMonths: 6,
  interviewIntervalMonths: 12,
};

/**
 * How far a province may move the policy: the notice lets it lower the accident threshold to
 * 较大 and the death threshold to 3, never loosen them beyond the national 重大 / 10.
 */
export const POLICY_BOUNDS = {
  accidentGrades: ["larger", "major"] as readonly AccidentGrade[],
  annualDeathsMin: 3,
  annualDeathsMax: 10,
} as const;

/** Most serious first: the first present trigger is the public reason category. */
export const BLACKLIST_TRIGGER_KINDS = [
  "responsible_accident_grade",
  "annual_deaths",
  "concealed_accident",
  "ignored_major_hazard_order",
  "licence_suspended_or_revoked",
  "manual",
] as const;
export type BlacklistTriggerKind = (typeof BLACKLIST_TRIGGER_KINDS)[number];

/** Public reason categories (the blacklist shows these, nothing private). */
export const BLACKLIST_REASON_NAME_ZH: Readonly<Record<BlacklistTriggerKind, string>> = {
  responsible_accident_grade: "发生负有责任的重大及以上生产安全事故",
  annual_deaths: "一年内累计发生负有责任的生产安全事故死亡人数达到规定数量",
  concealed_accident: "瞒报、谎报、迟报生产安全事故或破坏事故现场、毁灭有关证据",
  ignored_major_hazard_order: "重大事故隐患拒不整改",
  licence_suspended_or_revoked: "安全生产许可证被暂扣或吊销",
  manual: "其他严重违法违规行为",
};

export const PENALTY_KINDS = [
  "warning",
  "fine",
  "suspend_for_rectification",
  "licence_suspended",
  "licence_revoked",
  "closure",
  "other",
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export const PENALTY_KIND_NAME_ZH: Readonly<Record<PenaltyKind, string>> = {
  warning: "警告",
  fine: "罚款",
  suspend_for_rectification: "责令停产停业整顿",
  licence_suspended: "暂扣许可证",
  licence_revoked: "吊销许可证",
  closure: "关闭",
  other: "其他",
};

/** Penalties that are themselves a blacklist trigger (licence suspended or revoked). */
export const LICENCE_PENALTIES: readonly PenaltyKind[] = ["licence_suspended", "licence_revoked"];

/** Manual listing and early removal are for a province administrator with a reason. */
export const EARLY_REMOVAL_ROLE = "admin";
