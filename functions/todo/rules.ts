// What a to-do item is and when it is due: pure, no AWS. The deadlines themselves come from the
// contexts that own them (hazards: 16号令 art.14, 23; accidents: 493号令 art.11; approvals:
// 安全生产许可证条例 art.9; credit: 安委办〔2015〕14号); this file only ranks and words them.
import { addDays, daysBetween, type IsoDate, shanghaiDate, shanghaiEndOf } from "../../shared/time.js";

export const TODO_KINDS = ["accident_forward", "application", "hazard_review", "hazard_rectification", "hazard_filing", "inspection_task", "licence_expiry"] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** At most this many items of each kind are listed; the count says how many there are. */
export const MAX_PER_KIND = 20;

/** How far ahead each kind is listed (days from today, Asia/Shanghai); overdue items are always listed. */
export const HORIZON_DAYS: Readonly<Record<TodoKind, number>> = {
  accident_forward: 0,
  // An officer's whole queue is listed: every open application runs on a statutory clock.
  application: 0,
  hazard_review: 10,
  hazard_rectification: 7,
  hazard_filing: 31,
  inspection_task: 30,
  // Renewal is applied for 3 months before expiry (安全生产许可证条例 art.9).
  licence_expiry: 90,
};

/** How long before its deadline an item is reminded (hours): once per item and deadline. */
export const REMIND_HOURS_BEFORE: Readonly<Record<TodoKind, number>> = {
  accident_forward: 1,
  application: 48,
  hazard_review: 72,
  hazard_rectification: 72,
  hazard_filing: 120,
  inspection_task: 168,
  licence_expiry: 30 * 24,
};

export const horizon = (kind: TodoKind, today: IsoDate): IsoDate => addDays(today, HORIZON_DAYS[kind]);

export interface TodoRecord {
  type: "hazard" | "accident" | "application" | "hazard_filing" | "licence" | "inspection_task";
  id: string;
  /** The API path that reads the record. */
  path: string;
}

export interface TodoItem {
  kind: TodoKind;
  title: string;
  record: TodoRecord;
  /** Where the record lies (absent on an enterprise's own filings and licences). */
  regionCode?: string;
  enterpriseId?: string;
  /** ISO instant (UTC). */
  deadline: string;
  overdue: boolean;
  /** Shanghai calendar days from today to the deadline's day; negative once overdue. */
  daysLeft: number;
  /** Whole hours left (towards zero); negative once overdue. */
  hoursLeft: number;
  /** Applications: working days left on the decision clock (行政许可法 art.82), null before acceptance. */
  workingDaysLeft?: number | null;
}

const HOUR_MS = 3_600_000;

/** A deadline given as a date runs to the end of that day (Asia/Shanghai). */
export const endOfDay = (date: IsoDate): string => shanghaiEndOf(date).toISOString();

export function timeLeft(deadline: string, now: Date): Pick<TodoItem, "overdue" | "daysLeft" | "hoursLeft"> {
  const ms = new Date(deadline).getTime() - now.getTime();
  return { overdue: ms < 0, daysLeft: daysBetween(shanghaiDate(now), shanghaiDate(deadline)), hoursLeft: Math.trunc(ms / HOUR_MS) || 0 };
}

export function item(fields: Omit<TodoItem, "overdue" | "daysLeft" | "hoursLeft">, now: Date): TodoItem {
  return { ...fields, ...timeLeft(fields.deadline, now) };
}

/** Most urgent first: by deadline, then by kind's order, then id (a stable order). */
export function byUrgency(a: TodoItem, b: TodoItem): number {
  return a.deadline.localeCompare(b.deadline) || TODO_KINDS.indexOf(a.kind) - TODO_KINDS.indexOf(b.kind) || a.record.id.localeCompare(b.record.id);
}

/** Is a reminder due: within the kind's lead time before the deadline, and not yet past it. */
export function reminderDue(i: Pick<TodoItem, "kind" | "deadline">, now: Date): boolean {
  const ms = new Date(i.deadline).getTime() - now.getTime();
  return ms >= 0 && ms <= REMIND_HOURS_BEFORE[i.kind] * HOUR_MS;
}
