// The blacklist (安委办〔2015〕14号) end to end: triggers evaluated by the daily job on records seeded
// through the period-index keys the other contexts write, terms, manual listing and early removal
// over HTTP, the public list revealing only public fields, supervision tasks, scope.
//
// The job is always run with `only` (the enterprises a test created), so it never lists another
// test's enterprises in the shared table.
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { reportKey } from "../../functions/accidents/store.js";
import { type LicenceEventRecord, licenceEventRecord } from "../../functions/approvals/store.js";
import { currentListing } from "../../functions/credit/public.js";
import { type BlacklistSources, evaluateBlacklist, type OverdueHazard, publishBlacklist } from "../../functions/credit/jobs.js";
import { getPolicy, writeBlacklistSnapshot } from "../../functions/credit/store.js";
import { countCommands } from "../support/reads.js";
import { db } from "../../shared/db.js";
import { env } from "../../shared/env.js";
import { newId } from "../../shared/ids.js";
import { periodIndexKeys } from "../../shared/periods.js";
import { addDays, addMonths, shanghaiDate } from "../../shared/time.js";
import { useApi } from "../support/api.js";
import { enterpriseBody } from "../support/data.js";

const api = useApi();

const jianganRegulator = { role: "regulator", region: "420102" } as const;
const wuchangRegulator = { role: "regulator", region: "420106" } as const;
const wuhanRegulator = { role: "regulator", region: "420100" } as const;
const provinceAdmin = { role: "admin", region: "420000" } as const;
const cityAdmin = { role: "admin", region: "420100" } as const;

const DAY = 24 * 60 * 60 * 1000;
const now = () => new Date();
const today = () => shanghaiDate(new Date());
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

interface Ent {
  id: string;
  name: string;
  uscc: string;
  regionCode: string;
}

async function enterprise(): Promise<Ent> {
  const res = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: enterpriseBody() });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function put(item: Record<string, unknown>) {
  await db().send(new PutCommand({ TableName: env.tableName, Item: item }));
}

/**
 * An accident record as the accidents context writes it (the attributes shared/periods.ts promises
 * for ACC), under the store's own key and the period index; without the list keys, so other files'
 * lists never see it.
 */
async function seedAccident(e: Ent, over: Record<string, unknown> = {}): Promise<string> {
  const id = newId();
  const occurredAt = (over.occurredAt as string) ?? daysAgo(20);
  await put({
    ...reportKey(id),
    id,
    enterpriseId: e.id,
    regionCode: e.regionCode,
    occurredAt,
    grade: "general",
    deaths: 0,
    missing: 0,
    seriousInjuries: 0,
    injuries: 0,
    directLossYuan: 0,
    industryCode: "26",
    accidentType: "03",
    roadTraffic: false,
    fire: false,
    status: "closed",
    ...over,
    ...periodIndexKeys("ACC", occurredAt, e.regionCode, id),
  });
  return id;
}

/** A licence status event built by the approvals store (LICEVT). */
async function seedLicenceEvent(e: Ent, event: LicenceEventRecord["event"]): Promise<string> {
  const id = newId();
  await put(
    licenceEventRecord(
      { licenceNumber: `(鄂)WH安许证字[2026]${id.slice(-6)}`, itemCode: "HC-PROD", regionCode: e.regionCode, enterpriseId: e.id, event, at: daysAgo(3), from: event === "restored" ? "suspended" : "valid", to: event === "restored" ? "valid" : "suspended", actorId: "test" },
      id,
    ),
  );
  return id;
}

const noHazards: BlacklistSources = { overdueSupervisedHazards: async () => [] };
const hazardsSource = (list: OverdueHazard[]): BlacklistSources => ({ overdueSupervisedHazards: async () => list });

/** A run for the given enterprises over the last two months (the full 12-month window runs once, above). */
const run = (ents: Ent[], sources: BlacklistSources = noHazards, at: Date = now()) =>
  evaluateBlacklist(at, { sources, only: new Set(ents.map((e) => e.id)), months: 2 });

