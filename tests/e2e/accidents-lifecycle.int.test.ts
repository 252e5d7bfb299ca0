// The life of an accident report after the first one (over HTTP): follow-ups (续报) and late changes (补报)
// as versions, the 30/7-day window, closure at the investigating level with an investigation report,
// read-only closed reports, confirmed concealment, the unreportedByUnit flag, the statistical-deaths job,
// the period index (shared/periods.ts, ACC) and functions/accidents/public.ts.
// Sources: 493号令 art.13 (补报), art.19 (investigation levels), art.36 (迟报/漏报/瞒报).
import { beforeAll, describe, expect, it } from "vitest";
import { refreshStatisticalDeaths } from "../../functions/accidents/jobs.js";
import { accidentsOfEnterprise } from "../../functions/accidents/public.js";
import { newReport } from "../../functions/accidents/service.js";
import type { CreateAccident } from "../../functions/accidents/schemas.js";
import { createReportWrites, getReport } from "../../functions/accidents/store.js";
import { transact } from "../../shared/db.js";
import { getEnterprise } from "../../shared/enterprises.js";
import { newId } from "../../shared/ids.js";
import { monthOf, readMonth } from "../../shared/periods.js";
import type { Actor } from "../../shared/policy.js";
import { useApi } from "../support/api.js";
import { enterpriseBody } from "../support/data.js";

const api = useApi();

// Counties 420111 洪山 and 420112 东西湖 keep this file's reports apart from the other files'.
const hongshan = { role: "regulator", region: "420111", user: "reg-hongshan" } as const;
const dongxihu = { role: "regulator", region: "420112" } as const;
const wuhan = { role: "regulator", region: "420100", user: "reg-wuhan" } as const;
const province = { role: "regulator", region: "420000", user: "reg-province" } as const;
const dept = { role: "industry_department", region: "420100", industry: "C" } as const;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

let enterprise: { id: string; regionCode: string };
beforeAll(async () => {
  const res = await api.call("POST", "/v1/enterprises", { as: province, body: enterpriseBody({ regionCode: "420111" }) });
  expect(res.status).toBe(201);
  enterprise = res.body;
});
const asEnterprise = () => ({ role: "enterprise", region: enterprise.regionCode, enterprise: enterprise.id }) as const;

function accidentBody(over: Record<string, unknown> = {}) {
  return {
    regionCode: "420111",
    occurredAt: ago(20 * MIN),
    enterpriseId: enterprise.id,
    industryCode: "26",
    accidentType: "03",
    summary: "设备检修时机械伤人",
    scene: "三车间",
    deaths: 0,
    missing: 0,
    seriousInjuries: 0,
    injuries: 1,
    directLossYuan: 80_000,
    ...over,
  };
}

