// Stack traces of the minified bundles, mapped to our sources when an error is logged. Node's
// --enable-source-maps reads and parses the map of every file it loads at each cold start
// (BENCHMARKS.md, "Lambda bundles"); failures are rare, so the maps are read only for them, with
// Node's own source-map reader (node:module SourceMap).
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

const maps = new Map<string, SourceMap | null>();

function mapOf(file: string): SourceMap | null {
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null; // No map beside the file (tests, local runs from the sources): the frame stays as it is.
    }
    maps.set(file, map);
  }
  return map;
}

/** `at fn (file:///var/task/chunk.mjs:1:2345)` or `at file:///…:1:2345`: the file, line and column. */
const FRAME = /((?:file:\/\/)?\/[^\s():]+\.m?js):(\d+):(\d+)/;

/**
 * The stack with each frame of a bundled file replaced by its place in the sources, named
 * relative to the repository (`shared/http.ts:305:13`). Unchanged where Node maps them itself.
 */
export function sourceMappedStack(stack: string): string {
  if (process.sourceMapsEnabled) return stack;
  return stack
    .split("\n")
    .map((line) =>
      line.replace(FRAME, (frame, file: string, row: string, column: string) => {
        const map = mapOf(file.startsWith("file://") ? fileURLToPath(file) : file);
        const entry = map?.findEntry(Number(row) - 1, Number(column) - 1);
        if (!entry || !("originalSource" in entry)) return frame;
        // The maps name sources relative to where the bundle was built: keep the repository's part.
        const source = /(?:^|\/)((?:functions|shared|node_modules)\/.*)$/.exec(entry.originalSource)?.[1] ?? entry.originalSource;
        return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
      }),
    )
    .join("\n");
}
