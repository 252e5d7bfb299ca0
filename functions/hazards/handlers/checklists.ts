// Checklists (排查清单): provincial reference data, published in versions; a version never changes.
import { type FieldProblem, forbidden, notFound } from "../../../shared/errors.js";
import { levelOf } from "../../../shared/policy.js";
import { checklistsForIndustry } from "../rules.js";
import { failOn } from "../service.js";
import { allChecklists, getChecklist, publishChecklistWrite, type StoredChecklist } from "../store.js";
import type { Req } from "../routes.js";

const CHECKLIST = { zh: "排查清单", en: "checklist" };

function checklistOut(c: StoredChecklist, current: boolean) {
  return { id: c.id, family: c.family, industryCode: c.industryCode, name: c.name, version: c.version, current, items: c.items.map((i) => ({ ...i })) };
}

/** Latest version of each family. */
function currentIds(all: StoredChecklist[]): Set<string> {
  const latest = new Map<string, StoredChecklist>();
  for (const c of all) {
    const seen = latest.get(c.family);
    if (!seen || c.version > seen.version) latest.set(c.family, c);
  }
  return new Set([...latest.values()].map((c) => c.id));
}

export async function listChecklists({ query }: Req<"listChecklists">) {
  const all = await allChecklists();
  const current = currentIds(all);
  let shown = query.allVersions === "true" ? all : all.filter((c) => current.has(c.id));
  if (query.industryCode) shown = checklistsForIndustry(query.industryCode, shown);
  return {
    body: {
      items: shown.map((c) => ({
        id: c.id, family: c.family, industryCode: c.industryCode, name: c.name, version: c.version, current: current.has(c.id), itemCount: c.items.length,
      })),
    },
  };
}

async function getChecklistRoute({ params }: Req<"getChecklist">) {
  const c = await getChecklist(params.id);
  if (!c) throw notFound(CHECKLIST);
  const current = currentIds(await allChecklists());
  return { body: checklistOut(c, current.has(c.id)) };
}

export async function publishChecklist({ body, actor, now }: Req<"publishChecklist">) {
  // Checklists are provincial reference data.
  if (levelOf(actor) !== "province") throw forbidden("province_only", { zh: "排查清单由省级部门发布", en: "checklists are published at province level" });
  const problems: FieldProblem[] = [];
  const codes = new Set<string>();
  body.items.forEach((item, i) => {
    if (!item.code.startsWith(`${body.family}-`)) problems.push({ path: `items.${i}.code`, message: { zh: `须以 ${body.family}- 开头`, en: `must start with ${body.family}-` } });
    if (codes.has(item.code)) problems.push({ path: `items.${i}.code`, message: { zh: "编码重复", en: "duplicate code" } });
    codes.add(item.code);
  });
  const versions = (await allChecklists()).filter((c) => c.family === body.family);
  const latest = versions.reduce<StoredChecklist | undefined>((a, c) => (!a || c.version > a.version ? c : a), undefined);
  if (latest && latest.industryCode !== body.industryCode) {
    problems.push({ path: "industryCode", message: { zh: `须与该清单原行业 ${String(latest.industryCode)} 一致`, en: `must stay ${String(latest.industryCode)} for this checklist` } });
  }
  failOn(problems);
  const version = (latest?.version ?? 0) + 1;
  const c: StoredChecklist = {
    id: `${body.family}-v${version}`, family: body.family, industryCode: body.industryCode, name: body.name, version,
    items: body.items, createdAt: now.toISOString(), createdBy: actor.userId,
  };
  return {
    status: 201,
    body: checklistOut(c, true),
    headers: { location: `/v1/checklists/${c.id}` },
    writes: [publishChecklistWrite(c)],
    audit: [{ action: "checklist.publish", entityType: "checklist", entityId: c.id, regionCode: actor.regionCode, summary: { version, items: c.items.length, previous: latest?.id ?? null } }],
  };
}

export { getChecklistRoute as getChecklist };
