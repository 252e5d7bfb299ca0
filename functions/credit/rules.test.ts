import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween } from "../../shared/time.js";
import {
  type BlacklistPolicy,
  DEFAULT_BLACKLIST_POLICY,
  PENALTY_KIND_NAME_ZH,
  PENALTY_KINDS,
} from "./config-data.js";
import {
  activeListing,
  canRemoveEarly,
  dueInspectionTasks,
  dueInterviews,
  evaluateBlacklistTriggers,
  freshTriggers,
  isLicencePenalty,
  isLicencePenaltyEvent,
  isListed,
  type Listing,
  listingTerm,
  manualListingTrigger,
  parseQuarter,
  primaryReason,
  publicationQuarter,
  publicBlacklistEntry,
  publishedInQuarter,
  removeEarly,
  type ResponsibleAccident,
  type TriggerInput,
  validateBlacklistPolicy,
  validatePenalty,
  yearSettled,
} from "./rules.js";

const noRecords = (over: Partial<TriggerInput> = {}): TriggerInput => ({
  enterpriseId: "E1",
  responsibleAccidents: [],
  concealedAccidents: [],
  overdueSupervisedHazards: [],
  licenceEvents: [],
  year: 2026,
  today: "2026-06-01",
  ...over,
});

const accident = (id: string, over: Partial<ResponsibleAccident> = {}): ResponsibleAccident => ({
  id,
  occurredAt: "2026-03-01T02:00:00Z",
  grade: "general",
  statisticalDeaths: 1,
  ...over,
});

const kinds = (input: TriggerInput, policy?: BlacklistPolicy) => evaluateBlacklistTriggers(input, policy).map((t) => t.kind);

const lowered: BlacklistPolicy = { ...DEFAULT_BLACKLIST_POLICY, accidentGradeThreshold: "larger", annualDeathsThreshold: 3 };

