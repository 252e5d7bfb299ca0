// Helpers for the hazards e2e tests (tests/e2e/hazards*.int.test.ts). Test-only: no handler imports it.
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { expect } from "vitest";
import { licenceNumber } from "../../functions/approvals/rules.js";
import { licenceItem } from "../../functions/approvals/store.js";
import type { TokenClaims } from "../../local/auth.js";
import { cityOf } from "../../shared/codes/index.js";
import { db } from "../../shared/db.js";
import { env } from "../../shared/env.js";
import type { Api } from "./api.js";
import { enterpriseBody } from "./data.js";
import { addDays, shanghaiDate } from "../../shared/time.js";

export const regulator = (region: string, user?: string): TokenClaims => ({ role: "regulator", region, ...(user ? { user } : {}) });
export const PROVINCE_ADMIN: TokenClaims = { role: "admin", region: "420000" };

export interface TestEnterprise {
  id: string;
  regionCode: string;
  industryCode: string;
  as: TokenClaims;
}

/** A fresh enterprise (registered by the province admin) and a token for it. */
export async function newEnterprise(api: Api, over: Record<string, unknown> = {}): Promise<TestEnterprise> {
  const res = await api.call("POST", "/v1/enterprises", { as: PROVINCE_ADMIN, body: enterpriseBody(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const e = res.body;
  return { id: e.id, regionCode: e.regionCode, industryCode: e.industryCode, as: { role: "enterprise", region: e.regionCode, enterprise: e.id, user: `ent-${e.id}` } };
}

export const today = (): string => shanghaiDate(new Date());
export const inDays = (n: number): string => addDays(today(), n);
export const minutesAgo = (n: number): string => new Date(Date.now() - n * 60_000).toISOString();

export const COMPLETE_PLAN = {
  goalAndTasks: "消除储罐区静电接地失效隐患",
  methodsAndMeasures: "更换接地线并检测",
  fundsAndMaterials: "安全费用列支2万元",
  responsibleOrgAndPeople: "设备部 张三",
  timeLimitAndRequirements: "30日内完成并检测合格",
  safetyAndEmergencyMeasures: "停用该储罐，编制专项应急预案",
};

export function generalBody(enterpriseId: string, over: Record<string, unknown> = {}) {
  return {
    enterpriseId,
    level: "general",
    source: "self_inspection",
    description: "配电室门口消防器材过期未检",
    location: "1号配电室",
    discoveredAt: minutesAgo(30),
    rectifyBy: inDays(7),
    ...over,
  };
}

export function majorBody(enterpriseId: string, over: Record<string, unknown> = {}) {
  return {
    ...generalBody(enterpriseId),
    level: "major",
    description: "液氨储罐区紧急切断阀失效",
    location: "液氨罐区",
    rectifyBy: inDays(30),
    currentStateAndCause: "紧急切断阀执行机构锈蚀卡死，维护缺失",
    harmAndDifficultyAnalysis: "泄漏时无法切断，可能导致中毒事故；需停产更换，难度较大",
    ...over,
  };
}

/** Creates a hazard and returns its body (expects 201). */
export async function createHazard(api: Api, as: TokenClaims, body: Record<string, unknown>) {
  const res = await api.call("POST", "/v1/hazards", { as, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function act(api: Api, as: TokenClaims, id: string, action: string, body: Record<string, unknown> = {}) {
  return api.call("POST", `/v1/hazards/${id}/${action}`, { as, body });
}

/** Requests an upload URL and PUTs a small file there; returns the attachment id. */
export async function uploadEvidence(api: Api, as: TokenClaims, hazardId: string, content = "%PDF-1.4 evidence") {
  const bytes = Buffer.from(content);
  const res = await api.call("POST", `/v1/hazards/${hazardId}/attachments`, {
    as,
    body: { fileName: "整改照片.pdf", contentType: "application/pdf", size: bytes.length },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const put = await fetch(res.body.upload.url, { method: "PUT", headers: res.body.upload.headers, body: bytes });
  expect(put.status).toBeLessThan(300);
  return res.body.attachment.id as string;
}

/** A valid safety production licence (安全生产许可证) for a test enterprise, as the approvals context stores it. */
export async function giveLicence(e: TestEnterprise, validTo = "2028-01-01"): Promise<string> {
  const number = licenceNumber("AQ01-01", 2019, 1 + Math.floor(Math.random() * 99_998));
  const at = new Date().toISOString();
  await db().send(
    new PutCommand({
      TableName: env.tableName,
      Item: licenceItem({
        number, itemCode: "AQ01-01", itemName: "危险化学品安全生产许可证核发", safetyProduction: true, enterpriseId: e.id,
        holderName: "测试企业", holderUscc: "91420102MA4K00002U", regionCode: e.regionCode, cityCode: cityOf(e.regionCode) as string, industryCode: e.industryCode,
        gridId: null, scope: "测试", validFrom: "2025-01-01", validTo, status: "valid", applicationId: null,
        issuedOn: "2025-01-01", issuedBy: "test", renewals: 0, version: 1, createdAt: at, updatedAt: at,
      }),
    }),
  );
  return number;
}

/** A special-operations certificate application (AQ04-01) with every material uploaded, submitted: the API's answer. */
export async function submitApplication(api: Api, e: { id: string; as: object }) {
  const pdf = Buffer.from("%PDF-1.4\n% test material\n");
  const draft = await api.call("POST", "/v1/applications", { as: e.as as never, body: { itemCode: "AQ04-01", scope: "特种作业：电工作业（低压电工）" } });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  for (const material of draft.body.materials as string[]) {
    const a = await api.call("POST", `/v1/applications/${draft.body.id}/attachments`, { as: e.as as never, body: { material, fileName: "材料.pdf", contentType: "application/pdf", size: pdf.length } });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect((await fetch(a.body.upload.url, { method: "PUT", headers: a.body.upload.headers, body: pdf })).status).toBe(200);
  }
  const res = await api.call("POST", `/v1/applications/${draft.body.id}/submit`, { as: e.as as never, body: {} });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
