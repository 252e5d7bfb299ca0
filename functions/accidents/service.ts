// Accident reports as records: how a request turns into the next state of a report, and how a stored
// report is shown at a given instant. Pure (no I/O, no clock): the handler reads, calls these, writes.
// Statutory numbers and decisions come from rules.ts; this module only assembles them.
import { diff } from "../../shared/audit.js";
import { DIRECT_ADMINISTERED_CODES, cityOf, sectionOf } from "../../shared/codes/index.js";
import type { EnterpriseRecord } from "../../shared/enterprises.js";
import { ApiError, conflict, forbidden, illegalTransition, invalidField, type Text } from "../../shared/errors.js";
import { type Actor, coversRegion, levelOf } from "../../shared/policy.js";
import { isInFuture, isoUtc, toInstant } from "../../shared/time.js";
import {
  buildChain,
  canClose,
  changedCasualties,
  checkReportTimes,
  decideDecrease,
  departmentHandoverDueAt,
  extendChain,
  type ForwardError,
  gradeAccident,
  type InjuredPerson,
  injuryClass,
  injuryCounts,
  investigatingLevel,
  isFollowUpMissed,
  isForwardOverdue,
  followUpDueAt,
  lateness,
  LEVEL_NAME_ZH,
  levelRegion,
  loweredFigures,
  pendingLevel,
  pendingStep,
  recordForward,
  type ReportLevel,
  type ReporterRole,
  statisticalDeaths,
  supplementWindowClosesAt,
  supplementWindowOpen,
  unitReportDueAt,
  unreportedByUnit,
} from "./rules.js";
import type { AccidentRecord, AccidentView, CreateAccident, ReportVersion, UpdateAccident } from "./schemas.js";

type ActorRef = AccidentRecord["reportedBy"];

const ref = (a: Actor): ActorRef => ({ userId: a.userId, role: a.role, regionCode: a.regionCode });

export function reporterRoleOf(actor: Actor): ReporterRole {
  if (actor.role === "enterprise") return "enterprise";
  if (actor.role === "industry_department") return "department";
  return "regulator";
}

const flagsOf = (r: Pick<AccidentRecord, "roadTraffic" | "fire">) => ({ roadTraffic: r.roadTraffic, fire: r.fire });

function counts(r: Pick<AccidentRecord, "deaths" | "missing" | "seriousInjuries" | "injuries" | "directLossYuan">) {
  return { deaths: r.deaths, missing: r.missing, seriousInjuries: r.seriousInjuries, injuries: r.injuries, directLossYuan: r.directLossYuan };
}

const TIME_TEXT: Record<"future" | "before_occurred", Text> = {
  future: { zh: "时间不能晚于当前时间", en: "must not be in the future" },
  before_occurred: { zh: "获知时间不能早于事故发生时间", en: "must not be before occurredAt" },
};

/**
 * Injured people given one by one fix the injury counts (2016 统计管理办法, rules.injuryCounts): counts
 * sent beside them must agree. Returns the list with each person's class, and the counts.
 */
function injuredOf(people: readonly InjuredPerson[], sent: { seriousInjuries?: number; injuries?: number }) {
  const derived = injuryCounts(people);
  for (const field of ["seriousInjuries", "injuries"] as const) {
    const value = sent[field];
    if (value !== undefined && value !== derived[field]) {
      throw invalidField(
        field,
        { zh: `按所列伤员的损失工作日应为 ${derived[field]}`, en: `must be ${derived[field]}, as the injured people's lost work days give` },
        "injury_counts_mismatch",
      );
    }
  }
  const injured = people.map((p) => ({ ...p, injuryClass: p.acutePoisoning ? ("serious" as const) : injuryClass(p.lostWorkDays) }));
  return { injured, ...derived };
}

/**
 * An industry department's report carries its own deadline: it must pass the information to the county
 * work-safety department within 24 hours of learning of it (2016 统计管理办法); filing here is that
 * hand-over. Only departments state when they learned of it.
 */