// ---------------------------------------------------------------------------------------------
describe("blacklist policy (安委办〔2015〕14号)", () => {
  it("14号 defaults: 重大 or above, 10 deaths a year, 1 year then 3, inspection every 6 months, yearly interview", () => {
    expect(DEFAULT_BLACKLIST_POLICY).toEqual({
      accidentGradeThreshold: "major",
      annualDeathsThreshold: 10,
      firstTermYears: 1,
      repeatTermYears: 3,
      inspectionIntervalMonths: 6,
      interviewIntervalMonths: 12,
    });
    expect(validateBlacklistPolicy(DEFAULT_BLACKLIST_POLICY)).toEqual([]);
  });

  it("14号: a province may lower the thresholds to 较大 and 3 deaths", () => {
    expect(validateBlacklistPolicy(lowered)).toEqual([]);
  });

  it.each([
    ["a 一般 accident threshold (below 较大)", { accidentGradeThreshold: "general" as const }, /accidentGradeThreshold/],
    ["an 特别重大 threshold (looser than 重大)", { accidentGradeThreshold: "especially_major" as const }, /accidentGradeThreshold/],
    ["2 deaths (below 3)", { annualDeathsThreshold: 2 }, /annualDeathsThreshold/],
    ["11 deaths (looser than 10)", { annualDeathsThreshold: 11 }, /annualDeathsThreshold/],
    ["a fractional term", { firstTermYears: 1.5 }, /firstTermYears/],
    ["a repeat term shorter than the first", { firstTermYears: 2, repeatTermYears: 1 }, /repeatTermYears/],
    ["a zero inspection interval", { inspectionIntervalMonths: 0 }, /inspectionIntervalMonths/],
  ])("14号 bounds: rejects %s", (_name, change, message) => {
    const problems = validateBlacklistPolicy({ ...DEFAULT_BLACKLIST_POLICY, ...change });
    expect(problems.map((e) => e.path).join("\n")).toMatch(message);
    for (const e of problems) expect(e.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("blacklist triggers (安委办〔2015〕14号)", () => {
  it("no records, no trigger", () => {
    expect(evaluateBlacklistTriggers(noRecords())).toEqual([]);
  });

  it.each([
    ["general", DEFAULT_BLACKLIST_POLICY, false],
    ["larger", DEFAULT_BLACKLIST_POLICY, false],
    ["major", DEFAULT_BLACKLIST_POLICY, true],
    ["especially_major", DEFAULT_BLACKLIST_POLICY, true],
    ["general", lowered, false],
    ["larger", lowered, true],
  ] as const)("14号: a responsible %s accident (threshold %o) lists: %s", (grade, policy, listed) => {
    const t = evaluateBlacklistTriggers(noRecords({ responsibleAccidents: [accident("A1", { grade, statisticalDeaths: 0 })] }), policy);
    expect(t.some((x) => x.kind === "responsible_accident_grade")).toBe(listed);
    if (listed) expect(t[0]).toMatchObject({ kind: "responsible_accident_grade", evidence: ["A1"] });
  });

  it.each([
    [[9], DEFAULT_BLACKLIST_POLICY, false],
    [[10], DEFAULT_BLACKLIST_POLICY, true],
    [[4, 3, 2], DEFAULT_BLACKLIST_POLICY, false],
    [[4, 3, 3], DEFAULT_BLACKLIST_POLICY, true],
    [[2], lowered, false],
    [[1, 2], lowered, true],
  ] as const)("14号: responsible-accident deaths %o in a year (threshold from policy) list: %s", (deaths, policy, listed) => {
    const accidents = deaths.map((d, i) => accident(`A${i}`, { statisticalDeaths: d }));
    const t = evaluateBlacklistTriggers(noRecords({ responsibleAccidents: accidents }), policy).find((x) => x.kind === "annual_deaths");
    expect(t !== undefined).toBe(listed);
    if (t) {
      expect(t.evidence).toEqual(accidents.map((a) => a.id));
      expect(t.detail).toEqual({ year: 2026, deaths: deaths.reduce((s, d) => s + d, 0), threshold: policy.annualDeathsThreshold });
    }
  });

  it("14号 annual deaths: the year is the Shanghai calendar year of occurrence", () => {
    const accidents = [
      accident("prev", { occurredAt: "2025-12-31T15:59:00Z", statisticalDeaths: 5 }), // 23:59 on 31 Dec in Shanghai
      accident("new", { occurredAt: "2025-12-31T16:01:00Z", statisticalDeaths: 5 }), // 00:01 on 1 Jan in Shanghai
      accident("later", { occurredAt: "2026-11-30T00:00:00+08:00", statisticalDeaths: 4 }),
    ];
    const t = evaluateBlacklistTriggers(noRecords({ responsibleAccidents: accidents, year: 2026 }));
    // 9 deaths in 2026 (counting "prev" would make 14 and list the enterprise).
    expect(t).toEqual([]);
    expect(kinds(noRecords({ responsibleAccidents: accidents, year: 2026 }), lowered)).toEqual(["annual_deaths"]);
    const t3 = evaluateBlacklistTriggers(noRecords({ responsibleAccidents: accidents, year: 2026 }), lowered)[0];
    expect(t3?.evidence).toEqual(["new", "later"]);
    expect(t3?.detail).toMatchObject({ deaths: 9 });
  });

  it("14号 annual deaths across the year boundary: while the previous year is open, each year is counted on its own", () => {
    const accidents = [
      accident("dec1", { occurredAt: "2025-12-20T02:00:00Z", grade: "larger", statisticalDeaths: 6 }),
      accident("dec2", { occurredAt: "2025-12-28T02:00:00Z", grade: "larger", statisticalDeaths: 5 }),
      accident("jan", { occurredAt: "2026-01-05T02:00:00Z", statisticalDeaths: 2 }),
    ];
    const input = noRecords({ responsibleAccidents: accidents, year: 2026, today: "2026-01-20" });
    expect(evaluateBlacklistTriggers(input)).toEqual([]);
    expect(evaluateBlacklistTriggers({ ...input, previousYear: 2025 })).toEqual([
      { kind: "annual_deaths", evidence: ["dec1", "dec2"], detail: { year: 2025, deaths: 11, threshold: 10 } },
    ]);
  });

  it("a year is settled once every accident of it (Shanghai year of occurrence) is closed", () => {
    const open = { occurredAt: "2025-12-31T15:59:00Z", status: "open" }; // 23:59 on 31 Dec 2025 in Shanghai
    const closed = { occurredAt: "2025-06-01T02:00:00Z", status: "closed" };
    const nextYearOpen = { occurredAt: "2025-12-31T16:01:00Z", status: "open" }; // 1 Jan 2026 in Shanghai
    expect(yearSettled([closed, nextYearOpen], 2025)).toBe(true);
    expect(yearSettled([closed, open], 2025)).toBe(false);
    expect(yearSettled([], 2025)).toBe(true);
  });

  it("493号令 补报: missing people counted dead (statisticalDeaths) count toward the annual total", () => {
    const t = kinds(noRecords({ responsibleAccidents: [accident("A1", { grade: "larger", statisticalDeaths: 10 })] }));
    expect(t).toEqual(["annual_deaths"]);
  });

  it("14号: a confirmed concealed or falsified accident lists, with the accidents as evidence", () => {
    const t = evaluateBlacklistTriggers(noRecords({ concealedAccidents: [{ id: "C1" }, { id: "C2" }] }));
    expect(t).toEqual([{ kind: "concealed_accident", evidence: ["C1", "C2"] }]);
  });

  it.each([
    ["on the deadline day", { id: "H", deadline: "2026-05-10" }, "2026-05-10", false],
    ["the day after the deadline", { id: "H", deadline: "2026-05-10" }, "2026-05-11", true],
    ["written off", { id: "H", deadline: "2026-05-10", writtenOffAt: "2026-05-20T02:00:00Z" }, "2026-06-01", false],
    ["review applied for by the deadline (Shanghai date)", { id: "H", deadline: "2026-05-10", reviewRequestedAt: "2026-05-10T15:00:00Z" }, "2026-06-01", false],
    ["review applied for after the deadline", { id: "H", deadline: "2026-05-10", reviewRequestedAt: "2026-05-10T16:00:00Z" }, "2026-06-01", true],
  ] as const)("14号 ignoring a major-hazard order: %s → %s", (_name, hazard, today, listed) => {
    const t = evaluateBlacklistTriggers(noRecords({ overdueSupervisedHazards: [hazard], today }));
    expect(t).toEqual(listed ? [{ kind: "ignored_major_hazard_order", evidence: ["H"] }] : []);
  });

  it("14号: a suspended or revoked licence lists; other licence events do not", () => {
    const t = evaluateBlacklistTriggers(
      noRecords({ licenceEvents: [{ id: "L1", kind: "suspended" }, { id: "L2", kind: "granted" }, { id: "L3", kind: "revoked" }] }),
    );
    expect(t).toEqual([{ kind: "licence_suspended_or_revoked", evidence: ["L1", "L3"] }]);
    expect(evaluateBlacklistTriggers(noRecords({ licenceEvents: [{ id: "L4", kind: "renewed" }] }))).toEqual([]);
  });

  it("14号 means a penalty: the hold while production is suspended for a major hazard (16号令) is not the licence trigger", () => {
    const held = { id: "L5", kind: "suspended", cause: "major_hazard" };
    const penalty = { id: "L6", kind: "suspended", cause: "penalty" };
    expect(isLicencePenaltyEvent(held)).toBe(false);
    expect(isLicencePenaltyEvent(penalty)).toBe(true);
    expect(evaluateBlacklistTriggers(noRecords({ licenceEvents: [held] }))).toEqual([]);
    expect(evaluateBlacklistTriggers(noRecords({ licenceEvents: [held, penalty] }))).toEqual([{ kind: "licence_suspended_or_revoked", evidence: ["L6"] }]);
  });

  it("all triggers together, each with its own evidence, most serious first", () => {
    const t = evaluateBlacklistTriggers(
      noRecords({
        responsibleAccidents: [accident("A1", { grade: "major", statisticalDeaths: 12 })],
        concealedAccidents: [{ id: "C1" }],
        overdueSupervisedHazards: [{ id: "H1", deadline: "2026-01-01" }],
        licenceEvents: [{ id: "L1", kind: "revoked" }],
      }),
    );
    expect(t.map((x) => [x.kind, x.evidence])).toEqual([
      ["responsible_accident_grade", ["A1"]],
      ["annual_deaths", ["A1"]],
      ["concealed_accident", ["C1"]],
      ["ignored_major_hazard_order", ["H1"]],
      ["licence_suspended_or_revoked", ["L1"]],
    ]);
    expect(primaryReason(t)).toBe("responsible_accident_grade");
  });

  it("14号: lowering the thresholds never removes a trigger", () => {
    const arb = fc.array(
      fc.record({
        id: fc.uuid(),
        occurredAt: fc.constantFrom("2026-02-01T00:00:00Z", "2025-06-01T00:00:00Z"),
        grade: fc.constantFrom("general" as const, "larger" as const, "major" as const, "especially_major" as const),
        statisticalDeaths: fc.nat(12),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(arb, (responsibleAccidents) => {
        const strict = kinds(noRecords({ responsibleAccidents }));
        const loose = kinds(noRecords({ responsibleAccidents }), lowered);
        for (const k of strict) expect(loose).toContain(k);
      }),
    );
  });
});

describe("evidence is used once (a listing consumes the records that triggered it)", () => {
  it("a trigger resting only on used records is not fresh; single-record triggers keep the new records only", () => {
    const t = evaluateBlacklistTriggers(
      noRecords({
        responsibleAccidents: [accident("A1", { grade: "major", statisticalDeaths: 10 }), accident("A2", { grade: "major", statisticalDeaths: 1 })],
        concealedAccidents: [{ id: "C1" }],
      }),
    );
    expect(freshTriggers(t, ["A1", "A2", "C1"])).toEqual([]);
    expect(freshTriggers(t, ["A1", "C1"]).map((x) => [x.kind, x.evidence])).toEqual([
      ["responsible_accident_grade", ["A2"]],
      // the annual count sums both accidents: its evidence is both
      ["annual_deaths", ["A1", "A2"]],
    ]);
    expect(freshTriggers(t, [])).toEqual(t);
  });

  it("removing used ids never adds a trigger", () => {
    fc.assert(
      fc.property(fc.subarray(["A1", "A2", "C1", "H1", "L1"]), (used) => {
        const t = evaluateBlacklistTriggers(
          noRecords({
            responsibleAccidents: [accident("A1", { grade: "major", statisticalDeaths: 10 }), accident("A2", { grade: "larger" })],
            concealedAccidents: [{ id: "C1" }],
            overdueSupervisedHazards: [{ id: "H1", deadline: "2026-01-01" }],
            licenceEvents: [{ id: "L1", kind: "revoked" }],
          }),
        );
        const fresh = freshTriggers(t, used);
        expect(fresh.length).toBeLessThanOrEqual(t.length);
        for (const f of fresh) expect(f.evidence.some((id) => !used.includes(id))).toBe(true);
      }),
    );
  });
});

describe("manual listing and early removal: province admin with a reason", () => {
  const provinceAdmin = { role: "admin", regionCode: "420000" };
  const listing: Listing = { id: "BL1", enterpriseId: "E1", from: "2026-10-15", until: "2027-10-15", repeat: false };

  it.each([
    ["a province admin", provinceAdmin, "伪造检测报告", { ok: true }],
    ["an admin without regional scope", { role: "admin" }, "伪造检测报告", { ok: true }],
    ["a city admin", { role: "admin", regionCode: "420100" }, "伪造检测报告", { ok: false, code: "not_province_admin" }],
    ["a province regulator", { role: "regulator", regionCode: "420000" }, "伪造检测报告", { ok: false, code: "not_province_admin" }],
    ["a province admin without a reason", provinceAdmin, "   ", { ok: false, code: "reason_required" }],
  ])("manual listing by %s", (_name, actor, reason, expected) => {
    const r = manualListingTrigger(actor, reason, ["V1"]);
    expect(r).toMatchObject(expected);
    if (r.ok) expect(r.trigger).toEqual({ kind: "manual", evidence: ["V1"], reason: "伪造检测报告" });
  });

  it.each([
    ["a province admin with a reason while listed", provinceAdmin, "整改到位，经复核提前移出", "2027-01-10", { ok: true }],
    ["a city admin", { role: "admin", regionCode: "420100" }, "x", "2027-01-10", { ok: false, code: "not_province_admin" }],
    ["no reason", provinceAdmin, "", "2027-01-10", { ok: false, code: "reason_required" }],
    ["after the term ended", provinceAdmin, "x", "2027-10-16", { ok: false, code: "not_listed" }],
  ])("early removal by %s", (_name, actor, reason, today, expected) => {
    expect(canRemoveEarly(actor, reason, listing, today)).toMatchObject(expected);
  });

  it("a removed listing stops being listed on the removal day", () => {
    const r = removeEarly(listing, provinceAdmin, " 整改到位 ", "2027-01-10");
    if (!r.ok) throw new Error(r.code);
    expect(r.listing).toMatchObject({ removedOn: "2027-01-10", removalReason: "整改到位" });
    expect(isListed(r.listing, "2027-01-09")).toBe(true);
    expect(isListed(r.listing, "2027-01-10")).toBe(false);
    expect(canRemoveEarly(provinceAdmin, "again", r.listing, "2027-01-11")).toMatchObject({ ok: false, code: "not_listed" });
  });
});

// ---------------------------------------------------------------------------------------------
describe("term (14号: 1 year from publication, 3 years on a repeat listing)", () => {
  it.each([
    ["2026-10-15", 0, "2027-10-15", false],
    ["2026-10-15", 1, "2029-10-15", true],
    ["2026-10-15", 4, "2029-10-15", true],
    ["2028-02-29", 0, "2029-02-28", false],
    ["2028-02-29", 2, "2031-02-28", true],
  ] as const)("published %s with %d prior listings: until %s (民法典 art. 201–202)", (from, prior, until, repeat) => {
    expect(listingTerm(from, prior)).toEqual({ from, until, repeat });
  });

  it("terms are configuration", () => {
    const p = { ...DEFAULT_BLACKLIST_POLICY, firstTermYears: 2, repeatTermYears: 5 };
    expect(listingTerm("2026-01-01", 0, p).until).toBe("2028-01-01");
    expect(listingTerm("2026-01-01", 1, p).until).toBe("2031-01-01");
  });

  it("rejects a bad date or count", () => {
    expect(() => listingTerm("2026-02-30", 0)).toThrow(RangeError);
    expect(() => listingTerm("2026-02-01", -1)).toThrow(RangeError);
  });

  it.each([
    ["2026-10-14", false],
    ["2026-10-15", true],
    ["2027-10-15", true],
    ["2027-10-16", false],
  ])("listed 2026-10-15..2027-10-15: on %s listed is %s", (today, listed) => {
    const l: Listing = { id: "B", enterpriseId: "E", ...listingTerm("2026-10-15", 0) };
    expect(isListed(l, today)).toBe(listed);
  });

  it("a listing is in force on its first and last day, whatever the date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.nat(3), (offset, prior) => {
        const from = addDays("2000-01-01", offset);
        const term = listingTerm(from, prior);
        const l = { id: "B", enterpriseId: "E", ...term };
        expect(term.until > from).toBe(true);
        expect(isListed(l, from) && isListed(l, term.until)).toBe(true);
        expect(isListed(l, addDays(from, -1)) || isListed(l, addDays(term.until, 1))).toBe(false);
      }),
    );
  });

  it("activeListing finds the listing in force (approval applications show a warning)", () => {
    const old: Listing = { id: "B0", enterpriseId: "E", from: "2024-01-10", until: "2025-01-10", repeat: false };
    const cur: Listing = { id: "B1", enterpriseId: "E", from: "2026-04-01", until: "2029-04-01", repeat: true };
    expect(activeListing([old, cur], "2026-05-01")).toBe(cur);
    expect(activeListing([old, cur], "2025-06-01")).toBeNull();
  });
});

describe("quarterly publication (14号: lists are published quarterly)", () => {
  it.each([
    ["2026-01-01", "2026Q1"],
    ["2026-09-30", "2026Q3"],
    ["2026-10-01", "2026Q4"],
    ["2026-09-30T16:00:00Z", "2026Q4"],
  ])("%s belongs to %s", (date, q) => {
    expect(publicationQuarter(date)).toBe(q);
  });

  it("parses ?quarter=2026Q4 and matches listings published in it", () => {
    expect(parseQuarter("2026Q4")).toEqual({ year: 2026, quarter: 4 });
    expect(parseQuarter("2026Q9")).toBeNull();
    expect(publishedInQuarter({ from: "2026-11-02" }, "2026Q4")).toBe(true);
    expect(publishedInQuarter({ from: "2026-09-30" }, "2026Q4")).toBe(false);
    expect(publishedInQuarter({ from: "2026-11-02" }, "bogus")).toBe(false);
  });

  it("the public entry holds name, USCC, reason category and term only", () => {
    const entry = publicBlacklistEntry(
      { from: "2026-10-15", until: "2027-10-15", triggers: [{ kind: "licence_suspended_or_revoked" }, { kind: "concealed_accident" }] },
      { name: "某化工有限公司", uscc: "91350100M000100Y43" },
    );
    expect(entry).toEqual({
      name: "某化工有限公司",
      uscc: "91350100M000100Y43",
      reasonCategory: "concealed_accident",
      reason: "瞒报、谎报、迟报生产安全事故或破坏事故现场、毁灭有关证据",
      listedFrom: "2026-10-15",
      listedUntil: "2027-10-15",
    });
  });
});

// ---------------------------------------------------------------------------------------------
describe("supervision tasks for listed enterprises (14号: inspection every 6 months, yearly interview)", () => {
  const oneYear: Listing = { id: "B1", enterpriseId: "E1", from: "2026-10-15", until: "2027-10-15", repeat: false };
  const threeYears: Listing = { id: "B3", enterpriseId: "E3", from: "2026-10-15", until: "2029-10-15", repeat: true };

  it("a 1-year listing: the first inspection opens on listing, the second 6 months later, no third", () => {
    expect(dueInspectionTasks(oneYear, "2026-10-14")).toEqual([]);
    expect(dueInspectionTasks(oneYear, "2026-10-15")).toEqual([
      { kind: "inspection", listingId: "B1", enterpriseId: "E1", sequence: 1, opensOn: "2026-10-15", dueOn: "2027-04-15", taskKey: "B1#inspection#1" },
    ]);
    expect(dueInspectionTasks(oneYear, "2027-04-14")).toHaveLength(1);
    const two = dueInspectionTasks(oneYear, "2027-04-15");
    expect(two.map((t) => [t.opensOn, t.dueOn])).toEqual([
      ["2026-10-15", "2027-04-15"],
      ["2027-04-15", "2027-10-15"],
    ]);
    expect(dueInspectionTasks(oneYear, "2030-01-01")).toHaveLength(2);
  });

  it("a 1-year listing has one interview; a 3-year listing six inspections and three interviews", () => {
    expect(dueInterviews(oneYear, "2030-01-01").map((t) => [t.sequence, t.opensOn, t.dueOn])).toEqual([[1, "2026-10-15", "2027-10-15"]]);
    expect(dueInspectionTasks(threeYears, "2030-01-01")).toHaveLength(6);
    expect(dueInterviews(threeYears, "2030-01-01").map((t) => t.dueOn)).toEqual(["2027-10-15", "2028-10-15", "2029-10-15"]);
    expect(dueInterviews(threeYears, "2027-10-15").map((t) => t.taskKey)).toEqual(["B3#interview#1", "B3#interview#2"]);
  });

  it("windows count from the listing date, so a month-end listing does not drift", () => {
    const l: Listing = { id: "B", enterpriseId: "E", ...listingTerm("2026-08-31", 1) };
    expect(dueInspectionTasks(l, "2030-01-01").map((t) => t.opensOn)).toEqual([
      "2026-08-31",
      "2027-02-28",
      "2027-08-31",
      "2028-02-29",
      "2028-08-31",
      "2029-02-28",
    ]);
  });

  it("early removal stops new tasks", () => {
    const removed = { ...oneYear, removedOn: "2027-03-01" };
    expect(dueInspectionTasks(removed, "2027-06-01")).toHaveLength(1);
  });

  it("intervals are configuration (e.g. quarterly inspections)", () => {
    const p = { ...DEFAULT_BLACKLIST_POLICY, inspectionIntervalMonths: 3 };
    expect(dueInspectionTasks(oneYear, "2030-01-01", p)).toHaveLength(4);
  });

  it("windows are contiguous, at most one interval long, and end by the listing's last day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000 }), fc.nat(2), fc.integer({ min: 1, max: 12 }), (offset, prior, months) => {
        const l: Listing = { id: "B", enterpriseId: "E", ...listingTerm(addDays("2020-01-01", offset), prior) };
        const policy = { ...DEFAULT_BLACKLIST_POLICY, inspectionIntervalMonths: months };
        const ts = dueInspectionTasks(l, "2100-01-01", policy);
        expect(ts[0]?.opensOn).toBe(l.from);
        expect(ts.at(-1)?.dueOn).toBe(l.until);
        ts.forEach((t, i) => {
          // Anchored to the listing date: after a clamped 28 Feb the window may reach the 29th.
          expect(daysBetween(t.opensOn, t.dueOn)).toBeGreaterThan(0);
          expect(daysBetween(t.opensOn, t.dueOn)).toBeLessThanOrEqual(31 * months);
          expect(t.dueOn <= addMonths(l.from, t.sequence * months)).toBe(true);
          const next = ts[i + 1];
          if (next) expect(next.opensOn).toBe(t.dueOn);
        });
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe("violations (违法行为信息库)", () => {
  it("penalty kinds have snake_case keys and their Chinese names", () => {
    expect(PENALTY_KINDS.map((k) => [k, PENALTY_KIND_NAME_ZH[k]])).toEqual([
      ["warning", "警告"],
      ["fine", "罚款"],
      ["suspend_for_rectification", "责令停产停业整顿"],
      ["licence_suspended", "暂扣许可证"],
      ["licence_revoked", "吊销许可证"],
      ["closure", "关闭"],
      ["other", "其他"],
    ]);
  });

  it.each([
    [{ kind: "warning" }, []],
    [{ kind: "fine", amountYuan: 30_000 }, []],
    [{ kind: "suspend_for_rectification", amountYuan: 50_000 }, []],
    [{ kind: "fine" }, ["amountYuan"]],
    [{ kind: "fine", amountYuan: 0 }, ["amountYuan"]],
    [{ kind: "fine", amountYuan: 12.5 }, ["amountYuan"]],
    [{ kind: "warning", amountYuan: -1 }, ["amountYuan"]],
    [{ kind: "detention" }, ["kind"]],
  ])("validatePenalty(%o) problems at %o", (penalty, paths) => {
    expect(validatePenalty(penalty).map((e) => e.path)).toEqual(paths);
  });

  it("14号: only a suspended or revoked licence is itself a blacklist trigger", () => {
    expect(PENALTY_KINDS.filter(isLicencePenalty)).toEqual(["licence_suspended", "licence_revoked"]);
  });
});
