// The table partitions a Lambda may write, derived from the code it ships rather than typed
// out: the function's entry is bundled as it is deployed (esbuild, tree-shaken) and every
// partition key its key builders spell (`pk: \`HAZ#${id}\``, `update(\`APP#${id}\`, …)`) is
// collected from that bundle. A context that writes another's items (hazards suspending a
// licence, audit records, idempotency records) does so through the other module's key builder,
// which the bundle contains. Reading the bundle rather than every file an entry imports matters
// since contexts talk through each other's `public.ts`: a context that only reads another's
// records ships only the reading code, not the other's writers, and gets none of its partitions.
// The result is still a superset of what the function writes — reads spell keys the same way —
// and never misses a partition its shipped code can name; that is the side to err on.
import { resolve } from "node:path";
import { buildSync } from "esbuild";

const ROOT = resolve(import.meta.dirname, "..");

/** `pk: \`PREFIX#…\`` or `pk: "PREFIX"` in an item or key literal (not gsi1pk and friends: `\b`). */
const PK_FIELD = /\bpk:\s*[`"']([A-Z][A-Z0-9_]*)(#|[`"'])/g;
/**
 * Write helpers that take the partition key as their first argument (shared/db.ts update and
 * deleteItem, shared/storage.ts attachmentSlot), called with a literal one. A new helper of
 * that kind belongs here.
 */
const PK_ARG = /\b(?:update|deleteItem|attachmentSlot)\(\s*[`"']([A-Z][A-Z0-9_]*)(#|[`"'])/g;

/**
 * The `dynamodb:LeadingKeys` patterns for a function entry: `HAZ#*` for prefixed partitions,
 * the exact name for single-item partitions such as `APCAT`.
 */
export function writePartitions(entry: string): string[] {
  const out = new Set<string>();
  const code = shippedCode(entry);
  for (const re of [PK_FIELD, PK_ARG]) {
    for (const m of code.matchAll(re)) out.add(m[2] === "#" ? `${m[1]}#*` : (m[1] as string));
  }
  return [...out].sort();
}

/**
 * Our own code in the function's bundle, tree-shaken as deployed (infra/bundling.ts) but not
 * minified, so key literals keep their spelling; packages stay out (they name no partitions).
 */
function shippedCode(entry: string): string {
  const { outputFiles } = buildSync({ entryPoints: [resolve(ROOT, entry)], bundle: true, write: false, treeShaking: true, platform: "node", format: "esm", target: "node22", packages: "external", logLevel: "silent" });
  return outputFiles.map((f) => f.text).join("\n");
}
