import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, renderShanghai, shanghaiDate } from "../../shared/time.js";
import {
  decideDecrease,
  loweredFigures,
  ACCIDENT_GRADES,
  type AccidentGrade,
  buildChain,
  CASUALTY_FIELDS,
  canClose,
  changedCasualties,
  checkReportTimes,
  canForward,
  type ChainStep,
  ceilingLevel,
  compareGrades,
  departmentHandoverDueAt,
  extendChain,
  followUpDueAt,
  followUpIntervalHours,
  GRADE_NAME_ZH,
  type GradeDimension,
  gradeAccident,
  gradeRank,
  holderLevel,
  injuryClass,
  injuryCounts,
  investigatingLevel,
  isFollowUpMissed,
  isForwardOverdue,
  isGradeAtLeast,
  LEVEL_NAME_ZH,
  levelRegion,
  lateness,
  levelRank,
  maxGrade,
  missingCountsAsDead,
  nextDueAt,
  pendingLevel,
  pendingStep,
  REPORT_LEVELS,
  type ReportLevel,
  recordForward,
  scheduleChain,
  statisticalDeaths,
  supplementWindowClosesAt,
  supplementWindowDays,
  supplementWindowOpen,
  unitReportDueAt,
  unreportedByUnit,
} from "./rules.js";

const NONE = { deaths: 0, missing: 0, seriousInjuries: 0, directLossYuan: 0 };
const PLAIN = { roadTraffic: false, fire: false };
const ROAD = { roadTraffic: true, fire: false };
const FIRE = { roadTraffic: false, fire: true };

const step = (chain: readonly ChainStep[], level: ReportLevel): ChainStep => {
  const s = chain.find((x) => x.level === level);
  if (s === undefined) throw new Error(`no ${level} step`);
  return s;
};

function forwardOk(chain: ChainStep[], input: Parameters<typeof recordForward>[1]): ChainStep[] {
  const r = recordForward(chain, input);
  if (!r.ok) throw new Error(`forward refused: ${r.error}`);
  return r.chain;
}

describe("grades and names", () => {
  it("493号令 art.3: four grades ordered 一般 < 较大 < 重大 < 特别重大", () => {
    expect(ACCIDENT_GRADES.map((g) => GRADE_NAME_ZH[g])).toEqual(["一般", "较大", "重大", "特别重大"]);
    expect(compareGrades("general", "larger")).toBeLessThan(0);
    expect(compareGrades("especially_major", "major")).toBeGreaterThan(0);
    expect(compareGrades("major", "major")).toBe(0);
    expect(maxGrade("larger", "major")).toBe("major");
    expect(maxGrade("especially_major", "general")).toBe("especially_major");
    expect(isGradeAtLeast("major", "larger")).toBe(true);
    expect(isGradeAtLeast("larger", "major")).toBe(false);
    expect(gradeRank("general")).toBeLessThan(gradeRank("especially_major"));
  });

  it("493号令 art.10: levels ordered 县级 < 设区的市级 < 省级 < 国家级", () => {
    expect(REPORT_LEVELS.map((l) => LEVEL_NAME_ZH[l])).toEqual(["县级", "设区的市级", "省级", "国家级"]);
    expect(levelRank("county")).toBeLessThan(levelRank("city"));
    expect(levelRank("province")).toBeLessThan(levelRank("national"));
  });
});

