import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIndustryCode } from "../../shared/codes/index.js";
import { addDays, daysBetween, isIsoDate } from "../../shared/time.js";
import { type Checklist, GENERAL_CHECKLIST_ID, SEED_CHECKLISTS } from "./checklist-data.js";
import {
  ACTION_ACTORS,
  actorMayPerform,
  allowedActions,
  computeHazardStatistics,
  DESCRIPTION_SIMILARITY_THRESHOLD,
  decideAction,
  descriptionSimilarity,
  FIVE_IN_PLACE,
  filingDeadline,
  filingStatus,
  HAZARD_ACTIONS,
  HAZARD_LEVELS,
  HAZARD_STATUSES,
  type HazardAction,
  type HazardLevel,
  type HazardStatus,
  initialStatus,
  isLate,
  isOverdue,
  isPlanComplete,
  MIN_EVIDENCE_TO_COMPLETE,
  missingFiveInPlace,
  missingMajorReportFields,
  missingPlanParts,
  nextStatus,
  normaliseText,
  PLAN_PARTS,
  parsePeriod,
  periodRange,
  productionSuspended,
  RECONCILIATION_WINDOW_DAYS,
  type ReconcileSelfReport,
  type RectificationPlan,
  REVIEW_DAYS,
  reconcile,
  reviewDueDate,
  reviewOverdue,
  type StatisticsHazard,
  TRANSITIONS,
  checklistsForIndustry,
} from "./rules.js";

const COMPLETE_PLAN: RectificationPlan = {
  goalAndTasks: "消除储罐区静电接地失效隐患",
  methodsAndMeasures: "更换接地线并检测",
  fundsAndMaterials: "安全费用列支2万元",
  responsibleOrgAndPeople: "设备部 张三",
  timeLimitAndRequirements: "2026-08-31前完成并检测合格",
  safetyAndEmergencyMeasures: "停用该储罐，编制专项应急预案",
};

// ---------------------------------------------------------------------------------------------
describe("workflow transition table (16号令 art.15, 18, 23)", () => {
  const walk = (level: HazardLevel, start: HazardStatus, actions: HazardAction[]): HazardStatus => {
    let s = start;
    for (const a of actions) {
      const n = nextStatus(level, s, a);
      if (typeof n !== "string") throw new Error(`${level} ${s} -${a}→ illegal; allowed ${n.allowed.join(",")}`);
      s = n;
    }
    return s;
  };

  it("16号令 art.15 ¶1: general hazard reported → start → complete → accept → closed", () => {
    expect(walk("general", "reported", ["start", "complete", "accept"])).toBe("closed");
  });

  it("16号令 art.14/15/23: major hazard reported → plan → start → complete → request-review → write-off → closed", () => {
    expect(walk("major", "reported", ["plan", "start", "complete", "request-review", "write-off"])).toBe("closed");
  });

  it("16号令 art.23: a failed on-site review sends a major hazard back to rectifying", () => {
    expect(walk("major", "review_requested", ["reject"])).toBe("rectifying");
    expect(walk("major", "review_requested", ["reject", "complete", "request-review", "write-off"])).toBe("closed");
  });

  it.each([
    ["general", "reported", ["start"]],
    ["general", "planned", []],
    ["general", "rectifying", ["complete"]],
    ["general", "rectified", ["accept"]],
    ["general", "review_requested", []],
    ["general", "closed", []],
    ["major", "reported", ["plan", "supervise"]],
    ["major", "planned", ["plan", "start", "supervise"]],
    ["major", "rectifying", ["complete", "supervise"]],
    ["major", "rectified", ["request-review", "supervise"]],
    ["major", "review_requested", ["reject", "write-off", "supervise"]],
    ["major", "closed", []],
  ] as const)("%s %s allows exactly %j", (level, status, allowed) => {
    expect(allowedActions(level, status)).toEqual(allowed);
  });

  it.each([
    ["general", "reported", "accept"],
    ["general", "reported", "plan"],
    ["general", "rectified", "write-off"],
    ["general", "rectifying", "supervise"],
    ["major", "reported", "start"],
    ["major", "rectified", "accept"],
    ["major", "rectified", "write-off"],
    ["major", "closed", "supervise"],
  ] as const)("illegal: %s %s -%s→ is an illegal_transition naming the allowed actions", (level, status, action) => {
    expect(nextStatus(level, status, action)).toEqual({ error: "illegal_transition", allowed: allowedActions(level, status) });
  });

  it("挂牌督办: supervise keeps the status in every non-closed major status", () => {
    for (const status of HAZARD_STATUSES) {
      const n = nextStatus("major", status, "supervise");
      if (status === "closed") expect(typeof n).toBe("object");
      else expect(n).toBe(status);
    }
  });

  it("property: nextStatus is the table or an error listing exactly allowedActions", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HAZARD_LEVELS),
        fc.constantFrom(...HAZARD_STATUSES),
        fc.constantFrom(...HAZARD_ACTIONS),
        (level, status, action) => {
          const n = nextStatus(level, status, action);
          const allowed = allowedActions(level, status);
          if (typeof n === "string") {
            expect(allowed).toContain(action);
            expect(n).toBe(TRANSITIONS[level][status]?.[action]);
          } else {
            expect(allowed).not.toContain(action);
            expect(n.allowed).toEqual(allowed);
          }
        },
      ),
    );
  });

  it("property: closed is terminal and every status of a level's workflow can reach closed", () => {
    for (const level of HAZARD_LEVELS) {
      expect(allowedActions(level, "closed")).toEqual([]);
      const used = new Set<HazardStatus>(["reported"]);
      for (const row of Object.values(TRANSITIONS[level])) for (const n of Object.values(row ?? {})) used.add(n);
      for (const s of used) {
        const seen = new Set<HazardStatus>([s]);
        const queue = [s];
        while (queue.length > 0) {
          const cur = queue.shift() as HazardStatus;
          for (const n of Object.values(TRANSITIONS[level][cur] ?? {})) {
            if (seen.has(n)) continue;
            seen.add(n);
            queue.push(n);
          }
        }
        expect(seen.has("closed"), `${level} ${s}`).toBe(true);
      }
    }
  });

  it("general hazards never enter planned or review_requested (those are major-only states)", () => {
    const targets = Object.values(TRANSITIONS.general).flatMap((row) => Object.values(row ?? {}));
    expect(targets).not.toContain("planned");
    expect(targets).not.toContain("review_requested");
  });
});

