// The accidents Lambda: initial reports, follow-ups, escalation, closure, lists.
// Each route: parse (done by the stack), check who you are, decide (service.ts / rules.ts), write, answer.
import type { AuditEntry } from "../../shared/audit.js";
import { regionLevel } from "../../shared/codes/index.js";
import { decideUscc, type EnterpriseRecord, getEnterprise } from "../../shared/enterprises.js";
import { forbidden, invalidField, notFound, staleVersion } from "../../shared/errors.js";
import { etag, expectedVersion, lambda } from "../../shared/http.js";
import { newId } from "../../shared/ids.js";
import { type Actor, canReach, levelOf } from "../../shared/policy.js";
import { industryScope, outOfScope, reachable, requireReach, requireRegion } from "../../shared/scope.js";
import { attachmentKey, downloadLink, presignUpload, uploadedObject } from "../../shared/storage.js";
import { isIsoDate, isoUtc, shanghaiEndOf, shanghaiStartOf } from "../../shared/time.js";
import { applyClose, applyConcealment, applyForward, applyUpdate, checkCanClose, newReport, viewOf } from "./service.js";
import { routes } from "./routes.js";
import type { AccidentRecord } from "./schemas.js";
import { createReportWrites, getReport, getVersions, type ListFilter, listByEnterprise, listByRegion, listPending, reportWrites } from "./store.js";

const ACCIDENT = { zh: "事故报告", en: "accident report" };

async function load(id: string, actor: Actor): Promise<AccidentRecord> {
  return reachable(actor, await getReport(id), ACCIDENT);
}

/**
 * A report the caller acts on. The enterprise's home regulators see a report away from home (属地),
 * but it is handled where it happened (493号令 art.9-11): by that county and the levels above it.
 */
async function loadToAct(id: string, actor: Actor): Promise<AccidentRecord> {
  const r = await load(id, actor);
  if (!canReach(actor, { ...r, homeRegionCode: null })) {
    throw forbidden("not_accident_region", {
      zh: "事故由发生地（属地）监管部门及其上级办理，企业登记地监管部门只能查看",
      en: "the report is handled where the accident happened (and above); the enterprise's home regulators may only read it",
    });
  }
  return r;
}

function audit(r: AccidentRecord, action: string, summary: unknown, reason?: string): AuditEntry[] {
  return [
    {
      action: `accident.${action}`,
      entityType: "accident",
      entityId: r.id,
      regionCode: r.regionCode,
      ...(r.enterpriseId ? { enterpriseId: r.enterpriseId } : {}),
      summary,
      ...(reason ? { reason } : {}),
    },
  ];
}

/** A date is a whole Asia/Shanghai day; an instant is taken as is. */
function bound(value: string | undefined, end: boolean): string | undefined {
  if (value === undefined) return undefined;
  if (isIsoDate(value)) return (end ? shanghaiEndOf(value) : shanghaiStartOf(value)).toISOString();
  return isoUtc(value);
}

/** Where investigation reports of a report live (attachmentKey adds an unguessable part below). */
const uploadPrefix = (r: AccidentRecord) => `accidents/${r.enterpriseId ?? "unregistered"}/${r.id}/`;