describe("gradeAccident (493号令 art.3)", () => {
  // [deaths, missing, expected]: "以上" includes the bound, "以下" excludes it.
  const deathCases: [number, number, AccidentGrade][] = [
    [2, 0, "general"],
    [3, 0, "larger"],
    [9, 0, "larger"],
    [10, 0, "major"],
    [29, 0, "major"],
    [30, 0, "especially_major"],
    [1, 1, "general"],
    [1, 2, "larger"],
    [0, 3, "larger"],
    [5, 4, "larger"],
    [5, 5, "major"],
    [20, 9, "major"],
    [0, 30, "especially_major"],
    [15, 15, "especially_major"],
  ];
  it.each(deathCases)("493号令 art.3: %i deaths + %i missing is %s", (deaths, missing, grade) => {
    const r = gradeAccident({ ...NONE, deaths, missing });
    expect(r.grade).toBe(grade);
    if (grade !== "general") expect(r.gradeBasis).toEqual(["deaths"]);
  });

  const injuryCases: [number, AccidentGrade][] = [
    [9, "general"],
    [10, "larger"],
    [49, "larger"],
    [50, "major"],
    [99, "major"],
    [100, "especially_major"],
  ];
  it.each(injuryCases)("493号令 art.3: %i serious injuries is %s", (seriousInjuries, grade) => {
    const r = gradeAccident({ ...NONE, seriousInjuries });
    expect(r.grade).toBe(grade);
    if (grade !== "general") expect(r.gradeBasis).toEqual(["seriousInjuries"]);
  });

  const lossCases: [number, AccidentGrade][] = [
    [9_999_999, "general"],
    [10_000_000, "larger"],
    [49_999_999, "larger"],
    [50_000_000, "major"],
    [99_999_999, "major"],
    [100_000_000, "especially_major"],
  ];
  it.each(lossCases)("493号令 art.3: direct loss of %i yuan is %s", (directLossYuan, grade) => {
    const r = gradeAccident({ ...NONE, directLossYuan });
    expect(r.grade).toBe(grade);
    if (grade !== "general") expect(r.gradeBasis).toEqual(["directLoss"]);
  });

  const mixed: [string, typeof NONE, AccidentGrade, GradeDimension[]][] = [
    ["nothing above 一般: every dimension is the basis", NONE, "general", ["deaths", "seriousInjuries", "directLoss"]],
    [
      "2 deaths, 9 serious, 9,999,999 yuan stays 一般",
      { deaths: 2, missing: 0, seriousInjuries: 9, directLossYuan: 9_999_999 },
      "general",
      ["deaths", "seriousInjuries", "directLoss"],
    ],
    [
      "3 deaths and 10 serious both decide 较大",
      { deaths: 3, missing: 0, seriousInjuries: 10, directLossYuan: 0 },
      "larger",
      ["deaths", "seriousInjuries"],
    ],
    [
      "1 death, 60 serious, 20M yuan: injuries decide 重大",
      { deaths: 1, missing: 0, seriousInjuries: 60, directLossYuan: 20_000_000 },
      "major",
      ["seriousInjuries"],
    ],
    [
      "loss alone lifts 2 deaths to 特别重大",
      { deaths: 2, missing: 0, seriousInjuries: 0, directLossYuan: 100_000_000 },
      "especially_major",
      ["directLoss"],
    ],
    [
      "10 deaths (7+3 missing), 50 serious, 50M yuan: all three decide 重大",
      { deaths: 7, missing: 3, seriousInjuries: 50, directLossYuan: 50_000_000 },
      "major",
      ["deaths", "seriousInjuries", "directLoss"],
    ],
  ];
  it.each(mixed)("493号令 art.3 most severe dimension wins: %s", (_name, input, grade, basis) => {
    expect(gradeAccident(input)).toEqual({ grade, gradeBasis: basis });
  });

  it("rejects negative or fractional counts, naming the field", () => {
    expect(() => gradeAccident({ ...NONE, deaths: -1 })).toThrow(/deaths/);
    expect(() => gradeAccident({ ...NONE, missing: 1.5 })).toThrow(/missing/);
    expect(() => gradeAccident({ ...NONE, seriousInjuries: Number.NaN })).toThrow(/seriousInjuries/);
    expect(() => gradeAccident({ ...NONE, directLossYuan: -5 })).toThrow(/directLossYuan/);
  });

  const input = fc.record({
    deaths: fc.nat(60),
    missing: fc.nat(60),
    seriousInjuries: fc.nat(200),
    directLossYuan: fc.nat(200_000_000),
  });

  it("493号令 art.3 property: grade never falls when any one input rises", () => {
    fc.assert(
      fc.property(
        input,
        fc.constantFrom("deaths", "missing", "seriousInjuries", "directLossYuan" as const),
        fc.nat(100_000_000),
        (base, key, more) => {
          const raised = { ...base, [key]: base[key] + more };
          expect(gradeRank(gradeAccident(raised).grade)).toBeGreaterThanOrEqual(gradeRank(gradeAccident(base).grade));
        },
      ),
    );
  });

  it("493号令 art.3 property: basis is non-empty and each basis dimension alone reaches the grade", () => {
    fc.assert(
      fc.property(input, (i) => {
        const { grade, gradeBasis } = gradeAccident(i);
        expect(gradeBasis.length).toBeGreaterThan(0);
        const alone: Record<GradeDimension, AccidentGrade> = {
          deaths: gradeAccident({ ...NONE, deaths: i.deaths, missing: i.missing }).grade,
          seriousInjuries: gradeAccident({ ...NONE, seriousInjuries: i.seriousInjuries }).grade,
          directLoss: gradeAccident({ ...NONE, directLossYuan: i.directLossYuan }).grade,
        };
        for (const d of ["deaths", "seriousInjuries", "directLoss"] as const) {
          expect(compareGrades(alone[d], grade)).toBeLessThanOrEqual(0);
          expect(gradeBasis.includes(d)).toBe(alone[d] === grade);
        }
      }),
    );
  });
});

