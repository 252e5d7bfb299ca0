// The request examples of the OpenAPI document, sent as written to the API on a freshly seeded
// table with the demo accounts: a client that copies an example gets a success, not a 400.
// Examples of transitions that need a record in a particular state are sent where the records
// the create examples made are in that state; the rest are checked against their schema in
// shared/openapi.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANIFEST } from "../../functions/manifest.js";
import type { TokenClaims } from "../../local/auth.js";
import { DEMO_ACCOUNTS } from "../../local/demo.js";
import { seedAll } from "../../local/seed.js";
import { ensureTable, localDynamo } from "../../local/stack.js";
import { useApi } from "../support/api.js";

const api = useApi();

const account = (label: string): TokenClaims => {
  const a = DEMO_ACCOUNTS.find((x) => x.label.startsWith(label));
  if (!a) throw new Error(`no demo account ${label}`);
  return a.claims;
};
const enterprise = account("enterprise");
const county = account("regulator, county");
const province = account("regulator, province");
const admin = account("admin");
const grid = account("grid_member");
const statistician = account("statistician");

const TABLE = `safety-examples-${process.pid}`;
let previousTable: string | undefined;

beforeAll(async () => {
  previousTable = process.env.TABLE_NAME;
  await ensureTable(localDynamo(process.env.DYNAMODB_ENDPOINT as string), TABLE);
  process.env.TABLE_NAME = TABLE;
  await seedAll();
}, 60_000);

afterAll(() => {
  process.env.TABLE_NAME = previousTable;
});

const spec = (id: string) => {
  const r = MANIFEST.find((x) => x.id === id);
  if (!r) throw new Error(`no route ${id}`);
  return r;
};

/** Sends a route's example as written; for If-Match routes, with the ETag a GET of the same path gives. */
async function send(id: string, as: TokenClaims, params: Record<string, string> = {}) {
  const r = spec(id);
  expect(r.example, `${id} has an example`).toBeDefined();
  const path = r.path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? `{${name}}`);
  const headers: Record<string, string> = {};
  if (r.ifMatch === "required" || r.ifMatch === "replace") {
    const current = await api.call("GET", path, { as });
    const tag = current.headers.get("etag");
    if (current.status === 200 && tag && tag !== '"0"') headers["if-match"] = tag;
  }
  const res = await api.call(r.method, path, { as, body: r.example, headers });
  expect(res.status, `${r.method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

describe("every create and settings example succeeds on the seeded data", () => {
  it.each([
    ["createEnterprise", county, {}],
    ["publishChecklist", province, {}],
    ["createSelfInspection", enterprise, {}],
    ["createInspection", county, {}],
    ["createFiling", enterprise, {}],
    ["createGrid", county, {}],
    ["assignEnterprises", county, { id: "01JDEM0000000000000000G001" }],
    ["createPatrol", grid, {}],
    ["createViolation", county, {}],
    ["manualListing", admin, {}],
    ["putApprovalItem", admin, { id: "AQ09-01" }],
    ["putCalendar", admin, { year: "2027" }],
    ["createDelegation", admin, {}],
    ["putPolicy", admin, {}],
    ["putControlTargets", statistician, { year: "2027", regionCode: "420100" }],
    ["putDenominators", admin, { year: "2027", regionCode: "420100" }],
    ["putAssessmentConfig", admin, { year: "2027" }],
    ["putThirdParty", admin, { year: "2026", regionCode: "420100" }],
  ] as const)("%s", async (id, as, params) => {
    await send(id, as, params);
  });
});

describe("examples of steps on what the create examples made", () => {
  it("a hazard: report it, then ask for an evidence upload", async () => {
    const hazard = await send("createHazard", enterprise);
    await send("requestAttachment", enterprise, { id: hazard.id });
  });

  it("an accident: report it, follow up, ask for the investigation report upload", async () => {
    const accident = await send("createAccident", enterprise);
    await send("updateAccident", enterprise, { id: accident.id });
    await send("investigationReportUpload", county, { id: accident.id });
  });

  it("an application: apply, then declare a material", async () => {
    const application = await send("createApplication", enterprise);
    await send("addAttachment", enterprise, { id: application.id });
  });
});