describe("initial status", () => {
  it("16号令 art.15 ¶1: a general hazard fixed on the spot starts at rectified", () => {
    expect(initialStatus({ level: "general", fixedOnSpot: true })).toBe("rectified");
    expect(initialStatus({ level: "general" })).toBe("reported");
  });
  it("16号令 art.3: a major hazard cannot be fixed on the spot", () => {
    expect(initialStatus({ level: "major", fixedOnSpot: true })).toEqual({ error: "fixed_on_spot_not_allowed_for_major" });
  });
  it("16号令 art.14: a major hazard reported with a complete six-part plan starts at planned, otherwise reported", () => {
    expect(initialStatus({ level: "major", plan: COMPLETE_PLAN })).toBe("planned");
    expect(initialStatus({ level: "major", plan: { ...COMPLETE_PLAN, fundsAndMaterials: " " } })).toBe("reported");
    expect(initialStatus({ level: "major" })).toBe("reported");
  });
});

// ---------------------------------------------------------------------------------------------
describe("actors", () => {
  it.each([
    ["plan", "enterprise", true],
    ["plan", "regulator", false],
    ["start", "enterprise", true],
    ["start", "grid_member", false],
    ["complete", "enterprise", true],
    ["complete", "regulator", false],
    ["request-review", "enterprise", true],
    ["request-review", "industry_department", false],
    ["accept", "enterprise", true],
    ["accept", "regulator", true],
    ["accept", "industry_department", true],
    ["accept", "grid_member", false],
    ["reject", "regulator", true],
    ["reject", "enterprise", false],
    ["write-off", "regulator", true],
    ["write-off", "industry_department", true],
    ["write-off", "enterprise", false],
    ["write-off", "admin", false],
    ["supervise", "regulator", true],
    ["supervise", "enterprise", false],
  ] as const)("%s by %s → %s", (action, role, expected) => {
    expect(actorMayPerform(action, role)).toBe(expected);
  });

  it("16号令 art.23: only the supervising side (regulator / industry department) writes off (核销)", () => {
    expect(ACTION_ACTORS["write-off"]).toEqual(["regulator", "industry_department"]);
  });

  it("an enterprise may accept its own general hazards but not an enforcement finding", () => {
    expect(actorMayPerform("accept", "enterprise", "self_inspection")).toBe(true);
    expect(actorMayPerform("accept", "enterprise", "grid_patrol")).toBe(true);
    expect(actorMayPerform("accept", "enterprise", "enforcement")).toBe(false);
    expect(actorMayPerform("accept", "regulator", "enforcement")).toBe(true);
  });

  it("grid members and admins take no workflow action", () => {
    for (const a of HAZARD_ACTIONS) {
      expect(actorMayPerform(a, "grid_member")).toBe(false);
      expect(actorMayPerform(a, "admin")).toBe(false);
    }
  });
});

