// The register's routes: declared once, read by CDK, the local server and OpenAPI.
import { IdParams } from "../../shared/schemas.js";
import { route } from "../../shared/http.js";
import {
  AccidentTypeList,
  CreateEnterprise,
  Enterprise,
  EnterprisePage,
  EnterpriseValidation,
  IndustryList,
  ListEnterprisesQuery,
  PatchEnterprise,
  RegionList,
  ValidateEnterprises,
} from "./schemas.js";

const fn = "registry";
const tags = ["registry"];

export const routes = {
  listRegions: route({
    method: "GET", path: "/v1/regions", fn, roles: "public", tags,
    summary: "Hubei's administrative divisions (GB/T 2260): province, 17 city-level units, counties",
    response: RegionList,
  }),
  listAccidentTypes: route({
    method: "GET", path: "/v1/codes/accident-types", fn, roles: "public", tags,
    summary: "Accident types by cause (GB 6441-86), codes 01–20 with their names",
    response: AccidentTypeList,
  }),
  listIndustries: route({
    method: "GET", path: "/v1/codes/industries", fn, roles: "public", tags,
    summary: "Industries (GB/T 4754-2017): the 20 sections and 97 divisions; 3- and 4-digit class codes are accepted wherever an industry code is and count as their division",
    response: IndustryList,
  }),
  createEnterprise: route({
    method: "POST", path: "/v1/enterprises", fn, roles: ["regulator", "industry_department", "admin"], tags,
    summary: "Register an enterprise (USCC checked per GB 32100)",
    example: { name: "武汉示例化工有限公司", uscc: "91420102MA4K12345G", regionCode: "420102", address: "武汉市江岸区示例路1号", industryCode: "2614", scale: "small", contact: { name: "张三", phone: "027-12345678" } },
    returns: ["etag", "location"], errors: { 400: ["invalid_uscc", "uscc_check_character", "uscc_org_code_check"], 403: ["override_not_allowed"], 409: ["duplicate_uscc"] },
    body: CreateEnterprise, response: Enterprise, status: 201,
  }),
  validateEnterprises: route({
    method: "POST", path: "/v1/enterprises/validations", fn, roles: ["regulator", "industry_department", "admin"], tags,
    summary: "Check up to 200 enterprise rows exactly as POST /v1/enterprises would (schema, USCC per GB 32100 and GB 11714, region, industry, the caller's scope) without writing anything; answers each row's problems",
    example: { rows: [{ name: "武汉示例化工有限公司", uscc: "91420102MA4K12345G", regionCode: "420102", address: "武汉市江岸区示例路1号", industryCode: "2614", scale: "small", contact: { name: "张三", phone: "027-12345678" } }] },
    // Rows of Chinese text: up to ~2 KB each at the schema's maximum lengths.
    maxBodyBytes: 512 * 1024,
    body: ValidateEnterprises, response: EnterpriseValidation,
  }),
  getEnterprise: route({
    method: "GET", path: "/v1/enterprises/{id}", fn, tags,
    roles: ["enterprise", "grid_member", "regulator", "industry_department", "approval_officer", "statistician", "admin"],
    summary: "One enterprise, if it is in the caller's scope",
    returns: ["etag"],
    params: IdParams, response: Enterprise,
  }),
  patchEnterprise: route({
    method: "PATCH", path: "/v1/enterprises/{id}", fn, roles: ["regulator", "industry_department", "admin"], tags,
    summary: "Change an enterprise's details; send If-Match with the version you read",
    returns: ["etag"], ifMatch: "required",
    params: IdParams, body: PatchEnterprise, response: Enterprise,
  }),
  listEnterprises: route({
    method: "GET", path: "/v1/enterprises", fn, tags,
    roles: ["enterprise", "grid_member", "regulator", "industry_department", "approval_officer", "statistician", "admin"],
    summary: "Enterprises in the caller's scope, filtered by region, industry or name",
    query: ListEnterprisesQuery, response: EnterprisePage,
  }),
} as const;