describe("deadlines", () => {
  it("493号令 art.9: the unit reports within 1 hour of knowing, across Shanghai midnight", () => {
    const due = unitReportDueAt("2026-03-01T23:30:00+08:00");
    expect(due).toBe("2026-03-01T16:30:00.000Z");
    expect(renderShanghai(due)).toBe("2026-03-02T00:30:00.000+08:00");
  });

  it("493号令 art.9: the same instant as Z or +08:00 gives the same due time and lateness", () => {
    expect(unitReportDueAt("2026-03-01T15:30:00Z")).toBe(unitReportDueAt("2026-03-01T23:30:00+08:00"));
    expect(lateness("2026-03-01T16:30:00Z", "2026-03-02T01:31:00+08:00")).toEqual(
      lateness("2026-03-02T00:30:00+08:00", "2026-03-01T17:31:00Z"),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: -300, max: 300 }),
        (t, deltaMin) => {
          const z = new Date(t).toISOString();
          const sh = renderShanghai(z);
          expect(unitReportDueAt(sh)).toBe(unitReportDueAt(z));
          const recvZ = new Date(t + 3_600_000 + deltaMin * 60_000).toISOString();
          expect(lateness(unitReportDueAt(sh), renderShanghai(recvZ))).toEqual(lateness(unitReportDueAt(z), recvZ));
        },
      ),
    );
  });

  it("493号令 art.9: arriving exactly at the 1-hour deadline is on time, one second after is 1 minute late", () => {
    const due = unitReportDueAt("2026-03-01T23:30:00+08:00");
    expect(lateness(due, "2026-03-02T00:30:00+08:00")).toEqual({ late: false, minutesLate: 0 });
    expect(lateness(due, "2026-03-02T00:29:00+08:00")).toEqual({ late: false, minutesLate: 0 });
    expect(lateness(due, "2026-03-02T00:30:01+08:00")).toEqual({ late: true, minutesLate: 1 });
    expect(lateness(due, "2026-03-02T01:31:00+08:00")).toEqual({ late: true, minutesLate: 61 });
  });

  it("2016 统计管理办法: other departments hand over within 24 hours", () => {
    expect(departmentHandoverDueAt("2026-03-01T10:00:00+08:00")).toBe("2026-03-02T02:00:00.000Z");
  });
});