describe("decideAction guards", () => {
  const base = { source: "self_inspection", role: "enterprise" } as const;

  it("16号令 art.15 ¶2: work on a major hazard cannot start before the plan has all six parts", () => {
    const incomplete = { ...COMPLETE_PLAN, safetyAndEmergencyMeasures: "" };
    expect(decideAction({ ...base, level: "major", status: "planned", action: "start", plan: incomplete })).toEqual({
      error: "plan_incomplete",
      missing: ["safetyAndEmergencyMeasures"],
    });
    expect(decideAction({ ...base, level: "major", status: "planned", action: "start", plan: COMPLETE_PLAN })).toEqual({
      ok: true,
      next: "rectifying",
    });
  });

  it("16号令 art.15 ¶2: `plan` needs a complete plan to reach planned", () => {
    expect(decideAction({ ...base, level: "major", status: "reported", action: "plan", plan: {} })).toEqual({
      error: "plan_incomplete",
      missing: PLAN_PARTS.map((p) => p.key),
    });
    expect(decideAction({ ...base, level: "major", status: "reported", action: "plan", plan: COMPLETE_PLAN })).toEqual({
      ok: true,
      next: "planned",
    });
  });

  it("a general hazard starts without a plan", () => {
    expect(decideAction({ ...base, level: "general", status: "reported", action: "start" })).toEqual({ ok: true, next: "rectifying" });
  });

  it("reject needs a reason", () => {
    const req = { level: "major", status: "review_requested", source: "enforcement", action: "reject", role: "regulator" } as const;
    expect(decideAction({ ...req, reason: "  " })).toEqual({ error: "reason_required" });
    expect(decideAction({ ...req, reason: "接地电阻复测不合格" })).toEqual({ ok: true, next: "rectifying" });
  });

  it(`completing needs at least ${MIN_EVIDENCE_TO_COMPLETE} evidence attachment`, () => {
    const req = { ...base, level: "general", status: "rectifying", action: "complete" } as const;
    expect(decideAction({ ...req, evidenceCount: MIN_EVIDENCE_TO_COMPLETE - 1 })).toEqual({
      error: "evidence_required",
      minimum: MIN_EVIDENCE_TO_COMPLETE,
    });
    expect(decideAction({ ...req, evidenceCount: MIN_EVIDENCE_TO_COMPLETE })).toEqual({ ok: true, next: "rectified" });
  });

  it("an illegal state is reported before a wrong role (always a 409 for a wrong state)", () => {
    expect(decideAction({ ...base, level: "major", status: "closed", action: "write-off" })).toEqual({
      error: "illegal_transition",
      allowed: [],
    });
    expect(decideAction({ ...base, level: "major", status: "review_requested", action: "write-off" })).toEqual({
      error: "forbidden_role",
      role: "enterprise",
      action: "write-off",
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe("rectification plan and report contents", () => {
  it("16号令 art.15 ¶2: the plan has six parts with their statutory labels", () => {
    expect(PLAN_PARTS.map((p) => p.label)).toEqual([
      "治理的目标和任务",
      "采取的方法和措施",
      "经费和物资的落实",
      "负责治理的机构和人员",
      "治理的时限和要求",
      "安全措施和应急预案",
    ]);
  });

  it("16号令 art.15 ¶2: missingPlanParts lists blank or absent parts in order", () => {
    expect(missingPlanParts(COMPLETE_PLAN)).toEqual([]);
    expect(missingPlanParts({ goalAndTasks: "x", fundsAndMaterials: null, timeLimitAndRequirements: "\n" })).toEqual([
      "methodsAndMeasures",
      "fundsAndMaterials",
      "responsibleOrgAndPeople",
      "timeLimitAndRequirements",
      "safetyAndEmergencyMeasures",
    ]);
  });

  it("property: removing any one part makes the plan incomplete and names exactly that part", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PLAN_PARTS.map((p) => p.key)), (key) => {
        const plan = { ...COMPLETE_PLAN, [key]: undefined };
        expect(isPlanComplete(plan)).toBe(false);
        expect(missingPlanParts(plan)).toEqual([key]);
      }),
    );
  });

  it("Hubei 五到位: five items, each mapped onto existing plan parts; a complete plan satisfies all five", () => {
    expect(FIVE_IN_PLACE).toHaveLength(5);
    const keys = new Set<string>(PLAN_PARTS.map((p) => p.key));
    for (const f of FIVE_IN_PLACE) for (const p of f.planParts) expect(keys.has(p)).toBe(true);
    expect(missingFiveInPlace(COMPLETE_PLAN)).toEqual([]);
    expect(missingFiveInPlace({ ...COMPLETE_PLAN, fundsAndMaterials: "" })).toEqual(["funds"]);
    // 目标和任务 is not one of the 五到位.
    expect(missingFiveInPlace({ ...COMPLETE_PLAN, goalAndTasks: "" })).toEqual([]);
  });

  it("16号令 art.14 ¶2: a major hazard report needs current state and cause, and harm/difficulty analysis", () => {
    expect(missingMajorReportFields({})).toEqual(["currentStateAndCause", "harmAndDifficultyAnalysis"]);
    expect(missingMajorReportFields({ currentStateAndCause: "储罐接地失效，因腐蚀", harmAndDifficultyAnalysis: " " })).toEqual([
      "harmAndDifficultyAnalysis",
    ]);
    expect(missingMajorReportFields({ currentStateAndCause: "a", harmAndDifficultyAnalysis: "b" })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe("overdue (Asia/Shanghai)", () => {
  it.each([
    // rectifyBy day itself is on time, up to 23:59:59 Shanghai (15:59:59Z).
    ["2026-07-10T15:59:59.999Z", "rectifying", false],
    ["2026-07-10T16:00:00.000Z", "rectifying", true],
    ["2026-07-11T00:00:00+08:00", "reported", true],
    ["2026-07-11T00:00:00+08:00", "planned", true],
    ["2026-07-20T00:00:00+08:00", "rectified", false],
    ["2026-07-20T00:00:00+08:00", "review_requested", false],
    ["2026-07-20T00:00:00+08:00", "closed", false],
  ] as const)("rectifyBy 2026-07-10, now %s, %s → overdue %s", (now, status, expected) => {
    expect(isOverdue({ rectifyBy: "2026-07-10", status }, now)).toBe(expected);
  });

  it("property: once overdue, stays overdue as time passes (for an unrectified hazard)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        (t, dt) => {
          const h = { rectifyBy: "2025-06-30", status: "rectifying" as const };
          if (isOverdue(h, t)) expect(isOverdue(h, new Date(t.getTime() + dt))).toBe(true);
        },
      ),
    );
  });
});

describe("listed supervision (挂牌督办)", () => {
  it(`16号令 art.23: review within ${REVIEW_DAYS} days of receiving the application`, () => {
    expect(reviewDueDate("2026-09-30", "2026-09-01")).toBe("2026-09-11");
  });
  it("16号令 art.23 'within 10 days of the deadline': no application → deadline + 10", () => {
    expect(reviewDueDate("2026-09-30", null)).toBe("2026-10-10");
    expect(reviewDueDate("2026-09-30")).toBe("2026-10-10");
  });
  it("an application after the deadline does not move the due date past deadline + 10", () => {
    expect(reviewDueDate("2026-09-30", "2026-10-05")).toBe("2026-10-10");
  });
  it("property: due = min(deadline, application) + 10, never later than either trigger + 10", () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays("2024-01-01", n));
    fc.assert(
      fc.property(day, day, (deadline, applied) => {
        const due = reviewDueDate(deadline, applied);
        expect(due <= addDays(deadline, REVIEW_DAYS)).toBe(true);
        expect(due <= addDays(applied, REVIEW_DAYS)).toBe(true);
        expect(due === addDays(deadline, REVIEW_DAYS) || due === addDays(applied, REVIEW_DAYS)).toBe(true);
      }),
    );
  });
  it.each([
    [{ deadline: "2026-09-30", reviewRequestedOn: "2026-09-01" }, "2026-09-11T23:59:59+08:00", false],
    [{ deadline: "2026-09-30", reviewRequestedOn: "2026-09-01" }, "2026-09-12T00:00:00+08:00", true],
    [{ deadline: "2026-09-30", reviewRequestedOn: "2026-09-01", reviewedOn: "2026-09-11" }, "2026-12-01T00:00:00+08:00", false],
    [{ deadline: "2026-09-30", reviewRequestedOn: "2026-09-01", reviewedOn: "2026-09-12" }, "2026-12-01T00:00:00+08:00", true],
    [{ deadline: "2026-09-30" }, "2026-10-10T12:00:00+08:00", false],
    [{ deadline: "2026-09-30" }, "2026-10-11T00:00:00+08:00", true],
  ])("16号令 art.23: review %j at %s overdue → %s", (input, now, expected) => {
    expect(reviewOverdue(input, now)).toBe(expected);
  });

  it("16号令 art.16/23: production is suspended while a listed major hazard with suspension is not written off", () => {
    const listed = { level: "major", status: "rectifying", supervision: { productionSuspended: true } } as const;
    expect(productionSuspended([listed])).toBe(true);
    expect(productionSuspended([{ ...listed, status: "closed" }])).toBe(false);
    expect(productionSuspended([{ ...listed, supervision: { productionSuspended: false } }])).toBe(false);
    expect(productionSuspended([{ level: "major", status: "rectifying", supervision: null }])).toBe(false);
    expect(productionSuspended([])).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
describe("filing periods and deadlines (16号令 art.14 ¶1)", () => {
  it.each([
    ["2026Q3", { kind: "quarter", year: 2026, quarter: 3 }],
    ["2026", { kind: "year", year: 2026 }],
    ["2026Q5", null],
    ["2026q3", null],
    ["26Q1", null],
    ["2026-Q1", null],
    ["", null],
  ] as const)("parsePeriod(%j)", (p, expected) => {
    expect(parsePeriod(p)).toEqual(expected);
  });

  it.each([
    ["2026Q1", "2026-01-01", "2026-03-31"],
    ["2026Q2", "2026-04-01", "2026-06-30"],
    ["2026Q3", "2026-07-01", "2026-09-30"],
    ["2026Q4", "2026-10-01", "2026-12-31"],
    ["2026", "2026-01-01", "2026-12-31"],
  ])("periodRange(%s) = %s..%s", (p, from, to) => {
    expect(periodRange(p)).toEqual({ from, to });
  });

  it.each([
    ["2026Q1", "2026-04-15"],
    ["2026Q2", "2026-07-15"],
    ["2026Q3", "2026-10-15"],
    ["2026Q4", "2027-01-15"],
    ["2026", "2027-01-31"],
  ])("16号令 art.14: %s is due by %s (quarter: 15th of the next quarter's first month; year: 31 January)", (p, due) => {
    expect(filingDeadline(p)).toBe(due);
  });

  it("property: a quarter's deadline is 15 days after it ends; a year's 31 days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2999 }), fc.constantFrom("", "Q1", "Q2", "Q3", "Q4"), (y, q) => {
        const p = `${y}${q}`;
        const due = filingDeadline(p);
        expect(isIsoDate(due)).toBe(true);
        expect(daysBetween(periodRange(p).to, due)).toBe(q === "" ? 31 : 15);
      }),
    );
  });

  it("malformed periods are rejected", () => {
    expect(() => filingDeadline("2026Q0")).toThrow(RangeError);
    expect(() => periodRange("Q1")).toThrow(RangeError);
  });

  it.each([
    ["2026Q1", "2026-04-15T15:59:59.999Z", false], // 23:59:59.999 on 15 April in Shanghai
    ["2026Q1", "2026-04-15T16:00:00.000Z", true], // 00:00 on 16 April in Shanghai
    ["2026Q4", "2027-01-15T23:00:00+08:00", false],
    ["2026Q4", "2027-01-16T00:00:00+08:00", true],
    ["2026", "2027-01-31T23:59:59+08:00", false],
    ["2026", "2027-02-01T00:00:00+08:00", true],
  ])("16号令 art.14: %s filed at %s late → %s (deadline day on time, Asia/Shanghai)", (p, at, late) => {
    expect(isLate(p, at)).toBe(late);
  });

  it.each([
    ["2026-04-10T10:00:00+08:00", "2026-04-20T00:00:00+08:00", "on_time"],
    ["2026-04-16T10:00:00+08:00", "2026-04-20T00:00:00+08:00", "late"],
    [null, "2026-04-15T23:00:00+08:00", "pending"],
    [null, "2026-04-16T00:00:00+08:00", "missing"],
  ] as const)("2026Q1 filed %s, now %s → %s", (filedAt, now, status) => {
    expect(filingStatus("2026Q1", filedAt, now)).toBe(status);
  });
});

describe("hazard statistics", () => {
  const h = (over: Partial<StatisticsHazard>): StatisticsHazard => ({
    level: "general",
    status: "reported",
    discoveredAt: "2026-08-01T10:00:00+08:00",
    rectifyBy: "2026-08-31",
    ...over,
  });
  const hazards: StatisticsHazard[] = [
    h({ status: "closed", rectifiedAt: "2026-08-10T10:00:00+08:00" }), // fixed
    h({ status: "rectifying", rectifyBy: "2026-09-30" }), // open, on time at quarter end
    h({ status: "reported", rectifyBy: "2026-09-29" }), // open, overdue at quarter end
    h({ level: "major", status: "review_requested", rectifiedAt: "2026-09-30T23:00:00+08:00" }), // fixed on last evening
    h({ level: "major", status: "rectified", rectifiedAt: "2026-10-02T09:00:00+08:00", rectifyBy: "2026-10-31" }), // fixed after Q3
    h({ discoveredAt: "2026-06-30T23:59:00+08:00" }), // Q2 (Shanghai), not counted
    h({ discoveredAt: "2026-06-30T16:30:00Z" }), // 00:30 on 1 July in Shanghai: Q3; open, overdue since 31 August
    h({ discoveredAt: "2026-10-01T00:00:00+08:00" }), // Q4, not counted
  ];

  it("16号令 art.14: found / fixed / open / overdue by level, as of the quarter's end", () => {
    const stats = computeHazardStatistics(hazards, "2026Q3", "2026-10-10T00:00:00+08:00");
    expect(stats.asOf).toBe("2026-09-30T15:59:59.999Z");
    expect(stats.byLevel.general).toEqual({ found: 4, fixed: 1, open: 3, overdue: 2 });
    expect(stats.byLevel.major).toEqual({ found: 2, fixed: 1, open: 1, overdue: 0 });
    expect(stats.total).toEqual({ found: 6, fixed: 2, open: 4, overdue: 2 });
  });

  it("during the quarter the counts are as of now", () => {
    const stats = computeHazardStatistics(hazards, "2026Q3", "2026-08-05T00:00:00+08:00");
    expect(stats.asOf).toBe("2026-08-04T16:00:00.000Z");
    // Only the hazards already discovered by 5 August: five on 1 August and one on 1 July.
    expect(stats.total).toEqual({ found: 6, fixed: 0, open: 6, overdue: 0 });
  });

  it("a rejected hazard (back to rectifying) is not fixed even with an old rectifiedAt", () => {
    const stats = computeHazardStatistics(
      [h({ level: "major", status: "rectifying", rectifiedAt: "2026-08-10T10:00:00+08:00" })],
      "2026Q3",
      "2026-12-01T00:00:00Z",
    );
    expect(stats.byLevel.major).toEqual({ found: 1, fixed: 0, open: 1, overdue: 1 });
  });

  it("annual statistics cover all four quarters", () => {
    const stats = computeHazardStatistics(hazards, "2026", "2027-01-20T00:00:00+08:00");
    expect(stats.total.found).toBe(hazards.length);
  });

  it("property: found = fixed + open, overdue ≤ open, total = sum of levels", () => {
    const arb = fc.record({
      level: fc.constantFrom(...HAZARD_LEVELS),
      status: fc.constantFrom(...HAZARD_STATUSES),
      discoveredAt: fc.integer({ min: 0, max: 400 }).map((n) => `${addDays("2025-12-01", n)}T12:00:00+08:00`),
      rectifyBy: fc.integer({ min: 0, max: 400 }).map((n) => addDays("2025-12-01", n)),
      rectifiedAt: fc.option(fc.integer({ min: 0, max: 400 }).map((n) => `${addDays("2025-12-01", n)}T18:00:00+08:00`)),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 30 }), fc.constantFrom("2026Q1", "2026Q2", "2026Q3", "2026"), (list, p) => {
        const s = computeHazardStatistics(list, p, "2026-08-15T00:00:00Z");
        for (const c of [s.total, s.byLevel.general, s.byLevel.major]) {
          expect(c.found).toBe(c.fixed + c.open);
          expect(c.overdue).toBeLessThanOrEqual(c.open);
        }
        expect(s.total.found).toBe(s.byLevel.general.found + s.byLevel.major.found);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe("two books (两本帐) reconciliation", () => {
  const inspection = "2026-09-15T10:00:00+08:00";
  const finding = (over: Partial<ReconcileSelfReport> & { id: string }) => ({
    enterpriseId: "E1",
    description: "储罐区静电接地线断开",
    location: "1号储罐区",
    discoveredAt: inspection,
    ...over,
  });
  const self = finding;

  it("similarity: Dice on character bigrams, after normalisation", () => {
    expect(normaliseText(" １号 储罐区，东侧! ")).toBe("1号储罐区东侧");
    expect(descriptionSimilarity("储罐区静电接地线断开", "储罐区静电接地线断开。")).toBe(1);
    // 9 bigrams vs 7, 6 in common: 2·6/16 = 0.75.
    expect(descriptionSimilarity("储罐区静电接地线断开", "储罐静电接地线断")).toBeCloseTo(0.75, 10);
    expect(descriptionSimilarity("消防通道堵塞", "储罐区静电接地线断开")).toBe(0);
    expect(descriptionSimilarity("", "")).toBe(0);
  });

  it("property: similarity is symmetric and within [0, 1]", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = descriptionSimilarity(a, b);
        expect(s).toBe(descriptionSimilarity(b, a));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("same checklist item within the window → self-reported", () => {
    const r = reconcile(
      [finding({ id: "F1", checklistItemId: "WHP-009", description: "无警示标志", location: null })],
      [self({ id: "S1", checklistItemId: "WHP-009", description: "罐区缺少标志", discoveredAt: "2026-09-01T09:00:00+08:00" })],
    );
    expect(r.matched.map((m) => [m.finding.id, m.selfReport.id, m.rule, m.similarity])).toEqual([["F1", "S1", "checklist_item", 1]]);
    expect(r.unmatched).toEqual([]);
    expect(r.selfReportRatio).toBe(1);
  });

  it("different checklist items never match, even with the same text", () => {
    const r = reconcile([finding({ id: "F1", checklistItemId: "WHP-009" })], [self({ id: "S1", checklistItemId: "WHP-010" })]);
    expect(r.matched).toEqual([]);
    expect(r.selfReportRatio).toBe(0);
  });

  it(`text rule: same normalised location and Dice ≥ ${DESCRIPTION_SIMILARITY_THRESHOLD}`, () => {
    const f = finding({ id: "F1" });
    const at = "2026-09-10T09:00:00+08:00";
    expect(reconcile([f], [self({ id: "S1", location: "1号 储罐区", description: "储罐静电接地线断", discoveredAt: at })]).matched).toHaveLength(1);
    // Same text, different place.
    expect(reconcile([f], [self({ id: "S1", location: "2号储罐区", discoveredAt: at })]).matched).toHaveLength(0);
    // Same place, different problem.
    expect(reconcile([f], [self({ id: "S1", description: "消防通道堵塞", discoveredAt: at })]).matched).toHaveLength(0);
    // No location on one side: no text match.
    expect(reconcile([f], [self({ id: "S1", location: null, discoveredAt: at })]).matched).toHaveLength(0);
  });

  it(`window: ${RECONCILIATION_WINDOW_DAYS} days before the inspection day, inclusive; nothing after the finding`, () => {
    const f = finding({ id: "F1", checklistItemId: "TY-011" });
    const onEdge = `${addDays("2026-09-15", -RECONCILIATION_WINDOW_DAYS)}T00:00:00+08:00`;
    const tooOld = `${addDays("2026-09-15", -RECONCILIATION_WINDOW_DAYS - 1)}T23:59:59+08:00`;
    const s = (discoveredAt: string) => self({ id: "S", checklistItemId: "TY-011", discoveredAt });
    expect(reconcile([f], [s(onEdge)]).matched).toHaveLength(1);
    expect(reconcile([f], [s(tooOld)]).matched).toHaveLength(0);
    expect(reconcile([f], [s("2026-09-15T10:00:00+08:00")]).matched).toHaveLength(1);
    expect(reconcile([f], [s("2026-09-15T10:00:01+08:00")]).matched).toHaveLength(0);
    expect(reconcile([f], [s(tooOld)], { windowDays: RECONCILIATION_WINDOW_DAYS + 1 }).matched).toHaveLength(1);
  });

  it("a backdated self-report created after the inspection does not count", () => {
    const f = finding({ id: "F1", checklistItemId: "TY-011" });
    const s = self({ id: "S1", checklistItemId: "TY-011", discoveredAt: "2026-09-01T00:00:00+08:00", reportedAt: "2026-09-15T18:00:00+08:00" });
    expect(reconcile([f], [s]).matched).toHaveLength(0);
  });

  it("another enterprise's self-report never counts", () => {
    const r = reconcile([finding({ id: "F1", checklistItemId: "TY-011" })], [self({ id: "S1", enterpriseId: "E2", checklistItemId: "TY-011", discoveredAt: "2026-09-01T00:00:00+08:00" })]);
    expect(r.matched).toHaveLength(0);
  });

  it("one-to-one: one self-report backs at most one finding; the latest eligible one is used first", () => {
    const at = (d: string) => `${d}T09:00:00+08:00`;
    const r = reconcile(
      [finding({ id: "F1", checklistItemId: "TY-014" }), finding({ id: "F2", checklistItemId: "TY-014" }), finding({ id: "F3", checklistItemId: "TY-014" })],
      [self({ id: "S-old", checklistItemId: "TY-014", discoveredAt: at("2026-07-01") }), self({ id: "S-new", checklistItemId: "TY-014", discoveredAt: at("2026-09-01") })],
    );
    expect(r.matched.map((m) => [m.finding.id, m.selfReport.id])).toEqual([
      ["F1", "S-new"],
      ["F2", "S-old"],
    ]);
    expect(r.unmatched.map((f) => f.id)).toEqual(["F3"]);
    expect(r.selfReportRatio).toBeCloseTo(2 / 3, 10);
  });

  it("checklist matches are assigned before text matches", () => {
    const at = "2026-09-01T09:00:00+08:00";
    // F1 (no item) could take S1 by text, but F2 needs S1 by checklist item; the checklist pass runs first.
    const r = reconcile(
      [finding({ id: "F1", discoveredAt: "2026-09-14T10:00:00+08:00" }), finding({ id: "F2", checklistItemId: "WHP-009" })],
      [self({ id: "S1", checklistItemId: "WHP-009", discoveredAt: at })],
    );
    expect(r.matched.map((m) => [m.finding.id, m.rule])).toEqual([["F2", "checklist_item"]]);
    expect(r.unmatched.map((f) => f.id)).toEqual(["F1"]);
  });

  it("no findings → selfReportRatio is null (nothing to judge)", () => {
    expect(reconcile([], [self({ id: "S1" })])).toEqual({ matched: [], unmatched: [], selfReportRatio: null });
  });

  it("property: matched + unmatched = findings, self-reports used once, ratio = matched / findings", () => {
    const items = fc.constantFrom("A", "B", "C", undefined);
    const rec = (prefix: string) =>
      fc.record({
        id: fc.integer({ min: 0, max: 1e6 }).map((n) => `${prefix}${n}`),
        enterpriseId: fc.constantFrom("E1", "E2"),
        checklistItemId: items,
        location: fc.constantFrom("1号储罐区", "仓库", undefined),
        description: fc.constantFrom("储罐区静电接地线断开", "储罐静电接地线断", "消防通道堵塞"),
        discoveredAt: fc.integer({ min: 0, max: 200 }).map((n) => `${addDays("2026-06-01", n)}T12:00:00+08:00`),
      });
    fc.assert(
      fc.property(fc.uniqueArray(rec("F"), { selector: (r) => r.id, maxLength: 12 }), fc.uniqueArray(rec("S"), { selector: (r) => r.id, maxLength: 12 }), (fs, ss) => {
        const r = reconcile(fs, ss);
        expect(r.matched.length + r.unmatched.length).toBe(fs.length);
        expect(new Set(r.matched.map((m) => m.selfReport.id)).size).toBe(r.matched.length);
        for (const m of r.matched) expect(m.selfReport.enterpriseId).toBe(m.finding.enterpriseId);
        expect(r.selfReportRatio).toBe(fs.length === 0 ? null : r.matched.length / fs.length);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe("seed checklists (排查清单)", () => {
  const byName = (needle: string): Checklist => {
    const c = SEED_CHECKLISTS.find((x) => x.name.includes(needle));
    if (!c) throw new Error(`no checklist for ${needle}`);
    return c;
  };

  it.each(["危险化学品", "金属非金属矿山", "冶金", "烟花爆竹", "建筑施工", "通用"])("there is a %s checklist with at least 15 items", (needle) => {
    expect(byName(needle).items.length).toBeGreaterThanOrEqual(15);
  });

  it("ids and item codes are unique across all checklists; codes share their checklist's prefix", () => {
    const ids = SEED_CHECKLISTS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const codes = SEED_CHECKLISTS.flatMap((c) => c.items.map((i) => i.code));
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of SEED_CHECKLISTS) {
      const prefix = c.id.replace(/-v\d+$/, "");
      for (const i of c.items) expect(i.code).toMatch(new RegExp(`^${prefix}-\\d{3}$`));
    }
  });

  it("every item has a check, a standard and a legal basis naming a document or standard", () => {
    for (const c of SEED_CHECKLISTS) {
      expect(c.version).toBe(1);
      for (const i of c.items) {
        expect(i.check.trim(), i.code).not.toBe("");
        expect(i.standard.trim(), i.code).not.toBe("");
        expect(i.basis, i.code).toMatch(/《[^》]+》|\b(GB|GB\/T|AQ|JGJ)\s?\d/);
      }
    }
  });

  it("GB/T 4754: industry codes are sections or two-digit divisions; only the general checklist has none", () => {
    for (const c of SEED_CHECKLISTS) {
      if (c.industryCode === null) expect(c.id).toBe(GENERAL_CHECKLIST_ID);
      else expect(isIndustryCode(c.industryCode), c.id).toBe(true);
    }
    expect(byName("危险化学品").industryCode).toBe("26");
    expect(byName("矿山").industryCode).toBe("B");
    expect(byName("建筑施工").industryCode).toBe("E");
  });

  it("an enterprise is offered its industry's checklists (by division or section) plus the general one", () => {
    expect(checklistsForIndustry("26", SEED_CHECKLISTS).map((c) => c.id)).toEqual(["WHP-v1", "YHBZ-v1", GENERAL_CHECKLIST_ID]);
    expect(checklistsForIndustry("09", SEED_CHECKLISTS).map((c) => c.id)).toEqual(["FMKS-v1", GENERAL_CHECKLIST_ID]);
    expect(checklistsForIndustry("48", SEED_CHECKLISTS).map((c) => c.id)).toEqual(["JZSG-v1", GENERAL_CHECKLIST_ID]);
    expect(checklistsForIndustry("61", SEED_CHECKLISTS).map((c) => c.id)).toEqual([GENERAL_CHECKLIST_ID]);
  });
});

// ---------------------------------------------------------------------------------------------
describe("region partitions of the hazard indexes (GB/T 2260)", () => {
  it("county-level partitions under a region: a county itself, a city's counties, a 直管市 itself, the whole province", async () => {
    const { countiesUnder, isRegionCode } = await import("./regions.js");
    expect(countiesUnder("420102")).toEqual(["420102"]);
    expect(countiesUnder("420100")).toContain("420102");
    expect(countiesUnder("420100")).not.toContain("420100");
    expect(countiesUnder("429004")).toEqual(["429004"]);
    expect(countiesUnder("420102001")).toEqual(["420102"]);
    const province = countiesUnder("420000");
    expect(province).toEqual(expect.arrayContaining(["420102", "420304", "429004", "429021"]));
    expect(new Set(province).size).toBe(province.length);
    expect(countiesUnder("999999")).toEqual([]);
    expect(isRegionCode("429004", ["county"])).toBe(true);
    expect(isRegionCode("420100", ["county", "township"])).toBe(false);
    expect(isRegionCode("420102001", ["county", "township"])).toBe(true);
  });
});
