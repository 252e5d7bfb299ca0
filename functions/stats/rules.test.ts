import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AccidentGrade } from "../accidents/rules.js";
import { addDays, daysBetween } from "../../shared/time.js";
import { csvHeaders, indicatorsCsv } from "./csv.js";
import {
  ANNUAL_ASSESSMENT_SCHEDULE,
  type AssessmentConfig,
  type AssessmentItem,
  DEFAULT_ASSESSMENT_CONFIG_2026,
  DEFAULT_SECTOR_MAPPING,
  DEFAULT_WARNING_THRESHOLDS,
  HUBEI_MAGNITUDES,
  QUARTERLY_ASSESSMENT_SCHEDULE,
  RATE_IDS,
  ROLLUP_SCHEDULE,
  type ScheduleDefinition,
  SECTORS,
} from "./config-data.js";
import {
  type Aggregate,
  type AssessmentInputs,
  aggregate,
  assessmentConfigFor,
  computeRates,
  emptyAggregate,
  evaluateControlIndicators,
  evaluateIndicator,
  formatQuarter,
  gradeFor,
  mergeAggregates,
  monthRange,
  parseQuarter,
  previousQuarter,
  quarterOf,
  quarterRange,
  nextDailyRun,
  rateText,
  rollupTarget,
  roundRate,
  type StatsAccident,
  scoreItem,
  scoreRegion,
  sectorOf,
  sumAggregates,
  validateAssessmentConfig,
  yearElapsedShare,
  yearRange,
  yearToDateRange,
} from "./rules.js";

const acc = (over: Partial<StatsAccident> = {}): StatsAccident => ({
  roadTraffic: false,
  fire: false,
  industryCode: "C",
  accidentType: "03",
  grade: "general",
  statisticalDeaths: 1,
  seriousInjuries: 0,
  injuries: 0,
  directLossYuan: 0,
  ...over,
});

