// Routes of the stats context: annual control targets and denominators, the control-indicator
// table (JSON or CSV), target assessment (configuration, third-party scores, results, publication).
import { route } from "../../shared/http.js";
import {
  AssessmentConfigBody,
  AssessmentConfigOut,
  AssessmentList,
  AssessmentsQuery,
  ControlIndicatorsOut,
  ControlTargetsBody,
  ControlTargetsOut,
  DenominatorsBody,
  DenominatorsOut,
  IndicatorsQuery,
  PublicAssessments,
  PublicAssessmentsQuery,
  ThirdPartyBody,
  ThirdPartyOut,
  YearParams,
  YearRegionParams,
} from "./schemas.js";

const fn = "stats";
const tags = ["stats"];
const readers = ["statistician", "regulator", "admin"] as const;

export const routes = {
  putControlTargets: route({
    method: "PUT", path: "/v1/control-targets/{year}/{regionCode}", fn, roles: ["statistician", "admin"], tags,
    summary: "Set a region's annual control targets (statistician of the level above; the province's own: province statistician or admin). If-Match when replacing",
    example: { deaths: 120, largerAccidents: 3, majorAccidents: 0, rates: { deathsPerYiGdp: 0.006 }, inspectionsPlanned: 1200 },
    returns: ["etag"], ifMatch: "replace", errors: { 403: ["not_level_above"] },
    params: YearRegionParams, body: ControlTargetsBody, response: ControlTargetsOut,
  }),
  getControlTargets: route({
    method: "GET", path: "/v1/control-targets/{year}/{regionCode}", fn, roles: readers, tags,
    summary: "A region's annual control targets",
    returns: ["etag"],
    params: YearRegionParams, response: ControlTargetsOut,
  }),
  putDenominators: route({
    method: "PUT", path: "/v1/denominators/{year}/{regionCode}", fn, roles: ["statistician", "admin"], tags,
    summary: "Set a region's yearly denominators: GDP (亿元), 工矿商贸 employees, motor vehicles, coal output (t). If-Match when replacing",
    example: { gdpYi: 20011.65, imcEmployees: 3200000, motorVehicles: 5100000, coalOutputTonnes: 500000 },
    returns: ["etag"], ifMatch: "replace",
    params: YearRegionParams, body: DenominatorsBody, response: DenominatorsOut,
  }),
  getDenominators: route({
    method: "GET", path: "/v1/denominators/{year}/{regionCode}", fn, roles: readers, tags,
    summary: "A region's yearly denominators",
    returns: ["etag"],
    params: YearRegionParams, response: DenominatorsOut,
  }),
  controlIndicators: route({
    method: "GET", path: "/v1/statistics/control-indicators", fn, roles: readers, tags,
    summary: "Control indicators of a region and its children, year to date, against the ceilings with warnings. ?format=csv or Accept: text/csv for CSV",
    errors: { 404: ["not_rolled_up"] },
    query: IndicatorsQuery, response: ControlIndicatorsOut, produces: ["text/csv"],
  }),

  getAssessmentConfig: route({
    method: "GET", path: "/v1/assessment-config/{year}", fn, roles: readers, tags,
    summary: "The year's assessment items (summing to 100 points), grade cut-offs and veto triggers",
    returns: ["etag"],
    params: YearParams, response: AssessmentConfigOut,
  }),
  putAssessmentConfig: route({
    method: "PUT", path: "/v1/assessment-config/{year}", fn, roles: ["statistician", "admin"], tags,
    summary: "Replace the year's assessment configuration (province statistician or admin). If-Match when replacing",
    example: {
      items: [
        { id: "deaths", name: "生产安全事故死亡人数控制", points: 60, method: "within_ceiling", excess: { kind: "per_unit", deduct: 5 } },
        { id: "hazards_fixed", name: "重大事故隐患整改率", points: 20, method: "ratio_higher_better", full: 1, zero: 0.6, emptyScores: "full" },
        { id: "third_party", name: "第三方评估", points: 20, method: "third_party" },
      ],
      cutoffs: [
        { grade: "excellent", min: 90 },
        { grade: "good", min: 80 },
        { grade: "pass", min: 60 },
      ],
      vetoes: [{ id: "major_accident", name: "发生重大及以上生产安全事故", kind: "accident_grade_count", grade: "major", atLeast: 1 }],
    },
    returns: ["etag"], ifMatch: "replace", errors: { 403: ["not_province_level"] },
    params: YearParams, body: AssessmentConfigBody, response: AssessmentConfigOut,
  }),
  putThirdParty: route({
    method: "PUT", path: "/v1/assessments/{year}/{regionCode}/third-party", fn, roles: ["statistician", "admin"], tags,
    summary: "Enter a city's third-party evaluation score (0–100) for the year (province statistician or admin)",
    example: { score: 86, evaluator: "湖北省安全生产科学研究院", note: "年度第三方评估" },
    returns: ["etag"], ifMatch: "replace", errors: { 403: ["not_province_level"] },
    params: YearRegionParams, body: ThirdPartyBody, response: ThirdPartyOut,
  }),
  listAssessments: route({
    method: "GET", path: "/v1/assessments", fn, roles: readers, tags,
    summary: "Assessment results of the cities in scope: ?quarter=1..4 for the process assessment, none for the annual one",
    query: AssessmentsQuery, response: AssessmentList,
  }),
  publishAssessments: route({
    method: "POST", path: "/v1/assessments/{year}/publish", fn, roles: ["statistician", "admin"], tags,
    summary: "Publish the year's annual assessment table (province statistician or admin); once",
    errors: { 403: ["not_province_level"], 409: ["already_published", "not_assessed"] },
    params: YearParams, response: PublicAssessments, status: 201,
  }),
  publicAssessments: route({
    method: "GET", path: "/v1/public/assessments", fn, roles: "public", tags,
    summary: "A published year's assessment table: city, points, grade, vetoes",
    errors: { 404: ["not_found"] },
    query: PublicAssessmentsQuery, response: PublicAssessments,
  }),
} as const;