function departmentHandover(body: CreateAccident, reporterRole: ReporterRole, occurredAt: string, receivedAt: string, now: Date): AccidentRecord["departmentHandover"] {
  const knownAt = body.departmentKnownAt;
  if (reporterRole !== "department") {
    if (knownAt !== undefined) throw invalidField("departmentKnownAt", { zh: "仅由行业主管部门报告时填写", en: "only an industry department's report states this" });
    return undefined;
  }
  if (knownAt === undefined) {
    throw invalidField("departmentKnownAt", { zh: "行业主管部门须填写获知事故的时间（24小时内移交）", en: "an industry department states when it learned of the accident (24-hour hand-over)" });
  }
  if (isInFuture(knownAt, now)) throw invalidField("departmentKnownAt", TIME_TEXT.future);
  if (toInstant(knownAt).getTime() < toInstant(occurredAt).getTime()) {
    throw invalidField("departmentKnownAt", { zh: "获知时间不能早于事故发生时间", en: "must not be before occurredAt" });
  }
  const dueAt = departmentHandoverDueAt(knownAt);
  return { knownAt: isoUtc(knownAt), dueAt, ...lateness(dueAt, receivedAt) };
}

/** Actions a caller may still take on an open report (for 409 answers). */
function openActions(r: AccidentRecord): string[] {
  return [...(pendingLevel(r.chain) === null ? [] : ["forward"]), "updates", "close", ...(r.concealed ? [] : ["confirm-concealment"])];
}

function refuseIfClosed(r: AccidentRecord, action: string): void {
  // 493号令 art.19 ff.: a closed report is the investigation's final record; it is read-only.
  if (r.status === "closed") throw illegalTransition(action, "closed", []);
}

// ---------- initial report ----------

export interface NewReportInput {
  id: string;
  body: CreateAccident;
  actor: Actor;
  /** The registered enterprise named by enterpriseId (the caller looked it up). */
  enterprise?: EnterpriseRecord;
  now: Date;
}

export function newReport({ id, body, actor, enterprise, now }: NewReportInput): { record: AccidentRecord; version: ReportVersion } {
  const problems = checkReportTimes(body.occurredAt, body.knownAt, now);
  const first = problems[0];
  if (first) throw invalidField(first.field, TIME_TEXT[first.problem]);
  const receivedAt = now.toISOString();
  const occurredAt = isoUtc(body.occurredAt);
  const knownAt = isoUtc(body.knownAt ?? body.occurredAt);
  const people = body.injured === undefined ? undefined : injuredOf(body.injured, body);
  const c = counts(body);
  const { grade, gradeBasis } = gradeAccident(c);
  const reportDueAt = unitReportDueAt(knownAt);
  const late = lateness(reportDueAt, receivedAt);
  const reporterRole = reporterRoleOf(actor);
  const handover = departmentHandover(body, reporterRole, occurredAt, receivedAt, now);
  const directAdministered = DIRECT_ADMINISTERED_CODES.includes(body.regionCode);
  const chain = buildChain(grade, receivedAt, {
    unitDueAt: reportDueAt,
    reportedBy: actor.userId,
    directAdministered,
    // levelOf: a 直管 unit's regulator is city-level, like the cities (shared/policy.ts).
    ...(reporterRole === "regulator" ? { reporterLevel: levelOf(actor) } : {}),
  });
  const unitReportedAt = reporterRole === "enterprise" ? receivedAt : undefined;
  const unit = enterprise
    ? { name: enterprise.name, uscc: enterprise.uscc, address: String(enterprise.address ?? "") }
    : (body.unit as NonNullable<CreateAccident["unit"]>);
  const record: AccidentRecord = {
    id,
    regionCode: body.regionCode,
    cityCode: cityOf(body.regionCode) ?? body.regionCode,
    ...(enterprise ? { enterpriseId: enterprise.id, homeRegionCode: enterprise.regionCode } : {}),
    unit,
    industryCode: body.industryCode,
    industrySection: sectionOf(body.industryCode) ?? body.industryCode,
    accidentType: body.accidentType,
    occurredAt,
    knownAt,
    summary: body.summary,
    scene: body.scene,
    ...(body.measuresTaken === undefined ? {} : { measuresTaken: body.measuresTaken }),
    ...(people ? { injured: people.injured } : {}),
    ...c,
    roadTraffic: body.roadTraffic,
    fire: body.fire,
    grade,
    gradeBasis,
    statisticalDeaths: statisticalDeaths({ deaths: c.deaths, missing: c.missing, occurredAt, flags: flagsOf(body), now }),
    receivedAt,
    reportDueAt,
    reportedLate: late.late,
    minutesLate: late.minutesLate,
    reporterRole,
    reportedBy: ref(actor),
    regulatorBacked: reporterRole !== "enterprise",
    ...(unitReportedAt ? { unitReportedAt } : {}),
    unreportedByUnit: unreportedByUnit({ reporterRole, enterpriseReportedAt: unitReportedAt, dueAt: reportDueAt }),
    ...(handover ? { departmentHandover: handover } : {}),
    directAdministered,
    chain,
    status: "open",
    reportVersion: 1,
    lastReportAt: receivedAt,
    missedFollowUps: 0,
    version: 1,
    createdAt: receivedAt,
    createdBy: actor.userId,
    updatedAt: receivedAt,
  };
  const version: ReportVersion = { n: 1, kind: "initial", at: receivedAt, by: ref(actor), changes: {}, grade, ...c };
  return { record, version };
}

