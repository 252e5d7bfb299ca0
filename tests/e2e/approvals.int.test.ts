// Online administrative approval over HTTP with real tokens: applications, materials through
// presigned URLs, the staged review and its guards, licences, delegation and revocation, scope.
// Time-dependent rules with fixed dates (holidays, the 5-day rule, jobs) are in
// approvals-clock.int.test.ts.
import { describe, expect, it } from "vitest";
import { addWorkingDays, DECISION_LIMIT_WORKING_DAYS, deliveryDueDate, EXTENSION_WORKING_DAYS } from "../../functions/approvals/rules.js";
import { STATE_COUNCIL_CALENDARS } from "../../functions/approvals/calendar-data.js";
import { shanghaiDate } from "../../shared/time.js";
import { type Api, useApi } from "../support/api.js";
import { enterpriseBody, uscc } from "../support/data.js";

const api = useApi();

const provinceAdmin = { role: "admin", region: "420000" } as const;
const officerA = { role: "approval_officer", region: "420000", user: "po-a" } as const;
const officerB = { role: "approval_officer", region: "420000", user: "po-b" } as const;
const provinceHead = { role: "approval_officer", region: "420000", user: "po-head", head: true } as const;
const wuhanOfficer = { role: "approval_officer", region: "420100", user: "wh-o1" } as const;
const today = () => shanghaiDate(new Date());

type As = Parameters<Api["call"]>[2] extends infer O ? (O extends { as?: infer A } ? A : never) : never;

