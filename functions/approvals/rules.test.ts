import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, daysBetween, weekday } from "../../shared/time.js";
import {
  ACCEPTANCE_NOTICE_WORKING_DAYS,
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  APPROVAL_FEE_YUAN,
  DECISION_LIMIT_WORKING_DAYS,
  DELIVERY_WORKING_DAYS,
  EXPIRY_WARNING_DAYS,
  EXTENSION_WORKING_DAYS,
  LICENCE_ACTIONS,
  LICENCE_STATUSES,
  RENEWAL_WINDOW_MONTHS,
  SAFETY_LICENCE_DECISION_LIMIT_WORKING_DAYS,
  FIREWORKS_WHOLESALE_DECISION_LIMIT_WORKING_DAYS,
  DECISION_LIMITS,
  SAFETY_LICENCE_VALIDITY_YEARS,
  STAGE_NAMES,
  acceptanceNoticeDeadline,
  addWorkingDays,
  allowedActions,
  allowedLicenceActions,
  canExtendWithoutReview,
  checkGuards,
  computeClock,
  deadlineFlag,
  deemedAcceptance,
  deliveryDueDate,
  expiringWithin,
  isWorkingDay,
  licenceTransition,
  licenceValidTo,
  nearDeadline,
  pausedDateSet,
  renewalDecision,
  renewalWindowOpen,
  renewalWindowOpensOn,
  renewedValidTo,
  shouldExpire,
  transition,
  validateApprovalItem,
  validateYearCalendar,
  workingDaysBetween,
  type ApplicationAction,
  type ApplicationState,
  type Calendars,
  type ClockInput,
  type DelegationState,
  hadFatalAccident,
  holderOf,
  isSafetyProductionLicence,
  type Issuer,
  licenceNumber,
  officerAuthority,
  powerList,
} from "./rules.js";
import type { Application } from "./schemas.js";
import { applicationClock, applyAction, deemIfDue, type StepContext } from "./workflow.js";
import { CALENDAR_2025, CALENDAR_2026, STATE_COUNCIL_CALENDARS } from "./calendar-data.js";
import { APPROVAL_CATALOGUE, CATEGORIES, PROVINCIAL_ITEMS } from "./catalogue-data.js";

const CAL: Calendars = STATE_COUNCIL_CALENDARS;
const NONE: Calendars = [];

// ---------------------------------------------------------------------------------------------
describe("State Council calendar data (行政许可法 art. 82: periods exclude statutory holidays)", () => {
  it("both shipped years validate and cite their notice", () => {
    for (const c of STATE_COUNCIL_CALENDARS) {
      expect(validateYearCalendar(c)).toEqual([]);
      expect(c.source).toMatch(/国务院办公厅关于\d{4}年部分节假日安排的通知/);
    }
    expect(STATE_COUNCIL_CALENDARS.map((c) => c.year)).toEqual([2025, 2026]);
  });

  it.each([
    // 2026 Spring Festival: 2-15..2-23 off, Saturdays 2-14 and 2-28 worked.
    ["2026-02-13", true],
    ["2026-02-14", true],
    ["2026-02-15", false],
    ["2026-02-23", false],
    ["2026-02-24", true],
    ["2026-02-28", true],
    ["2026-03-01", false],
    // 2026 Mid-Autumn 9-25..9-27 (Fri–Sun) and National Day 10-1..10-7; Sun 9-20 and Sat 10-10 worked.
    ["2026-09-19", false],
    ["2026-09-20", true],
    ["2026-09-24", true],
    ["2026-09-25", false],
    ["2026-09-27", false],
    ["2026-09-28", true],
    ["2026-10-01", false],
    ["2026-10-07", false],
    ["2026-10-08", true],
    ["2026-10-10", true],
    ["2026-10-11", false],
    // 2025 National Day with Mid-Autumn: 10-1..10-8 off, Sun 9-28 and Sat 10-11 worked.
    ["2025-09-28", true],
    ["2025-10-08", false],
    ["2025-10-11", true],
    // 2026 New Year: 1-1..1-3 off, Sun 1-4 worked.
    ["2026-01-02", false],
    ["2026-01-04", true],
  ])("%s working=%s", (date, working) => {
    expect(isWorkingDay(date, CAL)).toEqual({ working, fallback: false });
  });

  it("2026 National Day's make-up days are a Sunday and a Saturday", () => {
    expect(weekday("2026-09-20")).toBe(0);
    expect(weekday("2026-10-10")).toBe(6);
    expect(CALENDAR_2026.makeUpWorkdays).toEqual(expect.arrayContaining(["2026-09-20", "2026-10-10"]));
    expect(CALENDAR_2025.holidays).toHaveLength(28);
  });

  it("a year without data falls back to weekends and says so", () => {
    expect(isWorkingDay("2027-10-01", CAL)).toEqual({ working: true, fallback: true });
    expect(isWorkingDay("2027-10-02", CAL)).toEqual({ working: false, fallback: true });
    // Without calendars the 2026 holiday is a plain Thursday.
    expect(isWorkingDay("2026-10-01", NONE)).toEqual({ working: true, fallback: true });
  });

  it("validateYearCalendar rejects weekday make-up days, overlaps, wrong years and no source", () => {
    const problems = validateYearCalendar({
      year: 2027,
      source: " ",
      holidays: ["2027-10-01", "2027-10-01", "2026-10-01", "2027-13-01", "2027-10-02"],
      makeUpWorkdays: ["2027-10-04", "2027-10-02"],
    });
    for (const p of problems) expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
    const errors = problems.map((p) => p.message.en);
    expect(errors.join("\n")).toMatch(/source is required/);
    expect(errors.join("\n")).toMatch(/duplicate 2027-10-01/);
    expect(errors.join("\n")).toMatch(/2026-10-01 is not in 2027/);
    expect(errors.join("\n")).toMatch(/not a date: 2027-13-01/);
    expect(errors.join("\n")).toMatch(/2027-10-04 is not a Saturday or Sunday/);
    expect(errors.join("\n")).toMatch(/2027-10-02 is both a holiday and a make-up/);
  });
});

