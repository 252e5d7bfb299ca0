// Request and response shapes of the stats context: control targets, denominators, control
// indicators, target assessment.
import * as z from "zod/mini";
import { ACCIDENT_GRADES } from "../accidents/public.js";
import { components, DateString, field, NonEmpty, Out, RegionCode, Timestamp } from "../../shared/schemas.js";
import { RATE_IDS, RATE_NAME_ZH, type RateId, SECTOR_NAME_ZH, SECTORS, type Sector } from "./config-data.js";

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export const Year = z.coerce.number().check(z.int(), z.minimum(MIN_YEAR), z.maximum(MAX_YEAR));
const Count = z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000)));
const NonNegative = z.nullable(z.number().check(z.minimum(0), z.maximum(1e15)));
const Positive = z.nullable(z.number().check(z.gt(0), z.maximum(1e15)));

export const YearRegionParams = z.strictObject({ year: field(Year, "年度。Year."), regionCode: field(RegionCode, "行政区划代码。Region code.") });
export const YearParams = z.strictObject({ year: field(Year, "年度。Year.") });

// ---------- control targets (annual ceilings) ----------

const sectorShape = Object.fromEntries(SECTORS.map((s) => [s, field(z.optional(Count), `${SECTOR_NAME_ZH[s]}事故死亡人数。`)])) as Record<Sector, z.ZodMiniOptional<typeof Count>>;
const rateShape = Object.fromEntries(RATE_IDS.map((r) => [r, field(z.optional(NonNegative), `${RATE_NAME_ZH[r]}。`)])) as Record<RateId, z.ZodMiniOptional<typeof NonNegative>>;

export const ControlTargetsBody = z.strictObject({
  /** Ceiling on statistical deaths in the year. */
  deaths: field(z.optional(Count), "年度统计死亡人数控制指标。Death ceiling."),
  /** Death ceilings by sector (工矿商贸, 道路交通, 火灾, 其他). */
  deathsBySector: field(z.optional(z.strictObject(sectorShape)), "分行业领域的死亡人数控制指标（工矿商贸、道路交通、火灾、其他）。Death ceilings by sector."),
  /** Ceiling on the number of 较大 accidents. */
  largerAccidents: field(z.optional(Count), "较大事故起数控制指标。Larger accidents ceiling."),
  /** Ceiling on the number of 重大 accidents. */
  majorAccidents: field(z.optional(Count), "重大事故起数控制指标。Major accidents ceiling."),
  /** Rate ceilings (亿元GDP, 工矿商贸十万人, 道路万车, 煤矿百万吨). */
  rates: field(z.optional(z.strictObject(rateShape)), "死亡率控制指标（亿元 GDP、工矿商贸十万从业人员、道路万车、煤矿百万吨）。Rate ceilings."),
  /** Enforcement inspections planned in the year (the assessment's "inspections vs plan"). */
  inspectionsPlanned: field(z.optional(Count), "年度计划执法检查次数。Inspections planned."),
});
export type ControlTargetsBody = z.infer<typeof ControlTargetsBody>;

const Stamp = { year: field(z.number(), "年度。Year."), regionCode: field(z.string(), "行政区划代码。Region code."), version: Out.version, updatedAt: Out.updatedAt, updatedBy: field(z.string(), "最后修改人的用户编号。Updated by.") };

export const ControlTargetsOut = z.object({ ...ControlTargetsBody.shape, ...Stamp });
export type StoredTargets = z.infer<typeof ControlTargetsOut>;

// ---------- denominators ----------

export const DenominatorsBody = z.strictObject({
  /** GDP in 亿元 (100 million yuan). */
  gdpYi: field(z.optional(Positive), "地区生产总值（亿元）。GDP in 亿元."),
  /** 工矿商贸 employees. */
  imcEmployees: field(z.optional(Positive), "工矿商贸从业人员数。Industrial, mining and commercial employees."),
  motorVehicles: field(z.optional(Positive), "机动车保有量。Motor vehicles."),
  /** Coal output in tonnes. */
  coalOutputTonnes: field(z.optional(Positive), "原煤产量（吨）。Coal output in tonnes."),
});
export type DenominatorsBody = z.infer<typeof DenominatorsBody>;
export const DenominatorsOut = z.object({ ...DenominatorsBody.shape, ...Stamp });
export type StoredDenominators = z.infer<typeof DenominatorsOut>;