describe("escalation chain (493号令 art.10, art.11)", () => {
  const T0 = "2026-05-01T22:00:00+08:00"; // county receives at 22:00 Shanghai

  const ceilings: [AccidentGrade, ReportLevel, ReportLevel[]][] = [
    ["general", "city", ["county", "city"]],
    ["larger", "province", ["county", "city", "province"]],
    ["major", "national", ["county", "city", "province", "national"]],
    ["especially_major", "national", ["county", "city", "province", "national"]],
  ];
  it.each(ceilings)("493号令 art.10: %s goes up to %s", (grade, ceiling, levels) => {
    expect(ceilingLevel(grade)).toBe(ceiling);
    expect(buildChain(grade, T0).map((s) => s.level)).toEqual(levels);
  });

  it("493号令 art.11: each level is due 2 hours after the level below (projected until it receives)", () => {
    const chain = buildChain("major", T0);
    expect(chain.map((s) => renderShanghai(s.dueAt))).toEqual([
      "2026-05-01T22:00:00.000+08:00",
      "2026-05-02T00:00:00.000+08:00",
      "2026-05-02T02:00:00.000+08:00",
      "2026-05-02T04:00:00.000+08:00",
    ]);
    expect(step(chain, "county").receivedAt).toBe("2026-05-01T14:00:00.000Z");
    expect(chain.slice(1).every((s) => s.receivedAt === undefined)).toBe(true);
    expect(nextDueAt("2026-05-01T23:15:00+08:00")).toBe("2026-05-01T17:15:00.000Z");
  });

  it("493号令 art.9/art.11: the county step can carry the unit's 1-hour deadline", () => {
    const chain = buildChain("general", "2026-05-01T23:10:00+08:00", {
      unitDueAt: unitReportDueAt("2026-05-01T22:00:00+08:00"),
      reportedBy: "ent-1",
    });
    const county = step(chain, "county");
    expect(lateness(county.dueAt, county.receivedAt ?? "")).toEqual({ late: true, minutesLate: 10 });
    expect(county.forwardedBy).toBe("ent-1");
    expect(renderShanghai(step(chain, "city").dueAt)).toBe("2026-05-02T01:10:00.000+08:00");
  });

  it("493号令 art.11: due times follow actual receipt, and the holder must act", () => {
    let chain = buildChain("larger", T0);
    expect(pendingLevel(chain)).toBe("county");
    expect(pendingStep(chain)?.level).toBe("city");
    chain = forwardOk(chain, { fromLevel: "county", toLevel: "city", at: "2026-05-01T23:00:00+08:00", by: "u-county" });
    expect(step(chain, "city")).toMatchObject({ receivedAt: "2026-05-01T15:00:00.000Z", forwardedBy: "u-county" });
    expect(renderShanghai(step(chain, "province").dueAt)).toBe("2026-05-02T01:00:00.000+08:00");
    expect(holderLevel(chain)).toBe("city");
    expect(pendingLevel(chain)).toBe("city");
    chain = forwardOk(chain, { fromLevel: "city", toLevel: "province", at: "2026-05-02T00:30:00+08:00", by: "u-city" });
    expect(pendingLevel(chain)).toBe(null);
    expect(pendingStep(chain)).toBe(null);
  });

  it("493号令 art.11: a forward is overdue only after its 2-hour due time", () => {
    const chain = buildChain("general", T0);
    const city = step(chain, "city");
    expect(isForwardOverdue(city, "2026-05-02T00:00:00+08:00")).toBe(false);
    expect(isForwardOverdue(city, "2026-05-01T16:00:00.001Z")).toBe(true);
    const done = forwardOk(chain, { fromLevel: "county", toLevel: "city", at: "2026-05-02T03:00:00+08:00", by: "u" });
    expect(isForwardOverdue(step(done, "city"), "2026-05-03T00:00:00+08:00")).toBe(false);
    const c = step(done, "city");
    expect(lateness(c.dueAt, c.receivedAt ?? "")).toEqual({ late: true, minutesLate: 180 });
  });

  it("493号令 art.10: only the holding level may forward, only upwards, only up to the ceiling", () => {
    const chain = buildChain("larger", T0);
    expect(canForward(chain, "city", "province", "x")).toEqual({ ok: false, error: "not_holder" });
    expect(canForward(chain, "county", "county")).toEqual({ ok: false, error: "not_upward" });
    expect(canForward(chain, "county", "national", "urgent")).toEqual({ ok: false, error: "beyond_ceiling" });
    expect(canForward(chain, "county", "city")).toEqual({ ok: true, skipped: [] });
    const done = forwardOk(
      forwardOk(chain, { fromLevel: "county", toLevel: "city", at: T0, by: "a" }),
      { fromLevel: "city", toLevel: "province", at: T0, by: "b" },
    );
    expect(canForward(done, "province", "national", "x")).toEqual({ ok: false, error: "chain_complete" });
    expect(recordForward(chain, { fromLevel: "city", toLevel: "province", at: T0, by: "x" })).toEqual({
      ok: false,
      error: "not_holder",
    });
  });

  it("493号令 art.10 必要时越级上报: skipping a level needs a reason and is recorded", () => {
    const chain = buildChain("major", T0);
    expect(canForward(chain, "county", "province")).toEqual({ ok: false, error: "skip_reason_required" });
    expect(canForward(chain, "county", "province", "   ")).toEqual({ ok: false, error: "skip_reason_required" });
    expect(canForward(chain, "county", "national", "mass casualties")).toEqual({
      ok: true,
      skipped: ["city", "province"],
    });
    const after = forwardOk(chain, {
      fromLevel: "county",
      toLevel: "province",
      at: "2026-05-01T23:00:00+08:00",
      by: "u-county",
      reason: " city unreachable ",
    });
    expect(step(after, "city").skipped).toBe(true);
    expect(isForwardOverdue(step(after, "city"), "2026-05-09T00:00:00Z")).toBe(false);
    expect(step(after, "province")).toMatchObject({ skipReason: "city unreachable", forwardedBy: "u-county" });
    // The skip discharges the county's 2-hour duty: the province is due when the city would have been.
    expect(renderShanghai(step(after, "province").dueAt)).toBe("2026-05-02T00:00:00.000+08:00");
    expect(renderShanghai(step(after, "national").dueAt)).toBe("2026-05-02T01:00:00.000+08:00");
    expect(pendingLevel(after)).toBe("province");
  });

  it("scheduleChain is idempotent on any recorded chain", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACCIDENT_GRADES),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.array(fc.integer({ min: 0, max: 5 * 3_600_000 }), { maxLength: 3 }),
        (grade, t, gaps) => {
          let chain = buildChain(grade, new Date(t));
          let at = t;
          for (const gap of gaps) {
            const from = pendingLevel(chain);
            const to = pendingStep(chain);
            if (from === null || to === null) break;
            at += gap;
            chain = forwardOk(chain, { fromLevel: from, toLevel: to.level, at: new Date(at), by: "u" });
          }
          expect(scheduleChain(chain)).toEqual(chain);
        },
      ),
    );
  });
});