// ---------- updates (续报 / 补报) ----------

const NARRATIVE = ["summary", "scene", "measuresTaken"] as const;

/** Reports recorded before `regulatorBacked` existed: backed when a regulator or department filed them. */
const isRegulatorBacked = (r: AccidentRecord) => r.regulatorBacked ?? r.reporterRole !== "enterprise";

/** A lowering of guarded figures: only a regulator of the accident's chain, its note saying why (rules.decideDecrease). */
function checkDecrease(r: AccidentRecord, body: UpdateAccident, actor: Actor): void {
  const lowered = loweredFigures(r, body);
  const chainRegulator = actor.role === "regulator" && coversRegion(actor, r.regionCode);
  if (decideDecrease({ lowered, regulatorBacked: isRegulatorBacked(r), chainRegulator }) === "refused") {
    throw new ApiError(
      403,
      "casualty_decrease_refused",
      {
        zh: `监管部门报送或确认的事故报告，其数字（${lowered.join("、")}）只能由事故发生地及其上级监管部门说明理由后核减（493号令第十二条、第三十六条）`,
        en: `figures (${lowered.join(", ")}) of a report a regulator filed or confirmed go down only by a regulator of the accident's chain, with a reason (Order 493 arts. 12, 36)`,
      },
      { fields: lowered },
    );
  }
}