async function newEnterprise(regionCode = "420102", industryCode = "26") {
  const res = await api.call("POST", "/v1/enterprises", { as: { role: "regulator", region: "420000" }, body: enterpriseBody({ regionCode, industryCode, uscc: uscc(regionCode) }) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id as string, regionCode, as: { role: "enterprise", region: regionCode, enterprise: res.body.id } as const };
}

async function draft(ent: { as: As }, itemCode = "AQ04-01", scope = "特种作业：电工作业（低压电工）") {
  const res = await api.call("POST", "/v1/applications", { as: ent.as, body: { itemCode, scope } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const PDF = Buffer.from("%PDF-1.4\n% test material\n");

async function upload(ent: { as: As }, appId: string, material: string, put = true) {
  const res = await api.call("POST", `/v1/applications/${appId}/attachments`, { as: ent.as, body: { material, fileName: "材料.pdf", contentType: "application/pdf", size: PDF.length } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  if (put) {
    const r = await fetch(res.body.upload.url, { method: "PUT", headers: res.body.upload.headers, body: PDF });
    expect(r.status).toBe(200);
  }
  return res.body;
}

async function submitted(ent: { as: As }, itemCode = "AQ04-01") {
  const app = await draft(ent, itemCode);
  await Promise.all(app.materials.map((m: string) => upload(ent, app.id, m)));
  const res = await api.call("POST", `/v1/applications/${app.id}/submit`, { as: ent.as, body: {} });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function act(as: As, appId: string, action: string, body: Record<string, unknown> = {}) {
  return api.call("POST", `/v1/applications/${appId}/${action}`, { as, body });
}

async function ok(as: As, appId: string, action: string, body: Record<string, unknown> = {}) {
  const res = await act(as, appId, action, body);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

describe.concurrent("applications: an enterprise applies for itself", () => {
  it("creates a draft with the item's materials and limit; only the applicant and officers in the region see it", async () => {
    const ent = await newEnterprise();
    const app = await draft(ent);
    expect(app).toMatchObject({ state: "draft", itemCode: "AQ04-01", enterpriseId: ent.id, limitWorkingDays: 20, version: 1, history: [], dueDate: null });
    expect(app.acceptedOn).toBeUndefined();
    expect(app.materials.length).toBeGreaterThan(0);
    const other = await newEnterprise();
    expect((await api.call("GET", `/v1/applications/${app.id}`, { as: other.as })).status).toBe(404);
    expect((await api.call("GET", `/v1/applications/${app.id}`, { as: wuhanOfficer })).status).toBe(200);
    expect((await api.call("GET", `/v1/applications/${app.id}`, { as: { role: "approval_officer", region: "420300" } })).status).toBe(404);
    expect((await api.call("GET", `/v1/applications/${app.id}`, { as: officerA })).status).toBe(200);
    const mine = await api.call("GET", "/v1/applications", { as: ent.as });
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([app.id]);
  });

  it("Idempotency-Key: a retried create returns the first answer and makes one application", async () => {
    const ent = await newEnterprise();
    const key = `apr-${Date.now()}`;
    const body = { itemCode: "AQ04-01", scope: "电工作业" };
    const [a, b] = await Promise.all([
      api.call("POST", "/v1/applications", { as: ent.as, body, headers: { "idempotency-key": key } }),
      api.call("POST", "/v1/applications", { as: ent.as, body, headers: { "idempotency-key": key } }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect((await api.call("GET", "/v1/applications", { as: ent.as })).body.items).toHaveLength(1);
  });

  it("bad input: unknown item 400 on itemCode, server-owned fields 400, a regulator may not apply (403)", async () => {
    const ent = await newEnterprise();
    const unknown = await api.call("POST", "/v1/applications", { as: ent.as, body: { itemCode: "AQ99-01", scope: "x" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe("itemCode");
    const owned = await api.call("POST", "/v1/applications", { as: ent.as, body: { itemCode: "AQ04-01", scope: "x", state: "approved", enterpriseId: ent.id } });
    expect(owned.status).toBe(400);
    expect(owned.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["enterpriseId", "state"]);
    expect((await api.call("POST", "/v1/applications", { as: { role: "regulator", region: "420000" }, body: { itemCode: "AQ04-01", scope: "x" } })).status).toBe(403);
  });

  it("materials: PDF/JPEG/PNG only, ≤ 10 MB, named from the item's list; submit checks every required material is really uploaded", async () => {
    const ent = await newEnterprise();
    const app = await draft(ent);
    const base = { material: app.materials[0], fileName: "a.pdf", contentType: "application/pdf", size: 100 };
    const type = await api.call("POST", `/v1/applications/${app.id}/attachments`, { as: ent.as, body: { ...base, contentType: "text/plain" } });
    expect(type.status).toBe(400);
    expect(type.body.errors[0].path).toBe("contentType");
    const big = await api.call("POST", `/v1/applications/${app.id}/attachments`, { as: ent.as, body: { ...base, size: 10 * 1024 * 1024 + 1 } });
    expect(big.status).toBe(400);
    expect(big.body.errors[0].path).toBe("size");
    const other = await api.call("POST", `/v1/applications/${app.id}/attachments`, { as: ent.as, body: { ...base, material: "不相干的材料" } });
    expect(other.status).toBe(400);
    expect(other.body.errors[0].path).toBe("material");
    // Declared but never uploaded: the object is not in S3, so it does not count.
    await upload(ent, app.id, app.materials[0], false);
    const early = await api.call("POST", `/v1/applications/${app.id}/submit`, { as: ent.as, body: {} });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("materials_missing");
    expect(early.body.missing).toEqual(app.materials);
    await Promise.all(app.materials.map((m: string) => upload(ent, app.id, m)));
    const done = await api.call("POST", `/v1/applications/${app.id}/submit`, { as: ent.as, body: {} });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ state: "submitted", submittedOn: today() });
    expect(done.body.acceptanceNoticeDue).toBe(addWorkingDays(today(), 5, STATE_COUNCIL_CALENDARS).date);
    expect(done.body.attachments.filter((a: { verified: boolean }) => a.verified)).toHaveLength(app.materials.length);
    const verified = done.body.attachments.find((a: { verified: boolean }) => a.verified);
    const link = await api.call("GET", `/v1/applications/${app.id}/attachments/${verified.id}`, { as: ent.as });
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    expect((await fetch(link.body.download.url)).status).toBe(200);
    const late = await api.call("POST", `/v1/applications/${app.id}/attachments`, { as: ent.as, body: base });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe("attachments_closed");
    const other2 = await newEnterprise();
    expect((await api.call("POST", `/v1/applications/${app.id}/attachments`, { as: other2.as, body: base })).status).toBe(404);
    expect((await api.call("POST", `/v1/applications/${app.id}/submit`, { as: other2.as, body: {} })).status).toBe(404);
  });
});

describe.concurrent("lists carry the statutory clock", () => {
  it("each row shows the same working days used, left, due date and pause as the application itself, so a queue can be ordered by days left", async () => {
    const ent = await newEnterprise();
    const app = await submitted(ent);
    const before = await api.call("GET", "/v1/applications", { as: ent.as });
    expect(before.body.items[0]).toMatchObject({ id: app.id, dueDate: null, workingDaysUsed: null, workingDaysLeft: null, paused: false, overdue: false });
    const accepted = await ok(officerA, app.id, "accept");
    expect(accepted.workingDaysLeft).toBeGreaterThan(0);
    const clock = ({ dueDate, workingDaysUsed, workingDaysLeft, paused, overdue }: Record<string, unknown>) => ({ dueDate, workingDaysUsed, workingDaysLeft, paused, overdue });
    const own = await api.call("GET", "/v1/applications", { as: ent.as });
    expect(clock(own.body.items[0])).toEqual(clock(accepted));
    const queue = await api.call("GET", "/v1/applications?queue=true&regionCode=420100&limit=100", { as: officerA });
    expect(queue.status).toBe(200);
    const row = queue.body.items.find((a: { id: string }) => a.id === app.id);
    expect(clock(row)).toEqual(clock(accepted));
  });
});

describe.concurrent("staged review (行政许可法 arts. 32, 42, 44, 45)", () => {
  it("accept → review-pass → approve (another officer) → issue; clock, history, audit, licence and APPDEC", async () => {
    const ent = await newEnterprise();
    const app = await submitted(ent);
    const accepted = await ok(officerA, app.id, "accept");
    const t = today();
    expect(accepted).toMatchObject({ state: "under_review", acceptedOn: t, acceptanceDeemed: false, workingDaysLeft: expect.any(Number), paused: false, overdue: false });
    // The day of acceptance does not count; the limit ends with the 20th working day after it.
    const due = addWorkingDays(t, DECISION_LIMIT_WORKING_DAYS, STATE_COUNCIL_CALENDARS);
    expect(accepted.dueDate).toBe(due.date);
    expect(accepted.calendarFallbackYears).toEqual(due.fallbackYears);
    expect(accepted.workingDaysUsed + accepted.workingDaysLeft).toBe(20);
    expect(accepted.allowedActions).toEqual(["review-pass", "pause", "extend"]);
    await ok(officerA, app.id, "review-pass");
    const self = await act(officerA, app.id, "approve", { reason: "符合条件" });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe("separation_of_duties");
    const noReason = await act(officerB, app.id, "approve");
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe("reason");
    const approved = await ok(officerB, app.id, "approve", { reason: "经审查符合《特种作业人员安全技术培训考核管理规定》条件" });
    expect(approved).toMatchObject({ state: "approved", decision: "approved", decidedOn: t, deliveryDueDate: deliveryDueDate(t, STATE_COUNCIL_CALENDARS).date });
    const issued = await ok(officerB, app.id, "issue");
    expect(issued.state).toBe("issued");
    expect(issued.licenceNumber).toBe(`HB-AQ04-01-${t.slice(0, 4)}-${app.id.slice(-10)}`);
    expect(issued.history.map((s: { action: string; actorId: string }) => [s.action, s.actorId])).toEqual([
      ["submit", `enterprise-${ent.regionCode}-${ent.id}`],
      ["accept", "po-a"],
      ["review-pass", "po-a"],
      ["approve", "po-b"],
      ["issue", "po-b"],
    ]);
    const read = await api.call("GET", `/v1/applications/${app.id}`, { as: ent.as });
    expect(read.body.history).toEqual(issued.history);
    expect(read.body.workingDaysUsed).toBe(0);
    const audit = await api.call("GET", `/v1/audit?entityId=${app.id}`, { as: provinceAdmin });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual([
      "application.create",
      ...app.materials.map(() => "application.attachment"),
      "application.submit",
      "application.accept",
      "application.review-pass",
      "application.approve",
      "application.issue",
    ]);
    const licence = await api.call("GET", `/v1/licences/${issued.licenceNumber}`);
    expect(licence.status).toBe(200);
    expect(licence.body).toMatchObject({ status: "valid", validFrom: t, itemCode: "AQ04-01", holderName: expect.any(String) });
    const { readMonth } = await import("../../shared/periods.js");
    const decisions = await readMonth("APPDEC", t.slice(0, 7), "420100");
    expect(decisions.find((d) => d.id === app.id)).toMatchObject({ itemCode: "AQ04-01", decision: "approved", decidedOn: t, dueDate: due.date, withinLimit: true });
    const events = await readMonth("LICEVT", t.slice(0, 7), "420100");
    expect(events.find((e) => e.licenceNumber === issued.licenceNumber)).toMatchObject({ event: "issued", itemCode: "AQ04-01" });
  });

  it("illegal actions are a 409 naming the allowed ones", async () => {
    const ent = await newEnterprise();
    const app = await submitted(ent);
    const early = await act(officerA, app.id, "approve", { reason: "x" });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: "illegal_transition", state: "submitted", allowed: ["accept", "notify-missing", "decline"] });
    await ok(officerA, app.id, "accept");
    const approve = await act(officerB, app.id, "approve", { reason: "x" });
    expect(approve.status).toBe(409);
    expect(approve.body.allowed).toEqual(["review-pass", "pause", "extend"]);
    expect(approve.body.detail).toContain("review-pass");
    const resume = await act(officerA, app.id, "resume");
    expect(resume.status).toBe(409);
    expect(resume.body.allowed).toEqual(["review-pass", "pause", "extend"]);
    const again = await act(ent.as, app.id, "submit");
    expect(again.status).toBe(409);
  });

  it("notify-missing: one notice listing every missing material; the applicant re-uploads and resubmits", async () => {
    const ent = await newEnterprise();
    const app = await submitted(ent);
    const empty = await act(officerA, app.id, "notify-missing", { missingMaterials: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe("missingMaterials");
    const named = [app.materials[0], app.materials[2]];
    const notice = await ok(officerA, app.id, "notify-missing", { missingMaterials: named });
    expect(notice).toMatchObject({ state: "missing_materials", missingNotice: { materials: named, on: today() } });
    expect(notice.history.at(-1)).toMatchObject({ action: "notify-missing", missingMaterials: named });
    // Re-uploading only one of the two named materials is not a correction.
    await upload(ent, app.id, named[0]);
    const half = await api.call("POST", `/v1/applications/${app.id}/submit`, { as: ent.as, body: {} });
    expect(half.status).toBe(409);
    expect(half.body.missing).toEqual([named[1]]);
    await upload(ent, app.id, named[1]);
    const again = await api.call("POST", `/v1/applications/${app.id}/submit`, { as: ent.as, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.state).toBe("submitted");
    expect(again.body.history.map((s: { action: string }) => s.action)).toEqual(["submit", "notify-missing", "submit"]);
  });

  it("decline (outside the remit) needs a reason and ends the application", async () => {
    const ent = await newEnterprise();
    const app = await submitted(ent);
    expect((await act(officerA, app.id, "decline")).status).toBe(400);
    const declined = await ok(officerA, app.id, "decline", { reason: "不属于本机关职权范围" });
    expect(declined).toMatchObject({ state: "declined", decision: "declined", decisionReason: "不属于本机关职权范围", allowedActions: [] });
    expect((await act(officerA, app.id, "accept")).body.allowed).toEqual([]);
  });

  it("pause (reason; the clock stops) and resume; refuse needs reasons and another officer", async () => {
    const ent = await newEnterprise();
    const app = await submitted(ent);
    await ok(officerA, app.id, "accept");
    const noReason = await act(officerA, app.id, "pause");
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe("reason");
    const paused = await ok(officerA, app.id, "pause", { reason: "组织专家现场核查" });
    expect(paused).toMatchObject({ state: "paused", paused: true, pauses: [{ from: today(), to: null, reason: "组织专家现场核查" }] });
    const blocked = await act(officerA, app.id, "review-pass");
    expect(blocked.status).toBe(409);
    expect(blocked.body.allowed).toEqual(["resume", "extend"]);
    const resumed = await ok(officerA, app.id, "resume");
    expect(resumed).toMatchObject({ state: "under_review", paused: false, pauses: [{ from: today(), to: today() }] });
    // Paused and resumed the same day: nothing excluded (the pause covers [from, to)).
    expect(resumed.dueDate).toBe(addWorkingDays(today(), 20, STATE_COUNCIL_CALENDARS).date);
    await ok(officerA, app.id, "review-pass");
    expect((await act(officerA, app.id, "refuse", { reason: "x" })).body.code).toBe("separation_of_duties");
    const refused = await ok(officerB, app.id, "refuse", { reason: "现场核查不符合条件" });
    expect(refused).toMatchObject({ state: "refused", decision: "refused", decisionReason: "现场核查不符合条件" });
  });

  it("行政许可法 art. 42: extend once by 10 working days, by the head, with a reason", async () => {
    const ent = await newEnterprise();
    const app = await submitted(ent);
    const accepted = await ok(officerA, app.id, "accept");
    const notHead = await act(officerA, app.id, "extend", { reason: "情况复杂" });
    expect(notHead.status).toBe(403);
    expect(notHead.body.code).toBe("head_required");
    const noReason = await act(provinceHead, app.id, "extend");
    expect(noReason.status).toBe(400);
    const extended = await ok(provinceHead, app.id, "extend", { reason: "需组织专家论证，经负责人批准延长10日" });
    expect(extended).toMatchObject({ state: "under_review", extended: true, extensionDays: EXTENSION_WORKING_DAYS });
    expect(extended.dueDate).toBe(addWorkingDays(accepted.acceptedOn, 20 + EXTENSION_WORKING_DAYS, STATE_COUNCIL_CALENDARS).date);
    expect(extended.workingDaysUsed + extended.workingDaysLeft).toBe(30);
    const twice = await act(provinceHead, app.id, "extend", { reason: "再延" });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("already_extended");
  });

  it("races have one winner: two officers accepting at once → [200, 409]; two approvals → [200, 409]", async () => {
    const ent = await newEnterprise();
    const app = await submitted(ent);
    const accepts = await Promise.all([act(officerA, app.id, "accept"), act(officerB, app.id, "accept")]);
    expect(accepts.map((r) => r.status).sort()).toEqual([200, 409]);
    const read = await api.call("GET", `/v1/applications/${app.id}`, { as: officerA });
    expect(read.body.history.filter((s: { action: string }) => s.action === "accept")).toHaveLength(1);
    await ok(officerA, app.id, "review-pass");
    const decisions = await Promise.all([act(officerB, app.id, "approve", { reason: "合格" }), act(provinceHead, app.id, "refuse", { reason: "不合格" })]);
    expect(decisions.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

describe.concurrent("who may act: the item's authority for the applicant's region", () => {
  it("province items: only province officers; a city or county officer in the region gets 403 no_authority, outside it 404", async () => {
    const ent = await newEnterprise("420102");
    const app = await submitted(ent, "AQ03-01");
    const city = await act(wuhanOfficer, app.id, "accept");
    expect(city.status).toBe(403);
    expect(city.body.code).toBe("no_authority");
    expect((await act({ role: "approval_officer", region: "420102" }, app.id, "accept")).body.code).toBe("no_authority");
    expect((await act({ role: "approval_officer", region: "420300" }, app.id, "accept")).status).toBe(404);
    expect((await act(ent.as, app.id, "accept")).status).toBe(403);
    expect((await act({ role: "regulator", region: "420000" }, app.id, "accept")).status).toBe(403);
    await ok(officerA, app.id, "accept");
  });

  it("city/county items (危险化学品经营许可): the city's and the applicant's county officers, never the province", async () => {
    const ent = await newEnterprise("420102");
    const app = await submitted(ent, "AQ02-90");
    const province = await act(officerA, app.id, "accept");
    expect(province.status).toBe(403);
    expect(province.body.code).toBe("no_authority");
    expect((await act({ role: "approval_officer", region: "420106" }, app.id, "accept")).status).toBe(404);
    const accepted = await ok(wuhanOfficer, app.id, "accept");
    expect(accepted.handledBy).toEqual({ level: "local", regionCode: "420100" });
    await ok({ role: "approval_officer", region: "420102", user: "ja-o1" }, app.id, "review-pass");
    await ok(wuhanOfficer, app.id, "approve", { reason: "符合经营条件" });
  });
});

describe.concurrent("lists in scope", () => {
  it("officers list applications in their region only (403 for another), county by county; pages carry a cursor", async () => {
    const ent = await newEnterprise("420102");
    const app = await draft(ent);
    const ids = async (as: As, q: string) => {
      const res = await api.call("GET", `/v1/applications?${q}`, { as });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((a: { id: string }) => a.id);
    };
    expect(await ids(wuhanOfficer, "regionCode=420102&limit=100")).toContain(app.id);
    expect(await ids({ role: "approval_officer", region: "420102" }, "limit=100")).toContain(app.id);
    expect(await ids({ role: "approval_officer", region: "420106" }, "limit=100")).not.toContain(app.id);
    expect(await ids({ role: "approval_officer", region: "420300" }, "limit=100")).not.toContain(app.id);
    expect((await api.call("GET", "/v1/applications?regionCode=420100", { as: { role: "approval_officer", region: "420300" } })).status).toBe(403);
    expect((await api.call("GET", "/v1/applications?queue=true", { as: { role: "regulator", region: "420000" } })).status).toBe(403);
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await api.call("GET", `/v1/applications?regionCode=420102&limit=5${cursor ? `&cursor=${cursor}` : ""}`, { as: officerA });
      for (const a of res.body.items) {
        expect(seen.has(a.id)).toBe(false);
        seen.add(a.id);
      }
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 100);
    expect(seen.has(app.id)).toBe(true);
    expect((await api.call("GET", "/v1/applications?cursor=%%%", { as: officerA })).status).toBe(400);
  });
});

describe.concurrent("delegation (委托) and its revocation (收回许可权限)", () => {
  // AQ07-03 (非煤矿山建设项目安全设施设计审查) to 宜昌 is used by this test only.
  const yichangOfficer = { role: "approval_officer", region: "420500", user: "yc-o1" } as const;

  it("only a province admin delegates, only delegable items, to a city, from today on", async () => {
    const body = { itemCode: "AQ07-03", cityCode: "420500", startDate: today() };
    expect((await api.call("POST", "/v1/delegations", { as: { role: "admin", region: "420500" }, body })).body.code).toBe("province_admin_required");
    const notDelegable = await api.call("POST", "/v1/delegations", { as: provinceAdmin, body: { ...body, itemCode: "AQ03-01" } });
    expect(notDelegable.status).toBe(400);
    expect(notDelegable.body).toMatchObject({ code: "not_delegable", errors: [{ path: "itemCode" }] });
    expect((await api.call("POST", "/v1/delegations", { as: provinceAdmin, body: { ...body, cityCode: "420506" } })).body.errors[0].path).toBe("cityCode");
    expect((await api.call("POST", "/v1/delegations", { as: provinceAdmin, body: { ...body, startDate: "2020-01-01" } })).body.errors[0].path).toBe("startDate");
  });

  it("a delegation starting tomorrow is not yet in force: the province still acts, the city does not", async () => {
    // AQ07-04 (金属冶炼建设项目安全设施设计审查) to 鄂州 is used by this test only.
    const tomorrow = shanghaiDate(new Date(Date.now() + 86_400_000));
    const d = await api.call("POST", "/v1/delegations", { as: provinceAdmin, body: { itemCode: "AQ07-04", cityCode: "420700", startDate: tomorrow } });
    expect(d.status).toBe(201);
    try {
      const ent = await newEnterprise("420702", "31");
      const app = await submitted(ent, "AQ07-04");
      expect((await act({ role: "approval_officer", region: "420700" }, app.id, "accept")).body.code).toBe("no_authority");
      const accepted = await ok(officerA, app.id, "accept");
      expect(accepted.handledBy).toEqual({ level: "province", regionCode: "420000" });
      const power = await api.call("GET", "/v1/power-list");
      const entry = power.body.items.find((i: { code: string }) => i.code === "AQ07-04");
      expect(entry).toMatchObject({ holderLevels: ["province"], delegatedTo: [expect.objectContaining({ cityCode: "420700", since: tomorrow, inForce: false })] });
    } finally {
      await api.call("POST", `/v1/delegations/${d.body.id}/revoke`, { as: provinceAdmin, body: { reason: "测试结束" } });
    }
  });

  it("delegated: the city acts, the province does not; revoked between two steps: the city gets 403 authority_revoked, the application is back in the province's queue with its history", async () => {
    const ent = await newEnterprise("420506", "10");
    const app = await submitted(ent, "AQ07-03");
    expect((await act(yichangOfficer, app.id, "accept")).body.code).toBe("no_authority");

    const d = await api.call("POST", "/v1/delegations", { as: provinceAdmin, body: { itemCode: "AQ07-03", cityCode: "420500", startDate: today(), reason: "简政放权" } });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const dup = await api.call("POST", "/v1/delegations", { as: provinceAdmin, body: { itemCode: "AQ07-03", cityCode: "420500", startDate: today() } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe("already_delegated");

    const province = await act(officerA, app.id, "accept");
    expect(province.status).toBe(403);
    expect(province.body.code).toBe("delegated_to_city");
    const accepted = await ok(yichangOfficer, app.id, "accept");
    expect(accepted.handledBy).toEqual({ level: "city", regionCode: "420500", delegationId: d.body.id });
    expect(accepted.history.at(-1)).toMatchObject({ action: "accept", actorRegion: "420500", delegationId: d.body.id });
    const cityQueue = await api.call("GET", "/v1/applications?queue=true&limit=100", { as: yichangOfficer });
    expect(cityQueue.body.items.map((a: { id: string }) => a.id)).toContain(app.id);
    const provinceQueue = await api.call("GET", "/v1/applications?queue=true&regionCode=420500&limit=100", { as: officerA });
    expect(provinceQueue.body.items.map((a: { id: string }) => a.id)).not.toContain(app.id);

    const revoked = await api.call("POST", `/v1/delegations/${d.body.id}/revoke`, { as: provinceAdmin, body: { reason: "委托事项收回" } });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: "revoked", revokeReason: "委托事项收回" });
    expect(revoked.body.applicationsReturned).toContain(app.id);

    const late = await act(yichangOfficer, app.id, "review-pass");
    expect(late.status).toBe(403);
    expect(late.body.code).toBe("authority_revoked");
    expect((await act(yichangOfficer, app.id, "pause", { reason: "x" })).body.code).toBe("authority_revoked");
    const back = await api.call("GET", "/v1/applications?queue=true&regionCode=420500&limit=100", { as: officerA });
    expect(back.body.items.map((a: { id: string }) => a.id)).toContain(app.id);
    const cityAfter = await api.call("GET", "/v1/applications?queue=true&limit=100", { as: yichangOfficer });
    expect(cityAfter.body.items.map((a: { id: string }) => a.id)).not.toContain(app.id);

    const passed = await ok(officerA, app.id, "review-pass");
    expect(passed.handledBy).toEqual({ level: "province", regionCode: "420000" });
    expect(passed.history.map((s: { action: string; actorRegion: string }) => [s.action, s.actorRegion])).toEqual([
      ["submit", "420506"],
      ["accept", "420500"],
      ["review-pass", "420000"],
    ]);
    expect(passed.authorityEvents).toEqual([{ event: "authority-returned", at: revoked.body.revokedAt, delegationId: d.body.id, toRegion: "420000" }]);

    expect((await api.call("POST", `/v1/delegations/${d.body.id}/revoke`, { as: provinceAdmin, body: { reason: "again" } })).status).toBe(409);
    const audit = await api.call("GET", `/v1/audit?entityId=${d.body.id}`, { as: provinceAdmin });
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(["delegation.create", "delegation.revoke"]);
    const listed = await api.call("GET", "/v1/delegations?itemCode=AQ07-03&cityCode=420500", { as: officerA });
    expect(listed.body.items[0]).toMatchObject({ id: d.body.id, status: "revoked" });

    // The item can be delegated again later; that is a new delegation.
    const again = await api.call("POST", "/v1/delegations", { as: provinceAdmin, body: { itemCode: "AQ07-03", cityCode: "420500", startDate: today() } });
    expect(again.status).toBe(201);
    expect((await api.call("POST", `/v1/delegations/${again.body.id}/revoke`, { as: provinceAdmin, body: { reason: "测试结束" } })).status).toBe(200);
  });
});

describe.concurrent("the applicant's blacklist warning (functions/credit/public.ts)", () => {
  it("an application shows blacklistWarning while the enterprise is listed, none otherwise", async () => {
    const clean = await newEnterprise();
    expect((await draft(clean)).blacklistWarning).toBeUndefined();
    const listedEnt = await newEnterprise();
    const listing = await api.call("POST", "/v1/blacklist-listings", { as: provinceAdmin, body: { enterpriseId: listedEnt.id, reason: "拒不执行重大隐患整改指令" } });
    expect(listing.status, JSON.stringify(listing.body)).toBe(201);
    const app = await draft(listedEnt);
    expect(app.blacklistWarning).toMatchObject({ id: listing.body.id, from: expect.any(String), until: expect.any(String), reasonCategory: expect.any(String) });
    expect((await api.call("GET", `/v1/applications/${app.id}`, { as: officerA })).body.blacklistWarning.id).toBe(listing.body.id);
  });
});

describe.concurrent("licences", () => {
  /** A safety production licence (烟花爆竹生产, province item) issued through the whole workflow. */
  async function issuedSafetyLicence() {
    const ent = await newEnterprise("420304", "26");
    const app = await submitted(ent, "AQ01-03");
    expect(app.limitWorkingDays).toBe(45); // 安全生产许可证条例 art. 7
    await ok(officerA, app.id, "accept");
    await ok(officerA, app.id, "review-pass");
    await ok(officerB, app.id, "approve", { reason: "符合安全生产条件" });
    const issued = await ok(officerB, app.id, "issue");
    return { ent, app: issued, number: issued.licenceNumber as string };
  }

  it("安全生产许可证条例 art. 9: issued valid for 3 years; public verification shows nothing private", async () => {
    const { ent, number } = await issuedSafetyLicence();
    const t = today();
    const res = await api.call("GET", `/v1/licences/${number}`);
    expect(res.status).toBe(200);
    const { licenceValidTo } = await import("../../functions/approvals/rules.js");
    expect(res.body).toEqual({
      number,
      holderName: expect.any(String),
      holderUscc: expect.stringMatching(/^91420304/),
      itemCode: "AQ01-03",
      itemName: "烟花爆竹生产企业安全生产许可证核发",
      scope: expect.any(String),
      validFrom: t,
      validTo: licenceValidTo(t, 3),
      status: "valid",
      issuedOn: t,
    });
    expect(res.text).not.toContain(ent.id);
    expect((await api.call("GET", "/v1/licences/HB-AQ01-03-1999-0000000001")).status).toBe(404);
    expect((await api.call("GET", "/v1/licences/not-a-number")).status).toBe(400);
  });

  it("holders list their own; officers search in scope; history for holder and officers only", async () => {
    const { ent, number } = await issuedSafetyLicence();
    const own = await api.call("GET", "/v1/licences", { as: ent.as });
    expect(own.body.items.map((l: { number: string }) => l.number)).toEqual([number]);
    const stranger = await newEnterprise();
    expect((await api.call("GET", "/v1/licences", { as: stranger.as })).body.items).toEqual([]);
    expect((await api.call("GET", `/v1/licences/${number}/history`, { as: stranger.as })).status).toBe(404);
    const shiyan = { role: "approval_officer", region: "420300" } as const;
    const found = await api.call("GET", "/v1/licences?itemCode=AQ01-03&status=valid&limit=100", { as: shiyan });
    expect(found.body.items.map((l: { number: string }) => l.number)).toContain(number);
    expect((await api.call("GET", "/v1/licences?regionCode=420300", { as: wuhanOfficer })).status).toBe(403);
    const wuhanList = await api.call("GET", "/v1/licences?limit=100", { as: wuhanOfficer });
    expect(wuhanList.body.items.map((l: { number: string }) => l.number)).not.toContain(number);
    const history = await api.call("GET", `/v1/licences/${number}/history`, { as: ent.as });
    expect(history.body.history.map((e: { event: string }) => e.event)).toEqual(["issued"]);
    expect(history.body.renewalWindowOpensOn).toBeTruthy();
  });

  it("status changes by officers: suspend, restore, revoke, cancel; illegal ones 409 naming the allowed; each a LICEVT record", async () => {
    const { number } = await issuedSafetyLicence();
    const call = (action: string, reason = "执法检查发现重大违法行为", as: As = officerA) => api.call("POST", `/v1/licences/${number}/${action}`, { as, body: { reason } });
    expect((await call("restore")).body).toMatchObject({ code: "illegal_transition", allowed: ["suspend", "revoke", "cancel", "renew"] });
    expect((await call("suspend", "x", wuhanOfficer)).status).toBe(404);
    const suspended = await call("suspend");
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body).toMatchObject({ status: "suspended", suspension: { source: "officer" } });
    expect((await api.call("GET", `/v1/licences/${number}`)).body.status).toBe("suspended");
    expect((await call("restore")).body.status).toBe("valid");
    expect((await call("revoke")).body.status).toBe("revoked");
    expect((await call("restore")).body.allowed).toEqual(["cancel"]);
    const cancelled = await call("cancel", "吊销后注销");
    expect(cancelled.body.status).toBe("cancelled");
    expect(cancelled.body.history.map((e: { event: string }) => e.event)).toEqual(["issued", "suspended", "restored", "revoked", "cancelled"]);
    const { readMonth } = await import("../../shared/periods.js");
    const events = (await readMonth("LICEVT", today().slice(0, 7), "420300")).filter((e) => e.licenceNumber === number);
    expect(events.map((e) => e.event).sort()).toEqual(["cancelled", "issued", "restored", "revoked", "suspended"]);
  });

  it("renewal opens 3 months before expiry: a fresh licence cannot be extended yet (409 naming the window)", async () => {
    const { number } = await issuedSafetyLicence();
    const res = await api.call("POST", `/v1/licences/${number}/renew`, { as: officerA, body: { reason: "延期" } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("renewal_not_allowed");
    expect(res.body.reasons.join(" ")).toMatch(/renewal window/);
  });
});
