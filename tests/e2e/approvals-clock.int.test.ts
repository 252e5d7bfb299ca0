// The working-day clock and the daily jobs on fixed dates around the 2026 Mid-Autumn (9-25..27) and
// National Day (10-1..7) holidays with their make-up working days (Sun 9-20, Sat 10-10). Records
// dated in the past are arranged straight in the table (as a migration would write them); the
// API reads them and the jobs run with an `asOf`. Also: licence lifecycle, renewal, licenceSuspensionWrites (functions/approvals/public.ts).
import { afterEach, describe, expect, it, vi } from "vitest";
import { STATE_COUNCIL_CALENDARS } from "../../functions/approvals/calendar-data.js";
import { deadlines, licences } from "../../functions/approvals/jobs.js";
import { licenceSuspensionWrites } from "../../functions/approvals/public.js";
import { addWorkingDays, licenceValidTo, renewedValidTo } from "../../functions/approvals/rules.js";
import type { Application, Licence } from "../../functions/approvals/schemas.js";
import { applicationItem, authorityCheck, getApplication, getApplicationBundle, getLicence, licenceItem, stepItem } from "../../functions/approvals/store.js";
import { auditWrite } from "../../shared/audit.js";
import { transact } from "../../shared/db.js";
import { newId } from "../../shared/ids.js";
import { readMonth } from "../../shared/periods.js";
import { seedItems } from "../../shared/seeding.js";
import { addDays, shanghaiDate } from "../../shared/time.js";
import { useApi } from "../support/api.js";
import { enterpriseBody, uscc } from "../support/data.js";

const api = useApi();
afterEach(() => {
  vi.useRealTimers();
});

const provinceAdmin = { role: "admin", region: "420000" } as const;
const officerA = { role: "approval_officer", region: "420000", user: "po-a" } as const;
const CAL = STATE_COUNCIL_CALENDARS;
const today = () => shanghaiDate(new Date());

interface Ent {
  id: string;
  name: string;
  uscc: string;
  regionCode: string;
  as: { role: "enterprise"; region: string; enterprise: string };
}

async function newEnterprise(regionCode = "420102"): Promise<Ent> {
  const body = enterpriseBody({ regionCode, uscc: uscc(regionCode) });
  const res = await api.call("POST", "/v1/enterprises", { as: { role: "regulator", region: "420000" }, body });
  expect(res.status).toBe(201);
  return { id: res.body.id, name: res.body.name, uscc: res.body.uscc, regionCode, as: { role: "enterprise", region: regionCode, enterprise: res.body.id } };
}

/** An application as it would stand after the given history; written straight to the table. */
async function arrange(ent: Ent, over: Partial<Application>, steps: { action: string; on: string; from: string; to: string }[] = []): Promise<Application> {
  const app: Application = {
    id: newId(),
    enterpriseId: ent.id,
    enterpriseName: ent.name,
    enterpriseUscc: ent.uscc,
    regionCode: ent.regionCode,
    cityCode: `${ent.regionCode.slice(0, 4)}00`,
    industryCode: "26",
    gridId: null,
    itemCode: "AQ04-01",
    itemName: "特种作业操作证核发",
    itemVersion: 1,
    scope: "电工作业",
    materials: ["申请表"],
    limitWorkingDays: 20,
    state: "under_review",
    submittedOn: "2026-09-17",
    acceptedOn: "2026-09-18",
    acceptanceDeemed: false,
    pauses: [],
    extended: false,
    extensionDays: 0,
    stepCount: steps.length,
    version: 1,
    createdAt: "2026-09-16T02:00:00.000Z",
    createdBy: "arranged",
    updatedAt: "2026-09-18T02:00:00.000Z",
    ...over,
  };
  await seedItems([
    applicationItem(app),
    ...steps.map((s, i) => stepItem(app.id, { seq: i + 1, action: s.action, stage: "application", at: `${s.on}T02:00:00.000Z`, on: s.on, actorId: "arranged", actorRole: "approval_officer", actorRegion: "420000", from: s.from, to: s.to })),
  ]);
  return app;
}