// ---------------------------------------------------------------------------------------------
describe("sector mapping (config-data DEFAULT_SECTOR_MAPPING)", () => {
  it.each([
    ["road traffic flag wins over a manufacturing industry", { roadTraffic: true, fire: false, industryCode: "C" }, "road_traffic"],
    ["fire flag", { roadTraffic: false, fire: true, industryCode: "H" }, "fire"],
    ["road traffic takes precedence over fire", { roadTraffic: true, fire: true, industryCode: "C" }, "road_traffic"],
    ["GB/T 4754 B mining", { roadTraffic: false, fire: false, industryCode: "B" }, "industrial_mining_commercial"],
    ["GB/T 4754 division 06 coal mining", { roadTraffic: false, fire: false, industryCode: "06" }, "industrial_mining_commercial"],
    ["GB/T 4754 division 26 chemicals", { roadTraffic: false, fire: false, industryCode: "26" }, "industrial_mining_commercial"],
    ["GB/T 4754 E construction (division 48)", { roadTraffic: false, fire: false, industryCode: "48" }, "industrial_mining_commercial"],
    ["GB/T 4754 F wholesale/retail", { roadTraffic: false, fire: false, industryCode: "F" }, "industrial_mining_commercial"],
    ["GB/T 4754 division 54 road transport, not a traffic accident", { roadTraffic: false, fire: false, industryCode: "54" }, "industrial_mining_commercial"],
    ["GB/T 4754 division 59 warehousing", { roadTraffic: false, fire: false, industryCode: "59" }, "industrial_mining_commercial"],
    ["GB/T 4754 H accommodation/catering", { roadTraffic: false, fire: false, industryCode: "H" }, "industrial_mining_commercial"],
    ["GB/T 4754 division 53 railway is its own category", { roadTraffic: false, fire: false, industryCode: "53" }, "other"],
    ["GB/T 4754 division 55 water transport is its own category", { roadTraffic: false, fire: false, industryCode: "55" }, "other"],
    ["GB/T 4754 division 56 air transport is its own category", { roadTraffic: false, fire: false, industryCode: "56" }, "other"],
    ["GB/T 4754 A agriculture", { roadTraffic: false, fire: false, industryCode: "A" }, "other"],
    ["GB/T 4754 division 04 fishery", { roadTraffic: false, fire: false, industryCode: "04" }, "other"],
    ["GB/T 4754 S public administration (division 92)", { roadTraffic: false, fire: false, industryCode: "92" }, "other"],
    ["no industry", { roadTraffic: false, fire: false, industryCode: null }, "other"],
    ["unknown industry code", { roadTraffic: false, fire: false, industryCode: "ZZ" }, "other"],
  ] as const)("%s", (_name, input, expected) => {
    expect(sectorOf(input)).toBe(expected);
  });

  it("GB 6441 type 02 车辆伤害 in a plant stays 工矿商贸 (type alone does not decide)", () => {
    expect(sectorOf({ roadTraffic: false, fire: false, industryCode: "C", accidentType: "02" })).toBe("industrial_mining_commercial");
    expect(sectorOf({ roadTraffic: false, fire: false, industryCode: "C", accidentType: "08" })).toBe("industrial_mining_commercial");
  });

  it("a configured type override applies (e.g. a province counting GB 6441 08 火灾 as fire)", () => {
    const mapping = { ...DEFAULT_SECTOR_MAPPING, typeOverrides: { "08": "fire" as const } };
    expect(sectorOf({ roadTraffic: false, fire: false, industryCode: "C", accidentType: "08" }, mapping)).toBe("fire");
    expect(sectorOf({ roadTraffic: false, fire: false, industryCode: "C", accidentType: "03" }, mapping)).toBe(
      "industrial_mining_commercial",
    );
  });

  it("any input maps to one of the four sectors", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.option(fc.string()), fc.option(fc.string()), (roadTraffic, fire, industryCode, accidentType) => {
        expect(SECTORS).toContain(sectorOf({ roadTraffic, fire, industryCode, accidentType }));
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
const grades: AccidentGrade[] = ["general", "larger", "major", "especially_major"];
const industryCodes = ["B", "06", "26", "48", "53", "A", "F", "H", null];

const arbAccident = fc.record({
  roadTraffic: fc.boolean(),
  fire: fc.boolean(),
  industryCode: fc.constantFrom(...industryCodes),
  accidentType: fc.constantFrom("01", "02", "08", "15", "20"),
  grade: fc.constantFrom(...grades),
  statisticalDeaths: fc.nat(40),
  seriousInjuries: fc.nat(120),
  injuries: fc.nat(200),
  directLossYuan: fc.nat(200_000_000),
});

const counties = ["420102", "420103", "420202", "420203", "429004"];
const cityOfCounty = (c: string) => (c.startsWith("4290") ? c : `${c.slice(0, 4)}00`);

describe("aggregation", () => {
  it("adds counts, statistical deaths, injuries and loss, broken down by grade, sector, type and industry", () => {
    const a = aggregate([
      acc({ industryCode: "06", accidentType: "15", grade: "larger", statisticalDeaths: 5, seriousInjuries: 2, injuries: 4, directLossYuan: 12_000_000 }),
      acc({ roadTraffic: true, industryCode: "54", accidentType: "02", statisticalDeaths: 2, injuries: 1, directLossYuan: 30_000 }),
      acc({ fire: true, industryCode: "H", accidentType: "08", statisticalDeaths: 0, seriousInjuries: 1, directLossYuan: 500_000 }),
    ]);
    expect(a).toMatchObject({ accidents: 3, deaths: 7, injuries: 5, seriousInjuries: 3, directLossYuan: 12_530_000 });
    expect(a.byGrade.larger).toEqual({ accidents: 1, deaths: 5, injuries: 4, seriousInjuries: 2, directLossYuan: 12_000_000 });
    expect(a.byGrade.general.accidents).toBe(2);
    expect(a.byGrade.major.accidents).toBe(0);
    expect(a.bySector.industrial_mining_commercial.deaths).toBe(5);
    expect(a.bySector.road_traffic.deaths).toBe(2);
    expect(a.bySector.fire.accidents).toBe(1);
    expect(a.bySector.other.accidents).toBe(0);
    expect(Object.keys(a.byType).sort()).toEqual(["02", "08", "15"]);
    expect(a.byIndustry.B?.deaths).toBe(5);
    expect(a.byIndustry.G?.deaths).toBe(2);
    expect(a.coalMine.deaths).toBe(5);
  });

  it("493号令 补报: deaths are statisticalDeaths (missing beyond the window counted dead)", () => {
    // 1 dead and 2 missing beyond 30 days: the accidents context derives statisticalDeaths = 3.
    const a = aggregate([acc({ statisticalDeaths: 3 })]);
    expect(a.deaths).toBe(3);
  });

  it("煤矿百万吨死亡率 numerator: division 06 工矿商贸 only (not a coal lorry on the road, not section-only B)", () => {
    const a = aggregate([
      acc({ industryCode: "06", statisticalDeaths: 4 }),
      acc({ industryCode: "06", roadTraffic: true, statisticalDeaths: 3 }),
      acc({ industryCode: "B", statisticalDeaths: 2 }),
      acc({ industryCode: "08", statisticalDeaths: 1 }),
    ]);
    expect(a.coalMine).toMatchObject({ accidents: 1, deaths: 4 });
  });

  it("odd type codes are counted, never touching prototypes", () => {
    const a = aggregate([acc({ accidentType: "__proto__" }), acc({ accidentType: "constructor" }), acc({ accidentType: "constructor" })]);
    expect(Object.getPrototypeOf(a.byType)).toBe(Object.prototype);
    expect(Object.keys(a.byType).sort()).toEqual(["__proto__", "constructor"]);
    expect(a.byType["constructor"]?.accidents).toBe(2);
    expect(mergeAggregates(a, a).byType["constructor"]?.accidents).toBe(4);
  });

  it("an empty period aggregates to zeros with every grade and sector present", () => {
    expect(aggregate([])).toEqual(emptyAggregate());
    expect(Object.keys(emptyAggregate().byGrade)).toEqual(grades);
    expect(Object.keys(emptyAggregate().bySector)).toEqual(SECTORS);
  });

  it("county figures add up exactly to city and province figures", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...counties), arbAccident), { maxLength: 60 }), (rows) => {
        const byCounty = new Map<string, StatsAccident[]>();
        for (const [county, a] of rows) byCounty.set(county, [...(byCounty.get(county) ?? []), a]);
        const countyAgg = new Map([...byCounty].map(([c, list]) => [c, aggregate(list)] as const));
        const cityAgg = new Map<string, Aggregate>();
        for (const [c, agg] of countyAgg) cityAgg.set(cityOfCounty(c), mergeAggregates(cityAgg.get(cityOfCounty(c)) ?? emptyAggregate(), agg));
        const province = sumAggregates([...cityAgg.values()]);
        const all = aggregate(rows.map(([, a]) => a));
        expect(province).toEqual(all);
        expect(sumAggregates([...countyAgg.values()])).toEqual(all);
      }),
    );
  });

  it("merging is commutative and has the empty aggregate as identity", () => {
    fc.assert(
      fc.property(fc.array(arbAccident, { maxLength: 20 }), fc.array(arbAccident, { maxLength: 20 }), (xs, ys) => {
        const a = aggregate(xs);
        const b = aggregate(ys);
        expect(mergeAggregates(a, b)).toEqual(mergeAggregates(b, a));
        expect(mergeAggregates(a, emptyAggregate())).toEqual(a);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
describe("rates (鄂安办〔2015〕60号 task 7, control indicators)", () => {
  it("Hubei 2011: 2,464 deaths at 0.137 per 亿元 GDP implies GDP ≈ 17,985 亿元", () => {
    const h = HUBEI_MAGNITUDES[2011];
    const impliedGdp = h.deaths / h.deathsPerYiGdp;
    expect(impliedGdp).toBeCloseTo(17_985.4, 1);
    const r = computeRates(aggregate([acc({ statisticalDeaths: h.deaths })]), { gdpYi: 17_985 });
    expect(roundRate(r.deathsPerYiGdp ?? Number.NaN)).toBe(h.deathsPerYiGdp);
  });

  // Each magnitude is rebuilt from a numerator and a denominator in the rate's own unit, so a
  // wrong scale (per 10,000 instead of per 100,000 ...) shows as a factor of ten.
  it.each([
    ["2010 亿元GDP死亡率 0.172", 2010, "deathsPerYiGdp", acc({ statisticalDeaths: 172 }), { gdpYi: 1_000 }],
    ["2010 工矿商贸十万人死亡率 2.41", 2010, "imcDeathsPer100kEmployees", acc({ industryCode: "C", statisticalDeaths: 241 }), { imcEmployees: 10_000_000 }],
    ["2011 工矿商贸十万人死亡率 2.10", 2011, "imcDeathsPer100kEmployees", acc({ industryCode: "E", statisticalDeaths: 21 }), { imcEmployees: 1_000_000 }],
    ["2010 道路交通万车死亡率 2.78", 2010, "roadDeathsPer10kVehicles", acc({ roadTraffic: true, statisticalDeaths: 278 }), { motorVehicles: 1_000_000 }],
    ["2011 道路交通万车死亡率 2.14", 2011, "roadDeathsPer10kVehicles", acc({ roadTraffic: true, statisticalDeaths: 214 }), { motorVehicles: 1_000_000 }],
    ["2010 煤矿百万吨死亡率 5.98", 2010, "coalDeathsPerMillionTonnes", acc({ industryCode: "06", statisticalDeaths: 598 }), { coalOutputTonnes: 100_000_000 }],
    ["2011 煤矿百万吨死亡率 4.68", 2011, "coalDeathsPerMillionTonnes", acc({ industryCode: "06", statisticalDeaths: 117 }), { coalOutputTonnes: 25_000_000 }],
  ] as const)("Hubei magnitude: %s", (_name, year, rateId, accident, denominators) => {
    const r = computeRates(aggregate([accident]), denominators);
    expect(roundRate(r[rateId] ?? Number.NaN)).toBe(HUBEI_MAGNITUDES[year][rateId]);
  });

  it("each rate counts only its own sector's deaths", () => {
    const agg = aggregate([
      acc({ industryCode: "C", statisticalDeaths: 10 }),
      acc({ roadTraffic: true, statisticalDeaths: 20 }),
      acc({ fire: true, statisticalDeaths: 40 }),
      acc({ industryCode: "06", statisticalDeaths: 5 }),
    ]);
    const r = computeRates(agg, { gdpYi: 100, imcEmployees: 100_000, motorVehicles: 10_000, coalOutputTonnes: 1_000_000 });
    expect(r).toEqual({
      deathsPerYiGdp: 0.75,
      imcDeathsPer100kEmployees: 15,
      roadDeathsPer10kVehicles: 20,
      coalDeathsPerMillionTonnes: 5,
    });
  });

  it.each([
    ["missing", {}],
    ["null", { gdpYi: null, imcEmployees: null, motorVehicles: null, coalOutputTonnes: null }],
    ["zero", { gdpYi: 0, imcEmployees: 0, motorVehicles: 0, coalOutputTonnes: 0 }],
    ["negative", { gdpYi: -1, imcEmployees: -1, motorVehicles: -1, coalOutputTonnes: -1 }],
  ])("a %s denominator gives null, not a number", (_name, d) => {
    const r = computeRates(aggregate([acc({ statisticalDeaths: 3 })]), d);
    for (const id of RATE_IDS) expect(r[id]).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
describe("indicators against ceilings (attention ≥ 80 %, exceeded ≥ 100 %)", () => {
  it.each([
    [7_999, "none"],
    [8_000, "attention"],
    [9_999, "attention"],
    [10_000, "exceeded"],
    [10_001, "exceeded"],
  ] as const)("warning: %d of 10,000 (79.99/80/99.99/100 %%) is %s", (value, warning) => {
    expect(evaluateIndicator(value, 10_000, 0.5).warning).toBe(warning);
  });

  it.each([
    [0.137 * 0.7999, "none"],
    [0.137 * 0.8, "attention"],
    [0.137 * 0.9999, "attention"],
    [0.137, "exceeded"],
  ] as const)("warning on a rate ceiling 0.137: %f is %s (float quotients at the boundary)", (value, warning) => {
    expect(evaluateIndicator(value, 0.137, 0.5).warning).toBe(warning);
  });

  it("Hubei 2011: 2,464 deaths against a ceiling of 2,492 is 98.9 % used, attention", () => {
    const h = HUBEI_MAGNITUDES[2011];
    const s = evaluateIndicator(h.deaths, h.deathsCeiling, 1);
    expect(s.shareUsed).toBeCloseTo(0.9888, 4);
    expect(s.warning).toBe("attention");
    expect(s.yearElapsed).toBe(1);
  });

  it("a ceiling of 0 (no 重大 accidents allowed): none at 0, exceeded at 1", () => {
    expect(evaluateIndicator(0, 0, 0.3)).toMatchObject({ shareUsed: null, warning: "none" });
    expect(evaluateIndicator(1, 0, 0.3)).toMatchObject({ shareUsed: null, warning: "exceeded" });
  });

  it("no ceiling or no value (rate without denominator) gives no warning", () => {
    expect(evaluateIndicator(500, null, 0.3)).toMatchObject({ shareUsed: null, warning: "none" });
    expect(evaluateIndicator(null, 1, 0.3)).toMatchObject({ shareUsed: null, warning: "none" });
  });

  it("thresholds are configuration", () => {
    const t = { attention: 0.9, exceeded: 1.1 };
    expect(evaluateIndicator(85, 100, 0.5, t).warning).toBe("none");
    expect(evaluateIndicator(100, 100, 0.5, t).warning).toBe("attention");
    expect(evaluateIndicator(110, 100, 0.5, t).warning).toBe("exceeded");
    expect(DEFAULT_WARNING_THRESHOLDS).toEqual({ attention: 0.8, exceeded: 1 });
  });

  it("the warning never decreases as the value grows", () => {
    const rank = { none: 0, attention: 1, exceeded: 2 };
    fc.assert(
      fc.property(fc.nat(5_000), fc.nat(5_000), fc.integer({ min: 0, max: 3_000 }), (a, b, ceiling) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[evaluateIndicator(lo, ceiling, 0).warning]).toBeLessThanOrEqual(rank[evaluateIndicator(hi, ceiling, 0).warning]);
      }),
    );
  });

  it("evaluates every control indicator, with unset ceilings as none", () => {
    const agg = aggregate([
      acc({ grade: "larger", statisticalDeaths: 4 }),
      acc({ grade: "larger", roadTraffic: true, statisticalDeaths: 3 }),
      acc({ grade: "major", statisticalDeaths: 10 }),
    ]);
    const rates = computeRates(agg, { gdpYi: 100 });
    const rows = evaluateControlIndicators(
      agg,
      rates,
      { deaths: 20, deathsBySector: { road_traffic: 3 }, largerAccidents: 2, majorAccidents: 0, rates: { deathsPerYiGdp: 0.2 } },
      0.25,
    );
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(rows).toHaveLength(1 + SECTORS.length + 2 + RATE_IDS.length);
    expect(by.deaths).toMatchObject({ name: "生产安全事故死亡人数", value: 17, ceiling: 20, warning: "attention", yearElapsed: 0.25 });
    expect(by["deaths.road_traffic"]).toMatchObject({ value: 3, warning: "exceeded" });
    expect(by["deaths.fire"]).toMatchObject({ value: 0, ceiling: null, warning: "none" });
    expect(by.larger_accidents).toMatchObject({ value: 2, warning: "exceeded" });
    expect(by.major_accidents).toMatchObject({ value: 1, warning: "exceeded" });
    expect(by.deathsPerYiGdp).toMatchObject({ value: 0.17, warning: "attention" });
    expect(by.roadDeathsPer10kVehicles).toMatchObject({ value: null, warning: "none" });
  });
});

describe("share of the year elapsed (Asia/Shanghai)", () => {
  it.each([
    [2026, "2026-01-01", 1 / 365],
    [2026, "2026-07-02", 183 / 365],
    [2026, "2026-12-31", 1],
    [2024, "2024-02-29", 60 / 366],
    [2024, "2024-12-30", 365 / 366],
    [2026, "2025-12-31", 0],
    [2026, "2027-03-01", 1],
  ] as const)("year %d as of %s", (year, date, share) => {
    expect(yearElapsedShare(year, date)).toBeCloseTo(share, 12);
  });

  it("an instant counts by its Shanghai date (UTC+8)", () => {
    expect(yearElapsedShare(2026, "2025-12-31T16:00:00Z")).toBeCloseTo(1 / 365, 12);
    expect(yearElapsedShare(2026, "2025-12-31T15:59:59Z")).toBe(0);
    expect(yearElapsedShare(2026, new Date("2026-12-31T16:00:00Z"))).toBe(1);
  });

  it("is non-decreasing through the year and within [0, 1]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: -5, max: 370 }), (year, day) => {
        const d = addDays(`${year}-01-01`, day);
        const a = yearElapsedShare(year, d);
        const b = yearElapsedShare(year, addDays(d, 1));
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(1);
        expect(b).toBeGreaterThanOrEqual(a);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
const fullInputs = (): AssessmentInputs["items"] => ({
  deaths_vs_ceiling: { value: 80, ceiling: 100, sourceCounts: { accidents: 60 } },
  larger_accidents_vs_ceiling: { value: 1, ceiling: 2 },
  major_accidents_vs_ceiling: { value: 0, ceiling: 0 },
  major_hazard_rectification_rate: { numerator: 12, denominator: 12, sourceCounts: { majorHazards: 12, rectified: 12 } },
  quarterly_filing_on_time_rate: { numerator: 300, denominator: 300 },
  overdue_hazard_share: { numerator: 0, denominator: 500 },
  inspections_vs_plan: { numerator: 210, denominator: 200 },
  approvals_within_limit_rate: { numerator: 40, denominator: 40 },
  grid_coverage_rate: { numerator: 98, denominator: 98 },
  third_party_score: { score: 100 },
});

const itemOf = (id: string): AssessmentItem => {
  const item = DEFAULT_ASSESSMENT_CONFIG_2026.items.find((i) => i.id === id);
  if (!item) throw new Error(id);
  return item;
};

describe("target assessment configuration", () => {
  it("100-point scale: the 2026 default is valid and sums to exactly 100", () => {
    expect(validateAssessmentConfig(DEFAULT_ASSESSMENT_CONFIG_2026)).toEqual({ ok: true, errors: [] });
    expect(DEFAULT_ASSESSMENT_CONFIG_2026.items.reduce((s, i) => s + i.points, 0)).toBe(100);
  });

  it.each([
    ["points summing to 99", (c: AssessmentConfig) => ({ ...c, items: c.items.map((i, n) => (n === 0 ? { ...i, points: i.points - 1 } : i)) }), /exactly 100/],
    ["points summing to 101", (c: AssessmentConfig) => ({ ...c, items: c.items.map((i, n) => (n === 0 ? { ...i, points: i.points + 1 } : i)) }), /exactly 100/],
    ["a duplicate item id", (c: AssessmentConfig) => ({ ...c, items: c.items.map((i, n) => (n === 1 ? { ...i, id: c.items[0]?.id ?? "" } : i)) }), /duplicate item/],
    ["a ratio item with full below zero", (c: AssessmentConfig) => ({ ...c, items: c.items.map((i) => (i.method === "ratio_higher_better" ? { ...i, full: 0, zero: 1 } : i)) }), /full > zero/],
    ["cut-offs not descending", (c: AssessmentConfig) => ({ ...c, cutoffs: [{ grade: "excellent" as const, min: 80 }, { grade: "good" as const, min: 90 }] }), /descending/],
    ["a veto needing zero accidents", (c: AssessmentConfig) => ({ ...c, vetoes: [{ id: "x", name: "x", kind: "concealed_accident" as const, atLeast: 0 }] }), /atLeast/],
  ])("rejects %s", (_name, mutate, message) => {
    const result = validateAssessmentConfig(mutate(DEFAULT_ASSESSMENT_CONFIG_2026));
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.message.en).join("\n")).toMatch(message);
    for (const e of result.errors) expect(e.message.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("fractional points are fine when they add up to 100 in hundredths", () => {
    const items = DEFAULT_ASSESSMENT_CONFIG_2026.items.map((i) =>
      i.id === "approvals_within_limit_rate" ? { ...i, points: 2.5 } : i.id === "grid_coverage_rate" ? { ...i, points: 7.5 } : i,
    );
    expect(validateAssessmentConfig({ ...DEFAULT_ASSESSMENT_CONFIG_2026, items }).ok).toBe(true);
  });

  it("a year without its own configuration uses the latest earlier one", () => {
    expect(assessmentConfigFor(2026)).toBe(DEFAULT_ASSESSMENT_CONFIG_2026);
    expect(assessmentConfigFor(2028)).toBe(DEFAULT_ASSESSMENT_CONFIG_2026);
    expect(assessmentConfigFor(2025)).toBeUndefined();
  });
});

describe("scoring methods", () => {
  it.each([
    // ratio_higher_better, full 1, zero 0.5, 10 points
    ["major_hazard_rectification_rate", { numerator: 10, denominator: 10 }, 1, 10],
    ["major_hazard_rectification_rate", { numerator: 9, denominator: 10 }, 0.9, 8],
    ["major_hazard_rectification_rate", { numerator: 5, denominator: 10 }, 0.5, 0],
    ["major_hazard_rectification_rate", { numerator: 3, denominator: 10 }, 0.3, 0],
    ["major_hazard_rectification_rate", { numerator: 0, denominator: 0 }, null, 10],
    // ratio_higher_better with an empty plan scoring zero
    ["inspections_vs_plan", { numerator: 0, denominator: 0 }, null, 0],
    ["inspections_vs_plan", { numerator: 150, denominator: 200 }, 0.75, 7.5],
    ["inspections_vs_plan", { numerator: 250, denominator: 200 }, 1.25, 10],
    // ratio_lower_better, full 0, zero 0.2, 10 points
    ["overdue_hazard_share", { numerator: 0, denominator: 50 }, 0, 10],
    ["overdue_hazard_share", { numerator: 5, denominator: 50 }, 0.1, 5],
    ["overdue_hazard_share", { numerator: 10, denominator: 50 }, 0.2, 0],
    ["overdue_hazard_share", { numerator: 40, denominator: 50 }, 0.8, 0],
    // within_ceiling proportional, zero at 20 % over, 20 points
    ["deaths_vs_ceiling", { value: 100, ceiling: 100 }, 100, 20],
    ["deaths_vs_ceiling", { value: 110, ceiling: 100 }, 110, 10],
    ["deaths_vs_ceiling", { value: 120, ceiling: 100 }, 120, 0],
    ["deaths_vs_ceiling", { value: 1, ceiling: 0 }, 1, 0],
    // within_ceiling per unit, 5 points per 较大 accident over, 10 points
    ["larger_accidents_vs_ceiling", { value: 2, ceiling: 2 }, 2, 10],
    ["larger_accidents_vs_ceiling", { value: 3, ceiling: 2 }, 3, 5],
    ["larger_accidents_vs_ceiling", { value: 5, ceiling: 2 }, 5, 0],
    // third party, 0..100 scaled to 10 points
    ["third_party_score", { score: 85 }, 85, 8.5],
    ["third_party_score", { score: 100 }, 100, 10],
  ] as const)("%s with %o: value %s, %d points", (id, input, value, points) => {
    const s = scoreItem(itemOf(id), input);
    expect(s.value).toBe(value);
    expect(s.points).toBe(points);
    expect(s.maxPoints).toBe(itemOf(id).points);
    expect(s.missingInput).toBe(false);
  });

  it.each(["deaths_vs_ceiling", "major_hazard_rectification_rate", "third_party_score"])("%s without input scores zero and says so", (id) => {
    expect(scoreItem(itemOf(id), undefined)).toMatchObject({ value: null, points: 0, missingInput: true });
    expect(scoreItem(itemOf(id), { sourceCounts: { x: 1 } })).toMatchObject({ points: 0, missingInput: true, sourceCounts: { x: 1 } });
  });

  it("points stay within [0, maxPoints] for any input", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEFAULT_ASSESSMENT_CONFIG_2026.items),
        fc.record({ numerator: fc.nat(1_000), denominator: fc.nat(1_000), value: fc.nat(1_000), ceiling: fc.nat(1_000), score: fc.integer({ min: -50, max: 150 }) }),
        (item, input) => {
          const s = scoreItem(item, input);
          expect(s.points).toBeGreaterThanOrEqual(0);
          expect(s.points).toBeLessThanOrEqual(item.points);
        },
      ),
    );
  });
});

describe("grades and the one-vote veto (鄂安办〔2015〕60号 task 6, target assessment)", () => {
  const cutoffs = DEFAULT_ASSESSMENT_CONFIG_2026.cutoffs;
  it.each([
    [100, "excellent"],
    [90, "excellent"],
    [89.99, "good"],
    [80, "good"],
    [79.99, "pass"],
    [60, "pass"],
    [59.99, "fail"],
    [0, "fail"],
  ] as const)("grade cut-offs (优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60): %d is %s", (total, grade) => {
    expect(gradeFor(total, cutoffs)).toBe(grade);
  });

  it("full marks: 100 points, 优秀, every item explains itself", () => {
    const r = scoreRegion(DEFAULT_ASSESSMENT_CONFIG_2026, { kind: "annual", items: fullInputs(), accidents: [] });
    expect(r).toMatchObject({ year: 2026, kind: "annual", total: 100, pointsGrade: "excellent", grade: "excellent", vetoed: false, vetoes: [] });
    expect(r.items.map((i) => i.id)).toEqual(DEFAULT_ASSESSMENT_CONFIG_2026.items.map((i) => i.id));
    expect(r.items.find((i) => i.id === "major_hazard_rectification_rate")).toMatchObject({
      value: 1,
      sourceCounts: { majorHazards: 12, rectified: 12 },
      points: 10,
      maxPoints: 10,
    });
    expect(r.items.find((i) => i.id === "deaths_vs_ceiling")).toMatchObject({ value: 80, ceiling: 100, points: 20 });
  });

  it("the total is the exact sum of item points", () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), fc.integer({ min: 0, max: 100 }), (n, d, score) => {
        const items = { ...fullInputs(), inspections_vs_plan: { numerator: n, denominator: d }, third_party_score: { score } };
        const r = scoreRegion(DEFAULT_ASSESSMENT_CONFIG_2026, { kind: "quarterly", items, accidents: [] });
        expect(Math.round(r.total * 100)).toBe(r.items.reduce((s, i) => s + Math.round(i.points * 100), 0));
      }),
    );
  });

  it.each([
    ["veto: one 特别重大 accident", [{ id: "A1", grade: "especially_major" }], ["especially_major_accident"], [["A1"]]],
    ["veto: two 重大 accidents", [{ id: "A1", grade: "major" }, { id: "A2", grade: "major" }], ["two_major_accidents"], [["A1", "A2"]]],
    ["veto: a concealed accident", [{ id: "A3", grade: "general", concealed: true }], ["concealed_accident"], [["A3"]]],
    [
      "veto: several triggers are all named",
      [{ id: "A1", grade: "especially_major", concealed: true }, { id: "A2", grade: "major" }, { id: "A4", grade: "major" }],
      ["especially_major_accident", "two_major_accidents", "concealed_accident"],
      [["A1"], ["A2", "A4"], ["A1"]],
    ],
  ] as const)("%s forces 不合格 and names its trigger", (_name, accidents, ids, evidence) => {
    const r = scoreRegion(DEFAULT_ASSESSMENT_CONFIG_2026, { kind: "quarterly", items: fullInputs(), accidents });
    expect(r.total).toBe(100);
    expect(r.pointsGrade).toBe("excellent");
    expect(r.grade).toBe("fail");
    expect(r.vetoed).toBe(true);
    expect(r.vetoes.map((v) => v.id)).toEqual(ids);
    expect(r.vetoes.map((v) => v.evidence)).toEqual(evidence);
  });

  it("veto: a single 重大 accident (or several 较大) is not a veto", () => {
    const accidents = [
      { id: "A1", grade: "major" as const },
      { id: "A2", grade: "larger" as const },
      { id: "A3", grade: "larger" as const },
    ];
    const r = scoreRegion(DEFAULT_ASSESSMENT_CONFIG_2026, { kind: "annual", items: fullInputs(), accidents });
    expect(r.vetoed).toBe(false);
    expect(r.grade).toBe("excellent");
  });

  it("veto: annual 不合格 is a veto in the annual assessment only", () => {
    const items = { ...fullInputs(), third_party_score: { score: 0 }, inspections_vs_plan: { numerator: 0, denominator: 200 } };
    delete (items as Record<string, unknown>).deaths_vs_ceiling;
    delete (items as Record<string, unknown>).larger_accidents_vs_ceiling;
    const annual = scoreRegion(DEFAULT_ASSESSMENT_CONFIG_2026, { kind: "annual", items, accidents: [] });
    expect(annual.total).toBe(50);
    expect(annual.grade).toBe("fail");
    expect(annual.vetoes).toEqual([{ id: "annual_fail", name: "年度考核不合格", kind: "annual_fail", evidence: [] }]);
    const quarterly = scoreRegion(DEFAULT_ASSESSMENT_CONFIG_2026, { kind: "quarterly", items, accidents: [] });
    expect(quarterly.grade).toBe("fail");
    expect(quarterly.vetoed).toBe(false);
  });

  it("veto triggers and cut-offs are configuration", () => {
    const config: AssessmentConfig = {
      ...DEFAULT_ASSESSMENT_CONFIG_2026,
      cutoffs: [{ grade: "excellent", min: 95 }, { grade: "pass", min: 50 }],
      vetoes: [{ id: "one_larger", name: "发生较大事故", kind: "accident_grade_count", grade: "larger", atLeast: 1 }],
    };
    const items = { ...fullInputs(), third_party_score: { score: 50 } };
    expect(scoreRegion(config, { kind: "annual", items, accidents: [] })).toMatchObject({ total: 95, grade: "excellent" });
    const r = scoreRegion(config, { kind: "annual", items, accidents: [{ id: "L1", grade: "larger" }] });
    expect(r.vetoes).toMatchObject([{ id: "one_larger", evidence: ["L1"] }]);
    expect(r.grade).toBe("fail");
  });

  it("refuses to score with an invalid configuration", () => {
    const bad = { ...DEFAULT_ASSESSMENT_CONFIG_2026, items: DEFAULT_ASSESSMENT_CONFIG_2026.items.slice(1) };
    expect(() => scoreRegion(bad, { kind: "annual", items: fullInputs(), accidents: [] })).toThrow(/exactly 100/);
  });
});

// ---------------------------------------------------------------------------------------------
describe("periods", () => {
  it.each([
    ["2026-01-01", 1],
    ["2026-03-31", 1],
    ["2026-04-01", 2],
    ["2026-06-30", 2],
    ["2026-07-01", 3],
    ["2026-09-30", 3],
    ["2026-10-01", 4],
    ["2026-12-31", 4],
    ["2026-03-31T16:00:00Z", 2],
    ["2026-03-31T15:59:59.999Z", 1],
  ] as const)("quarterOf(%s) = Q%d (Asia/Shanghai)", (date, q) => {
    expect(quarterOf(date)).toBe(q);
  });

  it.each([
    [2026, 2, "2026-02-01", "2026-02-28"],
    [2024, 2, "2024-02-01", "2024-02-29"],
    [2000, 2, "2000-02-01", "2000-02-29"],
    [2100, 2, "2100-02-01", "2100-02-28"],
    [2026, 12, "2026-12-01", "2026-12-31"],
  ] as const)("monthRange(%d, %d) is %s..%s (Gregorian leap years)", (y, m, from, to) => {
    expect(monthRange(y, m)).toMatchObject({ from, to });
  });

  it("ranges carry the Shanghai instants for index key ranges", () => {
    expect(monthRange(2026, 2)).toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
      fromInstant: "2026-01-31T16:00:00.000Z",
      toInstant: "2026-02-28T15:59:59.999Z",
    });
    expect(quarterRange(2026, 4)).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
    expect(yearRange(2026)).toMatchObject({ from: "2026-01-01", to: "2026-12-31" });
    expect(yearToDateRange(2026, 3)).toMatchObject({ from: "2026-01-01", to: "2026-03-31" });
  });

  it("consecutive months tile the year without gaps", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const r = monthRange(y, m);
        const next = m === 12 ? monthRange(y + 1, 1) : monthRange(y, m + 1);
        expect(addDays(r.to, 1)).toBe(next.from);
        expect(daysBetween(r.from, r.to) + 1).toBeGreaterThanOrEqual(28);
        expect(daysBetween(r.from, r.to) + 1).toBeLessThanOrEqual(31);
      }),
    );
  });

  it.each([
    () => monthRange(2026, 0),
    () => monthRange(2026, 13),
    () => quarterRange(2026, 5),
    () => yearToDateRange(2026, 1.5),
  ])("rejects an impossible period (%#)", (f) => {
    expect(f).toThrow(RangeError);
  });

  it("parses and formats quarters like 2026Q4", () => {
    expect(parseQuarter("2026Q4")).toEqual({ year: 2026, quarter: 4 });
    expect(parseQuarter("2026q1")).toEqual({ year: 2026, quarter: 1 });
    for (const bad of ["2026Q5", "2026Q0", "2026-Q4", "26Q1", "2026Q4 ", ""]) expect(parseQuarter(bad)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, (year, quarter) => {
        expect(parseQuarter(formatQuarter({ year, quarter }))).toEqual({ year, quarter });
      }),
    );
  });

  it("a quarterly run assesses the previous quarter; January's run the previous year's Q4", () => {
    expect(previousQuarter("2026-04-16")).toEqual({ year: 2026, quarter: 1 });
    expect(previousQuarter("2027-01-16")).toEqual({ year: 2026, quarter: 4 });
    expect(previousQuarter("2026-10-15T16:30:00Z")).toEqual({ year: 2026, quarter: 3 });
  });

  it.each([
    ["2026-03-31T17:00:00Z", "2026-03-31", 2026, 3, true],
    ["2026-03-02T17:00:00Z", "2026-03-02", 2026, 3, false],
    ["2025-12-31T17:00:00Z", "2025-12-31", 2025, 12, true],
    ["2024-02-29T17:00:00Z", "2024-02-29", 2024, 2, true],
    ["2024-02-28T17:00:00Z", "2024-02-28", 2024, 2, false],
  ] as const)("a roll-up at 01:00 Shanghai (%s) covers up to yesterday %s", (now, asOfDate, year, month, monthClose) => {
    expect(rollupTarget(now)).toEqual({ asOfDate, year, month, monthClose });
  });

  it.each([ROLLUP_SCHEDULE, QUARTERLY_ASSESSMENT_SCHEDULE, ANNUAL_ASSESSMENT_SCHEDULE])(
    "schedule $name fires at its stated Shanghai time",
    (s: ScheduleDefinition) => {
      expect(s.timeZone).toBe("Asia/Shanghai");
      expect(s.cron.split(" ").slice(0, 2)).toEqual([String(s.minute), String(s.hour)]);
      expect(s.cron.split(" ")).toHaveLength(6);
    },
  );

  it("the roll-up runs daily at 01:00 Asia/Shanghai", () => {
    expect(ROLLUP_SCHEDULE).toMatchObject({ hour: 1, minute: 0, cron: "0 1 * * ? *", timeZone: "Asia/Shanghai" });
  });
});

