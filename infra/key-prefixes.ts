// The table partitions a Lambda may write, derived from the code it bundles rather than typed
// out: starting at the function's entry, follow its relative imports and collect every
// partition key its key builders spell (`pk: \`HAZ#${id}\``, `update(\`APP#${id}\`, …)`).
// A context that writes another's items (hazards suspending a licence, audit records,
// idempotency records) does so through the other module's key builder, which the walk reaches.
// The result is a superset of what the function writes — reads spell keys the same way — and
// never misses a partition its code can name; that is the side to err on.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

const IMPORT = /(?:from\s+|import\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g;
/** `pk: \`PREFIX#…\`` or `pk: "PREFIX"` in an item or key literal (not gsi1pk and friends: `\b`). */
const PK_FIELD = /\bpk:\s*[`"']([A-Z][A-Z0-9_]*)(#|[`"'])/g;
/**
 * Write helpers that take the partition key as their first argument (shared/db.ts update and
 * deleteItem, shared/storage.ts attachmentSlot), called with a literal one. A new helper of
 * that kind belongs here.
 */
const PK_ARG = /\b(?:update|deleteItem|attachmentSlot)\(\s*[`"']([A-Z][A-Z0-9_]*)(#|[`"'])/g;

function sourceOf(spec: string, from: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, ".ts"), `${base}.ts`, join(base, "index.ts")]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Every repository source file reachable from `entry` through relative imports. */
export function modulesOf(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [resolve(ROOT, entry)];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const dep = sourceOf(m[1] as string, file);
      if (dep && !dep.endsWith(".test.ts")) todo.push(dep);
    }
  }
  return [...seen].map((f) => relative(ROOT, f)).sort();
}

/**
 * The `dynamodb:LeadingKeys` patterns for a function entry: `HAZ#*` for prefixed partitions,
 * the exact name for single-item partitions such as `APCAT`.
 */
export function writePartitions(entry: string): string[] {
  const out = new Set<string>();
  for (const file of modulesOf(entry)) {
    const text = readFileSync(join(ROOT, file), "utf8");
    for (const re of [PK_FIELD, PK_ARG]) {
      for (const m of text.matchAll(re)) out.add(m[2] === "#" ? `${m[1]}#*` : (m[1] as string));
    }
  }
  return [...out].sort();
}