describe("regrade extends the chain (493号令 art.10 with art.13 补报)", () => {
  const T0 = "2026-05-01T10:00:00+08:00";

  it("493号令 art.10: general → larger after the city already holds it: province due 2h after the regrade", () => {
    const chain = forwardOk(buildChain("general", T0), {
      fromLevel: "county",
      toLevel: "city",
      at: "2026-05-01T11:00:00+08:00",
      by: "u",
    });
    expect(pendingLevel(chain)).toBe(null);
    const extended = extendChain(chain, "larger", "2026-05-03T20:00:00+08:00");
    expect(extended.map((s) => s.level)).toEqual(["county", "city", "province"]);
    expect(renderShanghai(step(extended, "province").dueAt)).toBe("2026-05-03T22:00:00.000+08:00");
    expect(pendingLevel(extended)).toBe("city");
    expect(extended.slice(0, 2)).toEqual(chain);
  });

  it("493号令 art.10: regrade before the top level receives: new levels follow its actual receipt", () => {
    const chain = buildChain("general", T0);
    const extended = extendChain(chain, "major", "2026-05-01T10:30:00+08:00");
    expect(extended.map((s) => renderShanghai(s.dueAt).slice(11, 16))).toEqual(["10:00", "12:00", "14:00", "16:00"]);
    const fwd = forwardOk(extended, { fromLevel: "county", toLevel: "city", at: "2026-05-01T11:00:00+08:00", by: "u" });
    expect(renderShanghai(step(fwd, "province").dueAt)).toBe("2026-05-01T13:00:00.000+08:00");
    expect(renderShanghai(step(fwd, "national").dueAt)).toBe("2026-05-01T15:00:00.000+08:00");
  });

  it("493号令 art.10: a regrade that does not raise the ceiling (or lowers the grade) changes nothing", () => {
    const major = buildChain("major", T0);
    expect(extendChain(major, "especially_major", "2026-05-02T00:00:00Z")).toEqual(major);
    expect(extendChain(major, "general", "2026-05-02T00:00:00Z")).toEqual(major);
    const larger = buildChain("larger", T0);
    expect(extendChain(larger, "larger", "2026-05-02T00:00:00Z")).toEqual(larger);
  });
});

describe("follow-ups (续报)", () => {
  const intervals: [AccidentGrade, number][] = [
    ["general", 24],
    ["larger", 24],
    ["major", 12],
    ["especially_major", 12],
  ];
  it.each(intervals)("续报 (493号令 art.13 and the 2016 统计管理办法): %s at least every %i hours", (grade, hours) => {
    expect(followUpIntervalHours(grade)).toBe(hours);
    const last = "2026-06-01T20:00:00+08:00";
    const due = followUpDueAt(grade, last);
    expect(Date.parse(due) - Date.parse(last)).toBe(hours * 3_600_000);
    expect(isFollowUpMissed(grade, last, due)).toBe(false);
    expect(isFollowUpMissed(grade, last, new Date(Date.parse(due) + 1))).toBe(true);
  });

  it("续报: twice daily for 重大 crosses Shanghai midnight", () => {
    expect(renderShanghai(followUpDueAt("major", "2026-06-01T20:00:00+08:00"))).toBe("2026-06-02T08:00:00.000+08:00");
  });
});