const get = async (id: string) => {
  const res = await api.call("GET", `/v1/applications/${id}`, { as: officerA });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const at = (date: string) => `${date}T09:00:00+08:00`;

describe("the clock read through GET /v1/applications/{id} (行政许可法 arts. 42, 45, 82)", () => {
  it("accepted Fri 2026-09-18: due Thu 10-22 across Mid-Autumn and National Day, counting Sun 9-20 and Sat 10-10; decided on the due date: 20 used, 0 left, in time", async () => {
    const ent = await newEnterprise();
    const app = await arrange(ent, { state: "approved", decision: "approved", decidedOn: "2026-10-22", deliveryDueDate: "2026-11-05" });
    expect(await get(app.id)).toMatchObject({ acceptedOn: "2026-09-18", dueDate: "2026-10-22", workingDaysUsed: 20, workingDaysLeft: 0, overdue: false, paused: false, calendarFallbackYears: [] });
    const late = await arrange(ent, { state: "refused", decision: "refused", decidedOn: "2026-10-23" });
    expect(await get(late.id)).toMatchObject({ dueDate: "2026-10-22", workingDaysUsed: 21, overdue: true });
  });

  it("安全生产许可证条例 art. 7: 45 working days from 2026-08-31 end on 2026-11-06", async () => {
    const ent = await newEnterprise();
    const app = await arrange(ent, { itemCode: "AQ01-03", limitWorkingDays: 45, acceptedOn: "2026-08-31", state: "approved", decision: "approved", decidedOn: "2026-11-06" });
    expect(await get(app.id)).toMatchObject({ dueDate: "2026-11-06", workingDaysUsed: 45, overdue: false });
  });

  it("art. 45: a pause Mon 9-21 → Wed 9-23 moves the due date to Mon 10-26; an open pause from Sat 10-10 stops the clock at 10 used", async () => {
    const ent = await newEnterprise();
    const closed = await arrange(ent, { state: "reviewed", pauses: [{ from: "2026-09-21", to: "2026-09-23", reason: "专家评审" }], decision: undefined });
    expect((await get(closed.id)).dueDate).toBe("2026-10-26");
    const open = await arrange(ent, { state: "paused", pauses: [{ from: "2026-10-10", to: null, reason: "检测检验" }] });
    const v = await get(open.id);
    expect(v).toMatchObject({ paused: true, workingDaysUsed: 10, workingDaysLeft: 10, overdue: false });
    // While stopped, the due date is projected as if the clock resumed tomorrow.
    expect(v.dueDate).toBe(addWorkingDays(today(), 10, CAL).date);
  });

  it("art. 42: the extension adds 10 working days: due Thu 11-05", async () => {
    const ent = await newEnterprise();
    const app = await arrange(ent, { extended: true, extensionDays: 10, state: "approved", decision: "approved", decidedOn: "2026-11-05" });
    expect(await get(app.id)).toMatchObject({ dueDate: "2026-11-05", workingDaysUsed: 30, overdue: false });
  });

  it("a year with no calendar falls back to weekends and says so; PUT /v1/calendar/{year} changes the clock at once", async () => {
    const ent = await newEnterprise();
    const app = await arrange(ent, { acceptedOn: "2030-12-10", state: "reviewed" });
    const before = await get(app.id);
    expect(before.calendarFallbackYears).toEqual([2030, 2031]);
    expect(before.calendarNote).toMatch(/2030, 2031/);
    expect(before.dueDate).toBe(addWorkingDays("2030-12-10", 20, []).date);
    const put = await api.call("PUT", "/v1/calendar/2031", { as: provinceAdmin, body: { holidays: ["2031-01-01"], makeUpWorkdays: [], source: "测试：2031年元旦" } });
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    const after = await get(app.id);
    expect(after.calendarFallbackYears).toEqual([2030]);
    expect(after.dueDate).toBe(addWorkingDays(before.dueDate, 1, []).date);
  });

  it("art. 32: with no notice by the 5th working day the application counts as accepted on the day it was submitted; a late notice is then illegal", async () => {
    const ent = await newEnterprise();
    const app = await arrange(ent, { state: "submitted", submittedOn: "2026-09-29", acceptedOn: undefined, acceptanceDeemed: undefined }, [{ action: "submit", on: "2026-09-29", from: "draft", to: "submitted" }]);
    const v = await get(app.id);
    // 9-30 (1), 10-8 (2), 10-9 (3), Sat 10-10 (4), 10-12 (5): deemed from 10-13.
    expect(v).toMatchObject({ state: "under_review", acceptedOn: "2026-09-29", acceptanceDeemed: true, dueDate: addWorkingDays("2026-09-29", 20, CAL).date });
    expect(v.history.at(-1)).toMatchObject({ action: "deem-accept", on: "2026-10-13", actorId: "system:approvals", from: "submitted", to: "under_review" });
    const notice = await api.call("POST", `/v1/applications/${app.id}/notify-missing`, { as: officerA, body: { missingMaterials: ["申请表"] } });
    expect(notice.status).toBe(409);
    expect(notice.body).toMatchObject({ code: "illegal_transition", state: "under_review", allowed: ["review-pass", "pause", "extend"] });
    const passed = await api.call("POST", `/v1/applications/${app.id}/review-pass`, { as: officerA, body: {} });
    expect(passed.status).toBe(200);
    const stored = await getApplicationBundle(app.id);
    expect(stored?.steps.map((s) => s.action)).toEqual(["submit", "deem-accept", "review-pass"]);
    expect(stored?.app).toMatchObject({ state: "reviewed", acceptedOn: "2026-09-29", acceptanceDeemed: true });
  });
});

describe("the clock driven over HTTP on the 2026 holiday calendar (system time set per step)", () => {
  const officerB = { role: "approval_officer", region: "420000", user: "po-b" } as const;
  const head = { role: "approval_officer", region: "420000", user: "po-head", head: true } as const;
  const on = (date: string) => vi.setSystemTime(new Date(`${date}T10:00:00+08:00`));
  const PDF = Buffer.from("%PDF-1.4 test");

  /** A draft with every material uploaded (at real time: presigned URLs are checked against it). */
  async function readyDraft(ent: Ent) {
    const app = (await api.call("POST", "/v1/applications", { as: ent.as, body: { itemCode: "AQ04-01", scope: "电工作业" } })).body;
    await Promise.all(
      app.materials.map(async (material: string) => {
        const r = await api.call("POST", `/v1/applications/${app.id}/attachments`, { as: ent.as, body: { material, fileName: "a.pdf", contentType: "application/pdf", size: PDF.length } });
        await fetch(r.body.upload.url, { method: "PUT", headers: r.body.upload.headers, body: PDF });
      }),
    );
    return app;
  }
  const step = async (as: object, id: string, action: string, body: object = {}) => {
    const res = await api.call("POST", `/v1/applications/${id}/${action}`, { as: as as never, body });
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };

  it("accepted Wed 9-30, paused Fri 10-9 → Wed 10-14 (across make-up Sat 10-10), extended, decided in time", async () => {
    const ent = await newEnterprise();
    const app = await readyDraft(ent);
    vi.useFakeTimers({ toFake: ["Date"] });
    on("2026-09-24");
    await step(ent.as, app.id, "submit");
    on("2026-09-30");
    const accepted = await step(officerA, app.id, "accept");
    // 10-8 (1), 10-9, Sat 10-10, 10-12..16 (8), 10-19..23 (13), 10-26..30 (18), 11-2, 11-3 (20).
    expect(accepted).toMatchObject({ acceptedOn: "2026-09-30", dueDate: "2026-11-03", workingDaysUsed: 0, workingDaysLeft: 20 });
    on("2026-10-09");
    const paused = await step(officerA, app.id, "pause", { reason: "委托检测机构检测" });
    expect(paused).toMatchObject({ paused: true, workingDaysUsed: 1 });
    on("2026-10-13");
    expect((await get(app.id))).toMatchObject({ paused: true, workingDaysUsed: 1, workingDaysLeft: 19 });
    on("2026-10-14");
    // Paused 10-9, Sat 10-10, 10-12, 10-13: four working days do not count.
    const resumed = await step(officerA, app.id, "resume");
    expect(resumed).toMatchObject({ paused: false, dueDate: "2026-11-09", workingDaysUsed: 2, workingDaysLeft: 18 });
    on("2026-10-20");
    const extended = await step(head, app.id, "extend", { reason: "检测结论需专家论证" });
    expect(extended).toMatchObject({ dueDate: "2026-11-23", extended: true });
    on("2026-10-21");
    await step(officerA, app.id, "review-pass");
    on("2026-10-22");
    const approved = await step(officerB, app.id, "approve", { reason: "检测合格" });
    expect(approved).toMatchObject({ decidedOn: "2026-10-22", deliveryDueDate: "2026-11-05", overdue: false });
    const decision = (await readMonth("APPDEC", "2026-10", "420100")).find((d) => d.id === app.id);
    expect(decision).toMatchObject({ decidedOn: "2026-10-22", dueDate: "2026-11-23", withinLimit: true });
    expect(approved.history.map((h: { action: string; on: string }) => `${h.action}@${h.on}`)).toEqual([
      "submit@2026-09-24", "accept@2026-09-30", "pause@2026-10-09", "resume@2026-10-14", "extend@2026-10-20", "review-pass@2026-10-21", "approve@2026-10-22",
    ]);
  });

  it("art. 32 over HTTP: submitted Tue 9-29, a notice on Mon 10-12 is in time; on 10-13 it is too late (deemed accepted)", async () => {
    const ent = await newEnterprise();
    const inTime = await readyDraft(ent);
    const late = await readyDraft(ent);
    vi.useFakeTimers({ toFake: ["Date"] });
    on("2026-09-29");
    await step(ent.as, inTime.id, "submit");
    await step(ent.as, late.id, "submit");
    on("2026-10-12");
    expect((await step(officerA, inTime.id, "notify-missing", { missingMaterials: [inTime.materials[0]] })).state).toBe("missing_materials");
    on("2026-10-13");
    const tooLate = await api.call("POST", `/v1/applications/${late.id}/notify-missing`, { as: officerA, body: { missingMaterials: [late.materials[0]] } });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.state).toBe("under_review");
  });
});