export const handler = lambda(routes, {
  createAccident: async ({ body, actor, now }) => {
    let enterprise: EnterpriseRecord | undefined;
    if (actor.role === "enterprise") {
      // A unit reports for itself only, under its register entry.
      if (body.unit) throw invalidField("unit", { zh: "企业只能以本企业名义报告", en: "an enterprise reports for itself; send no unit profile" });
      if (body.enterpriseId && body.enterpriseId !== actor.enterpriseId) throw outOfScope();
      enterprise = await getEnterprise(actor.enterpriseId as string);
      if (!enterprise) throw invalidField("enterpriseId", { zh: "本企业未登记", en: "your enterprise is not registered" });
    } else {
      requireReach(actor, { regionCode: body.regionCode, industryCode: body.industryCode });
      if (body.enterpriseId && body.unit) {
        throw invalidField("unit", { zh: "已登记企业请只填 enterpriseId，不填 unit", en: "send enterpriseId or unit, not both" });
      }
      if (body.enterpriseId) {
        enterprise = await getEnterprise(body.enterpriseId);
        if (!enterprise) throw invalidField("enterpriseId", { zh: "企业未登记", en: "no registered enterprise has this id" });
      } else if (!body.unit) {
        throw invalidField("enterpriseId", { zh: "须填写 enterpriseId 或未登记单位的 unit 信息", en: "send enterpriseId, or unit for an unregistered unit" });
      } else if (body.unit.uscc !== undefined) {
        // Checked as the register checks it (GB 32100 and the embedded GB 11714 code). Reporters cannot
        // override: a report may leave the code out, and a province administrator may register the unit.
        decideUscc(body.unit.uscc, actor, undefined, "unit.uscc");
      }
    }
    const { record, version } = newReport({ id: newId(), body, actor, enterprise, now });
    return {
      status: 201,
      body: viewOf(record, now),
      headers: { etag: etag(record.version), location: `/v1/accidents/${record.id}` },
      writes: createReportWrites(record, version),
      audit: audit(record, "create", {
        grade: record.grade,
        deaths: record.deaths,
        missing: record.missing,
        reportedLate: record.reportedLate,
        minutesLate: record.minutesLate,
        unreportedByUnit: record.unreportedByUnit,
      }),
    };
  },

  getAccident: async ({ params, actor, now }) => {
    const r = await load(params.id, actor);
    const history = await getVersions(r.id);
    return { body: { ...viewOf(r, now), history }, headers: { etag: etag(r.version) } };
  },

  /** A download link for the investigation report, made only when asked (the report read carries none). */
  investigationReportDownload: async ({ params, actor }) => {
    const r = await load(params.id, actor);
    const a = r.closure?.investigationReport;
    if (!a) throw notFound({ zh: "调查报告", en: "investigation report" });
    return { body: { fileName: a.fileName, contentType: a.contentType, size: a.size, download: await downloadLink(a.key, a.verified, a) } };
  },

  listAccidents: async ({ query, actor, now }) => {
    const { limit, cursor } = query;
    if (query.pending === "true") {
      if (actor.role !== "regulator") {
        throw forbidden("pending_for_regulators", { zh: "只有监管部门有待上报的事故", en: "only regulators hold reports to forward" });
      }
      for (const name of ["regionCode", "from", "to", "grade", "accidentType", "industryCode"] as const) {
        if (query[name] !== undefined) {
          throw invalidField(name, { zh: "不能与 pending=true 同时使用", en: "cannot be combined with pending=true" });
        }
      }
      const page = await listPending(levelOf(actor), actor.regionCode, limit, cursor);
      return { body: { items: page.items.map((r) => viewOf(r, now)), nextCursor: page.nextCursor } };
    }
    const filter: ListFilter = {
      from: bound(query.from, false),
      to: bound(query.to, true),
      grade: query.grade,
      accidentType: query.accidentType,
      industryCode: query.industryCode,
    };
    if (filter.from && filter.to && filter.from > filter.to) {
      throw invalidField("to", { zh: "结束时间不能早于开始时间", en: "must not be before from" });
    }
    if (query.regionCode && regionLevel(query.regionCode) === "township") {
      throw invalidField("regionCode", { zh: "须为省、市或县级区划代码", en: "must be a province, city or county-level code" });
    }
    let page: Awaited<ReturnType<typeof listByRegion>>;
    if (actor.role === "enterprise") {
      page = await listByEnterprise(actor.enterpriseId as string, { ...filter, regionCode: query.regionCode }, limit, cursor);
    } else {
      const regionCode = query.regionCode ?? actor.regionCode;
      requireRegion(actor, regionCode);
      filter.industryCode = industryScope(actor, query.industryCode);
      page = await listByRegion(regionCode, filter, limit, cursor);
    }
    return { body: { items: page.items.map((r) => viewOf(r, now)), nextCursor: page.nextCursor } };
  },

  forwardAccident: async ({ params, body, actor, now }) => {
    const r = await loadToAct(params.id, actor);
    const { record, fromLevel, toLevel, skipped } = applyForward(r, body, actor, now);
    return {
      body: viewOf(record, now),
      headers: { etag: etag(record.version) },
      writes: reportWrites(record, r.version),
      audit: audit(record, "forward", { fromLevel, toLevel, skipped }, body.reason),
    };
  },

  updateAccident: async ({ params, body, actor, now, headers }) => {
    const r = await loadToAct(params.id, actor);
    // If-Match is optional here (an update is a new version, not an edit), but honoured when sent.
    if (headers["if-match"] !== undefined && expectedVersion(headers) !== r.version) throw staleVersion();
    const { record, version } = applyUpdate(r, body, actor, now);
    return {
      status: 201,
      body: viewOf(record, now),
      headers: { etag: etag(record.version), location: `/v1/accidents/${record.id}` },
      writes: reportWrites(record, r.version, version),
      audit: audit(record, "update", { reportVersion: version.n, changes: version.changes }, body.note),
    };
  },

  investigationReportUpload: async ({ params, body, actor }) => {
    const r = await loadToAct(params.id, actor);
    checkCanClose(r, actor);
    const key = attachmentKey("accidents", r.enterpriseId ?? "unregistered", r.id, body.fileName);
    return { body: { key, upload: await presignUpload(key, body.contentType, body.size) } };
  },

  closeAccident: async ({ params, body, actor, now }) => {
    const r = await loadToAct(params.id, actor);
    checkCanClose(r, actor);
    let attachment: NonNullable<AccidentRecord["closure"]>["investigationReport"];
    if (body.investigationReport) {
      const { key } = body.investigationReport;
      const field = "investigationReport.key";
      if (!key.startsWith(uploadPrefix(r))) {
        throw invalidField(field, { zh: "不是本事故的调查报告上传地址", en: "not an upload for this accident" });
      }
      // Checked once, here; the object found (ETag, version) is what later links serve.
      const found = await uploadedObject(key);
      if (!found) throw invalidField(field, { zh: "调查报告尚未上传", en: "nothing has been uploaded under this key" });
      const { contentType, ...verified } = found;
      attachment = { key, fileName: key.slice(key.lastIndexOf("/") + 1), contentType: contentType ?? "application/octet-stream", size: verified.size, verified };
    }
    const record = applyClose(r, body, attachment, actor, now);
    return {
      body: viewOf(record, now),
      headers: { etag: etag(record.version) },
      writes: reportWrites(record, r.version),
      audit: audit(record, "close", { enterpriseResponsible: body.enterpriseResponsible, investigationReport: attachment?.key ?? null }),
    };
  },

  confirmConcealment: async ({ params, body, actor, now }) => {
    const r = await loadToAct(params.id, actor);
    const record = applyConcealment(r, body, actor, now);
    return {
      body: viewOf(record, now),
      headers: { etag: etag(record.version) },
      writes: reportWrites(record, r.version),
      audit: audit(record, "confirm-concealment", { kind: body.kind }, body.reason),
    };
  },
});