describe("补报 window and statistical deaths", () => {
  const OCC = "2026-07-01T08:00:00+08:00";

  it("493号令 art.13: 30 days, or 7 for road traffic or fire", () => {
    expect(supplementWindowDays(PLAIN)).toBe(30);
    expect(supplementWindowDays(ROAD)).toBe(7);
    expect(supplementWindowDays(FIRE)).toBe(7);
    expect(supplementWindowDays({ roadTraffic: true, fire: true })).toBe(7);
  });

  it("493号令 art.13 with 民法典 arts. 201, 203: the accident's day is not counted; day 30 runs to 24:00 Asia/Shanghai", () => {
    expect(renderShanghai(supplementWindowClosesAt(OCC, PLAIN))).toBe("2026-08-01T00:00:00.000+08:00");
    expect(supplementWindowOpen(OCC, "2026-07-31T08:00:00+08:00", PLAIN)).toBe(true);
    expect(supplementWindowOpen(OCC, "2026-07-31T23:59:59.999+08:00", PLAIN)).toBe(true);
    expect(supplementWindowOpen(OCC, "2026-08-01T00:00:00+08:00", PLAIN)).toBe(false);
    expect(supplementWindowOpen(OCC, "2026-07-01T08:00:00+08:00", PLAIN)).toBe(true);
  });

  it("民法典 art. 201: an accident on 2026-03-01 08:00 may still be changed on 2026-03-31 12:00", () => {
    expect(supplementWindowOpen("2026-03-01T08:00:00+08:00", "2026-03-31T12:00:00+08:00", PLAIN)).toBe(true);
    // the old reading (30×24 h from the instant) closed it at 2026-03-31 08:00
    expect(supplementWindowOpen("2026-03-01T08:00:00+08:00", "2026-03-31T08:00:01+08:00", PLAIN)).toBe(true);
  });

  it("493号令 art.13: road traffic and fire: 7 days, the 8th of July to its end", () => {
    for (const flags of [ROAD, FIRE]) {
      expect(supplementWindowOpen(OCC, "2026-07-08T23:59:59.999+08:00", flags)).toBe(true);
      expect(supplementWindowOpen(OCC, "2026-07-09T00:00:00+08:00", flags)).toBe(false);
      expect(supplementWindowOpen(OCC, "2026-07-09T00:00:00+08:00", PLAIN)).toBe(true);
    }
  });

  it("493号令 art.13: the window is the same whether occurredAt is sent as Z or +08:00, and counts whole Shanghai days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        fc.boolean(),
        (t, after, road) => {
          const z = new Date(t).toISOString();
          const now = new Date(t + after);
          const flags = { roadTraffic: road, fire: false };
          expect(supplementWindowOpen(renderShanghai(z), now, flags)).toBe(supplementWindowOpen(z, now, flags));
          // open exactly while the Shanghai date of `now` is at most N days after the accident's
          const dayDiff = daysBetween(shanghaiDate(z), shanghaiDate(now));
          expect(supplementWindowOpen(z, now, flags)).toBe(dayDiff <= supplementWindowDays(flags));
        },
      ),
    );
  });

  it("2016 统计管理办法: missing people count as dead once the 30-day window has passed (same day count)", () => {
    const base = { deaths: 2, missing: 3, occurredAt: OCC, flags: PLAIN };
    expect(statisticalDeaths({ ...base, now: "2026-07-31T23:59:59.999+08:00" })).toBe(2);
    expect(missingCountsAsDead(OCC, "2026-07-31T23:59:59.999+08:00", PLAIN)).toBe(false);
    expect(statisticalDeaths({ ...base, now: "2026-08-01T00:00:00+08:00" })).toBe(5);
    expect(missingCountsAsDead(OCC, "2026-08-01T00:00:00+08:00", PLAIN)).toBe(true);
  });

  it("2016 统计管理办法: for road traffic and fire, missing count as dead after 7 days", () => {
    const base = { deaths: 1, missing: 4, occurredAt: OCC };
    expect(statisticalDeaths({ ...base, flags: ROAD, now: "2026-07-08T23:00:00+08:00" })).toBe(1);
    expect(statisticalDeaths({ ...base, flags: ROAD, now: "2026-07-09T00:00:00+08:00" })).toBe(5);
    expect(statisticalDeaths({ ...base, flags: FIRE, now: "2026-07-09T00:00:00+08:00" })).toBe(5);
    expect(statisticalDeaths({ ...base, flags: PLAIN, now: "2026-07-09T00:00:00+08:00" })).toBe(1);
  });
});

describe("closure (493号令 art.19)", () => {
  const investigators: [AccidentGrade, ReportLevel][] = [
    ["general", "county"],
    ["larger", "city"],
    ["major", "province"],
    ["especially_major", "province"],
  ];
  it.each(investigators)("493号令 art.19: %s is investigated at %s level", (grade, level) => {
    expect(investigatingLevel(grade)).toBe(level);
  });

  // regulator level → grades it may close
  const closable: [ReportLevel, AccidentGrade[]][] = [
    ["county", ["general"]],
    ["city", ["general", "larger"]],
    ["province", ["general", "larger", "major", "especially_major"]],
    ["national", ["general", "larger", "major", "especially_major"]],
  ];
  it.each(closable)("493号令 art.19: a %s regulator may close only at or below its level", (level, grades) => {
    for (const g of ACCIDENT_GRADES) expect(canClose(level, g)).toBe(grades.includes(g));
  });
});

