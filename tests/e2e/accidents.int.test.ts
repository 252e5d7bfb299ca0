// Accident direct reporting (事故归口直报) over HTTP: initial reports, validation, grading, deadlines,
// idempotency, scope and lists. Numbers come from 生产安全事故报告和调查处理条例 (国务院令第493号) and the
// 2016 统计管理办法. Escalation and the later life of a report are in
// accidents-escalation.int.test.ts and accidents-lifecycle.int.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { useApi } from "../support/api.js";
import { enterpriseBody, uscc } from "../support/data.js";

const api = useApi();

const jiangan = { role: "regulator", region: "420102" } as const;
const wuchang = { role: "regulator", region: "420106" } as const;
const wuhan = { role: "regulator", region: "420100" } as const;
const huangshi = { role: "regulator", region: "420200" } as const;
const province = { role: "regulator", region: "420000" } as const;
const wuhanManufacturing = { role: "industry_department", region: "420100", industry: "C" } as const;
const wuhanConstruction = { role: "industry_department", region: "420100", industry: "E" } as const;
const statistician = { role: "statistician", region: "420000" } as const;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
/** The same instant written with +08:00 (what a client in Hubei would send). */
const plus8 = (iso: string) => new Date(Date.parse(iso) + 8 * HOUR).toISOString().replace("Z", "+08:00");

function accidentBody(over: Record<string, unknown> = {}) {
  return {
    regionCode: "420102",
    occurredAt: ago(30 * MIN),
    industryCode: "26",
    accidentType: "19",
    summary: "反应釜检修时一名工人中毒",
    scene: "二车间反应釜区",
    deaths: 0,
    missing: 0,
    seriousInjuries: 0,
    injuries: 1,
    directLossYuan: 50_000,
    ...over,
  };
}