async function report(as: object, over: Record<string, unknown> = {}) {
  const body = accidentBody(over);
  if ((as as { role: string }).role === "enterprise") delete (body as Record<string, unknown>).enterpriseId;
  const res = await api.call("POST", "/v1/accidents", { as: as as never, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const update = (as: object, id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  api.call("POST", `/v1/accidents/${id}/updates`, { as: as as never, body, headers });
const get = (as: object, id: string) => api.call("GET", `/v1/accidents/${id}`, { as: as as never });
const closeBody = (over: Record<string, unknown> = {}) => ({ cause: "违章作业，未执行挂牌上锁", enterpriseResponsible: true, handling: "罚款 20 万元，责任人依法处理", ...over });
const close = (as: object, id: string, over: Record<string, unknown> = {}) =>
  api.call("POST", `/v1/accidents/${id}/close`, { as: as as never, body: closeBody(over) });

/** A report as it would have been made at `at` (the server's clock cannot be moved over HTTP). */
async function reportedAt(at: Date, over: Partial<CreateAccident> = {}, actor?: Actor) {
  const body: CreateAccident = {
    ...(accidentBody({ occurredAt: new Date(at.getTime() - 20 * MIN).toISOString() }) as CreateAccident),
    roadTraffic: false,
    fire: false,
    ...over,
  };
  const e = await getEnterprise(enterprise.id);
  const who = actor ?? { userId: "ent", role: "enterprise", regionCode: "420111", enterpriseId: enterprise.id, isHead: false };
  const { record, version } = newReport({ id: newId(), body, actor: who, enterprise: e, now: at });
  await transact(createReportWrites(record, version));
  return record;
}

describe("updates: every update is a new version; nothing is overwritten", () => {
  it("changed counts and narrative make version 2; version 1 keeps the first report; who and when are recorded", async () => {
    const a = await report(hongshan);
    const res = await update(asEnterprise(), a.id, { note: "续报：又有两人受伤送医", injuries: 3, measuresTaken: "全厂停产排查" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ injuries: 3, measuresTaken: "全厂停产排查", reportVersion: 2, version: 2, lastReportAt: res.body.updatedAt });
    const got = await get(hongshan, a.id);
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    expect(got.body.injuries).toBe(3);
    expect(got.body.history).toHaveLength(2);
    expect(got.body.history[0]).toMatchObject({ n: 1, kind: "initial", injuries: 1, by: { userId: "reg-hongshan", role: "regulator" } });
    expect(got.body.history[1]).toMatchObject({
      n: 2,
      kind: "update",
      note: "续报：又有两人受伤送医",
      injuries: 3,
      by: { role: "enterprise" },
      at: res.body.updatedAt,
      changes: { injuries: { from: 1, to: 3 }, measuresTaken: { to: "全厂停产排查" } },
    });
    const audit = await api.call("GET", `/v1/audit?entityId=${a.id}`, { as: hongshan });
    expect(audit.body.items.map((x: { action: string }) => x.action)).toEqual(["accident.create", "accident.update"]);
  });

  it("a follow-up without changes is still a version (续报: the situation is stable)", async () => {
    const a = await report(hongshan);
    const res = await update(hongshan, a.id, { note: "续报：伤者情况稳定，无新增伤亡" });
    expect(res.status).toBe(201);
    const got = await get(hongshan, a.id);
    expect(got.body.history[1]).toMatchObject({ n: 2, changes: {} });
  });

  it("the grade change is recorded in the version", async () => {
    const a = await report(hongshan);
    const res = await update(hongshan, a.id, { note: "损失核定", directLossYuan: 12_000_000 });
    expect(res.body).toMatchObject({ grade: "larger", gradeBasis: ["directLoss"] });
    const got = await get(hongshan, a.id);
    expect(got.body.history[1].changes.grade).toEqual({ from: "general", to: "larger" });
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ["no note", { deaths: 1 }, "note"],
    ["an empty note", { note: " " }, "note"],
    ["negative deaths", { note: "x", deaths: -1 }, "deaths"],
    ["fractional loss", { note: "x", directLossYuan: 1.5 }, "directLossYuan"],
    ["a server-owned grade", { note: "x", grade: "major" }, "grade"],
    ["occurredAt (not changeable)", { note: "x", occurredAt: ago(0) }, "occurredAt"],
  ];
  it.each(bad)("400 naming the field for %s", async (_n, body, path) => {
    const a = await report(hongshan);
    const res = await update(hongshan, a.id, body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("scope: another county gets 404, an industry department in scope may update", async () => {
    const a = await report(hongshan);
    expect((await update(dongxihu, a.id, { note: "x" })).status).toBe(404);
    expect((await update(dept, a.id, { note: "行业部门续报" })).status).toBe(201);
  });

  it("idempotent: a retried update makes one version; a stale If-Match is a 409; two concurrent updates: one wins", async () => {
    const a = await report(hongshan);
    const key = `upd-${Math.random().toString(36).slice(2)}`;
    const first = await update(hongshan, a.id, { note: "续报", injuries: 2 }, { "idempotency-key": key });
    const again = await update(hongshan, a.id, { note: "续报", injuries: 2 }, { "idempotency-key": key });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await get(hongshan, a.id)).body.history).toHaveLength(2);
    const stale = await update(hongshan, a.id, { note: "x" }, { "if-match": '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    // Two clients that both read version 2: whichever lands second is refused (concurrently or not).
    const race = await Promise.all([
      update(hongshan, a.id, { note: "甲", injuries: 4 }, { "if-match": '"2"' }),
      update(hongshan, a.id, { note: "乙", injuries: 5 }, { "if-match": '"2"' }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await get(hongshan, a.id)).body.history).toHaveLength(3);
  });
});

describe("follow-ups (续报): at least daily for 一般/较大, twice daily for 重大 and above", () => {
  it("followUpDueAt is 24 hours after the last report for 一般, 12 hours for 重大", async () => {
    const general = await report(hongshan);
    expect(general.followUpDueAt).toBe(plus(general.receivedAt, 24 * HOUR));
    expect(general.followUpMissed).toBe(false);
    const major = await report(hongshan, { deaths: 12 });
    expect(major.followUpDueAt).toBe(plus(major.receivedAt, 12 * HOUR));
  });

  it("a missed follow-up is flagged; the late one is marked on its version and counted; the clock restarts", async () => {
    const r = await reportedAt(new Date(Date.now() - 25 * HOUR));
    const before = await get(hongshan, r.id);
    expect(before.body).toMatchObject({ followUpMissed: true, followUpDueAt: plus(r.receivedAt, 24 * HOUR) });
    const res = await update(hongshan, r.id, { note: "迟到的续报" });
    expect(res.body).toMatchObject({ followUpMissed: false, missedFollowUps: 1, followUpDueAt: plus(res.body.updatedAt, 24 * HOUR) });
    const after = await get(hongshan, r.id);
    expect(after.body.history[1].followUpLate).toBe(true);
  });

  it("重大: 11 hours after the last report is fine, 13 hours is missed", async () => {
    const fine = await reportedAt(new Date(Date.now() - 11 * HOUR), { deaths: 10 });
    expect((await get(hongshan, fine.id)).body.followUpMissed).toBe(false);
    const missed = await reportedAt(new Date(Date.now() - 13 * HOUR), { deaths: 10 });
    expect((await get(hongshan, missed.id)).body.followUpMissed).toBe(true);
  });
});

describe("补报 window (493号令 art.13): casualty changes within 30 days, 7 for road traffic and fire", () => {
  const cases: [string, Record<string, unknown>, boolean][] = [
    // Whole Asia/Shanghai days after the accident's own day (民法典 arts. 201, 203; exact edges in accidents-periods).
    ["30-day window, 29 days 23 h ago: accepted", { occurredAt: ago(30 * DAY - HOUR) }, true],
    ["30-day window, 31 days 1 h ago: refused", { occurredAt: ago(31 * DAY + HOUR) }, false],
    ["road traffic, 6 days 23 h ago: accepted", { occurredAt: ago(7 * DAY - HOUR), roadTraffic: true, accidentType: "02" }, true],
    ["road traffic, 8 days 1 h ago: refused", { occurredAt: ago(8 * DAY + HOUR), roadTraffic: true, accidentType: "02" }, false],
    ["fire, 8 days 1 h ago: refused", { occurredAt: ago(8 * DAY + HOUR), fire: true, accidentType: "08" }, false],
    ["fire, day 8 is inside a 30-day window only without the flag", { occurredAt: ago(8 * DAY) }, true],
  ];
  it.each(cases)("%s", async (_n, over, accepted) => {
    const a = await report(hongshan, { missing: 2, ...over });
    expect(a.casualtyChangesOpen).toBe(accepted);
    const res = await update(hongshan, a.id, { note: "补报：失踪者遗体找到", deaths: 2, missing: 0 });
    if (accepted) {
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ deaths: 2, missing: 0 });
    } else {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: "supplement_window_closed", fields: ["deaths", "missing"], closesAt: a.supplementWindowClosesAt });
      const got = await get(hongshan, a.id);
      expect(got.body).toMatchObject({ deaths: 0, missing: 2, version: 1 });
      expect(got.body.history).toHaveLength(1);
    }
  });

  it("after the window: narrative and loss updates are still allowed until closure; the same counts resent are no change", async () => {
    const a = await report(hongshan, { occurredAt: ago(40 * DAY), deaths: 1 });
    const narrative = await update(hongshan, a.id, { note: "调查进展", summary: "经调查，系违章操作所致", directLossYuan: 120_000, deaths: 1 });
    expect(narrative.status, JSON.stringify(narrative.body)).toBe(201);
    expect(narrative.body).toMatchObject({ summary: "经调查，系违章操作所致", directLossYuan: 120_000 });
    const injuries = await update(hongshan, a.id, { note: "补报受伤", injuries: 3 });
    expect(injuries.status).toBe(409);
    expect(injuries.body.code).toBe("supplement_window_closed");
  });
});

describe("closure (493号令 art.19: county investigates 一般, city 较大, province 重大 and above)", () => {
  const levels: [string, Record<string, unknown>, object[], object][] = [
    ["一般", {}, [], hongshan],
    ["较大", { deaths: 3 }, [hongshan], wuhan],
    ["重大", { deaths: 10 }, [hongshan, wuhan], province],
    ["特别重大", { deaths: 30 }, [hongshan, wuhan], province],
  ];
  it.each(levels)("%s: refused below the investigating level (403), closed at it", async (_n, over, below, at) => {
    const a = await report(hongshan, over);
    for (const who of below) {
      const res = await close(who, a.id);
      expect(res.status, JSON.stringify(who)).toBe(403);
      expect(res.body.code).toBe("below_investigating_level");
    }
    const res = await close(at, a.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "closed", enterpriseResponsible: true, closure: { cause: closeBody().cause, enterpriseResponsible: true } });
    expect(res.body.followUpDueAt).toBeNull();
    expect(res.body.pending).toBeNull();
  });

  it("a higher level may close a lower grade; a county of another region cannot (404); an enterprise cannot (403)", async () => {
    const a = await report(hongshan);
    expect((await close(dongxihu, a.id)).status).toBe(404);
    expect((await close(asEnterprise(), a.id)).status).toBe(403);
    expect((await close(wuhan, a.id, { enterpriseResponsible: false })).status).toBe(200);
  });

  it("a closed report is read-only: updates, forward, close, concealment and uploads are 409 with nothing allowed", async () => {
    const a = await report(hongshan, { deaths: 3 });
    expect((await close(wuhan, a.id)).status).toBe(200);
    const attempts = [
      update(hongshan, a.id, { note: "x" }),
      api.call("POST", `/v1/accidents/${a.id}/forward`, { as: hongshan, body: {} }),
      close(wuhan, a.id),
      api.call("POST", `/v1/accidents/${a.id}/confirm-concealment`, { as: wuhan, body: { kind: "concealed", reason: "x" } }),
      api.call("POST", `/v1/accidents/${a.id}/investigation-report`, { as: wuhan, body: { fileName: "r.pdf", contentType: "application/pdf", size: 10 } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: "illegal_transition", state: "closed", allowed: [] });
    }
  });

  it("two simultaneous closures: exactly one wins", async () => {
    const a = await report(hongshan);
    const results = await Promise.all([close(hongshan, a.id), close(wuhan, a.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("with an investigation report: presigned upload, checked on closure, downloadable afterwards", async () => {
    const a = await report(hongshan);
    const pdf = Buffer.from("%PDF-1.4 事故调查报告");
    const bad = await api.call("POST", `/v1/accidents/${a.id}/investigation-report`, { as: hongshan, body: { fileName: "r.exe", contentType: "application/x-msdownload", size: 10 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("contentType");
    const ticket = await api.call("POST", `/v1/accidents/${a.id}/investigation-report`, { as: hongshan, body: { fileName: "调查报告.pdf", contentType: "application/pdf", size: pdf.length } });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(200);
    expect(ticket.body.key).toContain(`accidents/${enterprise.id}/${a.id}/`);

    const notYet = await close(hongshan, a.id, { investigationReport: { key: ticket.body.key } });
    expect(notYet.status).toBe(400);
    expect(notYet.body.errors[0].path).toBe("investigationReport.key");

    const put = await fetch(ticket.body.upload.url, { method: "PUT", headers: ticket.body.upload.headers, body: pdf });
    expect(put.status).toBe(200);

    const other = await report(hongshan);
    const foreign = await close(hongshan, other.id, { investigationReport: { key: ticket.body.key } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe("investigationReport.key");

    const res = await close(hongshan, a.id, { investigationReport: { key: ticket.body.key } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.closure.investigationReport).toMatchObject({ key: ticket.body.key, contentType: "application/pdf", size: pdf.length });
    const got = await get(hongshan, a.id);
    expect(JSON.stringify(got.body)).not.toContain("X-Amz-Signature");
    const link = await api.call("GET", `/v1/accidents/${a.id}/investigation-report`, { as: hongshan });
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    const download = await fetch(link.body.download.url);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("uploads are for regulators who may close: a county may not upload for a 较大 report (403)", async () => {
    const a = await report(hongshan, { deaths: 3 });
    const res = await api.call("POST", `/v1/accidents/${a.id}/investigation-report`, { as: hongshan, body: { fileName: "r.pdf", contentType: "application/pdf", size: 10 } });
    expect(res.status).toBe(403);
  });
});

describe("瞒报/谎报 confirmed by a regulator (493号令 art.36) and the unreportedByUnit flag", () => {
  it("confirm-concealment records kind, reason, who and when; a second confirmation is a 409; below the investigating level 403", async () => {
    const a = await report(hongshan, { deaths: 3 });
    const low = await api.call("POST", `/v1/accidents/${a.id}/confirm-concealment`, { as: hongshan, body: { kind: "concealed", reason: "x" } });
    expect(low.status).toBe(403);
    const noReason = await api.call("POST", `/v1/accidents/${a.id}/confirm-concealment`, { as: wuhan, body: { kind: "concealed" } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe("reason");
    const res = await api.call("POST", `/v1/accidents/${a.id}/confirm-concealment`, { as: wuhan, body: { kind: "concealed", reason: "企业隐瞒一名死亡者" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ concealed: true, concealment: { kind: "concealed", reason: "企业隐瞒一名死亡者", confirmedBy: { userId: "reg-wuhan" } } });
    const again = await api.call("POST", `/v1/accidents/${a.id}/confirm-concealment`, { as: wuhan, body: { kind: "false_report", reason: "y" } });
    expect(again.status).toBe(409);
    expect(again.body.allowed).not.toContain("confirm-concealment");
  });

  it("a unit that reports on a regulator's record before its 1-hour deadline clears the flag; after it, the flag stays", async () => {
    const inTime = await report(hongshan, { occurredAt: ago(10 * MIN) });
    expect(inTime.unreportedByUnit).toBe(true);
    const own = await update(asEnterprise(), inTime.id, { note: "本单位报告" });
    expect(own.body).toMatchObject({ unreportedByUnit: false, unitReportedAt: own.body.updatedAt });
    const tooLate = await report(hongshan, { occurredAt: ago(2 * HOUR) });
    const late = await update(asEnterprise(), tooLate.id, { note: "本单位补充报告" });
    expect(late.body).toMatchObject({ unreportedByUnit: true, unitReportedAt: late.body.updatedAt });
    const byRegulator = await update(hongshan, tooLate.id, { note: "监管部门续报" });
    expect(byRegulator.body.unitReportedAt).toBe(late.body.updatedAt);
  });
});

describe("statistics hooks", () => {
  it("the period index (gsi4, ACC, month of occurredAt) carries what roll-ups read, status and responsibility after closure", async () => {
    const a = await report(hongshan, { deaths: 1, missing: 1, seriousInjuries: 2, injuries: 3, directLossYuan: 900_000 });
    const month = monthOf(a.occurredAt);
    const find = async () => (await readMonth("ACC", month, "420100")).find((x) => x.id === a.id);
    const open = await find();
    expect(open).toMatchObject({
      gsi4sk: `420111#${a.id}`,
      occurredAt: a.occurredAt,
      regionCode: "420111",
      enterpriseId: enterprise.id,
      grade: "general",
      deaths: 1,
      missing: 1,
      seriousInjuries: 2,
      injuries: 3,
      directLossYuan: 900_000,
      industryCode: "26",
      accidentType: "03",
      roadTraffic: false,
      fire: false,
      status: "open",
      statisticalDeaths: 1,
    });
    expect(open?.enterpriseResponsible).toBeUndefined();
    await close(hongshan, a.id);
    expect(await find()).toMatchObject({ status: "closed", enterpriseResponsible: true });
  });

  it("the daily job counts people still missing after the window as dead, once, and never lowers it", async () => {
    const occurred = new Date(Date.now() - 31 * DAY);
    // Reported an hour after the accident and never touched again: its stored value predates the window's end.
    const r = await reportedAt(new Date(occurred.getTime() + HOUR), { occurredAt: occurred.toISOString(), deaths: 1, missing: 2 });
    expect(r.statisticalDeaths).toBe(1);
    // The job sweeps every accident of the period, including other test files' (which may race
    // with it), so only this record's outcome is asserted.
    await refreshStatisticalDeaths({ asOf: new Date(occurred.getTime() + 2 * DAY).toISOString() });
    expect((await getReport(r.id))?.statisticalDeaths).toBe(1);
    const run = await refreshStatisticalDeaths({ asOf: new Date().toISOString() });
    expect(run.updated).toBeGreaterThanOrEqual(1);
    const after = await getReport(r.id);
    expect(after).toMatchObject({ statisticalDeaths: 3, version: 2 });
    // A re-run for an earlier day neither lowers it nor writes again.
    await refreshStatisticalDeaths({ asOf: new Date(occurred.getTime() + 2 * DAY).toISOString() });
    expect(await getReport(r.id)).toMatchObject({ statisticalDeaths: 3, version: 2 });
    const audit = await api.call("GET", `/v1/audit?entityId=${r.id}`, { as: hongshan });
    expect(audit.body.items.map((x: { action: string; actorId: string }) => [x.action, x.actorId])).toEqual([
      ["accident.statistical-deaths", "system:accidents-statistical-deaths"],
    ]);
  });

  it("accidentsOfEnterprise summarises an enterprise's accidents in a period (dates or instants)", async () => {
    const e = (await api.call("POST", "/v1/enterprises", { as: province, body: enterpriseBody({ regionCode: "420111" }) })).body;
    const body = (over: Record<string, unknown>) => ({ ...accidentBody({ enterpriseId: e.id, ...over }) });
    const mk = async (over: Record<string, unknown>) => (await api.call("POST", "/v1/accidents", { as: hongshan, body: body(over) })).body;
    const old = await mk({ occurredAt: "2025-12-31T23:30:00+08:00", deaths: 1 });
    const fatal = await mk({ occurredAt: "2026-01-01T00:30:00+08:00", deaths: 1, missing: 1 });
    const later = await mk({ occurredAt: ago(HOUR), deaths: 3 });
    await close(hongshan, fatal.id);
    await api.call("POST", `/v1/accidents/${later.id}/confirm-concealment`, { as: wuhan, body: { kind: "concealed", reason: "瞒报" } });

    const year2026 = await accidentsOfEnterprise(e.id, "2026-01-01", "2026-12-31");
    expect(year2026.map((x) => x.id).sort()).toEqual([fatal.id, later.id].sort());
    expect(year2026.find((x) => x.id === fatal.id)).toEqual({
      id: fatal.id,
      occurredAt: "2025-12-31T16:30:00.000Z",
      grade: "general",
      deaths: 1,
      missing: 1,
      status: "closed",
      enterpriseResponsible: true,
      statisticalDeaths: 2,
    });
    expect(year2026.find((x) => x.id === later.id)).toMatchObject({ grade: "larger", deaths: 3, status: "open", concealed: true });
    expect((await accidentsOfEnterprise(e.id, "2025-12-31T15:00:00Z", "2025-12-31T16:00:00Z")).map((x) => x.id)).toEqual([old.id]);
    expect(await accidentsOfEnterprise("01JZZZZZZZZZZZZZZZZZZZZZZZ", "2020-01-01", "2030-01-01")).toEqual([]);
  });

  it("the enterprise's own list shows its reports only", async () => {
    const a = await report(hongshan);
    const res = await api.call("GET", "/v1/accidents?limit=100", { as: asEnterprise() });
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: { id: string }) => x.id)).toContain(a.id);
    expect(res.body.items.every((x: { enterpriseId: string }) => x.enterpriseId === enterprise.id)).toBe(true);
  });
});
