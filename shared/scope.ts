// Scope checks as they surface over HTTP: outside scope is a 404 for a record (its
// existence is not revealed) and a 403 for a target the caller names itself.
import { forbidden, notFound, type Text } from "./errors.js";
import { industryMatches } from "./codes/index.js";
import { type Actor, canReach, coversRegion, type ScopedRecord } from "./policy.js";

/** Returns the record if the caller may see it, else 404 as if it did not exist. */
export function reachable<T extends ScopedRecord>(actor: Actor, record: T | undefined, what?: Text): T {
  if (!record || !canReach(actor, record)) throw notFound(what);
  return record;
}

export const outOfScope = () =>
  forbidden("out_of_scope", { zh: "目标不在您的管辖范围内", en: "the target is outside your jurisdiction" });

/** For writes that name a target: the caller must reach it. */
export function requireReach(actor: Actor, target: ScopedRecord): void {
  if (!canReach(actor, target)) throw outOfScope();
}

export function requireRegion(actor: Actor, regionCode: string): void {
  if (!coversRegion(actor, regionCode)) throw outOfScope();
}

/**
 * The industry a list is filtered by: what the caller asked for, except that an industry
 * department sees its own industry only (a narrower filter is fine, another industry is not).
 */
export function industryScope(actor: Actor, requested?: string): string | undefined {
  if (actor.role !== "industry_department") return requested;
  const own = actor.industryCode as string;
  if (requested && !industryMatches(requested, own)) throw outOfScope();
  return requested ?? own;
}