/** Every USCC of the published list in force, page by page. */
async function allPublic(): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: { uscc: string }[]; nextCursor: string | null } } = await api.call("GET", `/v1/blacklist?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status).toBe(200);
    out.push(...res.body.items.map((i) => i.uscc));
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

async function listingsOf(e: Ent) {
  const res = await api.call("GET", `/v1/blacklist-listings?enterpriseId=${e.id}`, { as: provinceAdmin });
  expect(res.status).toBe(200);
  return res.body.items as { id: string; from: string; until: string; repeat: boolean; reasonCategory: string; triggers: { kind: string; evidence: string[] }[]; removedOn?: string }[];
}

describe("blacklist triggers (daily job, 14号)", () => {
  // One full-window run (the default 12 months) over every scenario; each test reads its own enterprise.
  const s = {} as Record<string, Ent>;
  const ids = {} as Record<string, string>;
  let first: Awaited<ReturnType<typeof run>>;
  const deadline = addDays(today(), -5);
  beforeAll(async () => {
    for (const k of ["major", "minor", "counted", "notYet", "concealed", "ignored", "waiting", "suspended", "restored", "revoked"]) s[k] = await enterprise();
    const e = s as Record<string, Ent>;
    ids.major = await seedAccident(e.major!, { grade: "major", deaths: 10, enterpriseResponsible: true, occurredAt: daysAgo(200) });
    await seedAccident(e.minor!, { grade: "larger", deaths: 4, enterpriseResponsible: true });
    await seedAccident(e.minor!, { grade: "major", deaths: 12, enterpriseResponsible: false });
    await seedAccident(e.minor!, { grade: "especially_major", deaths: 31 }); // still open: responsibility not found yet
    ids.a1 = await seedAccident(e.counted!, { grade: "general", deaths: 2, missing: 2, occurredAt: daysAgo(40), enterpriseResponsible: true });
    ids.a2 = await seedAccident(e.counted!, { grade: "larger", deaths: 6, enterpriseResponsible: true });
    await seedAccident(e.notYet!, { grade: "general", deaths: 2, missing: 2, occurredAt: daysAgo(10), enterpriseResponsible: true });
    await seedAccident(e.notYet!, { grade: "larger", deaths: 6, enterpriseResponsible: true });
    ids.concealed = await seedAccident(e.concealed!, { grade: "general", deaths: 1, concealed: true });
    ids.evt = await seedLicenceEvent(e.suspended!, "suspended");
    await seedLicenceEvent(e.restored!, "restored");
    const v = await api.call("POST", "/v1/violations", {
      as: jianganRegulator,
      body: {
        enterpriseId: e.revoked!.id,
        date: today(),
        act: "非法生产危险化学品",
        legalBasis: "《危险化学品安全管理条例》第七十七条",
        penalty: { kind: "licence_revoked" },
        decisionNumber: `鄂应急罚〔2026〕R${Date.now()}号`,
      },
    });
    expect(v.status).toBe(201);
    ids.violation = v.body.id;
    const sources = hazardsSource([
      { id: "01JHAZ0000000000000000000A", enterpriseId: e.ignored!.id, regionCode: e.ignored!.regionCode, deadline, status: "rectifying" },
      { id: "01JHAZ0000000000000000000B", enterpriseId: e.waiting!.id, regionCode: e.waiting!.regionCode, deadline, status: "review_requested" },
    ]);
    first = await evaluateBlacklist(now(), { sources, only: new Set(Object.values(s).map((x) => x.id)) });
  });

  it("lists exactly the enterprises with a trigger, each once", () => {
    expect(first.listed).toBe(6);
    expect(first.recordsRead).toBeGreaterThan(0);
  });

  it("14号: a responsible 重大 accident lists the enterprise for 1 year from publication, with the accident as evidence", async () => {
    const e = s.major!;
    const [listing] = await listingsOf(e);
    expect(listing).toMatchObject({ from: today(), until: addMonths(today(), 12), repeat: false, reasonCategory: "responsible_accident_grade" });
    expect(listing?.triggers).toEqual([
      { kind: "responsible_accident_grade", evidence: [ids.major], detail: { threshold: "major" } },
      ...(shanghaiDate(daysAgo(200)).slice(0, 4) === today().slice(0, 4)
        ? [{ kind: "annual_deaths", evidence: [ids.major], detail: { year: Number(today().slice(0, 4)), deaths: 10, threshold: 10 } }]
        : []),
    ]);
    expect(await currentListing(e.id, today())).toEqual({ id: listing?.id, reasonCategory: "responsible_accident_grade", from: today(), until: addMonths(today(), 12) });
    expect(await currentListing(e.id, addDays(addMonths(today(), 12), 1))).toBeUndefined();

    // Run twice, same result: the evidence is used, nothing new is listed.
    const again = await evaluateBlacklist(now(), { sources: noHazards, only: new Set([e.id]) });
    expect(again).toMatchObject({ listed: 0, evidenceAlreadyUsed: 1 });
    expect(await listingsOf(e)).toHaveLength(1);
    const audit = await api.call("GET", `/v1/audit?entityId=${listing?.id}`, { as: provinceAdmin });
    expect(audit.body.items).toMatchObject([{ action: "blacklist.list", actorId: "system:credit-blacklist" }]);
  });

  it("14号: a responsible 较大 accident, or a 重大 one without responsibility (or not yet closed), does not list", async () => {
    expect(await listingsOf(s.minor!)).toEqual([]);
  });

  it("14号 ≥ 10 deaths a year; 493号令: missing people count as dead once the 30-day window has passed", async () => {
    const [listing] = await listingsOf(s.counted!);
    expect(listing?.triggers).toEqual([
      { kind: "annual_deaths", evidence: expect.arrayContaining([ids.a1, ids.a2]), detail: expect.objectContaining({ deaths: 10, threshold: 10 }) },
    ]);
    // Same accidents, but the missing are within 30 days: 8 deaths, not listed.
    expect(await listingsOf(s.notYet!)).toEqual([]);
  });

  it("14号: a confirmed concealed (瞒报) accident lists the enterprise", async () => {
    const [listing] = await listingsOf(s.concealed!);
    expect(listing).toMatchObject({ reasonCategory: "concealed_accident", triggers: [{ kind: "concealed_accident", evidence: [ids.concealed] }] });
  });

  it("14号: a listed major hazard past its supervision deadline without write-off lists; one waiting for review does not", async () => {
    expect((await listingsOf(s.ignored!))[0]).toMatchObject({
      reasonCategory: "ignored_major_hazard_order",
      triggers: [{ kind: "ignored_major_hazard_order", evidence: ["01JHAZ0000000000000000000A"] }],
    });
    expect(await listingsOf(s.waiting!)).toEqual([]);
  });

  it("14号: a suspended licence (LICEVT) or a licence-revocation penalty (VIOL) lists; a restored licence does not", async () => {
    expect((await listingsOf(s.suspended!))[0]?.triggers).toEqual([{ kind: "licence_suspended_or_revoked", evidence: [ids.evt] }]);
    expect((await listingsOf(s.revoked!))[0]?.triggers).toEqual([{ kind: "licence_suspended_or_revoked", evidence: [ids.violation] }]);
    expect(await listingsOf(s.restored!)).toEqual([]);
  });

  it("the policy is configuration: a province may lower the thresholds to 较大 and 3 deaths (14号), within bounds", async () => {
    const before = await api.call("GET", "/v1/credit-policy", { as: provinceAdmin });
    expect(before.status).toBe(200);
    const etag = before.headers.get("etag") as string;
    const { version: _v, updatedAt: _u, updatedBy: _b, ...policy } = before.body;
    const e = await enterprise();
    const acc = await seedAccident(e, { grade: "larger", deaths: 3, enterpriseResponsible: true });
    expect((await run([e])).listed).toBe(0);

    expect((await api.call("PUT", "/v1/credit-policy", { as: provinceAdmin, body: { ...policy, annualDeathsThreshold: 2 }, headers: { "if-match": etag } })).body.errors[0].path).toBe("annualDeathsThreshold");
    expect((await api.call("PUT", "/v1/credit-policy", { as: provinceAdmin, body: policy })).status).toBe(428);
    expect((await api.call("PUT", "/v1/credit-policy", { as: cityAdmin, body: policy, headers: { "if-match": etag } })).status).toBe(403);
    expect((await api.call("PUT", "/v1/credit-policy", { as: jianganRegulator, body: policy, headers: { "if-match": etag } })).status).toBe(403);

    const lowered = await api.call("PUT", "/v1/credit-policy", {
      as: provinceAdmin,
      body: { ...policy, accidentGradeThreshold: "larger", annualDeathsThreshold: 3 },
      headers: { "if-match": etag },
    });
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(200);
    try {
      const stale = await api.call("PUT", "/v1/credit-policy", { as: provinceAdmin, body: policy, headers: { "if-match": etag } });
      expect(stale.status).toBe(409);
      await run([e]);
      expect((await listingsOf(e))[0]?.triggers.map((t) => [t.kind, t.evidence])).toEqual([
        ["responsible_accident_grade", [acc]],
        ["annual_deaths", [acc]],
      ]);
    } finally {
      const restore = await api.call("PUT", "/v1/credit-policy", { as: provinceAdmin, body: policy, headers: { "if-match": lowered.headers.get("etag") as string } });
      expect(restore.status).toBe(200);
    }
  });
});

describe("terms, manual listing and early removal (province admin with a reason)", () => {
  it("manual listing: province admin with a reason → 201; city admin 403; regulator 403; no reason 400; listed twice 409", async () => {
    const e = await enterprise();
    const body = { enterpriseId: e.id, reason: "伪造安全检测报告，情节严重", evidence: ["DOC-2026-001"] };
    expect((await api.call("POST", "/v1/blacklist-listings", { as: cityAdmin, body })).body.code).toBe("not_province_admin");
    expect((await api.call("POST", "/v1/blacklist-listings", { as: jianganRegulator, body })).status).toBe(403);
    const noReason = await api.call("POST", "/v1/blacklist-listings", { as: provinceAdmin, body: { enterpriseId: e.id, reason: "  " } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe("reason");
    const ok = await api.call("POST", "/v1/blacklist-listings", { as: provinceAdmin, body });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      source: "manual",
      reasonCategory: "manual",
      from: today(),
      until: addMonths(today(), 12),
      triggers: [{ kind: "manual", evidence: ["DOC-2026-001"], reason: "伪造安全检测报告，情节严重" }],
    });
    const twice = await api.call("POST", "/v1/blacklist-listings", { as: provinceAdmin, body });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe("already_listed");
    const audit = await api.call("GET", `/v1/audit?entityId=${ok.body.id}`, { as: provinceAdmin });
    expect(audit.body.items[0]).toMatchObject({ action: "blacklist.list", reason: "伪造安全检测报告，情节严重", actorRole: "admin" });
  });

  it("two concurrent listings of one enterprise: exactly one wins", async () => {
    const e = await enterprise();
    const replies = await Promise.all([1, 2].map((n) => api.call("POST", "/v1/blacklist-listings", { as: provinceAdmin, body: { enterpriseId: e.id, reason: `理由${n}` } })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await listingsOf(e)).toHaveLength(1);
  });

  it("early removal: only a province admin with a reason, only while listed; the removed listing's evidence does not list again; a new record lists for 3 years (repeat)", async () => {
    const e = await enterprise();
    await seedAccident(e, { grade: "major", deaths: 11, enterpriseResponsible: true });
    await run([e]);
    const [listing] = await listingsOf(e);
    const path = `/v1/blacklist-listings/${listing?.id}/remove`;
    expect((await api.call("POST", path, { as: cityAdmin, body: { reason: "整改到位" } })).status).toBe(403);
    expect((await api.call("POST", path, { as: provinceAdmin, body: {} })).body.errors[0].path).toBe("reason");
    const [a, b] = await Promise.all([
      api.call("POST", path, { as: provinceAdmin, body: { reason: "整改到位，经复核提前移出" } }),
      api.call("POST", path, { as: provinceAdmin, body: { reason: "整改到位，经复核提前移出" } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const removed = a.status === 200 ? a : b;
    expect(removed.body).toMatchObject({ removedOn: today(), removalReason: "整改到位，经复核提前移出" });
    const again = await api.call("POST", path, { as: provinceAdmin, body: { reason: "再次" } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("not_listed");
    expect(await currentListing(e.id, today())).toBeUndefined();

    // The next publication (the daily job) no longer shows it.
    expect((await run([e])).listed).toBe(0);
    expect(await allPublic()).not.toContain(e.uscc);
    expect(await listingsOf(e)).toHaveLength(1);

    const next = await seedAccident(e, { grade: "major", deaths: 10, enterpriseResponsible: true });
    await run([e]);
    const listings = await listingsOf(e);
    expect(listings).toHaveLength(2);
    expect(listings[0]).toMatchObject({ repeat: true, from: today(), until: addMonths(today(), 36), triggers: [{ kind: "responsible_accident_grade", evidence: [next] }, { kind: "annual_deaths", evidence: expect.arrayContaining([next]) }] });
  });
});

describe("GET /v1/blacklist (public)", () => {
  it("shows name, USCC, reason category and term only — no ids, evidence or private fields; ?quarter= gives that quarter's publication", async () => {
    const e = await enterprise();
    const acc = await seedAccident(e, { grade: "general", concealed: true });
    await run([e]);
    const res = await api.call("GET", "/v1/blacklist?limit=100");
    expect(res.status).toBe(200);
    const entry = res.body.items.find((i: { uscc: string }) => i.uscc === e.uscc);
    expect(entry).toEqual({
      name: e.name,
      uscc: e.uscc,
      reasonCategory: "concealed_accident",
      reason: "瞒报、谎报、迟报生产安全事故或破坏事故现场、毁灭有关证据",
      listedFrom: today(),
      listedUntil: addMonths(today(), 12),
    });
    expect(res.text).not.toContain(e.id);
    expect(res.text).not.toContain(acc);

    const y = Number(today().slice(0, 4));
    const q = Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1;
    const thisQuarter = await api.call("GET", `/v1/blacklist?quarter=${y}Q${q}`);
    expect(thisQuarter.body.quarter).toBe(`${y}Q${q}`);
    expect(thisQuarter.body.items.map((i: { uscc: string }) => i.uscc)).toContain(e.uscc);
    const earlier = await api.call("GET", `/v1/blacklist?quarter=${q === 1 ? y - 1 : y}Q${q === 1 ? 4 : q - 1}`);
    expect(earlier.body.items.map((i: { uscc: string }) => i.uscc)).not.toContain(e.uscc);
    const bad = await api.call("GET", "/v1/blacklist?quarter=2026Q5");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("quarter");
  });

  it("the full listing with evidence is for supervisors in scope only", async () => {
    const e = await enterprise();
    await seedAccident(e, { grade: "general", concealed: true });
    await run([e]);
    const [listing] = await listingsOf(e);
    expect((await api.call("GET", `/v1/blacklist-listings/${listing?.id}`, { as: wuhanRegulator })).status).toBe(200);
    expect((await api.call("GET", `/v1/blacklist-listings/${listing?.id}`, { as: wuchangRegulator })).status).toBe(404);
    expect((await api.call("GET", `/v1/blacklist-listings/${listing?.id}`, { as: { role: "enterprise", region: "420102", enterprise: e.id } })).status).toBe(403);
    const region = await api.call("GET", "/v1/blacklist-listings?regionCode=420102&limit=100", { as: jianganRegulator });
    expect(region.body.items.map((l: { id: string }) => l.id)).toContain(listing?.id);
    expect((await api.call("GET", "/v1/blacklist-listings?regionCode=420102", { as: wuchangRegulator })).status).toBe(403);
  });
});

describe("supervision tasks (14号: inspection every 6 months, yearly interview)", () => {
  it("a listing opens its first inspection and interview at once, the next inspection 6 months on; regulators in scope see them", async () => {
    const e = await enterprise();
    await seedAccident(e, { grade: "general", concealed: true });
    const r = await run([e]);
    expect(r.tasksOpened).toBe(2);
    const tasks = await api.call("GET", `/v1/inspection-tasks?enterpriseId=${e.id}`, { as: jianganRegulator });
    expect(tasks.status).toBe(200);
    expect(tasks.body.items.map((t: { kind: string; sequence: number; opensOn: string; dueOn: string; status: string }) => [t.kind, t.sequence, t.opensOn, t.dueOn, t.status]).sort()).toEqual([
      ["inspection", 1, today(), addMonths(today(), 6), "open"],
      ["interview", 1, today(), addMonths(today(), 12), "open"],
    ]);
    expect((await run([e])).tasksOpened).toBe(0);
    // Six months on (and the listing still in force), the second inspection opens.
    const later = await run([e], noHazards, new Date(Date.now() + 183 * DAY));
    expect(later.tasksOpened).toBe(1);

    const inRegion = await api.call("GET", "/v1/inspection-tasks?regionCode=420102&kind=inspection&limit=100", { as: jianganRegulator });
    expect(inRegion.body.items.filter((t: { enterpriseId: string }) => t.enterpriseId === e.id)).toHaveLength(2);
    const other = await api.call("GET", "/v1/inspection-tasks?regionCode=420106&limit=100", { as: wuchangRegulator });
    expect(other.body.items.filter((t: { enterpriseId: string }) => t.enterpriseId === e.id)).toHaveLength(0);
    expect((await api.call("GET", `/v1/inspection-tasks?enterpriseId=${e.id}`, { as: wuchangRegulator })).status).toBe(403);
    expect((await api.call("GET", "/v1/inspection-tasks?regionCode=420102", { as: wuchangRegulator })).status).toBe(403);

    const task = tasks.body.items.find((t: { kind: string }) => t.kind === "inspection");
    expect((await api.call("POST", `/v1/inspection-tasks/${task.id}/complete`, { as: wuchangRegulator, body: { note: "x" } })).status).toBe(404);
    const done = await api.call("POST", `/v1/inspection-tasks/${task.id}/complete`, { as: jianganRegulator, body: { note: "现场检查，未发现新的违法行为" } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: "done", doneOn: today() });
    const twice = await api.call("POST", `/v1/inspection-tasks/${task.id}/complete`, { as: jianganRegulator, body: { note: "again" } });
    expect(twice.status).toBe(409);
  });
});

describe("GET /v1/blacklist pages the published list in force", () => {
  it("limit and cursor walk the list once, every entry exactly once, in publication order", async () => {
    const ents = [await enterprise(), await enterprise(), await enterprise()];
    for (const e of ents) {
      const res = await api.call("POST", "/v1/blacklist-listings", { as: provinceAdmin, body: { enterpriseId: e.id, reason: "拒不执行重大隐患整改指令" } });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const total = await publishBlacklist(today(), await getPolicy());
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { total: number; asOf: string; items: { uscc: string }[]; nextCursor: string | null } } = await api.call("GET", `/v1/blacklist?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      expect(res.body).toMatchObject({ total, asOf: today() });
      seen.push(...res.body.items.map((i) => i.uscc));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 2));
    // Newest listing first: the three just made lead the list.
    expect(seen.slice(0, 3).sort()).toEqual(ents.map((e) => e.uscc).sort());
    expect((await api.call("GET", "/v1/blacklist?limit=101")).status).toBe(400);
    expect((await api.call("GET", "/v1/blacklist?cursor=bm90LWpzb24")).status).toBe(400);
  });

  it("1,002 listings: a page is at most 100 entries and two DynamoDB reads, whatever the list's length", async () => {
    const entries = Array.from({ length: 1002 }, (_, i) => ({
      name: `示例企业${i}有限公司`,
      uscc: `91420102MA4K${String(i).padStart(5, "0")}X`,
      reasonCategory: "concealed_accident" as const,
      reason: "瞒报、谎报、迟报生产安全事故或破坏事故现场、毁灭有关证据",
      listedFrom: today(),
      listedUntil: addMonths(today(), 12),
    }));
    try {
      await writeBlacklistSnapshot(entries, today());
      const { result: first, commands } = await countCommands(() => api.call("GET", "/v1/blacklist?limit=100&cursor=" + Buffer.from(JSON.stringify({ o: 50 })).toString("base64url")));
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(100);
      expect(first.body.items[0].uscc).toBe(entries[50]?.uscc);
      // The pointer and the (here two) snapshot pages in one Query.
      expect(commands).toEqual(["GetItemCommand", "QueryCommand"]);
      expect(first.text.length).toBeLessThan(25_000);
      const unpaged = await api.call("GET", "/v1/blacklist");
      expect(unpaged.body.items).toHaveLength(20);
      let cursor: string | null = null;
      let count = 0;
      do {
        const res: { body: { items: unknown[]; nextCursor: string | null } } = await api.call("GET", `/v1/blacklist?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
        count += res.body.items.length;
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(count).toBe(1002);
    } finally {
      await publishBlacklist(today(), await getPolicy());
    }
  });
});
