// Licences: public verification by number, the holder's and the officers' lists, a licence's
// history, and the officers' status changes (renew, suspend, restore, revoke, cancel).
import { notFound } from "../../../shared/errors.js";
import { etag, type Impl, type Result } from "../../../shared/http.js";
import type { Actor } from "../../../shared/policy.js";
import { reachable, requireRegion } from "../../../shared/scope.js";
import { addDays, shanghaiDate } from "../../../shared/time.js";
import type { routes } from "../routes.js";
import type { LicenceAction } from "../rules.js";
import { LICENCE, licenceStep, licenceView } from "../service.js";
import { getLicence, listLicencesByRegion, listLicencesOfHolder } from "../store.js";

type R = typeof routes;

export const verifyLicence: Impl<R["verifyLicence"]> = async ({ params }) => {
  const l = await getLicence(params.number);
  if (!l) throw notFound(LICENCE);
  return {
    body: { number: l.number, holderName: l.holderName, holderUscc: l.holderUscc, itemCode: l.itemCode, itemName: l.itemName, scope: l.scope, validFrom: l.validFrom, validTo: l.validTo, status: l.status, issuedOn: l.issuedOn },
  };
};

export const listLicences: Impl<R["listLicences"]> = async ({ query, actor, now }) => {
  const today = shanghaiDate(now);
  const filter = {
    itemCode: query.itemCode,
    status: query.status,
    validToWithin: query.expiringWithinDays === undefined ? undefined : ([today, addDays(today, query.expiringWithinDays)] as const),
  };
  if (actor.role === "enterprise") {
    return { body: await listLicencesOfHolder(actor.enterpriseId ?? "", filter, query.limit, query.cursor) };
  }
  const regionCode = query.regionCode ?? actor.regionCode;
  requireRegion(actor, regionCode);
  return { body: await listLicencesByRegion(regionCode, filter, query.limit, query.cursor) };
};

export const getLicenceHistory: Impl<R["getLicenceHistory"]> = async ({ params, actor }) => {
  const l = reachable(actor, await getLicence(params.number), LICENCE);
  return { body: await licenceView(l), headers: { etag: etag(l.version) } };
};

function officerStep(action: Exclude<LicenceAction, "expire">) {
  return async ({ params, body, actor, now }: { params: { number: string }; body: { reason: string }; actor: Actor; now: Date }): Promise<Result> => {
    const done = await licenceStep(actor, params.number, action, body.reason, now);
    return { body: done.view, headers: { etag: etag(done.licence.version) }, writes: done.writes, audit: done.audit };
  };
}

export const renewLicence = officerStep("renew");
export const suspendLicence = officerStep("suspend");
export const restoreLicence = officerStep("restore");
export const revokeLicence = officerStep("revoke");
export const cancelLicence = officerStep("cancel");