export function applyUpdate(r: AccidentRecord, body: UpdateAccident, actor: Actor, now: Date): { record: AccidentRecord; version: ReportVersion } {
  refuseIfClosed(r, "updates");
  const people = body.injured === undefined ? undefined : injuredOf(body.injured, body);
  if (people) body = { ...body, seriousInjuries: people.seriousInjuries, injuries: people.injuries };
  checkDecrease(r, body, actor);
  const changed = changedCasualties(r, body);
  if (changed.length > 0 && !supplementWindowOpen(r.occurredAt, now, flagsOf(r))) {
    const closesAt = supplementWindowClosesAt(r.occurredAt, flagsOf(r));
    throw conflict(
      "supplement_window_closed",
      {
        zh: `伤亡人数的补报期限已于 ${closesAt} 届满（事故发生之日起${r.roadTraffic || r.fire ? "7" : "30"}日内），不能再变更：${changed.join("、")}`,
        en: `casualty changes (${changed.join(", ")}) are no longer accepted: the 补报 window closed at ${closesAt} (${r.roadTraffic || r.fire ? 7 : 30} days from the accident)`,
      },
      { closesAt, fields: changed },
    );
  }
  const at = now.toISOString();
  const before = { ...counts(r), ...Object.fromEntries(NARRATIVE.map((f) => [f, r[f]])) };
  const nextCounts = {
    deaths: body.deaths ?? r.deaths,
    missing: body.missing ?? r.missing,
    seriousInjuries: body.seriousInjuries ?? r.seriousInjuries,
    injuries: body.injuries ?? r.injuries,
    directLossYuan: body.directLossYuan ?? r.directLossYuan,
  };
  const narrative = {
    summary: body.summary ?? r.summary,
    scene: body.scene ?? r.scene,
    ...(body.measuresTaken ?? r.measuresTaken ? { measuresTaken: body.measuresTaken ?? r.measuresTaken } : {}),
  };
  const { grade, gradeBasis } = gradeAccident(nextCounts);
  // A rise of the ceiling extends the chain at once; a fall never shortens it (rules.extendChain).
  const chain = extendChain(r.chain, grade, at);
  const followUpLate = isFollowUpMissed(r.grade, r.lastReportAt, now);
  const unitReportedAt = r.unitReportedAt ?? (actor.role === "enterprise" ? at : undefined);
  const changes = diff(before, { ...nextCounts, ...narrative });
  if (grade !== r.grade) changes.grade = { from: r.grade, to: grade };
  const n = r.reportVersion + 1;
  const record: AccidentRecord = {
    ...r,
    ...nextCounts,
    ...narrative,
    ...(people ? { injured: people.injured } : {}),
    grade,
    gradeBasis,
    chain,
    statisticalDeaths: statisticalDeaths({ deaths: nextCounts.deaths, missing: nextCounts.missing, occurredAt: r.occurredAt, flags: flagsOf(r), now }),
    ...(unitReportedAt ? { unitReportedAt } : {}),
    regulatorBacked: isRegulatorBacked(r) || actor.role !== "enterprise",
    unreportedByUnit: unreportedByUnit({ reporterRole: r.reporterRole, enterpriseReportedAt: unitReportedAt, dueAt: r.reportDueAt }),
    reportVersion: n,
    lastReportAt: at,
    missedFollowUps: r.missedFollowUps + (followUpLate ? 1 : 0),
    version: r.version + 1,
    updatedAt: at,
  };
  const version: ReportVersion = {
    n,
    kind: "update",
    at,
    by: ref(actor),
    note: body.note,
    changes,
    grade,
    ...nextCounts,
    ...(followUpLate ? { followUpLate: true } : {}),
  };
  return { record, version };
}

// ---------- forward (493号令 art.10, art.11) ----------

function forwardError(error: ForwardError, r: AccidentRecord): ApiError {
  switch (error) {
    case "skip_reason_required":
      return invalidField("reason", { zh: "越级上报须说明理由", en: "skipping a level needs a reason" }, "skip_reason_required");
    case "beyond_ceiling": {
      const top = r.chain[r.chain.length - 1]?.level ?? "city";
      return conflict(
        "beyond_ceiling",
        { zh: `该等级事故只需报至${LEVEL_NAME_ZH[top]}`, en: `a report of this grade goes up to the ${top} level only` },
        { ceiling: top },
      );
    }
    case "not_upward":
      return conflict("not_upward", { zh: "只能向上级报告", en: "a report can only be forwarded upwards" }, { holderLevel: pendingLevel(r.chain) });
    default:
      return illegalTransition("forward", "escalated", openActions(r).filter((a) => a !== "forward"));
  }
}

export function applyForward(
  r: AccidentRecord,
  body: { toLevel?: ReportLevel; reason?: string },
  actor: Actor,
  now: Date,
): { record: AccidentRecord; fromLevel: ReportLevel; toLevel: ReportLevel; skipped: ReportLevel[] } {
  refuseIfClosed(r, "forward");
  const holder = pendingLevel(r.chain);
  const next = pendingStep(r.chain);
  if (holder === null || next === null) throw forwardError("chain_complete", r);
  const holderRegion = levelRegion(holder, r.regionCode);
  if (actor.regionCode !== holderRegion) {
    throw conflict(
      "not_holder",
      {
        zh: `该报告现由${LEVEL_NAME_ZH[holder]}（${holderRegion}）持有，只有其可以上报`,
        en: `the report is held at the ${holder} level (${holderRegion}); only that level may forward it`,
      },
      { holderLevel: holder, holderRegion },
    );
  }
  const toLevel = body.toLevel ?? next.level;
  const result = recordForward(r.chain, { fromLevel: holder, toLevel, at: now, by: actor.userId, reason: body.reason });
  if (!result.ok) throw forwardError(result.error, r);
  const skipped = result.chain.filter((s) => s.skipped && !r.chain.find((o) => o.level === s.level)?.skipped).map((s) => s.level);
  const at = now.toISOString();
  return { record: { ...r, chain: result.chain, regulatorBacked: true, version: r.version + 1, updatedAt: at }, fromLevel: holder, toLevel, skipped };
}

