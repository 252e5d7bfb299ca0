// Request and response shapes of the stats context: control targets, denominators, control
// indicators, target assessment.
import * as z from "zod/mini";
import { ACCIDENT_GRADES, type AccidentGrade } from "../accidents/rules.js";
import { NonEmpty, RegionCode } from "../../shared/schemas.js";
import { RATE_IDS, type RateId, SECTORS, type Sector } from "./config-data.js";

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const Year = z.coerce.number().check(z.int(), z.minimum(MIN_YEAR), z.maximum(MAX_YEAR));
const Count = z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000)));
const NonNegative = z.nullable(z.number().check(z.minimum(0), z.maximum(1e15)));
const Positive = z.nullable(z.number().check(z.gt(0), z.maximum(1e15)));

export const YearRegionParams = z.strictObject({ year: Year, regionCode: RegionCode });
export const YearParams = z.strictObject({ year: Year });

// ---------- control targets (annual ceilings) ----------

const sectorShape = Object.fromEntries(SECTORS.map((s) => [s, z.optional(Count)])) as Record<Sector, z.ZodMiniOptional<typeof Count>>;
const rateShape = Object.fromEntries(RATE_IDS.map((r) => [r, z.optional(NonNegative)])) as Record<RateId, z.ZodMiniOptional<typeof NonNegative>>;

export const ControlTargetsBody = z.strictObject({
  /** Ceiling on statistical deaths in the year. */
  deaths: z.optional(Count),
  /** Death ceilings by sector (工矿商贸, 道路交通, 火灾, 其他). */
  deathsBySector: z.optional(z.strictObject(sectorShape)),
  /** Ceiling on the number of 较大 accidents. */
  largerAccidents: z.optional(Count),
  /** Ceiling on the number of 重大 accidents. */
  majorAccidents: z.optional(Count),
  /** Rate ceilings (亿元GDP, 工矿商贸十万人, 道路万车, 煤矿百万吨). */
  rates: z.optional(z.strictObject(rateShape)),
  /** Enforcement inspections planned in the year (the assessment's "inspections vs plan"). */
  inspectionsPlanned: z.optional(Count),
});
export type ControlTargetsBody = z.infer<typeof ControlTargetsBody>;

const Stamp = { year: z.number(), regionCode: z.string(), version: z.number(), updatedAt: z.string(), updatedBy: z.string() };

export const ControlTargetsOut = z.object({ ...ControlTargetsBody.shape, ...Stamp });
export type StoredTargets = z.infer<typeof ControlTargetsOut>;

// ---------- denominators ----------

export const DenominatorsBody = z.strictObject({
  /** GDP in 亿元 (100 million yuan). */
  gdpYi: z.optional(Positive),
  /** 工矿商贸 employees. */
  imcEmployees: z.optional(Positive),
  motorVehicles: z.optional(Positive),
  /** Coal output in tonnes. */
  coalOutputTonnes: z.optional(Positive),
});
export type DenominatorsBody = z.infer<typeof DenominatorsBody>;
export const DenominatorsOut = z.object({ ...DenominatorsBody.shape, ...Stamp });
export type StoredDenominators = z.infer<typeof DenominatorsOut>;

// ---------- control indicators ----------

export const IndicatorsQuery = z.strictObject({
  year: Year,
  regionCode: z.optional(RegionCode),
  /** Month of the year-to-date figures; default the latest rolled up. */
  month: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(12))),
  format: z.optional(z.enum(["json", "csv"])),
});

const Tally = z.object({ accidents: z.number(), deaths: z.number(), injuries: z.number(), seriousInjuries: z.number(), directLossYuan: z.number() });
const Aggregate = z.object({
  ...Tally.shape,
  byGrade: z.record(z.string(), Tally),
  bySector: z.record(z.string(), Tally),
  byType: z.record(z.string(), Tally),
  byIndustry: z.record(z.string(), Tally),
  coalMine: Tally,
});
const HazardTally = z.object({ found: z.number(), major: z.number() });
const Indicator = z.object({
  id: z.string(),
  name: z.string(),
  value: z.nullable(z.number()),
  ceiling: z.nullable(z.number()),
  shareUsed: z.nullable(z.number()),
  yearElapsed: z.number(),
  warning: z.enum(["none", "attention", "exceeded"]),
});
const Rates = z.object(Object.fromEntries(RATE_IDS.map((r) => [r, z.nullable(z.number())])) as Record<RateId, z.ZodMiniNullable<z.ZodMiniNumber>>);

export const RegionIndicators = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  level: z.string(),
  parentCode: z.nullable(z.string()),
  year: z.number(),
  month: z.number(),
  /** Figures include records up to and including this Shanghai date. */
  asOfDate: z.string(),
  monthly: Aggregate,
  ytd: Aggregate,
  hazards: z.object({ monthly: HazardTally, ytd: HazardTally }),
  denominators: z.nullable(z.object({ gdpYi: z.optional(z.nullable(z.number())), imcEmployees: z.optional(z.nullable(z.number())), motorVehicles: z.optional(z.nullable(z.number())), coalOutputTonnes: z.optional(z.nullable(z.number())) })),
  /** Where the denominators come from: entered for the region, or the sum of its children. */
  denominatorsSource: z.nullable(z.enum(["own", "children"])),
  rates: Rates,
  monthlyRates: Rates,
  yearElapsed: z.number(),
  indicators: z.array(Indicator),
  /** The most severe warning among the indicators. */
  warning: z.enum(["none", "attention", "exceeded"]),
  hasTargets: z.boolean(),
});
export type RegionIndicators = z.infer<typeof RegionIndicators>;

