// Statistics and target assessment: configuration shipped as seed data.
// Everything here is configurable: the values are real defaults,
// a province or a year may replace them (stored configuration overrides these seeds).
//
// Exports:
//   SectorMapping, DEFAULT_SECTOR_MAPPING, SECTOR_NAME_ZH
//   RATE_SCALES, RATE_NAME_ZH, RATE_DECIMALS
//   WarningThresholds, DEFAULT_WARNING_THRESHOLDS, WARNING_NAME_ZH
//   AssessmentConfig (and its parts), DEFAULT_ASSESSMENT_CONFIG_2026, ASSESSMENT_CONFIGS
//   ScheduleDefinition, ROLLUP_SCHEDULE, QUARTERLY_ASSESSMENT_SCHEDULE, ANNUAL_ASSESSMENT_SCHEDULE
//   HUBEI_MAGNITUDES (Hubei's real 2010–2011 figures, for seed data and sanity checks)

import type { AccidentGrade } from "../accidents/public.js";

// ---------------------------------------------------------------------------------------------
// Sectors

export const SECTORS = ["industrial_mining_commercial", "road_traffic", "fire", "other"] as const;
export type Sector = (typeof SECTORS)[number];

export const SECTOR_NAME_ZH: Readonly<Record<Sector, string>> = {
  industrial_mining_commercial: "工矿商贸",
  road_traffic: "道路交通",
  fire: "火灾",
  other: "其他",
};

/**
 * How an accident's sector follows from its flags and GB/T 4754 industry code.
 *
 * Order of decision (first match wins):
 * 1. `roadTraffic` flag → road_traffic. Road accidents are counted by traffic police statistics
 *    whatever the vehicle owner's industry (a lorry of a chemical plant on a public road).
 * 2. `fire` flag → fire. Fires attended and counted by the fire service.
 * 3. `typeOverrides[accidentType]`, if configured. Empty by default: a GB 6441 type alone does not
 *    decide the sector (02 车辆伤害 inside a plant and 08 火灾 in a workshop stay 工矿商贸 unless
 *    flagged as road traffic / fire by the reporter).
 * 4. Industry: a division listed in `otherDivisions` → other; a section in `imcSections` → 工矿商贸;
 *    anything else, or no/unknown industry → other.
 *
 * Default 工矿商贸 scope: every section with enterprises under work-safety supervision, B (mining)
 * through R (culture, sport, entertainment), i.e. mining, manufacturing, utilities, construction,
 * trade, transport/storage/post, hotels and catering and the service sections. Left out, as
 * national statistics keep them in their own categories or they are not enterprises:
 *   A agriculture, forestry, fishing (农业机械 and 渔业船舶 have their own statistics),
 *   S public administration and T international organisations,
 *   G divisions 53 railway, 55 water and 56 air transport (铁路交通, 水上交通, 民航飞行 are
 *   separate categories). Division 54 road transport stays 工矿商贸 for accidents that are not
 *   road traffic accidents (e.g. in a depot).
 */
export interface SectorMapping {
  imcSections: readonly string[];
  otherDivisions: readonly string[];
  typeOverrides: Readonly<Record<string, Sector>>;
}

export const DEFAULT_SECTOR_MAPPING: SectorMapping = {
  imcSections: ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R"],
  otherDivisions: ["53", "55", "56"],
  typeOverrides: {},
};

/** GB/T 4754-2017 division 06 煤炭开采和洗选业: the numerator of 煤矿百万吨死亡率. */
export const COAL_MINE_DIVISIONS: readonly string[] = ["06"];

// ---------------------------------------------------------------------------------------------
// Rates (鄂安办〔2015〕60号 task 7, control indicators)

export type RateId = "deathsPerYiGdp" | "imcDeathsPer100kEmployees" | "roadDeathsPer10kVehicles" | "coalDeathsPerMillionTonnes";

export const RATE_IDS: readonly RateId[] = [
  "deathsPerYiGdp",
  "imcDeathsPer100kEmployees",
  "roadDeathsPer10kVehicles",
  "coalDeathsPerMillionTonnes",
];

/**
 * Multiplier applied to deaths / denominator. GDP is entered in 亿元 (100 million yuan), so the
 * 亿元GDP死亡率 needs no scaling; employees per 100,000; vehicles per 10,000; coal output is
 * entered in tonnes and the rate is per million tonnes.
 */
export const RATE_SCALES: Readonly<Record<RateId, number>> = {
  deathsPerYiGdp: 1,
  imcDeathsPer100kEmployees: 100_000,
  roadDeathsPer10kVehicles: 10_000,
  coalDeathsPerMillionTonnes: 1_000_000,
};

export const RATE_NAME_ZH: Readonly<Record<RateId, string>> = {
  deathsPerYiGdp: "亿元GDP生产安全事故死亡率",
  imcDeathsPer100kEmployees: "工矿商贸就业人员十万人生产安全事故死亡率",
  roadDeathsPer10kVehicles: "道路交通万车死亡率",
  coalDeathsPerMillionTonnes: "煤矿百万吨死亡率",
};