// ---------- closure and concealment ----------

function requireInvestigatingLevel(r: AccidentRecord, actor: Actor, action: string): ReportLevel {
  const level = levelOf(actor);
  if (!canClose(level, r.grade)) {
    const needed = investigatingLevel(r.grade);
    throw forbidden("below_investigating_level", {
      zh: `${action}须由${LEVEL_NAME_ZH[needed]}或以上监管部门办理（事故调查级别）`,
      en: `${action} needs a regulator at the ${needed} level or above (the investigating level)`,
    });
  }
  return level;
}

export function checkCanClose(r: AccidentRecord, actor: Actor): ReportLevel {
  refuseIfClosed(r, "close");
  return requireInvestigatingLevel(r, actor, "close");
}

export function applyClose(
  r: AccidentRecord,
  body: { cause: string; enterpriseResponsible: boolean; handling: string },
  attachment: NonNullable<AccidentRecord["closure"]>["investigationReport"],
  actor: Actor,
  now: Date,
): AccidentRecord {
  const level = checkCanClose(r, actor);
  const at = now.toISOString();
  return {
    ...r,
    status: "closed",
    closure: {
      cause: body.cause,
      enterpriseResponsible: body.enterpriseResponsible,
      handling: body.handling,
      ...(attachment ? { investigationReport: attachment } : {}),
      closedBy: ref(actor),
      closedAt: at,
      closedAtLevel: level,
    },
    enterpriseResponsible: body.enterpriseResponsible,
    statisticalDeaths: statisticalDeaths({ deaths: r.deaths, missing: r.missing, occurredAt: r.occurredAt, flags: flagsOf(r), now }),
    version: r.version + 1,
    updatedAt: at,
  };
}

/** 493号令 art.36: a confirmed 瞒报 or 谎报 (an offence in itself; credit and the one-vote veto read it). */
export function applyConcealment(
  r: AccidentRecord,
  body: { kind: "concealed" | "false_report"; reason: string },
  actor: Actor,
  now: Date,
): AccidentRecord {
  refuseIfClosed(r, "confirm-concealment");
  if (r.concealed) throw illegalTransition("confirm-concealment", "concealment confirmed", openActions(r));
  requireInvestigatingLevel(r, actor, "confirm-concealment");
  const at = now.toISOString();
  return {
    ...r,
    concealed: true,
    concealment: { kind: body.kind, reason: body.reason, confirmedBy: ref(actor), confirmedAt: at },
    version: r.version + 1,
    updatedAt: at,
  };
}

// ---------- the view at an instant ----------

/** What a client sees at `now`: the stored report plus deadlines and flags that depend on the clock. */
export function viewOf(r: AccidentRecord, now: Date): AccidentView {
  const open = r.status === "open";
  const holder = pendingLevel(r.chain);
  const next = pendingStep(r.chain);
  const flags = flagsOf(r);
  return {
    ...r,
    statisticalDeaths: statisticalDeaths({ deaths: r.deaths, missing: r.missing, occurredAt: r.occurredAt, flags, now }),
    chain: r.chain.map((s) => {
      const l = s.receivedAt === undefined ? { late: false, minutesLate: 0 } : lateness(s.dueAt, s.receivedAt);
      return { ...s, region: levelRegion(s.level, r.regionCode) ?? null, overdue: open && isForwardOverdue(s, now), ...l };
    }),
    pending:
      open && holder !== null && next !== null
        ? {
            holderLevel: holder,
            holderRegion: levelRegion(holder, r.regionCode) as string,
            nextLevel: next.level,
            dueAt: next.dueAt,
            overdue: isForwardOverdue(next, now),
          }
        : null,
    followUpDueAt: open ? followUpDueAt(r.grade, r.lastReportAt) : null,
    followUpMissed: open && isFollowUpMissed(r.grade, r.lastReportAt, now),
    supplementWindowClosesAt: supplementWindowClosesAt(r.occurredAt, flags),
    casualtyChangesOpen: open && supplementWindowOpen(r.occurredAt, now, flags),
    investigatingLevel: investigatingLevel(r.grade),
  };
}