describe("statistics (2016 统计管理办法)", () => {
  const classes: [number, ReturnType<typeof injuryClass>][] = [
    [0, "none"],
    [2, "none"],
    [3, "injured"],
    [104, "injured"],
    [105, "serious"],
    [400, "serious"],
  ];
  it.each(classes)("2016 统计管理办法: %i lost work days is %s", (days, cls) => {
    expect(injuryClass(days)).toBe(cls);
  });

  it("injuryClass rejects negative days", () => {
    expect(() => injuryClass(-1)).toThrow(RangeError);
  });

  it("2016 统计管理办法 and 493号令 art.3: injury counts from injured people; acute poisoning is serious whatever the days", () => {
    expect(injuryCounts([])).toEqual({ seriousInjuries: 0, injuries: 0 });
    expect(injuryCounts([{ lostWorkDays: 105 }, { lostWorkDays: 104 }, { lostWorkDays: 3 }, { lostWorkDays: 2 }, { lostWorkDays: 0, acutePoisoning: true }])).toEqual({
      seriousInjuries: 2,
      injuries: 2,
    });
  });

  it("493号令 art.36 (瞒报/漏报): a report recorded by others flags a unit that did not report in time", () => {
    const dueAt = unitReportDueAt("2026-08-01T09:00:00+08:00");
    expect(unreportedByUnit({ reporterRole: "enterprise", dueAt })).toBe(false);
    expect(unreportedByUnit({ reporterRole: "regulator", dueAt })).toBe(true);
    expect(unreportedByUnit({ reporterRole: "department", dueAt })).toBe(true);
    expect(
      unreportedByUnit({ reporterRole: "regulator", enterpriseReportedAt: "2026-08-01T02:00:00Z", dueAt }),
    ).toBe(false);
    expect(
      unreportedByUnit({ reporterRole: "department", enterpriseReportedAt: "2026-08-01T10:00:01+08:00", dueAt }),
    ).toBe(true);
  });
});

describe("直管市/林区 chain (GB/T 2260: 429004 etc. report straight to the province)", () => {
  const T0 = "2026-05-01T22:00:00+08:00";

  it("493号令 art.10: a 一般 accident in a 直管 unit is complete on receipt: the unit is its own city level", () => {
    const chain = buildChain("general", T0, { directAdministered: true });
    expect(chain.map((s) => s.level)).toEqual(["county", "city"]);
    expect(step(chain, "city")).toMatchObject({ receivedAt: "2026-05-01T14:00:00.000Z", sameUnit: true });
    expect(pendingLevel(chain)).toBe(null);
  });

  it("493号令 art.10/11: a 较大 accident goes from the 直管 unit (acting as city) to the province within 2 hours", () => {
    const chain = buildChain("larger", T0, { directAdministered: true });
    expect(holderLevel(chain)).toBe("city");
    expect(pendingLevel(chain)).toBe("city");
    expect(renderShanghai(step(chain, "province").dueAt)).toBe("2026-05-02T00:00:00.000+08:00");
    expect(canForward(chain, "city", "province")).toEqual({ ok: true, skipped: [] });
    expect(canForward(chain, "county", "province", "x")).toEqual({ ok: false, error: "not_holder" });
    expect(scheduleChain(chain)).toEqual(chain);
  });

  it("493号令 art.10: a regrade of a 直管 report extends it to the province from the regrade", () => {
    const chain = extendChain(buildChain("general", T0, { directAdministered: true }), "major", "2026-05-03T10:00:00+08:00");
    expect(chain.map((s) => s.level)).toEqual(["county", "city", "province", "national"]);
    expect(pendingLevel(chain)).toBe("city");
    expect(renderShanghai(step(chain, "province").dueAt)).toBe("2026-05-03T12:00:00.000+08:00");
  });
});