/** Published rates carry three decimals (e.g. 0.137). Computation keeps full precision. */
export const RATE_DECIMALS = 3;

// ---------------------------------------------------------------------------------------------
// Early warning against ceilings (attention at ≥ 80 %, exceeded at ≥ 100 %)

export type WarningLevel = "none" | "attention" | "exceeded";

export interface WarningThresholds {
  /** Share of the ceiling used at which the indicator turns `attention`. */
  attention: number;
  /** Share of the ceiling used at which the indicator turns `exceeded`. */
  exceeded: number;
}

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = { attention: 0.8, exceeded: 1 };

export const WARNING_NAME_ZH: Readonly<Record<WarningLevel, string>> = {
  none: "正常",
  attention: "预警",
  exceeded: "超标",
};

// ---------------------------------------------------------------------------------------------
// Target assessment (责任目标考核)

/**
 * Scoring methods, a deliberately small fixed set:
 * - `ratio_higher_better`: value = numerator / denominator (e.g. rectified / all major hazards).
 *   Full points at `full` or above, zero at `zero` or below, linear in between. An empty
 *   denominator (nothing to do) scores `emptyScores` ("full" or "zero").
 * - `ratio_lower_better`: the same for a share that should be small (e.g. overdue hazards):
 *   full points at `full` or below, zero at `zero` or above.
 * - `within_ceiling`: value vs ceiling (deaths, number of 较大/重大 accidents). Full points at or
 *   under the ceiling; above it either `per_unit` (deduct `deduct` points per unit over) or
 *   `proportional` (zero points when the excess reaches `zeroAtExcessShare` of the ceiling;
 *   with a ceiling of 0 any excess scores zero).
 * - `third_party`: a 0–100 score entered by the province, scaled to the item's points.
 */
export type ScoringMethod = "ratio_higher_better" | "ratio_lower_better" | "within_ceiling" | "third_party";

export type ExcessRule = { kind: "per_unit"; deduct: number } | { kind: "proportional"; zeroAtExcessShare: number };

export type AssessmentItem =
  | {
      id: string;
      name: string;
      points: number;
      method: "ratio_higher_better" | "ratio_lower_better";
      full: number;
      zero: number;
      emptyScores: "full" | "zero";
    }
  | { id: string; name: string; points: number; method: "within_ceiling"; excess: ExcessRule }
  | { id: string; name: string; points: number; method: "third_party" };

export type AssessmentGrade = "excellent" | "good" | "pass" | "fail";

export const ASSESSMENT_GRADE_NAME_ZH: Readonly<Record<AssessmentGrade, string>> = {
  excellent: "优秀",
  good: "良好",
  pass: "合格",
  fail: "不合格",
};

/** Minimum total (inclusive) for each grade above `fail`, highest first. */
export type GradeCutoffs = readonly { grade: Exclude<AssessmentGrade, "fail">; min: number }[];

/**
 * One-vote veto triggers (一票否决):
 * - `accident_grade_count`: at least `atLeast` accidents of exactly `grade` in the period;
 * - `concealed_accident`: at least `atLeast` confirmed concealed or falsified accidents (瞒报/谎报);
 * - `annual_fail`: the annual assessment graded 不合格 on points (never applies to quarterly).
 */
export type VetoTrigger =
  | { id: string; name: string; kind: "accident_grade_count"; grade: AccidentGrade; atLeast: number }
  | { id: string; name: string; kind: "concealed_accident"; atLeast: number }
  | { id: string; name: string; kind: "annual_fail" };

export interface AssessmentConfig {
  year: number;
  items: readonly AssessmentItem[];
  cutoffs: GradeCutoffs;
  vetoes: readonly VetoTrigger[];
}

/** Points of a scored assessment must add up to exactly this (鄂安办〔2015〕60号 task 6: 100-point scale). */
export const ASSESSMENT_TOTAL_POINTS = 100;