// ---------------------------------------------------------------------------------------------
describe("control-indicator CSV (Chinese headers, same table as the JSON)", () => {
  const agg = aggregate([acc({ statisticalDeaths: 4, injuries: 2, directLossYuan: 1_500 }), acc({ roadTraffic: true, statisticalDeaths: 1 })]);
  const rates = computeRates(agg, { gdpYi: 3 });
  const region = {
    regionCode: "420102",
    regionName: "江岸区, \"测试\"",
    level: "county",
    parentCode: "420100",
    year: 2026,
    month: 3,
    asOfDate: "2026-03-31",
    monthly: agg,
    ytd: agg,
    hazards: { monthly: { found: 0, major: 0 }, ytd: { found: 0, major: 0 } },
    denominators: { gdpYi: 3 },
    denominatorsSource: "own" as const,
    rates,
    monthlyRates: rates,
    yearElapsed: 90 / 365,
    indicators: evaluateControlIndicators(agg, rates, { deaths: 5, rates: { deathsPerYiGdp: 2 } }, 90 / 365),
    warning: "exceeded" as const,
    hasTargets: true,
  };
  const lines = indicatorsCsv([region]).replace(/^\uFEFF/, "").trim().split("\r\n");

  it("starts with a byte-order mark and the Chinese header row", () => {
    expect(indicatorsCsv([region]).startsWith("\uFEFF地区代码,")).toBe(true);
    expect(lines[0]?.split(",")).toEqual(csvHeaders("zh"));
  });

  it("Accept-Language: en heads the columns in English and names levels and warnings in English", () => {
    const en = indicatorsCsv([region], "en").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(en[0]).toBe("Region code,Region,Level,Year,Up to month,As of,Indicator,This month,Year to date,Ceiling,Share of ceiling used,Share of year elapsed,Warning");
    expect(en).toContain('420102,"江岸区, ""测试""",county,2026,3,2026-03-31,亿元GDP生产安全事故死亡率 (deathsPerYiGdp),1.667,1.667,2.000,83.3%,24.7%,attention');
  });

  it("one row per total and per indicator; values, ceilings, shares and warnings in Chinese", () => {
    expect(lines).toHaveLength(1 + 4 + 11);
    expect(lines[1]).toBe('420102,"江岸区, ""测试""",县（市、区）,2026,3,2026-03-31,事故起数,2,2,,,24.7%,');
    expect(lines).toContain('420102,"江岸区, ""测试""",县（市、区）,2026,3,2026-03-31,生产安全事故死亡人数,5,5,5,100.0%,24.7%,超标');
    // 5 deaths / 3 亿元 = 1.667 against 2: 83.3 %, attention
    expect(lines).toContain('420102,"江岸区, ""测试""",县（市、区）,2026,3,2026-03-31,亿元GDP生产安全事故死亡率,1.667,1.667,2.000,83.3%,24.7%,预警');
    // no denominator: empty value, no warning
    expect(lines).toContain('420102,"江岸区, ""测试""",县（市、区）,2026,3,2026-03-31,道路交通万车死亡率,,,,,24.7%,正常');
  });
});

describe("rates as published text", () => {
  it.each([
    [0.137, "0.137"],
    [1.6666, "1.667"],
    [0, "0.000"],
    [0.00015, "0.00015"],
    [0.007, "0.007"],
    [0.0069312, "0.00693"],
    [12.5, "12.500"],
  ])("%s → %s (three decimals, at least three significant digits)", (x, text) => expect(rateText(x)).toBe(text));
});

describe("the next run of the daily roll-up (01:00 Asia/Shanghai)", () => {
  it.each([
    ["2026-12-01T16:59:00Z", "2026-12-01T17:00:00.000Z"], // 00:59 in Shanghai: today's run is ahead
    ["2026-12-01T17:00:00Z", "2026-12-02T17:00:00.000Z"], // 01:00 exactly: the next is tomorrow's
    ["2026-12-01T22:00:00Z", "2026-12-02T17:00:00.000Z"],
  ])("after %s → %s", (now, next) => expect(nextDailyRun({ hour: 1, minute: 0 }, new Date(now)).toISOString()).toBe(next));
});