export const ControlIndicatorsOut = z.object({
  year: z.number(),
  month: z.number(),
  region: RegionIndicators,
  children: z.array(RegionIndicators),
});

// ---------- assessment ----------

export const ThirdPartyBody = z.strictObject({
  /** 0–100, scaled to the item's points. */
  score: z.number().check(z.minimum(0), z.maximum(100)),
  evaluator: NonEmpty(200),
  note: z.optional(NonEmpty(2000)),
});
export const ThirdPartyOut = z.object({ ...ThirdPartyBody.shape, ...Stamp });
export type StoredThirdParty = z.infer<typeof ThirdPartyOut>;

const GradeEnum = z.enum(["excellent", "good", "pass", "fail"]);

const ItemConfig = z.union([
  z.strictObject({
    id: NonEmpty(64),
    name: NonEmpty(200),
    points: z.number(),
    method: z.enum(["ratio_higher_better", "ratio_lower_better"]),
    full: z.number(),
    zero: z.number(),
    emptyScores: z.enum(["full", "zero"]),
  }),
  z.strictObject({
    id: NonEmpty(64),
    name: NonEmpty(200),
    points: z.number(),
    method: z.literal("within_ceiling"),
    excess: z.union([
      z.strictObject({ kind: z.literal("per_unit"), deduct: z.number() }),
      z.strictObject({ kind: z.literal("proportional"), zeroAtExcessShare: z.number() }),
    ]),
  }),
  z.strictObject({ id: NonEmpty(64), name: NonEmpty(200), points: z.number(), method: z.literal("third_party") }),
]);

const Grades = ACCIDENT_GRADES as unknown as [AccidentGrade, ...AccidentGrade[]];
const VetoConfig = z.union([
  z.strictObject({ id: NonEmpty(64), name: NonEmpty(200), kind: z.literal("accident_grade_count"), grade: z.enum(Grades), atLeast: z.number() }),
  z.strictObject({ id: NonEmpty(64), name: NonEmpty(200), kind: z.literal("concealed_accident"), atLeast: z.number() }),
  z.strictObject({ id: NonEmpty(64), name: NonEmpty(200), kind: z.literal("annual_fail") }),
]);

export const AssessmentConfigBody = z.strictObject({
  items: z.array(ItemConfig).check(z.minLength(1), z.maxLength(50)),
  cutoffs: z.array(z.strictObject({ grade: z.enum(["excellent", "good", "pass"]), min: z.number() })).check(z.maxLength(3)),
  vetoes: z.array(VetoConfig).check(z.maxLength(20)),
});
export const AssessmentConfigOut = z.object({ ...AssessmentConfigBody.shape, year: z.number(), version: z.number(), updatedAt: z.string(), updatedBy: z.string() });

export const AssessmentsQuery = z.strictObject({
  year: Year,
  /** 1–4 for a quarterly process assessment; omitted for the annual assessment. */
  quarter: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(4))),
});

const ItemScore = z.object({
  id: z.string(),
  name: z.string(),
  method: z.string(),
  value: z.nullable(z.number()),
  ceiling: z.optional(z.nullable(z.number())),
  sourceCounts: z.record(z.string(), z.number()),
  points: z.number(),
  maxPoints: z.number(),
  missingInput: z.boolean(),
});

export const AssessmentRow = z.object({
  year: z.number(),
  /** "2026Q3" or "2026". */
  period: z.string(),
  kind: z.enum(["quarterly", "annual"]),
  regionCode: z.string(),
  regionName: z.string(),
  total: z.number(),
  pointsGrade: GradeEnum,
  grade: GradeEnum,
  gradeName: z.string(),
  vetoed: z.boolean(),
  vetoes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), evidence: z.array(z.string()) })),
  items: z.array(ItemScore),
  /** The months the figures come from. */
  accidentMonths: z.array(z.string()),
  workMonths: z.array(z.string()),
  asOf: z.string(),
});
export type AssessmentRow = z.infer<typeof AssessmentRow>;

export const AssessmentList = z.object({ year: z.number(), period: z.string(), published: z.boolean(), items: z.array(AssessmentRow) });

export const PublicAssessmentRow = z.strictObject({
  rank: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  total: z.number(),
  grade: GradeEnum,
  gradeName: z.string(),
  vetoed: z.boolean(),
  vetoes: z.array(z.string()),
});
export const PublicAssessments = z.strictObject({
  year: z.number(),
  publishedAt: z.string(),
  items: z.array(PublicAssessmentRow),
});
export const PublicAssessmentsQuery = z.strictObject({ year: Year });