// ---------- control indicators ----------

export const IndicatorsQuery = z.strictObject({
  year: field(Year, "年度。Year."),
  regionCode: field(z.optional(RegionCode), "行政区划代码。Region code."),
  /** Month of the year-to-date figures; default the latest rolled up. */
  month: field(z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(12))), "年初至该月的累计；默认最近已汇总的月份。Month."),
  format: field(z.optional(z.enum(["json", "csv"])), "json（默认）或 csv。Format."),
});

const Tally = z.object({ accidents: field(z.number(), "事故起数。Accidents."), deaths: field(z.number(), "死亡人数。Deaths."), injuries: field(z.number(), "轻伤人数。Injuries."), seriousInjuries: field(z.number(), "重伤人数。Serious injuries."), directLossYuan: field(z.number(), "直接经济损失（元，整数）。Direct economic loss in yuan.") });
const Aggregate = z.object({
  ...Tally.shape,
  byGrade: field(z.record(z.string(), Tally), "按事故等级分。By grade."),
  bySector: field(z.record(z.string(), Tally), "按行业领域分。By sector."),
  byType: field(z.record(z.string(), Tally), "按事故类别（GB 6441）分。By type."),
  byIndustry: field(z.record(z.string(), Tally), "按行业门类分。By industry."),
  coalMine: field(Tally, "其中煤矿。Coal mines."),
});
const HazardTally = z.object({ found: field(z.number(), "发现隐患数。Hazards found."), major: field(z.number(), "其中重大隐患数。Major hazards.") });
const Indicator = z.object({
  id: field(z.string(), "指标代码。Indicator id."),
  name: field(z.string(), "指标名称。Indicator name."),
  value: field(z.nullable(z.number()), "实际值（无数据为 null）。Value."),
  ceiling: field(z.nullable(z.number()), "控制指标（未下达为 null）。Ceiling."),
  shareUsed: field(z.nullable(z.number()), "已用比例：实际值 / 控制指标。Share used."),
  yearElapsed: field(z.number(), "年度已过去的比例（0–1）。Year elapsed."),
  warning: field(z.enum(["none", "attention", "exceeded"]), "预警：none 无，attention 关注，exceeded 超出。Warning."),
});
const Rates = z.object(Object.fromEntries(RATE_IDS.map((r) => [r, field(z.nullable(z.number()), `${RATE_NAME_ZH[r]}（无分母为 null）。`)])) as Record<RateId, z.ZodMiniNullable<z.ZodMiniNumber>>);

export const RegionIndicators = z.object({
  regionCode: field(z.string(), "行政区划代码。Region code."),
  regionName: field(z.string(), "行政区划名称。Region name."),
  level: field(z.string(), "层级：province、city、county。Level."),
  parentCode: field(z.nullable(z.string()), "上级行政区划代码（省为 null）。Parent code."),
  year: field(z.number(), "年度。Year."),
  month: field(z.number(), "统计月份。Month."),
  /** Figures include records up to and including this Shanghai date. */
  asOfDate: field(DateString, "数据截至的日期（含当日，北京时间）。As-of date."),
  monthly: field(Aggregate, "当月。Month."),
  ytd: field(Aggregate, "年初至今累计。Year to date."),
  hazards: field(z.object({ monthly: field(HazardTally, "当月。Month."), ytd: field(HazardTally, "年初至今累计。Year to date.") }), "隐患。Hazards."),
  denominators: field(z.nullable(z.object({ gdpYi: field(z.optional(z.nullable(z.number())), "地区生产总值（亿元）。GDP in 亿元."), imcEmployees: field(z.optional(z.nullable(z.number())), "工矿商贸从业人员数。Industrial, mining and commercial employees."), motorVehicles: field(z.optional(z.nullable(z.number())), "机动车保有量。Motor vehicles."), coalOutputTonnes: field(z.optional(z.nullable(z.number())), "原煤产量（吨）。Coal output in tonnes.") })), "死亡率的分母（无则为 null）。Denominators."),
  /** Where the denominators come from: entered for the region, or the sum of its children. */
  denominatorsSource: field(z.nullable(z.enum(["own", "children"])), "分母来源：own 本地区录入，children 下级合计。Denominators source."),
  rates: field(Rates, "年初至今的死亡率。Rates (year to date)."),
  monthlyRates: field(Rates, "当月的死亡率。Monthly rates."),
  yearElapsed: field(z.number(), "年度已过去的比例（0–1）。Year elapsed."),
  indicators: field(z.array(Indicator), "各控制指标及其进度。Indicators."),
  /** The most severe warning among the indicators. */
  warning: field(z.enum(["none", "attention", "exceeded"]), "预警：none 无，attention 关注，exceeded 超出。Warning."),
  hasTargets: field(z.boolean(), "是否已下达控制指标。Has targets."),
});
export type RegionIndicators = z.infer<typeof RegionIndicators>;