describe("daily job approvals-deadlines", () => {
  it("art. 32 around National Day: submitted 9-29 is not deemed on Mon 10-12, deemed on 10-13 (audited, by the system); a re-run changes nothing", async () => {
    const ent = await newEnterprise();
    const app = await arrange(ent, { state: "submitted", submittedOn: "2026-09-29", acceptedOn: undefined }, [{ action: "submit", on: "2026-09-29", from: "draft", to: "submitted" }]);
    const r1 = await deadlines({ asOf: at("2026-10-12") });
    expect(r1.deemedAccepted).not.toContain(app.id);
    expect((await getApplication(app.id, true))?.state).toBe("submitted");
    const r2 = await deadlines({ asOf: at("2026-10-13") });
    expect(r2.deemedAccepted).toContain(app.id);
    const stored = await getApplicationBundle(app.id);
    expect(stored?.app).toMatchObject({ state: "under_review", acceptedOn: "2026-09-29", acceptanceDeemed: true, version: 2 });
    expect(stored?.steps.map((s) => [s.action, s.actorId])).toEqual([["submit", "arranged"], ["deem-accept", "system:approvals"]]);
    const audit = await api.call("GET", `/v1/audit?entityId=${app.id}`, { as: provinceAdmin });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: "application.deem-accept", actorId: "system:approvals-deadlines" })]);
    await deadlines({ asOf: at("2026-10-13") });
    expect((await getApplication(app.id, true))?.version).toBe(2);
  });

  it("art. 32 around Mid-Autumn: submitted Thu 9-24, the notice is due Fri 10-09; deemed on the make-up Saturday 10-10", async () => {
    const ent = await newEnterprise();
    const app = await arrange(ent, { state: "submitted", submittedOn: "2026-09-24", acceptedOn: undefined });
    expect((await deadlines({ asOf: at("2026-10-09") })).deemedAccepted).not.toContain(app.id);
    expect((await deadlines({ asOf: at("2026-10-10") })).deemedAccepted).toContain(app.id);
  });

  it("flags within 3 working days of the limit and past it; a stopped clock is not counted down; the extension and the delivery date count", async () => {
    const ent = await newEnterprise();
    const running = await arrange(ent, {});
    const paused = await arrange(ent, { state: "paused", pauses: [{ from: "2026-10-10", to: null, reason: "现场核查" }] });
    const extended = await arrange(ent, { extended: true, extensionDays: 10 });
    const approved = await arrange(ent, { state: "approved", decision: "approved", decidedOn: "2026-09-24", deliveryDueDate: "2026-10-15" });

    const r16 = await deadlines({ asOf: at("2026-10-16") }); // 4 left
    for (const list of [r16.near, r16.overdue]) expect(list).not.toContain(running.id);
    expect(r16.deliveryOverdue).toContain(approved.id);
    const r19 = await deadlines({ asOf: at("2026-10-19") }); // 3 left
    expect(r19.near).toContain(running.id);
    expect((await getApplication(running.id, true))).toMatchObject({ deadlineFlag: "near", flaggedOn: "2026-10-19" });
    const r23 = await deadlines({ asOf: at("2026-10-23") });
    expect(r23.overdue).toContain(running.id);
    expect(r23.near).not.toContain(paused.id);
    expect(r23.overdue).not.toContain(paused.id);
    expect([...r23.near, ...r23.overdue]).not.toContain(extended.id);
    expect((await getApplication(running.id, true))?.deadlineFlag).toBe("overdue");
    expect((await getApplication(approved.id, true))?.deadlineFlag).toBe("delivery_overdue");
    const r1102 = await deadlines({ asOf: at("2026-11-02") }); // extended: due 11-05, 3 left
    expect(r1102.near).toContain(extended.id);
    const audit = await api.call("GET", `/v1/audit?entityId=${running.id}`, { as: provinceAdmin });
    expect(audit.body.items.map((a: { summary: { to: string } }) => a.summary.to)).toEqual(["near", "overdue"]);
  });
});