// ---------------------------------------------------------------------------------------------
describe("working-day arithmetic (行政许可法 art. 82)", () => {
  it.each([
    // [start, n, expected, why]
    ["2026-09-18", 20, "2026-10-22", "20 days across Mid-Autumn and National Day, counting Sun 9-20 and Sat 10-10"],
    ["2026-09-24", 1, "2026-09-28", "Mid-Autumn 9-25..27 skipped"],
    ["2026-09-30", 1, "2026-10-08", "National Day 10-1..7 skipped"],
    ["2026-10-09", 1, "2026-10-10", "Saturday 10-10 is a make-up working day"],
    ["2026-09-19", 1, "2026-09-20", "Sunday 9-20 is a make-up working day"],
    ["2026-02-13", 20, "2026-03-19", "Spring Festival 2026 with make-up Saturdays 2-14 and 2-28"],
    ["2025-12-31", 3, "2026-01-06", "year boundary: New Year 1-1..3 off, Sunday 1-4 worked"],
    ["2025-09-26", 4, "2025-10-09", "2025 National Day: Sun 9-28 worked, 10-1..8 off"],
    ["2026-09-18", 0, "2026-09-18", "n = 0 is the start day"],
  ])("from %s, %i working days → %s (%s)", (start, n, expected) => {
    expect(addWorkingDays(start, n, CAL)).toEqual({ date: expected, fallbackYears: [] });
  });

  it("the start day never counts, even when it is a working day", () => {
    expect(isWorkingDay("2026-09-21", CAL).working).toBe(true);
    expect(addWorkingDays("2026-09-21", 1, CAL).date).toBe("2026-09-22");
    expect(workingDaysBetween("2026-09-21", "2026-09-21", CAL).days).toBe(0);
  });

  it("without the calendar the same 20 days end a week earlier and report the fallback year", () => {
    expect(addWorkingDays("2026-09-18", 20, NONE)).toEqual({ date: "2026-10-16", fallbackYears: [2026] });
  });

  it("a period running into 2027 (no data) reports 2027 as fallback", () => {
    const r = addWorkingDays("2026-12-28", 10, CAL);
    expect(r.fallbackYears).toEqual([2027]);
    expect(r.date).toBe("2027-01-11");
  });

  it("paused dates are skipped like holidays (art. 45)", () => {
    const paused = new Set(["2026-09-21", "2026-09-22"]);
    expect(addWorkingDays("2026-09-18", 20, CAL, paused).date).toBe("2026-10-26");
    expect(workingDaysBetween("2026-09-18", "2026-09-24", CAL, paused).days).toBe(3);
  });

  it("rejects a negative or fractional count and bad dates", () => {
    expect(() => addWorkingDays("2026-09-18", -1, CAL)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-09-18", 1.5, CAL)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-02-30", 1, CAL)).toThrow(RangeError);
  });

  const date = fc
    .integer({ min: 0, max: 2 * 365 + 200 })
    .map((d) => addDays("2025-01-01", d));

  it("property: workingDaysBetween inverts addWorkingDays, the result is a working day after the start", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 80 }), fc.boolean(), (start, n, withCal) => {
        const cals = withCal ? CAL : NONE;
        const r = addWorkingDays(start, n, cals);
        expect(r.date > start).toBe(true);
        expect(isWorkingDay(r.date, cals).working).toBe(true);
        expect(workingDaysBetween(start, r.date, cals).days).toBe(n);
        expect(workingDaysBetween(start, addDays(r.date, -1), cals).days).toBe(n - 1);
      }),
    );
  });

  it("property: more working days never end earlier; pauses never make a period end earlier", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 10 }), (start, n, offset, len) => {
        const a = addWorkingDays(start, n, CAL).date;
        const b = addWorkingDays(start, n + 1, CAL).date;
        expect(b > a).toBe(true);
        const pFrom = addDays(start, offset);
        const paused = pausedDateSet([{ from: pFrom, to: addDays(pFrom, len) }], start);
        expect(addWorkingDays(start, n, CAL, paused).date >= a).toBe(true);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe("application workflow (transition table)", () => {
  it.each<[ApplicationState, ApplicationAction, ApplicationState]>([
    ["draft", "submit", "submitted"],
    ["submitted", "accept", "under_review"],
    ["submitted", "deem-accept", "under_review"],
    ["submitted", "notify-missing", "missing_materials"],
    ["missing_materials", "submit", "submitted"],
    ["submitted", "decline", "declined"],
    ["under_review", "review-pass", "reviewed"],
    ["under_review", "pause", "paused"],
    ["paused", "resume", "under_review"],
    ["under_review", "extend", "under_review"],
    ["paused", "extend", "paused"],
    ["reviewed", "extend", "reviewed"],
    ["reviewed", "approve", "approved"],
    ["reviewed", "refuse", "refused"],
    ["approved", "issue", "issued"],
  ])("%s --%s--> %s", (state, action, next) => {
    expect(transition(state, action)).toEqual({ ok: true, next });
  });

  it.each<[ApplicationState, ApplicationAction, ApplicationAction[]]>([
    ["reviewed", "pause", ["extend", "approve", "refuse"]],
    ["under_review", "approve", ["review-pass", "pause", "extend"]],
    ["paused", "review-pass", ["resume", "extend"]],
    ["submitted", "review-pass", ["accept", "notify-missing", "decline", "deem-accept"]],
    ["missing_materials", "accept", ["submit"]],
    ["approved", "refuse", ["issue"]],
    ["issued", "issue", []],
    ["declined", "accept", []],
    ["refused", "approve", []],
  ])("%s cannot %s; the error names the allowed actions", (state, action, allowed) => {
    expect(transition(state, action)).toEqual({ ok: false, error: "illegal_action", state, action, allowed });
  });

  it("property: transition succeeds exactly for allowedActions(state)", () => {
    for (const s of APPLICATION_STATES)
      for (const a of APPLICATION_ACTIONS) expect(transition(s, a).ok).toBe(allowedActions(s).includes(a));
  });

  it("every state is reachable from draft and only declined, refused and issued are terminal", () => {
    const seen = new Set<ApplicationState>(["draft"]);
    const queue: ApplicationState[] = ["draft"];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of allowedActions(s)) {
        const r = transition(s, a);
        if (r.ok && !seen.has(r.next)) {
          seen.add(r.next);
          queue.push(r.next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...APPLICATION_STATES].sort());
    expect(APPLICATION_STATES.filter((s) => allowedActions(s).length === 0)).toEqual(["declined", "refused", "issued"]);
  });
});

describe("guards", () => {
  const codes = (a: ApplicationAction, ctx: Parameters<typeof checkGuards>[1]) => checkGuards(a, ctx).map((v) => v.code);

  it("separation of duties: the officer who passed the review cannot approve or refuse", () => {
    for (const a of ["approve", "refuse"] as const) {
      expect(codes(a, { actorId: "o1", reviewPassedBy: "o1", reason: "ok" })).toEqual(["separation_of_duties"]);
      expect(codes(a, { actorId: "o2", reviewPassedBy: "o1", reason: "ok" })).toEqual([]);
      expect(codes(a, { actorId: "o2", reviewPassedBy: null, reason: "ok" })).toEqual(["separation_of_duties"]);
    }
  });

  it("行政许可法 art. 42: extension needs the head, only once, before the period runs out, with a reason", () => {
    expect(codes("extend", { actorId: "h", isHead: true, reason: "现场核查复杂" })).toEqual([]);
    expect(codes("extend", { actorId: "o", isHead: false, reason: "x" })).toEqual(["head_required"]);
    expect(codes("extend", { actorId: "h", isHead: true, extended: true, reason: "x" })).toEqual(["already_extended"]);
    expect(codes("extend", { actorId: "h", isHead: true, clockOverdue: true, reason: "x" })).toEqual(["extension_too_late"]);
    expect(codes("extend", { actorId: "h", isHead: true, reason: "  " })).toEqual(["reason_required"]);
  });

  it.each(["decline", "pause", "extend", "approve", "refuse"] as const)("%s needs a reason", (a) => {
    expect(codes(a, { actorId: "o2", isHead: true, reviewPassedBy: "o1" })).toContain("reason_required");
  });

  it("accept, review-pass, resume and issue need no reason", () => {
    for (const a of ["accept", "review-pass", "resume", "issue"] as const) expect(codes(a, { actorId: "o" })).toEqual([]);
  });

  it("行政许可法 art. 32: notify-missing lists every missing material in one notice", () => {
    expect(codes("notify-missing", { actorId: "o", missingMaterials: [] })).toEqual(["missing_list_required"]);
    expect(codes("notify-missing", { actorId: "o", missingMaterials: [" "] })).toEqual(["missing_list_required"]);
    const required = ["申请书", "营业执照", "安全评价报告", "应急预案"];
    const provided = ["申请书"];
    const partial = checkGuards("notify-missing", { actorId: "o", missingMaterials: ["营业执照"], requiredMaterials: required, providedMaterials: provided });
    expect(partial).toEqual([expect.objectContaining({ code: "missing_list_incomplete", omitted: ["安全评价报告", "应急预案"] })]);
    expect(
      codes("notify-missing", { actorId: "o", missingMaterials: ["营业执照", "安全评价报告", "应急预案"], requiredMaterials: required, providedMaterials: provided }),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe("acceptance notice (行政许可法 art. 32: 一次性告知 within 5 days, else deemed accepted)", () => {
  it("the 5-day constant", () => expect(ACCEPTANCE_NOTICE_WORKING_DAYS).toBe(5));

  it("submitted before National Day 2026: the notice is due on Mon 10-12 (Sat 10-10 counts)", () => {
    // 9-30 (1), 10-8 (2), 10-9 (3), 10-10 make-up Saturday (4), 10-12 (5).
    expect(acceptanceNoticeDeadline("2026-09-29", CAL).date).toBe("2026-10-12");
    expect(deemedAcceptance("2026-09-29", "2026-10-12", CAL)).toBeNull();
    expect(deemedAcceptance("2026-09-29", "2026-10-13", CAL)).toBe("2026-09-29");
  });

  it("submitted on the eve of Mid-Autumn: holidays do not eat the 5 days", () => {
    // 9-28 (1), 9-29 (2), 9-30 (3), 10-8 (4), 10-9 (5).
    expect(acceptanceNoticeDeadline("2026-09-24", CAL).date).toBe("2026-10-09");
    expect(deemedAcceptance("2026-09-24", "2026-10-07", CAL)).toBeNull();
    expect(deemedAcceptance("2026-09-24", "2026-10-10", CAL)).toBe("2026-09-24");
  });
});

// ---------------------------------------------------------------------------------------------
describe("the decision clock", () => {
  const base: ClockInput = { acceptedOn: "2026-09-18", limitDays: DECISION_LIMIT_WORKING_DAYS, today: "2026-09-18", calendars: CAL };

  it("行政许可法 art. 42: 20 working days; acceptance day does not count", () => {
    expect(DECISION_LIMIT_WORKING_DAYS).toBe(20);
    expect(computeClock(base)).toEqual({
      acceptedOn: "2026-09-18",
      dueDate: "2026-10-22",
      limitDays: 20,
      extensionDays: 0,
      workingDaysUsed: 0,
      workingDaysLeft: 20,
      paused: false,
      overdue: false,
      fallbackYears: [],
    });
  });

  it.each([
    // today, used, left, near, overdue
    ["2026-09-20", 1, 19, false, false], // make-up Sunday is day 1
    ["2026-09-27", 5, 15, false, false], // Mid-Autumn adds nothing
    ["2026-10-07", 8, 12, false, false], // National Day adds nothing
    ["2026-10-10", 11, 9, false, false], // make-up Saturday counts
    ["2026-10-16", 16, 4, false, false],
    ["2026-10-19", 17, 3, true, false],
    ["2026-10-22", 20, 0, true, false], // due date: still in time
    ["2026-10-23", 21, 0, false, true],
  ])("2026 Mid-Autumn/National Day: on %s used %i, left %i, near=%s, overdue=%s", (today, used, left, near, overdue) => {
    const c = computeClock({ ...base, today });
    expect([c.workingDaysUsed, c.workingDaysLeft, nearDeadline(c), c.overdue]).toEqual([used, left, near, overdue]);
    expect(deadlineFlag(c)).toBe(overdue ? "overdue" : near ? "near" : null);
  });

  it("行政许可法 art. 42: extension adds 10 working days once", () => {
    expect(EXTENSION_WORKING_DAYS).toBe(10);
    const c = computeClock({ ...base, extensionDays: EXTENSION_WORKING_DAYS, today: "2026-10-23" });
    expect(c.dueDate).toBe("2026-11-05");
    expect(c.overdue).toBe(false);
    expect(c.workingDaysLeft).toBe(9);
  });

  it("安全生产许可证条例 art. 7: 45 working days for the safety production licence", () => {
    expect(SAFETY_LICENCE_DECISION_LIMIT_WORKING_DAYS).toBe(45);
    const c = computeClock({ acceptedOn: "2026-08-31", limitDays: SAFETY_LICENCE_DECISION_LIMIT_WORKING_DAYS, today: "2026-08-31", calendars: CAL });
    expect(c.dueDate).toBe("2026-11-06");
  });

  it("行政许可法 art. 45: a closed pause [from, to) excludes its first day, not the resume day", () => {
    // Paused Mon 9-21, resumed Wed 9-23: 9-21 and 9-22 do not count.
    const c = computeClock({ ...base, pauses: [{ from: "2026-09-21", to: "2026-09-23" }], today: "2026-09-23" });
    expect(c.workingDaysUsed).toBe(2); // 9-20 and 9-23
    expect(c.dueDate).toBe("2026-10-26");
    expect(c.paused).toBe(false);
  });

  it("a pause resumed the same day excludes nothing", () => {
    const c = computeClock({ ...base, pauses: [{ from: "2026-09-21", to: "2026-09-21" }], today: "2026-10-22" });
    expect(c.dueDate).toBe("2026-10-22");
    expect(c.workingDaysUsed).toBe(20);
  });

  it("an open pause across National Day make-up Saturday stops the clock and projects the due date", () => {
    const c = computeClock({ ...base, pauses: [{ from: "2026-10-10" }], today: "2026-10-14" });
    // Counted: 9-20..24 (5), 9-28..30 (3), 10-8, 10-9 (2) = 10; 10-10..10-14 paused.
    expect(c.paused).toBe(true);
    expect(c.workingDaysUsed).toBe(10);
    expect(c.workingDaysLeft).toBe(10);
    expect(c.dueDate).toBe("2026-10-28"); // 10 working days after 10-14
    expect(nearDeadline({ ...c, workingDaysLeft: 1 })).toBe(false); // a stopped clock is not counted down
  });

  it("a decided application's clock is frozen at the decision date", () => {
    const c = computeClock({ ...base, today: "2027-01-05", decidedOn: "2026-10-21" });
    expect([c.workingDaysUsed, c.overdue, c.paused]).toEqual([19, false, false]);
    expect(computeClock({ ...base, today: "2027-01-05", decidedOn: "2026-10-26" }).overdue).toBe(true);
  });

  it("reports fallback years when the period runs into a year with no calendar", () => {
    const c = computeClock({ acceptedOn: "2026-12-15", limitDays: 20, today: "2026-12-16", calendars: CAL });
    expect(c.fallbackYears).toEqual([2027]);
  });

  it("rejects bad limits and inverted pauses", () => {
    expect(() => computeClock({ ...base, limitDays: 0 })).toThrow(RangeError);
    expect(() => computeClock({ ...base, extensionDays: -1 })).toThrow(RangeError);
    expect(() => computeClock({ ...base, pauses: [{ from: "2026-09-23", to: "2026-09-21" }] })).toThrow(RangeError);
  });

  it("property: used + left = limit + extension while not overdue; due date is the working day where left hits 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 60 }), fc.boolean(), (acc, elapsed, ext) => {
        const acceptedOn = addDays("2025-09-01", acc);
        const input: ClockInput = { acceptedOn, limitDays: 20, extensionDays: ext ? 10 : 0, today: addDays(acceptedOn, elapsed), calendars: CAL };
        const c = computeClock(input);
        if (!c.overdue) expect(c.workingDaysUsed + c.workingDaysLeft).toBe(ext ? 30 : 20);
        const atDue = computeClock({ ...input, today: c.dueDate });
        expect([atDue.workingDaysLeft, atDue.overdue]).toEqual([0, false]);
        expect(computeClock({ ...input, today: addDays(c.dueDate, 1) }).overdue).toBe(true);
      }),
    );
  });
});

describe("delivery (行政许可法 art. 44: licence served within 10 working days of the decision)", () => {
  it("approved Thu 2026-09-24: due Thu 10-15 across Mid-Autumn, National Day and Sat 10-10", () => {
    expect(DELIVERY_WORKING_DAYS).toBe(10);
    expect(deliveryDueDate("2026-09-24", CAL)).toEqual({ date: "2026-10-15", fallbackYears: [] });
  });
});

// ---------------------------------------------------------------------------------------------
describe("licences (安全生产许可证条例 art. 9)", () => {
  it.each([
    ["2026-03-15", 3, "2029-03-14"],
    ["2025-03-01", 3, "2028-02-29"], // day before a leap-year 1 March
    ["2024-02-29", 3, "2027-02-28"], // a 29 Feb start ends on 28 Feb
    ["2026-01-01", 3, "2028-12-31"],
    ["2026-01-01", 6, "2031-12-31"],
  ])("valid from %s for %i years → validTo %s (day before the anniversary)", (from, years, to) => {
    expect(licenceValidTo(from, years)).toBe(to);
  });

  it("art. 9: valid 3 years; extension by 3 years starts the day after validTo", () => {
    expect(SAFETY_LICENCE_VALIDITY_YEARS).toBe(3);
    expect(renewedValidTo("2029-03-14")).toBe("2032-03-14");
  });

  it("property: validity spans whole years and consecutive periods chain with no gap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 6 }), (off, years) => {
        const from = addDays("2020-01-01", off);
        const to = licenceValidTo(from, years);
        const span = daysBetween(from, to) + 1;
        expect(span).toBeGreaterThanOrEqual(365 * years);
        expect(span).toBeLessThanOrEqual(366 * years);
        expect(licenceValidTo(addDays(to, 1), years) > to).toBe(true);
      }),
    );
  });

  it("art. 9: renewal window opens 3 months before expiry", () => {
    expect(RENEWAL_WINDOW_MONTHS).toBe(3);
    expect(renewalWindowOpensOn("2029-03-14")).toBe("2028-12-14");
    expect(renewalWindowOpen("2029-03-14", "2028-12-13")).toBe(false);
    expect(renewalWindowOpen("2029-03-14", "2028-12-14")).toBe(true);
    expect(renewalWindowOpen("2029-03-14", "2029-03-14")).toBe(true);
    expect(renewalWindowOpen("2029-03-14", "2029-03-15")).toBe(false);
  });

  it("art. 9: no fatal accident → extension without fresh review", () => {
    expect(canExtendWithoutReview({ fatalAccidentDuringValidity: false })).toBe(true);
    expect(canExtendWithoutReview({ fatalAccidentDuringValidity: true })).toBe(false);
    const ok = renewalDecision({ status: "valid", validTo: "2029-03-14", today: "2029-01-10", fatalAccidentDuringValidity: false });
    expect(ok).toEqual({ allowed: true, reasons: [], newValidTo: "2032-03-14" });
    const no = renewalDecision({ status: "suspended", validTo: "2029-03-14", today: "2028-06-01", fatalAccidentDuringValidity: true });
    expect(no.allowed).toBe(false);
    expect(no.reasons).toHaveLength(3);
  });

  it("expiry and the 90-day warning", () => {
    expect(EXPIRY_WARNING_DAYS).toBe(90);
    expect(shouldExpire("2029-03-14", "2029-03-14")).toBe(false);
    expect(shouldExpire("2029-03-14", "2029-03-15")).toBe(true);
    expect(expiringWithin("2029-03-14", "2028-12-14")).toBe(true); // 90 days
    expect(expiringWithin("2029-03-14", "2028-12-13")).toBe(false); // 91 days
    expect(expiringWithin("2029-03-14", "2029-03-15")).toBe(false); // already past
  });

  it.each([
    ["valid", "suspend", "suspended"],
    ["suspended", "restore", "valid"],
    ["valid", "revoke", "revoked"],
    ["suspended", "revoke", "revoked"],
    // 行政许可法 art. 70(1): a licence past its validity without renewal is cancelled (注销), held or not.
    ["valid", "expire", "cancelled"],
    ["suspended", "expire", "cancelled"],
    ["valid", "cancel", "cancelled"],
    ["revoked", "cancel", "cancelled"],
    ["valid", "renew", "valid"],
  ] as const)("licence %s --%s--> %s", (s, a, next) => {
    expect(licenceTransition(s, a)).toEqual({ ok: true, next });
  });

  it("illegal licence actions name the allowed ones; cancelled is final", () => {
    expect(licenceTransition("revoked", "restore")).toEqual({ ok: false, error: "illegal_action", state: "revoked", action: "restore", allowed: ["cancel"] });
    expect(licenceTransition("suspended", "renew").ok).toBe(false);
    expect(allowedLicenceActions("cancelled")).toEqual([]);
    for (const s of LICENCE_STATUSES) for (const a of LICENCE_ACTIONS) expect(licenceTransition(s, a).ok).toBe(allowedLicenceActions(s).includes(a));
  });
});