export const ControlIndicatorsOut = z.object({
  year: field(z.number(), "年度。Year."),
  month: field(z.number(), "月份。Month."),
  region: field(RegionIndicators, "所查地区。Region."),
  children: field(z.array(RegionIndicators), "下级地区。Child regions."),
  /** The region's figures month by month, from January to `month` (the chart of the year). */
  trend: field(
    z.array(z.object({ month: field(z.number(), "月份。Month."), monthly: field(Tally, "当月。Month."), ytd: field(Tally, "年初至该月累计。Year to date.") })),
    "本地区逐月数据（1 月至所查月份，未汇总的月份不列）。The region's months, January to the month asked.",
  ),
});

// ---------- assessment ----------

export const ThirdPartyBody = z.strictObject({
  /** 0–100, scaled to the item's points. */
  score: field(z.number().check(z.minimum(0), z.maximum(100)), "第三方评估得分（0–100，按该项分值折算）。Score."),
  evaluator: field(NonEmpty(200), "评估机构。Evaluator."),
  note: field(z.optional(NonEmpty(2000)), "备注。Note."),
});
export const ThirdPartyOut = z.object({ ...ThirdPartyBody.shape, ...Stamp });
export type StoredThirdParty = z.infer<typeof ThirdPartyOut>;

const GradeEnum = z.enum(["excellent", "good", "pass", "fail"]);

const ItemConfig = z.union([
  z.strictObject({
    id: field(NonEmpty(64), "项目代码。Id."),
    name: field(NonEmpty(200), "项目名称。Name."),
    points: field(z.number(), "分值。Points."),
    method: field(z.enum(["ratio_higher_better", "ratio_lower_better"]), "评分方法：ratio_higher_better 比值越高越好，ratio_lower_better 比值越低越好，within_ceiling 不超控制指标，third_party 第三方评估。Method."),
    full: field(z.number(), "得满分的比值。Value for full points."),
    zero: field(z.number(), "得零分的比值。Value for zero points."),
    emptyScores: field(z.enum(["full", "zero"]), "无数据时的得分：full 满分，zero 零分。Empty scores."),
  }),
  z.strictObject({
    id: field(NonEmpty(64), "项目代码。Id."),
    name: field(NonEmpty(200), "项目名称。Name."),
    points: field(z.number(), "分值。Points."),
    method: field(z.literal("within_ceiling"), "评分方法：ratio_higher_better 比值越高越好，ratio_lower_better 比值越低越好，within_ceiling 不超控制指标，third_party 第三方评估。Method."),
    excess: field(z.union([
      z.strictObject({ kind: field(z.literal("per_unit"), "per_unit：每超出一个单位扣分。Kind."), deduct: field(z.number(), "每超出一个单位扣的分。Deduction per unit.") }),
      z.strictObject({ kind: field(z.literal("proportional"), "proportional：按超出比例扣分。Kind."), zeroAtExcessShare: field(z.number(), "超出比例达到此值时得零分。Zero at excess share.") }),
    ]), "超出控制指标时的扣分方式。Excess rule."),
  }),
  z.strictObject({ id: field(NonEmpty(64), "项目代码。Id."), name: field(NonEmpty(200), "项目名称。Name."), points: field(z.number(), "分值。Points."), method: field(z.literal("third_party"), "评分方法：ratio_higher_better 比值越高越好，ratio_lower_better 比值越低越好，within_ceiling 不超控制指标，third_party 第三方评估。Method.") }),
]);

