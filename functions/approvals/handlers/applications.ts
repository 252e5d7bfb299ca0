// Applications: an enterprise drafts one for a catalogue item, declares and uploads each listed
// material and submits it; approval officers take it through acceptance, review, decision and
// issue on the statutory working-day clock (行政许可法 arts. 32, 42, 44).
import { getEnterprise } from "../../../shared/enterprises.js";
import { conflict, forbidden, illegalTransition, invalidField, notFound } from "../../../shared/errors.js";
import { etag, type Impl, type Result } from "../../../shared/http.js";
import { newId } from "../../../shared/ids.js";
import type { Actor } from "../../../shared/policy.js";
import { reachable, requireRegion } from "../../../shared/scope.js";
import { shanghaiDate } from "../../../shared/time.js";
import type { routes } from "../routes.js";
import type { ApplicationAction } from "../rules.js";
import type { Application } from "../schemas.js";
import { APPLICATION, applicationStep, applicationView, queueItems, readBundle, stepAudit, withClocks } from "../service.js";
import {
  applicationWrites,
  attachmentDownload,
  attachmentUpload,
  attachmentVerifiedWrites,
  attachmentWrites,
  createApplicationWrites,
  getApplication as readApplication,
  getCatalogueItem,
  listApplicationsByRegion,
  listApplicationsOfEnterprise,
  loadCalendars,
  verifiedUpload,
} from "../store.js";
import { allowedFor, applyAction } from "../workflow.js";

type R = typeof routes;

export const createApplication: Impl<R["createApplication"]> = async ({ body, actor, now }) => {
  const enterprise = actor.enterpriseId ? await getEnterprise(actor.enterpriseId) : undefined;
  if (!enterprise) throw forbidden("enterprise_unknown", { zh: "您的企业未登记", en: "your enterprise is not registered" });
  const item = await getCatalogueItem(body.itemCode);
  if (!item) throw invalidField("itemCode", { zh: `审批事项 ${body.itemCode} 不存在`, en: `no approval item ${body.itemCode}` });
  const at = now.toISOString();
  const app: Application = {
    id: newId(),
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    enterpriseUscc: enterprise.uscc,
    regionCode: enterprise.regionCode,
    cityCode: enterprise.cityCode,
    industryCode: enterprise.industryCode,
    gridId: enterprise.gridId ?? null,
    itemCode: item.code,
    itemName: item.name,
    itemVersion: item.version,
    scope: body.scope,
    materials: item.materials,
    limitWorkingDays: item.limitWorkingDays,
    state: "draft",
    pauses: [],
    extended: false,
    extensionDays: 0,
    stepCount: 0,
    version: 1,
    createdAt: at,
    createdBy: actor.userId,
    updatedAt: at,
  };
  return {
    status: 201,
    body: await applicationView({ app, steps: [], attachments: [] }, now, { item }),
    headers: { etag: etag(1), location: `/v1/applications/${app.id}` },
    writes: createApplicationWrites(app),
    audit: [{ action: "application.create", entityType: "application", entityId: app.id, regionCode: app.regionCode, enterpriseId: app.enterpriseId, summary: { itemCode: app.itemCode, itemVersion: app.itemVersion } }],
  };
};

export const listApplications: Impl<R["listApplications"]> = async ({ query, actor, now }) => {
  const filter = { state: query.state, itemCode: query.itemCode };
  if (actor.role === "enterprise") {
    return { body: await withClocks(await listApplicationsOfEnterprise(actor.enterpriseId ?? "", filter, query.limit, query.cursor), now) };
  }
  const regionCode = query.regionCode ?? actor.regionCode;
  requireRegion(actor, regionCode);
  if (query.queue !== "true") {
    return { body: await withClocks(await listApplicationsByRegion(regionCode, filter, query.limit, query.cursor), now) };
  }
  if (actor.role !== "approval_officer") throw forbidden("officers_only", { zh: "仅审批人员有待办队列", en: "only approval officers have a queue" });
  // The queue: in each city, the open applications of the items this officer holds there today.
  const heldIn = await queueItems(actor, regionCode, query.itemCode, now);
  return { body: await withClocks(await listApplicationsByRegion(regionCode, { state: query.state, heldIn }, query.limit, query.cursor), now) };
};

export const getApplication: Impl<R["getApplication"]> = async ({ params, actor, now }) => {
  const bundle = await readBundle(actor, params.id);
  return { body: await applicationView(bundle, now), headers: { etag: etag(bundle.app.version) } };
};