export const DEFAULT_ASSESSMENT_CONFIG_2026: AssessmentConfig = {
  year: 2026,
  items: [
    // Accident control: 40
    {
      id: "deaths_vs_ceiling",
      name: "生产安全事故死亡人数控制",
      points: 20,
      method: "within_ceiling",
      excess: { kind: "proportional", zeroAtExcessShare: 0.2 },
    },
    {
      id: "larger_accidents_vs_ceiling",
      name: "较大事故起数控制",
      points: 10,
      method: "within_ceiling",
      excess: { kind: "per_unit", deduct: 5 },
    },
    {
      id: "major_accidents_vs_ceiling",
      name: "重大事故起数控制",
      points: 10,
      method: "within_ceiling",
      excess: { kind: "per_unit", deduct: 10 },
    },
    // Hazard governance: 30
    {
      id: "major_hazard_rectification_rate",
      name: "重大事故隐患整改率",
      points: 10,
      method: "ratio_higher_better",
      full: 1,
      zero: 0.5,
      emptyScores: "full",
    },
    {
      id: "quarterly_filing_on_time_rate",
      name: "隐患季度统计按时报送率",
      points: 10,
      method: "ratio_higher_better",
      full: 1,
      zero: 0,
      emptyScores: "full",
    },
    {
      id: "overdue_hazard_share",
      name: "隐患逾期未整改占比",
      points: 10,
      method: "ratio_lower_better",
      full: 0,
      zero: 0.2,
      emptyScores: "full",
    },
    // Enforcement, approvals, grids: 20
    {
      id: "inspections_vs_plan",
      name: "执法检查计划完成率",
      points: 10,
      method: "ratio_higher_better",
      full: 1,
      zero: 0,
      emptyScores: "zero",
    },
    {
      id: "approvals_within_limit_rate",
      name: "行政审批按时办结率",
      points: 5,
      method: "ratio_higher_better",
      full: 1,
      zero: 0,
      emptyScores: "full",
    },
    {
      id: "grid_coverage_rate",
      name: "网格化监管覆盖率",
      points: 5,
      method: "ratio_higher_better",
      full: 1,
      zero: 0,
      emptyScores: "zero",
    },
    // Third party: 10
    { id: "third_party_score", name: "第三方评价", points: 10, method: "third_party" },
  ],
  cutoffs: [
    { grade: "excellent", min: 90 },
    { grade: "good", min: 80 },
    { grade: "pass", min: 60 },
  ],
  vetoes: [
    { id: "especially_major_accident", name: "发生特别重大生产安全事故", kind: "accident_grade_count", grade: "especially_major", atLeast: 1 },
    { id: "two_major_accidents", name: "发生两起及以上重大生产安全事故", kind: "accident_grade_count", grade: "major", atLeast: 2 },
    { id: "concealed_accident", name: "瞒报、谎报生产安全事故", kind: "concealed_accident", atLeast: 1 },
    { id: "annual_fail", name: "年度考核不合格", kind: "annual_fail" },
  ],
};

/** Stored per year; a year without its own configuration uses the latest earlier one. */
export const ASSESSMENT_CONFIGS: Readonly<Record<number, AssessmentConfig>> = {
  2026: DEFAULT_ASSESSMENT_CONFIG_2026,
};

// ---------------------------------------------------------------------------------------------
// Schedules: the fields of shared/jobs.ts JobSpec except `fn`/`export` (CDK and the local
// scheduler read the same definitions), evaluated in `timeZone`.

export interface ScheduleDefinition {
  /** Job name (shared/jobs.ts JobSpec.name). */
  name: string;
  description: string;
  /** Six-field EventBridge Scheduler cron (min hour dom month dow year), as shared/jobs.ts JobSpec.cron. */
  cron: string;
  timeZone: "Asia/Shanghai";
  /** Local time of day the job fires. */
  hour: number;
  minute: number;
}

/**
 * Daily roll-up at 01:00 Asia/Shanghai: covers up to the day just ended. The run on the 1st
 * of a month is the month-end roll-up (the previous month is complete then).
 */
export const ROLLUP_SCHEDULE: ScheduleDefinition = {
  name: "rollup",
  description: "控制指标日统计（每日01:00，月初一日即上月月末统计）",
  cron: "0 1 * * ? *",
  timeZone: "Asia/Shanghai",
  hour: 1,
  minute: 0,
};

/**
 * Quarterly process assessment on the 16th of the month after each quarter at 02:00: the
 * quarterly hazard statistics it scores are due by the 15th (总局令第16号).
 */
export const QUARTERLY_ASSESSMENT_SCHEDULE: ScheduleDefinition = {
  name: "assessment-quarterly",
  description: "季度过程考核（季后首月16日02:00）",
  cron: "0 2 16 1,4,7,10 ? *",
  timeZone: "Asia/Shanghai",
  hour: 2,
  minute: 0,
};

/** Annual assessment of the previous year, in January, after the quarterly run. */
export const ANNUAL_ASSESSMENT_SCHEDULE: ScheduleDefinition = {
  name: "assessment-annual",
  description: "年度责任目标考核（1月16日03:00）",
  cron: "0 3 16 1 ? *",
  timeZone: "Asia/Shanghai",
  hour: 3,
  minute: 0,
};

// ---------------------------------------------------------------------------------------------
// Real Hubei magnitudes (2010–2011), for seed data and sanity checks

export const HUBEI_MAGNITUDES = {
  2010: { deathsPerYiGdp: 0.172, imcDeathsPer100kEmployees: 2.41, roadDeathsPer10kVehicles: 2.78, coalDeathsPerMillionTonnes: 5.98 },
  2011: {
    deaths: 2464,
    deathsCeiling: 2492,
    deathsPerYiGdp: 0.137,
    imcDeathsPer100kEmployees: 2.1,
    roadDeathsPer10kVehicles: 2.14,
    coalDeathsPerMillionTonnes: 4.68,
  },
} as const;