const VetoConfig = z.union([
  z.strictObject({ id: field(NonEmpty(64), "否决项代码。Id."), name: field(NonEmpty(200), "否决项名称。Name."), kind: field(z.literal("accident_grade_count"), "accident_grade_count：该等级及以上事故达到 atLeast 起即否决。Kind."), grade: field(z.enum(ACCIDENT_GRADES), "事故等级：general 一般，larger 较大，major 重大，especially_major 特别重大。Accident grade."), atLeast: field(z.number(), "达到此数即否决。At least.") }),
  z.strictObject({ id: field(NonEmpty(64), "否决项代码。Id."), name: field(NonEmpty(200), "否决项名称。Name."), kind: field(z.literal("concealed_accident"), "concealed_accident：瞒报、谎报事故达到 atLeast 起即否决。Kind."), atLeast: field(z.number(), "达到此数即否决。At least.") }),
  z.strictObject({ id: field(NonEmpty(64), "否决项代码。Id."), name: field(NonEmpty(200), "否决项名称。Name."), kind: field(z.literal("annual_fail"), "annual_fail：年度考核不合格即否决。Kind.") }),
]);

export const AssessmentConfigBody = z.strictObject({
  items: field(z.array(ItemConfig).check(z.minLength(1), z.maxLength(50)), "考核项目。Items."),
  cutoffs: field(z.array(z.strictObject({ grade: field(z.enum(["excellent", "good", "pass"]), "等级：excellent 优秀，good 良好，pass 合格。Grade."), min: field(z.number(), "该等级的最低分。Minimum score.") })).check(z.maxLength(3)), "等级分数线。Grade cut-offs."),
  vetoes: field(z.array(VetoConfig).check(z.maxLength(20)), "一票否决项。Vetoes."),
});
export const AssessmentConfigOut = z.object({ ...AssessmentConfigBody.shape, year: field(z.number(), "年度。Year."), version: Out.version, updatedAt: Out.updatedAt, updatedBy: field(z.string(), "最后修改人的用户编号。Updated by.") });

export const AssessmentsQuery = z.strictObject({
  year: field(Year, "年度。Year."),
  /** 1–4 for a quarterly process assessment; omitted for the annual assessment. */
  quarter: field(z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(4))), "季度（1–4）为季度过程考核；不填为年度考核。Quarter."),
});

const ItemScore = z.object({
  id: field(z.string(), "考核项目代码。Item id."),
  name: field(z.string(), "考核项目名称。Item name."),
  method: field(z.string(), "评分方法。Method."),
  value: field(z.nullable(z.number()), "实际值（无数据为 null）。Value."),
  ceiling: field(z.optional(z.nullable(z.number())), "控制指标（未下达为 null）。Ceiling."),
  sourceCounts: field(z.record(z.string(), z.number()), "计算所用的原始数据。Source counts."),
  points: field(z.number(), "得分。Points."),
  maxPoints: field(z.number(), "满分。Maximum points."),
  missingInput: field(z.boolean(), "是否缺少所需数据。Missing input."),
});

export const AssessmentRow = z.object({
  year: field(z.number(), "年度。Year."),
  /** "2026Q3" or "2026". */
  period: field(z.string(), "考核期间：季度如 2026Q3，或年度如 2026。Period."),
  kind: field(z.enum(["quarterly", "annual"]), "quarterly 季度，annual 年度。Kind."),
  regionCode: field(z.string(), "行政区划代码。Region code."),
  regionName: field(z.string(), "行政区划名称。Region name."),
  total: field(z.number(), "总分。Total score."),
  pointsGrade: field(GradeEnum, "按分数的等级（否决前）。Grade by points."),
  grade: field(GradeEnum, "最终等级：excellent 优秀，good 良好，pass 合格，fail 不合格。Grade."),
  gradeName: field(z.string(), "等级名称。Grade name."),
  vetoed: field(z.boolean(), "是否被一票否决。Vetoed."),
  vetoes: field(z.array(z.object({ id: field(z.string(), "否决项代码。Id."), name: field(z.string(), "否决项名称。Name."), kind: field(z.string(), "quarterly 季度，annual 年度。Kind."), evidence: field(z.array(z.string()), "证据记录编号。Evidence.") })), "触发的否决项。Vetoes."),
  items: field(z.array(ItemScore), "各项得分。Item scores."),
  /** The months the figures come from. */
  accidentMonths: field(z.array(z.string()), "事故数据所取的月份。Accident months."),
  workMonths: field(z.array(z.string()), "工作数据所取的月份。Work months."),
  asOf: field(z.string(), "计算时刻。As of."),
});
export type AssessmentRow = z.infer<typeof AssessmentRow>;