async function newEnterprise(over: Record<string, unknown> = {}) {
  const res = await api.call("POST", "/v1/enterprises", { as: province, body: enterpriseBody(over) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; regionCode: string; industryCode: string; name: string };
}

const asEnterprise = (e: { id: string; regionCode: string }) => ({ role: "enterprise", region: e.regionCode, enterprise: e.id }) as const;

let shared: { id: string; regionCode: string; industryCode: string; name: string };
beforeAll(async () => {
  shared = await newEnterprise();
});

async function report(as: object, over: Record<string, unknown> = {}) {
  const body = "enterpriseId" in over || "unit" in over || (as as { role: string }).role === "enterprise" ? accidentBody(over) : accidentBody({ enterpriseId: shared.id, ...over });
  const res = await api.call("POST", "/v1/accidents", { as: as as never, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe("POST /v1/accidents: who may report (493号令 art.9; 2016 统计管理办法 归口直报)", () => {
  it("an enterprise reports for itself: 201, its register profile, one version in the history, audited", async () => {
    const e = await newEnterprise();
    const res = await api.call("POST", "/v1/accidents", { as: asEnterprise(e), body: accidentBody() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const a = res.body;
    expect(res.headers.get("location")).toBe(`/v1/accidents/${a.id}`);
    expect(a).toMatchObject({ enterpriseId: e.id, unit: { name: e.name }, reporterRole: "enterprise", unreportedByUnit: false, status: "open", version: 1 });
    expect(a.unitReportedAt).toBe(a.receivedAt);
    const got = await api.call("GET", `/v1/accidents/${a.id}`, { as: asEnterprise(e) });
    expect(got.status).toBe(200);
    expect(got.headers.get("etag")).toBe('"1"');
    expect(got.body.history).toEqual([
      expect.objectContaining({ n: 1, kind: "initial", at: a.receivedAt, by: expect.objectContaining({ role: "enterprise" }), grade: "general" }),
    ]);
    const audit = await api.call("GET", `/v1/audit?entityId=${a.id}`, { as: jiangan });
    expect(audit.body.items.map((x: { action: string }) => x.action)).toEqual(["accident.create"]);
  });

  it("an enterprise may not report for another enterprise (403) nor as an inline unit (400 on unit)", async () => {
    const e = await newEnterprise();
    const other = await api.call("POST", "/v1/accidents", { as: asEnterprise(e), body: accidentBody({ enterpriseId: shared.id }) });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe("out_of_scope");
    const inline = await api.call("POST", "/v1/accidents", { as: asEnterprise(e), body: accidentBody({ unit: { name: "某单位", address: "某地" } }) });
    expect(inline.status).toBe(400);
    expect(inline.body.errors[0].path).toBe("unit");
  });

  it("493号令 art.36 漏报: a regulator reporting in its region flags the unit that did not report itself", async () => {
    const a = await report(jiangan);
    expect(a).toMatchObject({ reporterRole: "regulator", unreportedByUnit: true, enterpriseId: shared.id, unit: { name: shared.name } });
    expect(a.unitReportedAt).toBeUndefined();
  });

  it("a regulator may not report outside its region (403 out_of_scope)", async () => {
    const res = await api.call("POST", "/v1/accidents", { as: wuchang, body: accidentBody({ enterpriseId: shared.id }) });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("out_of_scope");
  });

  it("an industry department reports within its industry and region (2016 统计管理办法); not for another industry", async () => {
    const a = await report(wuhanManufacturing, { departmentKnownAt: ago(20 * MIN) });
    expect(a).toMatchObject({ reporterRole: "department", unreportedByUnit: true, industrySection: "C" });
    const other = await api.call("POST", "/v1/accidents", { as: wuhanConstruction, body: accidentBody({ enterpriseId: shared.id, departmentKnownAt: ago(20 * MIN) }) });
    expect(other.status).toBe(403);
  });

  it("an unregistered unit is reported with an inline profile (name, USCC if any, address)", async () => {
    const code = uscc("420102");
    const a = await report(jiangan, { unit: { name: "无证小作坊", uscc: code.toLowerCase(), address: "江岸区某街 3 号" } });
    expect(a.enterpriseId).toBeUndefined();
    expect(a.unit).toEqual({ name: "无证小作坊", uscc: code, address: "江岸区某街 3 号" });
    const noUscc = await report(jiangan, { unit: { name: "流动摊贩", address: "江岸区某路口" } });
    expect(noUscc.unit.uscc).toBeUndefined();
  });

  const unitCases: [string, Record<string, unknown>, string][] = [
    ["neither enterpriseId nor unit", {}, "enterpriseId"],
    ["both enterpriseId and unit", { enterpriseId: "01JDEM0000000000000000E001", unit: { name: "x", address: "y" } }, "unit"],
    ["an unknown enterpriseId", { enterpriseId: "01JZZZZZZZZZZZZZZZZZZZZZZZ" }, "enterpriseId"],
    ["a USCC failing GB 32100", { unit: { name: "x", uscc: "91350100M000100Y4Z", address: "y" } }, "unit.uscc"],
    ["a unit without address", { unit: { name: "x" } }, "unit.address"],
  ];
  it.each(unitCases)("400 naming the field for %s", async (_name, over, path) => {
    const res = await api.call("POST", "/v1/accidents", { as: jiangan, body: accidentBody(over) });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("403 for roles that do not report (statistician, grid member)", async () => {
    expect((await api.call("POST", "/v1/accidents", { as: statistician, body: accidentBody({ enterpriseId: shared.id }) })).status).toBe(403);
    const grid = { role: "grid_member", region: "420102", grid: "01JDEM0000000000000000G001" } as const;
    expect((await api.call("POST", "/v1/accidents", { as: grid, body: accidentBody({ enterpriseId: shared.id }) })).status).toBe(403);
  });
});

describe("POST /v1/accidents: every field is checked (400 naming the field, never a 500)", () => {
  const future = () => new Date(Date.now() + 10 * MIN).toISOString();
  const cases: [string, () => Record<string, unknown>, string][] = [
    ["negative deaths", () => ({ deaths: -1 }), "deaths"],
    ["fractional missing", () => ({ missing: 1.5 }), "missing"],
    ["missing as a string", () => ({ missing: "2" }), "missing"],
    ["negative serious injuries", () => ({ seriousInjuries: -3 }), "seriousInjuries"],
    ["fractional injuries", () => ({ injuries: 0.5 }), "injuries"],
    ["fractional loss", () => ({ directLossYuan: 12.5 }), "directLossYuan"],
    ["negative loss", () => ({ directLossYuan: -1 }), "directLossYuan"],
    ["occurredAt in the future", () => ({ occurredAt: future() }), "occurredAt"],
    ["occurredAt in the future written with +08:00", () => ({ occurredAt: plus8(future()) }), "occurredAt"],
    ["occurredAt without an offset", () => ({ occurredAt: "2026-11-01T10:00:00" }), "occurredAt"],
    ["occurredAt not a time", () => ({ occurredAt: "yesterday" }), "occurredAt"],
    ["knownAt in the future", () => ({ knownAt: future() }), "knownAt"],
    ["knownAt before occurredAt", () => ({ occurredAt: ago(HOUR), knownAt: ago(2 * HOUR) }), "knownAt"],
    ["GB 6441 type 21", () => ({ accidentType: "21" }), "accidentType"],
    ["GB 6441 type 00", () => ({ accidentType: "00" }), "accidentType"],
    ["GB 6441 type 1 (not two digits)", () => ({ accidentType: "1" }), "accidentType"],
    ["GB/T 4754 industry ZZ", () => ({ industryCode: "ZZ" }), "industryCode"],
    ["GB/T 4754 industry 99", () => ({ industryCode: "99" }), "industryCode"],
    ["a city code as region", () => ({ regionCode: "420100" }), "regionCode"],
    ["the province as region", () => ({ regionCode: "420000" }), "regionCode"],
    ["a code outside Hubei", () => ({ regionCode: "110101" }), "regionCode"],
    ["an empty summary", () => ({ summary: "  " }), "summary"],
    ["no scene", () => ({ scene: undefined }), "scene"],
    ["roadTraffic not a boolean", () => ({ roadTraffic: "yes" }), "roadTraffic"],
    ["a server-owned grade", () => ({ grade: "general" }), "grade"],
    ["a server-owned reportDueAt", () => ({ reportDueAt: ago(0) }), "reportDueAt"],
    ["a server-owned status", () => ({ status: "closed" }), "status"],
    ["a server-owned unreportedByUnit", () => ({ unreportedByUnit: false }), "unreportedByUnit"],
  ];
  it.each(cases)("%s", async (_name, over, path) => {
    const res = await api.call("POST", "/v1/accidents", { as: jiangan, body: accidentBody({ enterpriseId: shared.id, ...over() }) });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("a county-level 直管市 (仙桃 429004) is a valid region; a minute of clock drift is tolerated", async () => {
    const a = await report({ role: "regulator", region: "429004" }, { regionCode: "429004", industryCode: "E", occurredAt: new Date(Date.now() + 20_000).toISOString() });
    expect(a).toMatchObject({ regionCode: "429004", cityCode: "429004", directAdministered: true });
  });
});

describe("grade (493号令 art.3): computed by the server at every boundary of the table", () => {
  const N = { deaths: 0, missing: 0, seriousInjuries: 0, directLossYuan: 0 };
  const cases: [string, string, Record<string, number>, string[]][] = [
    ["2 deaths", "general", { ...N, deaths: 2 }, ["deaths", "seriousInjuries", "directLoss"]],
    ["3 deaths", "larger", { ...N, deaths: 3 }, ["deaths"]],
    ["2 deaths + 1 missing", "larger", { ...N, deaths: 2, missing: 1 }, ["deaths"]],
    ["9 deaths", "larger", { ...N, deaths: 9 }, ["deaths"]],
    ["9 deaths + 1 missing", "major", { ...N, deaths: 9, missing: 1 }, ["deaths"]],
    ["29 missing", "major", { ...N, missing: 29 }, ["deaths"]],
    ["29 deaths + 1 missing", "especially_major", { ...N, deaths: 29, missing: 1 }, ["deaths"]],
    ["9 serious injuries", "general", { ...N, seriousInjuries: 9 }, ["deaths", "seriousInjuries", "directLoss"]],
    ["10 serious injuries", "larger", { ...N, seriousInjuries: 10 }, ["seriousInjuries"]],
    ["49 serious injuries", "larger", { ...N, seriousInjuries: 49 }, ["seriousInjuries"]],
    ["50 serious injuries", "major", { ...N, seriousInjuries: 50 }, ["seriousInjuries"]],
    ["99 serious injuries", "major", { ...N, seriousInjuries: 99 }, ["seriousInjuries"]],
    ["100 serious injuries", "especially_major", { ...N, seriousInjuries: 100 }, ["seriousInjuries"]],
    ["9,999,999 yuan", "general", { ...N, directLossYuan: 9_999_999 }, ["deaths", "seriousInjuries", "directLoss"]],
    ["10,000,000 yuan", "larger", { ...N, directLossYuan: 10_000_000 }, ["directLoss"]],
    ["49,999,999 yuan", "larger", { ...N, directLossYuan: 49_999_999 }, ["directLoss"]],
    ["50,000,000 yuan", "major", { ...N, directLossYuan: 50_000_000 }, ["directLoss"]],
    ["99,999,999 yuan", "major", { ...N, directLossYuan: 99_999_999 }, ["directLoss"]],
    ["100,000,000 yuan", "especially_major", { ...N, directLossYuan: 100_000_000 }, ["directLoss"]],
    ["3 deaths and 10 serious injuries", "larger", { ...N, deaths: 3, seriousInjuries: 10 }, ["deaths", "seriousInjuries"]],
    ["1 death, 60 serious, 20M yuan", "major", { ...N, deaths: 1, seriousInjuries: 60, directLossYuan: 20_000_000 }, ["seriousInjuries"]],
  ];
  it.each(cases)("493号令 art.3: %s is %s", async (_name, grade, counts, basis) => {
    const a = await report(jiangan, counts);
    expect(a.grade).toBe(grade);
    expect(a.gradeBasis).toEqual(basis);
  });
});

describe("deadlines (493号令 art.9: the unit head reports within 1 hour)", () => {
  it("reportDueAt = knownAt + 1 hour; knownAt defaults to occurredAt; on time within the hour", async () => {
    const occurredAt = ago(50 * MIN);
    const a = await report(jiangan, { occurredAt });
    expect(a.knownAt).toBe(occurredAt);
    expect(a.reportDueAt).toBe(new Date(Date.parse(occurredAt) + HOUR).toISOString());
    expect(a).toMatchObject({ reportedLate: false, minutesLate: 0 });
    expect(a.chain[0]).toMatchObject({ level: "county", dueAt: a.reportDueAt, receivedAt: a.receivedAt, late: false });
  });

  it("a report reaching the platform after the hour is late, by whole minutes rounded up", async () => {
    // knownAt 90.5 minutes ago: due 30.5 minutes ago, so 31 minutes late (unless the request takes > 29 s).
    const knownAt = ago(90 * MIN + 30_000);
    const a = await report(jiangan, { occurredAt: ago(2 * HOUR), knownAt });
    expect(a.reportedLate).toBe(true);
    expect(a.minutesLate).toBe(Math.ceil((Date.parse(a.receivedAt) - Date.parse(knownAt) - HOUR) / MIN));
    expect(a.minutesLate).toBe(31);
    expect(a.chain[0]).toMatchObject({ late: true, minutesLate: 31 });
  });

  it("across Shanghai midnight: known at 23:30 (+08:00) yesterday is due at 00:30 today, and late since", async () => {
    const todayShanghai = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 10);
    const midnight = Date.parse(`${todayShanghai}T00:00:00+08:00`);
    const knownAt = new Date(midnight - 30 * MIN);
    const a = await report(jiangan, { occurredAt: plus8(knownAt.toISOString()) });
    expect(a.reportDueAt).toBe(new Date(midnight + 30 * MIN).toISOString());
    expect(a.reportedLate).toBe(Date.parse(a.receivedAt) > midnight + 30 * MIN);
    expect(a.minutesLate).toBe(Math.max(0, Math.ceil((Date.parse(a.receivedAt) - midnight - 30 * MIN) / MIN)));
  });

  it("a client sending Z or +08:00 for the same instants gets identical answers", async () => {
    const occurredAt = new Date(Math.floor((Date.now() - 3 * HOUR) / 1000) * 1000 + 500).toISOString();
    const knownAt = ago(90 * MIN + 30_000);
    const z = await report(jiangan, { occurredAt, knownAt, deaths: 3 });
    const sh = await report(jiangan, { occurredAt: plus8(occurredAt), knownAt: plus8(knownAt), deaths: 3 });
    for (const field of ["occurredAt", "knownAt", "reportDueAt", "reportedLate", "minutesLate", "grade", "supplementWindowClosesAt", "statisticalDeaths"]) {
      expect(sh[field], field).toEqual(z[field]);
    }
    expect(sh.occurredAt).toBe(occurredAt);
    // The chain's due times follow each report's own arrival; their offsets from it are identical.
    const offsets = (a: { receivedAt: string; chain: { dueAt: string }[] }) => a.chain.map((s) => Date.parse(s.dueAt) - Date.parse(a.receivedAt));
    expect(offsets(sh).slice(1)).toEqual(offsets(z).slice(1));
  });
});

describe("statisticalDeaths (2016 统计管理办法: missing beyond 30 days, 7 for road and fire, count as dead)", () => {
  const cases: [string, Record<string, unknown>, number][] = [
    ["10 days ago: missing not yet counted", { occurredAt: ago(10 * DAY), deaths: 1, missing: 2 }, 1],
    ["31 days ago: missing counted", { occurredAt: ago(31 * DAY), deaths: 1, missing: 2 }, 3],
    ["road traffic 8 days ago: missing counted", { occurredAt: ago(8 * DAY), deaths: 1, missing: 2, roadTraffic: true, accidentType: "02" }, 3],
    ["fire 6 days ago: not yet", { occurredAt: ago(6 * DAY), deaths: 1, missing: 2, fire: true, accidentType: "08" }, 1],
  ];
  it.each(cases)("%s", async (_name, over, expected) => {
    const a = await report(jiangan, over);
    expect(a.statisticalDeaths).toBe(expected);
    const got = await api.call("GET", `/v1/accidents/${a.id}`, { as: jiangan });
    expect(got.body.statisticalDeaths).toBe(expected);
  });
});

describe("idempotent creates (Idempotency-Key)", () => {
  it("a retry gets the first answer and writes nothing new; the same key with another body is a 422", async () => {
    const key = `acc-${Math.random().toString(36).slice(2)}`;
    const occurredAt = ago(20 * MIN);
    const body = accidentBody({ enterpriseId: shared.id, occurredAt, summary: `幂等测试 ${key}` });
    const first = await api.call("POST", "/v1/accidents", { as: jiangan, body, headers: { "idempotency-key": key } });
    const again = await api.call("POST", "/v1/accidents", { as: jiangan, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    const list = await api.call("GET", `/v1/accidents?from=${encodeURIComponent(occurredAt)}&to=${encodeURIComponent(occurredAt)}&limit=100`, { as: jiangan });
    expect(list.body.items.filter((a: { summary: string }) => a.summary === body.summary)).toHaveLength(1);
    const other = await api.call("POST", "/v1/accidents", { as: jiangan, body: { ...body, deaths: 1 }, headers: { "idempotency-key": key } });
    expect(other.status).toBe(422);
  });
});

describe("scope: a county never sees another county's report; a city sees its counties'", () => {
  let a: { id: string };
  beforeAll(async () => {
    a = await report(jiangan);
  });

  it("GET: own county, its city, the province, the enterprise and a statistician see it", async () => {
    for (const who of [jiangan, wuhan, province, asEnterprise(shared), statistician, wuhanManufacturing]) {
      expect((await api.call("GET", `/v1/accidents/${a.id}`, { as: who as never })).status, JSON.stringify(who)).toBe(200);
    }
  });

  it("GET: another county, another city, another enterprise and another industry get 404 (existence not revealed)", async () => {
    const stranger = await newEnterprise();
    for (const who of [wuchang, huangshi, asEnterprise(stranger), wuhanConstruction]) {
      const res = await api.call("GET", `/v1/accidents/${a.id}`, { as: who as never });
      expect(res.status, JSON.stringify(who)).toBe(404);
      expect(res.body.code).toBe("not_found");
    }
  });

  it("lists: another county's list never contains it; the city's and province's do; a region outside scope is a 403", async () => {
    const ids = async (who: object, q = "") => {
      const res = await api.call("GET", `/v1/accidents?limit=100${q}`, { as: who as never });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((x: { id: string }) => x.id);
    };
    expect(await ids(jiangan)).toContain(a.id);
    expect(await ids(wuhan)).toContain(a.id);
    expect(await ids(wuhan, "&regionCode=420102")).toContain(a.id);
    expect(await ids(wuchang)).not.toContain(a.id);
    expect(await ids(huangshi)).not.toContain(a.id);
    expect(await ids(asEnterprise(shared))).toContain(a.id);
    const outside = await api.call("GET", "/v1/accidents?regionCode=420102", { as: wuchang });
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe("out_of_scope");
    const dept = await api.call("GET", "/v1/accidents?industryCode=E", { as: wuhanManufacturing });
    expect(dept.status).toBe(403);
  });
});

describe("GET /v1/accidents: filters served by Query (region, Shanghai days or instants, grade, type, industry)", () => {
  // A random day years back isolates this test's reports from everything else in the shared table.
  const day = new Date(Date.UTC(2010 + Math.floor(Math.random() * 10), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 27)))
    .toISOString()
    .slice(0, 10);
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
  const made: Record<string, { id: string }> = {};
  const huangshiEnterprise = { id: "01JDEM0000000000000000E002", regionCode: "420281" };

  beforeAll(async () => {
    made.jiangan = await report(jiangan, { occurredAt: `${day}T08:00:00+08:00` });
    made.lateNight = await report(jiangan, { occurredAt: `${day}T23:30:00+08:00`, deaths: 3, accidentType: "08", fire: true });
    made.nextDay = await report(jiangan, { occurredAt: `${next}T00:10:00+08:00` });
    made.wuchang = await report(wuchang, { regionCode: "420106", occurredAt: `${day}T12:00:00+08:00`, industryCode: "E", accidentType: "09" });
    made.daye = await report(huangshi, { regionCode: "420281", enterpriseId: huangshiEnterprise.id, industryCode: "10", accidentType: "11", occurredAt: `${day}T10:00:00+08:00` });
  });

  const list = async (who: object, q: string) => {
    const res = await api.call("GET", `/v1/accidents?${q}`, { as: who as never });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);

  it("a Shanghai day is 00:00–24:00 +08:00: 23:30 belongs to it, 00:10 the next morning does not; newest first", async () => {
    const page = await list(wuhan, `from=${day}&to=${day}&regionCode=420102`);
    // 武昌's report names an enterprise registered in 江岸: its home county lists it too (属地).
    expect(idsOf(page)).toEqual([made.lateNight?.id, made.wuchang?.id, made.jiangan?.id]);
  });

  it("instants work as bounds too, in any offset", async () => {
    const from = encodeURIComponent(`${day}T15:00:00Z`); // 23:00 +08:00
    const to = encodeURIComponent(`${next}T08:00:00+08:00`);
    expect(idsOf(await list(jiangan, `from=${from}&to=${to}`))).toEqual([made.nextDay?.id, made.lateNight?.id]);
  });

  it("the city lists all its counties; the province pages across cities; filters by grade, type and industry", async () => {
    const city = idsOf(await list(wuhan, `from=${day}&to=${day}`));
    expect(city.sort()).toEqual([made.jiangan?.id, made.lateNight?.id, made.wuchang?.id].sort());
    const all = idsOf(await list(province, `from=${day}&to=${day}&limit=100`));
    expect(all.sort()).toEqual([made.jiangan?.id, made.lateNight?.id, made.wuchang?.id, made.daye?.id].sort());
    expect(idsOf(await list(province, `from=${day}&to=${day}&grade=larger`))).toEqual([made.lateNight?.id]);
    expect(idsOf(await list(province, `from=${day}&to=${day}&accidentType=11`))).toEqual([made.daye?.id]);
    expect(idsOf(await list(province, `from=${day}&to=${day}&industryCode=E`))).toEqual([made.wuchang?.id]);
    // A GB/T 4754 section matches its divisions (26 and 10 are in C and B).
    expect(idsOf(await list(province, `from=${day}&to=${day}&industryCode=C`)).sort()).toEqual([made.jiangan?.id, made.lateNight?.id].sort());
    expect(idsOf(await list(wuhanManufacturing, `from=${day}&to=${day}`)).sort()).toEqual([made.jiangan?.id, made.lateNight?.id].sort());
  });

  it("cursor pagination across city partitions returns every report exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 30; i++) {
      const page: { items: { id: string }[]; nextCursor: string | null } = await list(province, `from=${day}&to=${day}&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...idsOf(page));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual([made.jiangan?.id, made.lateNight?.id, made.wuchang?.id, made.daye?.id].sort());
  });

  const bad: [string, string][] = [
    ["grade=big", "grade"],
    ["accidentType=99", "accidentType"],
    ["industryCode=ZZ", "industryCode"],
    ["from=2026-13-01", "from"],
    ["from=2026-03-02&to=2026-03-01", "to"],
    ["regionCode=110000", "regionCode"],
    ["regionCode=420102001", "regionCode"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["status=open", "status"],
    ["cursor=%7B", "cursor"],
  ];
  it.each(bad)("400 naming the parameter for ?%s", async (q, path) => {
    const res = await api.call("GET", `/v1/accidents?${q}`, { as: province });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});
