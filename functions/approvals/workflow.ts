// Part of the rules: the application workflow applied to a record, pure (no AWS), built on
// rules.ts. Given the record as read and an action, returns the next record and the steps to
// append, or throws the ApiError the action deserves (409 naming the allowed actions, 403 for separation of duties or a
// missing head role, 400 naming the field for a missing reason or an incomplete notice).
import { ApiError, conflict, forbidden, illegalTransition, invalidField } from "../../shared/errors.js";
import { addDays, shanghaiStartOf, type IsoDate } from "../../shared/time.js";
import {
  ACTION_ACTOR,
  ACTION_STAGE,
  type ApplicationAction,
  acceptanceNoticeDeadline,
  allowedActions,
  type Calendars,
  type Clock,
  checkGuards,
  computeClock,
  deemedAcceptance,
  deliveryDueDate,
  EXTENSION_WORKING_DAYS,
  type GuardViolation,
  transition,
} from "./rules.js";
import type { Application, Step } from "./schemas.js";
import { HUBEI_PROVINCE_CODE } from "../../shared/codes/index.js";

export interface StepActor {
  userId: string;
  role: string;
  regionCode: string;
  isHead: boolean;
}

/** The actor of steps the law takes by itself (deemed acceptance). */
export const SYSTEM_STEP_ACTOR: StepActor = { userId: "system:approvals", role: "system", regionCode: HUBEI_PROVINCE_CODE, isHead: false };

export interface StepContext {
  actor: StepActor;
  at: string;
  today: IsoDate;
  calendars: Calendars;
  reason?: string;
  missingMaterials?: string[];
  /** Set when the acting officer holds the item by delegation. */
  delegationId?: string;
  /** issue: the number of the licence issued in the same transaction. */
  licenceNumber?: string;
}

/** The decision clock of an accepted application (null before acceptance). */
export function applicationClock(app: Application, calendars: Calendars, today: IsoDate): Clock | null {
  if (!app.acceptedOn) return null;
  return computeClock({
    acceptedOn: app.acceptedOn,
    limitDays: app.limitWorkingDays,
    extensionDays: app.extensionDays,
    pauses: app.pauses,
    today,
    calendars,
    decidedOn: app.decision === "approved" || app.decision === "refused" ? app.decidedOn : null,
  });
}

/** Actions a person (not the system) may take in the record's state. */
export function allowedFor(state: Application["state"]): ApplicationAction[] {
  return allowedActions(state).filter((a) => ACTION_ACTOR[a] !== "system");
}

function makeStep(app: Application, seq: number, action: ApplicationAction, to: Application["state"], actor: StepActor, at: string, on: IsoDate, extra: Partial<Step> = {}): Step {
  return {
    seq,
    action,
    stage: ACTION_STAGE[action],
    at,
    on,
    actorId: actor.userId,
    actorRole: actor.role,
    actorRegion: actor.regionCode,
    from: app.state,
    to,
    ...extra,
  };
}

/**
 * 行政许可法 art. 32: a submitted application with no notice by the 5th working day after submission
 * counts as accepted on the day it was submitted. Returns the accepted record and its system step
 * (dated the day the rule took effect, so a view and the job's later write agree), or null.
 */
export function deemIfDue(app: Application, today: IsoDate, calendars: Calendars): { app: Application; step: Step } | null {
  if (app.state !== "submitted" || !app.submittedOn) return null;
  const acceptedOn = deemedAcceptance(app.submittedOn, today, calendars);
  if (!acceptedOn) return null;
  const effective = addDays(acceptanceNoticeDeadline(app.submittedOn, calendars).date, 1);
  const at = shanghaiStartOf(effective).toISOString();
  const step = makeStep(app, app.stepCount + 1, "deem-accept", "under_review", SYSTEM_STEP_ACTOR, at, effective);
  return {
    app: { ...app, state: "under_review", acceptedOn, acceptanceDeemed: true, stepCount: app.stepCount + 1 },
    step,
  };
}