export const addAttachment: Impl<R["addAttachment"]> = async ({ params, body, actor, now }) => {
  const app = reachable(actor, await readApplication(params.id), APPLICATION);
  if (app.state !== "draft" && app.state !== "missing_materials") {
    throw conflict("attachments_closed", { zh: `当前状态「${app.state}」不能上传材料`, en: `materials cannot be added in state '${app.state}'` }, { state: app.state, allowedStates: ["draft", "missing_materials"] });
  }
  if (!app.materials.includes(body.material)) {
    throw invalidField("material", { zh: `「${body.material}」不在该事项的材料清单中`, en: `'${body.material}' is not one of the item's materials` });
  }
  const id = newId();
  const { key, upload } = await attachmentUpload(app, body.fileName, body.contentType, body.size);
  return {
    status: 201,
    body: { id, material: body.material, upload },
    writes: attachmentWrites({ id, applicationId: app.id, material: body.material, fileName: body.fileName, contentType: body.contentType, size: body.size, key, uploadedAt: now.toISOString(), verified: false }),
    audit: [{ action: "application.attachment", entityType: "application", entityId: app.id, regionCode: app.regionCode, enterpriseId: app.enterpriseId, summary: { attachmentId: id, material: body.material, fileName: body.fileName, size: body.size } }],
  };
};

export const getApplicationAttachment: Impl<R["getApplicationAttachment"]> = async ({ params, actor }) => {
  const bundle = await readBundle(actor, params.id);
  const a = bundle.attachments.find((x) => x.id === params.attachmentId);
  if (!a) throw notFound({ zh: "附件", en: "attachment" });
  return { body: { id: a.id, material: a.material, fileName: a.fileName, contentType: a.contentType, size: a.size, download: await attachmentDownload(a) } };
};

export const submitApplication: Impl<R["submitApplication"]> = async ({ params, actor, now }) => {
  const bundle = await readBundle(actor, params.id);
  const app = bundle.app;
  const today = shanghaiDate(now);
  if (app.state !== "draft" && app.state !== "missing_materials") throw illegalTransition("submit", app.state, allowedFor(app.state));
  // Every required material must really be in S3 as declared; after a notice, each material the
  // notice named must have been uploaded again since.
  const since = app.state === "missing_materials" ? app.missingNotice?.at : undefined;
  const renamed = new Set(since ? (app.missingNotice?.materials ?? []) : []);
  // Each upload is checked against S3 once, here, and what was found is kept with it.
  const checks = await Promise.all(bundle.attachments.map(async (a) => ({ a, found: a.verified ? undefined : await verifiedUpload(a) })));
  const present = checks.filter((c) => c.a.verified || c.found).map((c) => c.a);
  const missing = app.materials.filter((m) => {
    const uploads = present.filter((a) => a.material === m);
    if (uploads.length === 0) return true;
    return since !== undefined && renamed.has(m) && !uploads.some((a) => a.uploadedAt > since);
  });
  if (missing.length > 0) {
    throw conflict("materials_missing", { zh: `以下材料尚未上传：${missing.join("、")}`, en: `these materials are not uploaded yet: ${missing.join(", ")}` }, { missing });
  }
  const calendars = await loadCalendars();
  const result = applyAction(app, "submit", { actor, at: now.toISOString(), today, calendars });
  const newlyVerified = checks.flatMap(({ a, found }) => (found ? [{ a, verified: found }] : []));
  const newlyIds = new Set(newlyVerified.map((n) => n.a.id));
  return {
    body: await applicationView(
      { app: result.app, steps: [...bundle.steps, ...result.steps], attachments: bundle.attachments.map((a) => (newlyIds.has(a.id) ? { ...a, verified: true } : a)) },
      now,
      { calendars },
    ),
    headers: { etag: etag(result.app.version) },
    writes: [...applicationWrites(app, result.app, result.steps), ...attachmentVerifiedWrites(newlyVerified)],
    audit: stepAudit(app, result.steps),
  };
};

// ---------- the officers' steps ----------

/** Every step's route answers the same way; its body is whichever of the action bodies it takes. */
function officerStep(action: ApplicationAction) {
  return async ({ params, body, actor, now }: { params: { id: string }; body: { reason?: string; missingMaterials?: string[] }; actor: Actor; now: Date }): Promise<Result> => {
    const done = await applicationStep(actor, params.id, action, body, now);
    return { body: done.view, headers: { etag: etag(done.app.version) }, writes: done.writes, audit: done.audit };
  };
}

export const acceptApplication = officerStep("accept");
export const notifyMissingMaterials = officerStep("notify-missing");
export const declineApplication = officerStep("decline");
export const passReview = officerStep("review-pass");
export const pauseApplication = officerStep("pause");
export const resumeApplication = officerStep("resume");
export const extendApplication = officerStep("extend");
export const approveApplication = officerStep("approve");
export const refuseApplication = officerStep("refuse");
export const issueLicence = officerStep("issue");