async function arrangeLicence(ent: Ent, over: Partial<Licence>): Promise<Licence> {
  const l: Licence = {
    number: `HB-AQ01-03-2021-${newId().slice(-10)}`,
    itemCode: "AQ01-03",
    itemName: "烟花爆竹生产企业安全生产许可证核发",
    safetyProduction: true,
    enterpriseId: ent.id,
    holderName: ent.name,
    holderUscc: ent.uscc,
    regionCode: ent.regionCode,
    cityCode: `${ent.regionCode.slice(0, 4)}00`,
    industryCode: "26",
    gridId: null,
    scope: "烟花爆竹生产",
    validFrom: "2023-06-01",
    validTo: licenceValidTo("2023-06-01", 3),
    status: "valid",
    applicationId: null,
    issuedOn: "2023-06-01",
    issuedBy: "arranged",
    renewals: 0,
    version: 1,
    createdAt: "2023-06-01T02:00:00.000Z",
    updatedAt: "2023-06-01T02:00:00.000Z",
    ...over,
  };
  await seedItems([licenceItem(l)]);
  return l;
}

describe("licence lifecycle", () => {
  it("行政许可法 art. 70(1): approvals-licences cancels (注销) licences past validTo without renewal (also suspended ones), with the basis recorded, and lists those ending within 90 days", async () => {
    const ent = await newEnterprise("420202");
    const past = await arrangeLicence(ent, { validTo: "2026-01-31" });
    const pastSuspended = await arrangeLicence(ent, { validTo: "2026-02-01", status: "suspended", suspension: { source: "officer", reason: "x", since: "2025-12-01T00:00:00.000Z" } });
    const soon = await arrangeLicence(ent, { validTo: addDays(today(), 30) });
    const later = await arrangeLicence(ent, { validTo: addDays(today(), 120) });
    const r = await licences({});
    expect(r.cancelled).toEqual(expect.arrayContaining([past.number, pastSuspended.number]));
    expect(r.cancelled).not.toContain(soon.number);
    const listed = r.expiringWithin90Days.map((x) => x.number);
    expect(listed).toContain(soon.number);
    expect(listed).not.toContain(later.number);
    expect(r.expiringWithin90Days.find((x) => x.number === soon.number)?.renewalWindowOpensOn).toBeTruthy();
    const basis = "《中华人民共和国行政许可法》第七十条第（一）项：行政许可有效期届满未延续";
    const cancellation = { ground: "expired_without_renewal", basis, on: today(), reason: "有效期至2026-01-31届满，未延续" };
    expect(await getLicence(past.number, true)).toMatchObject({ status: "cancelled", cancellation });
    const held = await getLicence(pastSuspended.number, true);
    expect(held).toMatchObject({ status: "cancelled", cancellation: { ground: "expired_without_renewal", basis } });
    expect(held?.suspension).toBeUndefined();
    expect((await api.call("GET", `/v1/licences/${past.number}`)).body.status).toBe("cancelled");
    const history = await api.call("GET", `/v1/licences/${past.number}/history`, { as: provinceAdmin });
    expect(history.body).toMatchObject({ status: "cancelled", cancellation });
    const events = (await readMonth("LICEVT", today().slice(0, 7), "420200")).filter((e) => e.licenceNumber === past.number);
    expect(events).toEqual([expect.objectContaining({ event: "cancelled", from: "valid", to: "cancelled", reason: basis, itemCode: "AQ01-03", enterpriseId: ent.id })]);
    const audit = await api.call("GET", `/v1/audit?entityId=${past.number}`, { as: provinceAdmin });
    expect(audit.body.items).toEqual([expect.objectContaining({ action: "licence.cancel", actorId: "system:approvals-licences", summary: expect.objectContaining({ basis }) })]);
    expect((await licences({})).cancelled).not.toContain(past.number);
    const officerList = await api.call("GET", "/v1/licences?regionCode=420202&expiringWithinDays=90", { as: officerA });
    expect(officerList.body.items.map((l: { number: string }) => l.number)).toEqual([soon.number]);
  });

  it("安全生产许可证条例 art. 9: in the last 3 months, with no fatal accident, an officer extends by 3 years without fresh review", async () => {
    const ent = await newEnterprise("420202");
    const validTo = addDays(today(), 30);
    const l = await arrangeLicence(ent, { validFrom: addDays(validTo, -1095), validTo });
    const res = await api.call("POST", `/v1/licences/${l.number}/renew`, { as: officerA, body: { reason: "有效期内未发生死亡事故，延期3年" } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: "valid", validFrom: addDays(validTo, 1), validTo: renewedValidTo(validTo), renewals: 1 });
    expect(res.body.history.at(-1)).toMatchObject({ event: "renewed", from: "valid", to: "valid" });
  });

  it("art. 9: a fatal accident during the validity (read from the accident records) means fresh review: 409", async () => {
    const ent = await newEnterprise("420202");
    const validTo = addDays(today(), 30);
    const l = await arrangeLicence(ent, { validFrom: addDays(validTo, -1095), validTo });
    const accident = await api.call("POST", "/v1/accidents", {
      as: ent.as,
      body: {
        regionCode: "420202", occurredAt: new Date(Date.now() - 10 * 86_400_000).toISOString(), enterpriseId: ent.id, industryCode: "26", accidentType: "01",
        summary: "车间物体打击事故", scene: "一号车间", deaths: 1, missing: 0, seriousInjuries: 0, injuries: 0, directLossYuan: 100000,
      },
    });
    expect(accident.status, JSON.stringify(accident.body)).toBe(201);
    const res = await api.call("POST", `/v1/licences/${l.number}/renew`, { as: officerA, body: { reason: "申请延期" } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("renewal_not_allowed");
    expect(res.body.reasons.join(" ")).toMatch(/fatal accident/);
  });
});

describe("licenceSuspensionWrites (listed major hazard with production suspended)", () => {
  it("suspends only valid safety production licences, in the caller's transaction, with LICEVT events; restores only its own suspension", async () => {
    const ent = await newEnterprise("420202");
    const base = { validFrom: "2026-01-05", validTo: licenceValidTo("2026-01-05", 3) };
    const safety = await arrangeLicence(ent, base);
    const other = await arrangeLicence(ent, { ...base, itemCode: "AQ03-01", itemName: "安全评价机构资质认可（乙级）", safetyProduction: false });
    const now = new Date();
    const hazardActor = { userId: "hazard-regulator", role: "regulator" as const, regionCode: "420200", isHead: false };
    const run = async (suspend: boolean) => {
      const { writes, audit } = await licenceSuspensionWrites(ent.id, suspend, "重大事故隐患挂牌督办，责令停产整顿", now);
      if (writes.length > 0) await transact([...writes, ...audit.map((a) => auditWrite(a, hazardActor, "test", now))]);
      return { writes, audit };
    };
    const first = await run(true);
    expect(first.audit.map((a) => [a.action, a.entityId])).toEqual([["licence.suspend", safety.number]]);
    expect(await getLicence(safety.number, true)).toMatchObject({ status: "suspended", suspension: { source: "major_hazard" } });
    expect((await getLicence(other.number, true))?.status).toBe("valid");
    expect((await run(true)).writes).toEqual([]);
    const officer = await api.call("POST", `/v1/licences/${safety.number}/restore`, { as: officerA, body: { reason: "x" } });
    expect(officer.status).toBe(409);
    expect(officer.body.code).toBe("suspended_for_major_hazard");
    await run(false);
    expect((await getLicence(safety.number, true))?.status).toBe("valid");
    const events = (await readMonth("LICEVT", today().slice(0, 7), "420200")).filter((e) => e.licenceNumber === safety.number);
    expect(events.map((e) => e.event).sort()).toEqual(["restored", "suspended"]);
    // An officer's own suspension is not lifted by a hazard write-off.
    await api.call("POST", `/v1/licences/${safety.number}/suspend`, { as: officerA, body: { reason: "执法检查" } });
    expect((await run(false)).writes).toEqual([]);
  });
});

describe("the authority check inside the transaction", () => {
  it("a step under a delegation that is no longer in force cannot commit (403 authority_revoked)", async () => {
    const check = authorityCheck("AQ07-04", "420900", { level: "city", regionCode: "420900", delegationId: newId() }, true, today());
    await expect(transact([check as NonNullable<typeof check>])).rejects.toMatchObject({ status: 403, code: "authority_revoked" });
  });
});

describe("a stored application that does not fit its record", () => {
  it("is a 500 problem+json, never a wrong 200; the error names the item's key", async () => {
    const ent = await newEnterprise();
    const app = await arrange(ent, {});
    const bad: Application = { ...app, id: newId() };
    // Only the record's own key: kept out of every list partition, so no other test reads it.
    const { gsi1pk: _p1, gsi1sk: _s1, gsi2pk: _p2, gsi2sk: _s2, gsi3pk: _p3, gsi3sk: _s3, ...keyed } = applicationItem(bad);
    const key = `${keyed.pk} / ${keyed.sk}`;
    await seedItems([{ ...keyed, state: "archived", pauses: "none" }]);

    const res = await api.call("GET", `/v1/applications/${bad.id}`, { as: officerA });
    expect(res.status, res.text).toBe(500);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(res.body).toMatchObject({ status: 500, code: "internal_error" });
    expect(res.body.id).toBeUndefined();
    await expect(getApplication(bad.id)).rejects.toThrow(key);

    // The well-formed one beside it still reads.
    expect((await get(app.id)).id).toBe(app.id);
  });
});