// ---------------------------------------------------------------------------------------------
describe("seed catalogue (鄂安办〔2015〕60号: 7 categories, 16 items)", () => {
  it("the notice's 16 provincial items fall in exactly 7 categories", () => {
    expect(PROVINCIAL_ITEMS).toHaveLength(16);
    expect(new Set(PROVINCIAL_ITEMS.map((i) => i.category)).size).toBe(7);
    expect([...new Set(PROVINCIAL_ITEMS.map((i) => i.category))]).toEqual([...CATEGORIES]);
  });

  it("危险化学品安全管理条例 art.35: hazardous-chemical trading licences are issued by cities and counties, outside the 16", () => {
    const trading = APPROVAL_CATALOGUE.filter((i) => !i.inProvincialList);
    expect(trading.map((i) => [i.name, i.issuer])).toEqual([["危险化学品经营许可证核发", "city_county"]]);
    expect(PROVINCIAL_ITEMS.every((i) => i.issuer !== "city_county")).toBe(true);
  });

  it("every item validates, codes are unique", () => {
    for (const i of APPROVAL_CATALOGUE) expect(validateApprovalItem(i), i.code).toEqual([]);
    expect(new Set(APPROVAL_CATALOGUE.map((i) => i.code)).size).toBe(APPROVAL_CATALOGUE.length);
  });

  it("安全生产许可证条例 art. 7 and 9: safety production licences get 45 working days and 3 years; 烟花爆竹安全管理条例 art. 19: wholesale 30; others 20 (行政许可法 art. 42)", () => {
    for (const i of APPROVAL_CATALOGUE) {
      const safety = i.name.includes("安全生产许可证");
      const wholesale = i.name.includes("烟花爆竹经营（批发）");
      const expected = safety ? SAFETY_LICENCE_DECISION_LIMIT_WORKING_DAYS : wholesale ? FIREWORKS_WHOLESALE_DECISION_LIMIT_WORKING_DAYS : DECISION_LIMIT_WORKING_DAYS;
      expect(i.limitWorkingDays, i.name).toBe(expected);
      if (safety) expect(i.licenceValidityYears).toBe(SAFETY_LICENCE_VALIDITY_YEARS);
    }
    expect(APPROVAL_CATALOGUE.filter((i) => i.limitWorkingDays === 45)).toHaveLength(3);
    expect(FIREWORKS_WHOLESALE_DECISION_LIMIT_WORKING_DAYS).toBe(30);
  });

  it("every item carries the provision behind its limit: the item's own statute where it sets one, else 行政许可法 art. 42", () => {
    const byCode = new Map(APPROVAL_CATALOGUE.map((i) => [i.code, i]));
    expect(byCode.get("AQ01-01")).toMatchObject({ limitWorkingDays: 45, limitBasis: "《安全生产许可证条例》第七条" });
    expect(byCode.get("AQ02-01")).toMatchObject({ limitWorkingDays: 30, limitBasis: "《烟花爆竹安全管理条例》第十九条" });
    expect(byCode.get("AQ03-01")).toMatchObject({ limitWorkingDays: 20, limitBasis: "《中华人民共和国行政许可法》第四十二条" });
    for (const i of APPROVAL_CATALOGUE) {
      const row = Object.values(DECISION_LIMITS).find((l) => l.basis === i.limitBasis);
      expect(row?.days, i.code).toBe(i.limitWorkingDays);
    }
    expect(validateApprovalItem({ ...PROVINCIAL_ITEMS[0]!, limitBasis: " " }).map((e) => e.message.en)).toContain("limitBasis is required: the provision that sets the time limit");
  });

  it("行政许可法 art. 58: every item is free", () => {
    expect(APPROVAL_FEE_YUAN).toBe(0);
    expect(APPROVAL_CATALOGUE.every((i) => i.fee === 0)).toBe(true);
  });

  it("every item's guide has the four stages with integrity-risk points and consequences", () => {
    for (const i of APPROVAL_CATALOGUE) {
      expect(i.stages.map((s) => s.stage)).toEqual([...STAGE_NAMES]);
      for (const s of i.stages) expect(s.integrityRisks.length).toBeGreaterThan(0);
    }
  });

  it("validateApprovalItem catches a fee, a missing stage and a bad limit", () => {
    const good = PROVINCIAL_ITEMS[0]!;
    const problems = validateApprovalItem({ ...good, fee: 100, stages: good.stages.slice(0, 3), limitWorkingDays: 0, materials: [] });
    expect(problems.map((e) => e.path)).toEqual(expect.arrayContaining(["fee", "stages", "limitWorkingDays", "materials"]));
    const errors = problems.map((e) => e.message.en);
    expect(errors).toEqual(
      expect.arrayContaining([
        "fee must be 0 (行政许可法 art. 58)",
        "stages must be acceptance, review, decision, delivery in order",
        "limitWorkingDays must be a positive integer",
        "materials needs at least one entry",
      ]),
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe("authority (鄂安办〔2015〕60号 task 3: delegation to cities and taking it back)", () => {
  const base = { applicantRegion: "420102", applicantCityCode: "420100", today: "2026-10-12" };
  const active = { delegationId: "D1", cityCode: "420100", status: "active" as const, startDate: "2026-10-01" };
  const revoked = { ...active, status: "revoked" as const };
  const decide = (officerRegion: string, issuer: Issuer, delegation?: DelegationState, today = base.today) =>
    officerAuthority({ ...base, officerRegion, issuer, delegation, today });
  const code = (r: ReturnType<typeof decide>) => (r.ok ? "ok" : r.code);

  it.each<[string, Issuer, DelegationState | undefined, string]>([
    ["420000", "province", undefined, "ok"],
    ["420100", "province", undefined, "no_authority"],
    ["420102", "province", undefined, "no_authority"],
    ["420000", "province_delegable", undefined, "ok"],
    ["420100", "province_delegable", undefined, "no_authority"],
    ["420100", "province_delegable", active, "ok"],
    ["420000", "province_delegable", active, "delegated_to_city"],
    ["420102", "province_delegable", active, "no_authority"],
    ["420300", "province_delegable", active, "no_authority"],
    ["420100", "province_delegable", revoked, "authority_revoked"],
    ["420000", "province_delegable", revoked, "ok"],
    ["420100", "city_county", undefined, "ok"],
    ["420102", "city_county", undefined, "ok"],
    ["420106", "city_county", undefined, "no_authority"],
    ["420000", "city_county", undefined, "no_authority"],
  ])("officer of %s, issuer %s, delegation %o → %s", (officer, issuer, delegation, expected) => {
    expect(code(decide(officer, issuer, delegation))).toBe(expected);
  });

  it("a delegation takes effect on its start date; before that the province holds the item", () => {
    const future = { ...active, startDate: "2026-10-13" };
    expect(code(decide("420100", "province_delegable", future))).toBe("no_authority");
    expect(code(decide("420000", "province_delegable", future))).toBe("ok");
    expect(code(decide("420100", "province_delegable", future, "2026-10-13"))).toBe("ok");
    expect(holderOf("province_delegable", "420100", future, "2026-10-13")).toEqual({ level: "city", regionCode: "420100", delegationId: "D1" });
  });

  it("a delegation to another city gives this city nothing", () => {
    expect(holderOf("province_delegable", "420100", { ...active, cityCode: "420500" }, base.today)).toEqual({ level: "province", regionCode: "420000" });
  });
});

describe("power list (generated from catalogue and delegations)", () => {
  it("holder levels follow the issuer and the delegations in force; revoked ones are left out", () => {
    const items = APPROVAL_CATALOGUE.filter((i) => ["AQ01-01", "AQ01-03", "AQ02-90"].includes(i.code));
    const list = powerList(
      items,
      [
        { itemCode: "AQ01-01", cityCode: "420500", startDate: "2026-10-01", status: "active" },
        { itemCode: "AQ01-01", cityCode: "420300", startDate: "2026-11-01", status: "active" },
        { itemCode: "AQ01-01", cityCode: "420600", startDate: "2026-01-01", status: "revoked" },
      ],
      "2026-10-12",
    );
    const byCode = Object.fromEntries(list.map((e) => [e.code, e]));
    expect(byCode["AQ01-01"]?.holderLevels).toEqual(["province", "city"]);
    expect(byCode["AQ01-01"]?.delegatedTo).toEqual([
      { cityCode: "420300", since: "2026-11-01", inForce: false },
      { cityCode: "420500", since: "2026-10-01", inForce: true },
    ]);
    expect(byCode["AQ01-03"]?.holderLevels).toEqual(["province"]);
    expect(byCode["AQ02-90"]?.holderLevels).toEqual(["city", "county"]);
    expect(byCode["AQ01-03"]?.accountability.map((a) => a.stage)).toEqual([...STAGE_NAMES]);
  });
});

describe("licence numbers, safety licences, fatal accidents", () => {
  it("numbers are HB-<item>-<year>-<10 base32 characters>", () => {
    expect(licenceNumber("AQ01-01", 2026, "01JDEM0001")).toBe("HB-AQ01-01-2026-01JDEM0001");
    expect(() => licenceNumber("AQ01-01", 2026, "short")).toThrow(RangeError);
    expect(() => licenceNumber("AQ01-01", 2026, "ILOU000000")).toThrow(RangeError);
    expect(licenceNumber("AQ01-01", 2019, 12345)).toBe("HB-AQ01-01-2019-0000012345");
    expect(() => licenceNumber("AQ01-01", 2019, 0)).toThrow(RangeError);
  });

  it("安全生产许可证条例: the three 安全生产许可证核发 items are safety production licences", () => {
    expect(APPROVAL_CATALOGUE.filter(isSafetyProductionLicence).map((i) => i.code)).toEqual(["AQ01-01", "AQ01-02", "AQ01-03"]);
  });

  it("art. 9 '未发生死亡事故': a death or a missing person (counted with the dead, 493号令 art. 3) is fatal", () => {
    expect(hadFatalAccident([])).toBe(false);
    expect(hadFatalAccident([{ deaths: 0, missing: 0 }])).toBe(false);
    expect(hadFatalAccident([{ deaths: 0, missing: 1 }])).toBe(true);
    expect(hadFatalAccident([{ deaths: 2, missing: 0 }])).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
describe("workflow applied to a record (workflow.ts)", () => {
  const app: Application = {
    id: "01JAPP0000000000000000A001", enterpriseId: "E", enterpriseName: "n", enterpriseUscc: "u", regionCode: "420102", cityCode: "420100",
    industryCode: "26", gridId: null, itemCode: "AQ04-01", itemName: "x", itemVersion: 1, scope: "s", materials: ["申请表"],
    limitWorkingDays: 20, state: "submitted", submittedOn: "2026-09-29", pauses: [], extended: false, extensionDays: 0, stepCount: 1,
    version: 3, createdAt: "t", createdBy: "c", updatedAt: "t",
  };
  const officer = { userId: "o1", role: "approval_officer", regionCode: "420000", isHead: false };
  const ctx = (today: string, over: Partial<StepContext> = {}): StepContext => ({ actor: officer, at: `${today}T02:00:00.000Z`, today, calendars: CAL, ...over });

  it("accept dates the receipt; the version moves by one and the step is appended", () => {
    const r = applyAction(app, "accept", ctx("2026-09-30"));
    expect(r.app).toMatchObject({ state: "under_review", acceptedOn: "2026-09-30", acceptanceDeemed: false, version: 4, stepCount: 2 });
    expect(r.steps).toEqual([expect.objectContaining({ seq: 2, action: "accept", stage: "acceptance", from: "submitted", to: "under_review", actorId: "o1", on: "2026-09-30" })]);
  });

  it("art. 32: after the 5th working day an officer's action first records the deemed acceptance (system step)", () => {
    expect(deemIfDue(app, "2026-10-12", CAL)).toBeNull();
    const d = deemIfDue(app, "2026-10-13", CAL);
    expect(d?.app).toMatchObject({ state: "under_review", acceptedOn: "2026-09-29", acceptanceDeemed: true });
    expect(d?.step).toMatchObject({ action: "deem-accept", on: "2026-10-13", actorId: "system:approvals" });
    const r = applyAction(app, "review-pass", ctx("2026-10-20"));
    expect(r.steps.map((s) => [s.seq, s.action])).toEqual([[2, "deem-accept"], [3, "review-pass"]]);
    expect(r.app).toMatchObject({ state: "reviewed", reviewPassedBy: "o1", stepCount: 3, version: 4 });
    expect(() => applyAction(app, "notify-missing", ctx("2026-10-20", { missingMaterials: ["申请表"] }))).toThrow(/not allowed in state 'under_review'/);
  });

  it("guards surface as HTTP errors: 400 reason, 403 separation of duties and head, 409 second extension", () => {
    const reviewed = { ...app, state: "reviewed" as const, acceptedOn: "2026-09-30", reviewPassedBy: "o1" };
    expect(() => applyAction(reviewed, "approve", ctx("2026-10-09", { reason: "ok" }))).toThrow(expect.objectContaining({ status: 403, code: "separation_of_duties" }));
    expect(() => applyAction(reviewed, "approve", ctx("2026-10-09", { actor: { ...officer, userId: "o2" } }))).toThrow(expect.objectContaining({ status: 400, code: "reason_required" }));
    expect(() => applyAction(reviewed, "extend", ctx("2026-10-09", { reason: "x" }))).toThrow(expect.objectContaining({ status: 403, code: "head_required" }));
    const head = { ...officer, userId: "h", isHead: true };
    expect(() => applyAction({ ...reviewed, extended: true, extensionDays: 10 }, "extend", ctx("2026-10-09", { actor: head, reason: "x" }))).toThrow(expect.objectContaining({ status: 409, code: "already_extended" }));
    const approved = applyAction(reviewed, "approve", ctx("2026-09-24", { actor: { ...officer, userId: "o2" }, reason: "合格" }));
    // 行政许可法 art. 44: the certificate is due by the 10th working day after the decision.
    expect(approved.app).toMatchObject({ decision: "approved", decidedOn: "2026-09-24", deliveryDueDate: "2026-10-15" });
  });

  it("pause opens a pause, resume closes it on the resume day; the clock counts neither the paused days nor the acceptance day", () => {
    const running = { ...app, state: "under_review" as const, acceptedOn: "2026-09-18" };
    const paused = applyAction(running, "pause", ctx("2026-09-21", { reason: "专家评审" })).app;
    expect(paused.pauses).toEqual([{ from: "2026-09-21", to: null, reason: "专家评审" }]);
    const resumed = applyAction(paused, "resume", ctx("2026-09-23")).app;
    expect(resumed.pauses).toEqual([{ from: "2026-09-21", to: "2026-09-23", reason: "专家评审" }]);
    expect(applicationClock(resumed, CAL, "2026-09-23")).toMatchObject({ dueDate: "2026-10-26", workingDaysUsed: 2 });
  });
});