describe("direct reporting by a higher regulator (493号令 art.10: 直报)", () => {
  const T0 = "2026-05-01T22:00:00+08:00";

  it("a city regulator that records a 较大 accident already holds it: the province is due 2 hours later", () => {
    const chain = buildChain("larger", T0, { reporterLevel: "city", reportedBy: "u-city" });
    expect(step(chain, "city")).toMatchObject({ receivedAt: "2026-05-01T14:00:00.000Z", forwardedBy: "u-city" });
    expect(pendingLevel(chain)).toBe("city");
    expect(renderShanghai(step(chain, "province").dueAt)).toBe("2026-05-02T00:00:00.000+08:00");
  });

  it("a province regulator recording a 一般 accident completes the chain (the ceiling is the city)", () => {
    const chain = buildChain("general", T0, { reporterLevel: "province" });
    expect(chain.map((s) => s.level)).toEqual(["county", "city"]);
    expect(pendingLevel(chain)).toBe(null);
    const major = buildChain("major", T0, { reporterLevel: "province" });
    expect(pendingLevel(major)).toBe("province");
    expect(renderShanghai(step(major, "national").dueAt)).toBe("2026-05-02T00:00:00.000+08:00");
  });
});

describe("report checks", () => {
  const NOW = "2026-03-01T12:00:00+08:00";

  it("times may not be in the future (a minute of clock drift is tolerated), whatever the offset", () => {
    expect(checkReportTimes("2026-03-01T04:00:00Z", undefined, NOW)).toEqual([]);
    expect(checkReportTimes("2026-03-01T12:01:00+08:00", "2026-03-01T04:01:00Z", NOW)).toEqual([]);
    expect(checkReportTimes("2026-03-01T04:01:00.001Z", undefined, NOW)).toEqual([{ field: "occurredAt", problem: "future" }]);
    expect(checkReportTimes("2026-03-01T11:00:00+08:00", "2026-03-01T13:00:00+08:00", NOW)).toEqual([
      { field: "knownAt", problem: "future" },
    ]);
  });

  it("the unit head cannot learn of an accident before it happened", () => {
    expect(checkReportTimes("2026-03-01T11:00:00+08:00", "2026-03-01T02:59:59Z", NOW)).toEqual([
      { field: "knownAt", problem: "before_occurred" },
    ]);
    expect(checkReportTimes("2026-03-01T11:00:00+08:00", "2026-03-01T03:00:00Z", NOW)).toEqual([]);
  });

  it("493号令 art.13: 补报 concerns casualty counts; the same value sent again is no change", () => {
    expect(CASUALTY_FIELDS).toEqual(["deaths", "missing", "seriousInjuries", "injuries"]);
    const before = { deaths: 1, missing: 2, seriousInjuries: 0, injuries: 3 };
    expect(changedCasualties(before, {})).toEqual([]);
    expect(changedCasualties(before, { deaths: 1, injuries: 3 })).toEqual([]);
    expect(changedCasualties(before, { deaths: 2, missing: 1 })).toEqual(["deaths", "missing"]);
  });
});

describe("levelRegion: who acts at each level (GB/T 2260)", () => {
  it("county → its city → the province; national is outside the platform; a 直管 unit is its own city level", () => {
    expect(["county", "city", "province", "national"].map((l) => levelRegion(l as ReportLevel, "420304"))).toEqual([
      "420304",
      "420300",
      "420000",
      undefined,
    ]);
    expect(levelRegion("city", "429021")).toBe("429021");
    expect(levelRegion("county", "429004")).toBe("429004");
  });
});

describe("lowering the figures (493号令 arts. 12, 13, 36)", () => {
  const before = { deaths: 3, missing: 1, seriousInjuries: 5, directLossYuan: 2_000_000 };
  it.each([
    [{ deaths: 0 }, ["deaths"]],
    [{ missing: 0 }, ["missing"]],
    [{ deaths: 4, missing: 0 }, []], // the missing person was found dead: deaths incl. missing stay 4
    [{ deaths: 2, missing: 2 }, ["deaths"]],
    [{ seriousInjuries: 4, directLossYuan: 1_000_000 }, ["seriousInjuries", "directLossYuan"]],
    [{ deaths: 5, seriousInjuries: 6 }, []],
  ])("update %j lowers %j", (update, lowered) => {
    expect(loweredFigures(before, update)).toEqual(lowered);
  });
  it.each([
    [[], true, false, "allowed"],
    [["deaths"], false, false, "allowed"], // the unit corrects its own unconfirmed report
    [["deaths"], true, false, "refused"], // a regulator stands behind the figures
    [["missing", "directLossYuan"], true, false, "refused"],
    [["deaths"], true, true, "allowed"], // a regulator of the chain, the update's note saying why
  ] as const)("lowered %j, backed %s, chain regulator %s: %s", (lowered, regulatorBacked, chainRegulator, expected) => {
    expect(decideDecrease({ lowered, regulatorBacked, chainRegulator })).toBe(expected);
  });
});