export const AssessmentList = z.object({ year: field(z.number(), "年度。Year."), period: field(z.string(), "期间。Period."), published: field(z.boolean(), "是否已公布。Published."), items: field(z.array(AssessmentRow), "各地区考核结果。Results.") });

export const PublicAssessmentRow = z.strictObject({
  rank: field(z.number(), "名次。Rank."),
  regionCode: field(z.string(), "行政区划代码。Region code."),
  regionName: field(z.string(), "行政区划名称。Region name."),
  total: field(z.number(), "总分。Total score."),
  grade: field(GradeEnum, "最终等级：excellent 优秀，good 良好，pass 合格，fail 不合格。Grade."),
  gradeName: field(z.string(), "等级名称。Grade name."),
  vetoed: field(z.boolean(), "是否被一票否决。Vetoed."),
  vetoes: field(z.array(z.string()), "触发的否决项名称。Vetoes."),
});
export const PublicAssessments = z.strictObject({
  year: field(z.number(), "年度。Year."),
  publishedAt: field(Timestamp, "公布时刻。Published at."),
  items: field(z.array(PublicAssessmentRow), "公布的考核结果。Results."),
});
export const PublicAssessmentsQuery = z.strictObject({ year: field(Year, "年度。Year.") });

// ---------- stored records without a route of their own ----------

/** Tallies under every key of a closed list (every grade, every sector), as the roll-up keeps them. */
const talliesOf = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, Tally])) as Record<K, typeof Tally>);

/**
 * One city's month as the roll-up stores it: the aggregate of each leaf (county, or the city itself
 * for a 直管 unit and city-level records). Year to date is the sum of the year's snapshots.
 */
export const Snapshot = z.object({
  year: z.number(),
  month: z.number(),
  cityCode: z.string(),
  /** Records up to and including this Shanghai date were counted. */
  asOfDate: z.string(),
  leaves: z.record(z.string(), z.object({ accidents: z.object({ ...Aggregate.shape, byGrade: talliesOf(ACCIDENT_GRADES), bySector: talliesOf(SECTORS) }), hazards: HazardTally })),
  recordsRead: z.number(),
});
export type Snapshot = z.infer<typeof Snapshot>;
export type HazardTally = z.infer<typeof HazardTally>;

/** The stats configuration as stored; what it leaves out falls back to the shipped defaults. */
export const StoredStatsConfig = z.object({
  warningThresholds: z.optional(z.object({ attention: z.number(), exceeded: z.number() })),
  sectorMapping: z.optional(z.object({ imcSections: z.array(z.string()), otherDivisions: z.array(z.string()), typeOverrides: z.record(z.string(), z.enum(SECTORS)) })),
});

/** A year's published results, with who published them. */
export const AssessmentPublication = z.object({ ...PublicAssessments.shape, publishedBy: z.optional(z.string()) });

// ---------- OpenAPI components ----------
components(
  {
    ControlTargetsBody, ControlTargetsOut, DenominatorsBody, DenominatorsOut, RegionIndicators, ControlIndicatorsOut, ThirdPartyBody,
    ThirdPartyOut, AssessmentConfigBody, AssessmentConfigOut, AssessmentRow, AssessmentList, PublicAssessments,
  },
  {
    ControlTargetsBody: "年度控制指标。Annual control targets.",
    ControlTargetsOut: "年度控制指标及其版本。Annual control targets.",
    DenominatorsBody: "死亡率的分母（GDP、从业人员、机动车、煤炭产量）。Rate denominators.",
    DenominatorsOut: "死亡率的分母及其版本。Rate denominators.",
    RegionIndicators: "一个地区的控制指标进度。Control indicators of a region.",
    ControlIndicatorsOut: "地区及其下级的控制指标进度。Control indicators.",
    ThirdPartyBody: "第三方评估得分。Third-party score.",
    ThirdPartyOut: "第三方评估得分及其版本。Third-party score.",
    AssessmentConfigBody: "年度考核办法：项目、分数线、否决项。Assessment configuration.",
    AssessmentConfigOut: "年度考核办法及其版本。Assessment configuration.",
    AssessmentRow: "一个地区的考核结果。Assessment of a region.",
    AssessmentList: "各地区的考核结果。Assessments.",
    PublicAssessments: "公布的考核结果。Published assessments.",
  },
);