function guardError(v: GuardViolation) {
  switch (v.code) {
    case "reason_required":
      return invalidField("reason", { zh: "此操作须说明理由", en: "this action needs a reason" }, "reason_required");
    case "missing_list_required":
      return invalidField("missingMaterials", { zh: "补正告知须一次列明全部需补正的材料（行政许可法第三十二条）", en: "the notice must list every missing material (行政许可法 art. 32)" }, "missing_list_required");
    case "missing_list_incomplete": {
      const omitted = v.omitted ?? [];
      const text = { zh: `须一次性告知全部缺少的材料，遗漏：${omitted.join("、")}`, en: `one notice must name every missing material; omitted: ${omitted.join(", ")}` };
      return new ApiError(400, "missing_list_incomplete", text, { omitted }, [{ path: "missingMaterials", message: text }]);
    }
    case "separation_of_duties":
      return forbidden("separation_of_duties", { zh: "审查通过的人员不得作出许可决定，须由另一名工作人员决定", en: "the officer who passed the review may not decide; another officer must" });
    case "head_required":
      return forbidden("head_required", { zh: "延长期限须经本机关负责人批准（行政许可法第四十二条）", en: "an extension needs the head of the agency (行政许可法 art. 42)" });
    case "already_extended":
      return conflict("already_extended", { zh: "期限只能延长一次（行政许可法第四十二条）", en: "the period may be extended only once (行政许可法 art. 42)" });
    case "extension_too_late":
      return conflict("extension_too_late", { zh: "法定期限已届满，不能再延长", en: "the period has already run out; it cannot be extended" });
  }
}

/**
 * Applies an action to the record as read. Before an officer's action on a submitted application
 * the deemed acceptance is applied first (so a late notice or decline is then illegal).
 */
export function applyAction(app: Application, action: ApplicationAction, ctx: StepContext): { app: Application; steps: Step[] } {
  const steps: Step[] = [];
  let current = app;
  if (ACTION_ACTOR[action] === "officer") {
    const deemed = deemIfDue(current, ctx.today, ctx.calendars);
    if (deemed) {
      current = deemed.app;
      steps.push(deemed.step);
    }
  }
  const t = transition(current.state, action);
  if (!t.ok) throw illegalTransition(action, current.state, allowedFor(current.state));
  const clock = applicationClock(current, ctx.calendars, ctx.today);
  const violations = checkGuards(action, {
    actorId: ctx.actor.userId,
    isHead: ctx.actor.isHead,
    reviewPassedBy: current.reviewPassedBy ?? null,
    extended: current.extended,
    reason: ctx.reason,
    missingMaterials: ctx.missingMaterials,
    clockOverdue: clock?.overdue,
  });
  const first = violations[0];
  if (first) throw guardError(first);

  const next: Application = { ...current, state: t.next, updatedAt: ctx.at };
  const extra: Partial<Step> = {};
  if (ctx.reason) extra.reason = ctx.reason;
  if (ctx.delegationId) extra.delegationId = ctx.delegationId;
  switch (action) {
    case "submit":
      next.submittedOn = ctx.today;
      break;
    case "accept":
      next.acceptedOn = ctx.today;
      next.acceptanceDeemed = false;
      break;
    case "notify-missing": {
      const materials = (ctx.missingMaterials ?? []).map((m) => m.trim());
      next.missingNotice = { materials, on: ctx.today, at: ctx.at };
      extra.missingMaterials = materials;
      break;
    }
    case "decline":
      next.decision = "declined";
      next.decidedOn = ctx.today;
      next.decisionReason = ctx.reason;
      break;
    case "review-pass":
      next.reviewPassedBy = ctx.actor.userId;
      break;
    case "pause":
      next.pauses = [...current.pauses, { from: ctx.today, to: null, reason: ctx.reason as string }];
      break;
    case "resume":
      next.pauses = current.pauses.map((p) => (p.to == null ? { ...p, to: ctx.today } : p));
      break;
    case "extend":
      next.extended = true;
      next.extensionDays = EXTENSION_WORKING_DAYS;
      break;
    case "approve":
    case "refuse":
      next.decision = action === "approve" ? "approved" : "refused";
      next.decidedOn = ctx.today;
      next.decisionReason = ctx.reason;
      if (action === "approve") next.deliveryDueDate = deliveryDueDate(ctx.today, ctx.calendars).date;
      break;
    case "issue":
      next.licenceNumber = ctx.licenceNumber;
      break;
    case "deem-accept":
      break;
  }
  steps.push(makeStep(current, current.stepCount + 1, action, t.next, ctx.actor, ctx.at, ctx.today, extra));
  next.stepCount = current.stepCount + 1;
  next.version = app.version + 1;
  return { app: next, steps };
}
