// Every message the API writes itself exists in fluent Chinese and in English, and the
// schemas use the catalogue rather than literal strings.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import type { ApiError } from "./errors.js";
import { validate } from "./http.js";
import { MESSAGES, msg, TYPES } from "./messages.js";
import { Id, IsoDate } from "./schemas.js";

const CJK = /[\u4e00-\u9fff]/;
// An English word in a Chinese sentence; codes (ULID, GB/T, WHP-v1, 2026Q3) are not words.
const ENGLISH_WORD = /(^|[^A-Za-z0-9-])[a-z]{2,}/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogue", () => {
  const all = [...Object.entries(MESSAGES), ...Object.entries(TYPES).map(([k, v]) => [`type:${k}`, v] as const)];
  it.each(all)("%s: Chinese without English words, English without Chinese, same placeholders", (_key, text) => {
    expect(text.zh).toMatch(CJK);
    // Placeholders and field names in 「」 are not prose.
    expect(text.zh.replace(/\{\w+\}|「[^」]*」/g, "")).not.toMatch(ENGLISH_WORD);
    expect(text.en.trim()).not.toBe("");
    expect(text.en).not.toMatch(CJK);
    expect(placeholders(text.zh)).toEqual(placeholders(text.en));
  });

  it("schemas name catalogue messages, never literal strings", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts") && !p.endsWith(".test.ts")) files.push(p);
      }
    };
    walk("functions");
    walk("shared");
    const offenders = files.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        // The message argument itself: a regex literal or an arrow function, then a quoted string
        // (a description passed to field() after the check is not a message).
        .filter((l) => /z\.regex\(\/(?:\\.|[^/\\\n])+\/[a-z]*,\s*["'`]|z\.refine\(\([^)]*\)\s*=>[^"'`]*?,\s*["'`]/.test(l))
        .map((l) => `${f}: ${l.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});

function fieldErrors(schema: z.ZodMiniType, input: unknown, lang: "zh" | "en") {
  try {
    validate(schema, input, "body");
  } catch (err) {
    const e = err as ApiError;
    return { detail: e.text[lang], errors: e.fieldErrors.map((f) => ({ path: f.path, message: typeof f.message === "string" ? f.message : f.message[lang] })) };
  }
  throw new Error("expected a validation failure");
}

describe("validate speaks the caller's language", () => {
  const schema = z.strictObject({ name: z.string().check(z.minLength(2)), n: z.number(), day: IsoDate, id: z.optional(Id), kind: z.optional(z.enum(["a", "b"])) });

  it("a missing field says which field is required", () => {
    expect(fieldErrors(schema, { n: 1, day: "2026-11-03" }, "zh").errors).toEqual([{ path: "name", message: "缺少必填字段「name」" }]);
    expect(fieldErrors(schema, { n: 1, day: "2026-11-03" }, "en").errors).toEqual([{ path: "name", message: "the field 'name' is required" }]);
  });

  it("generic and custom messages are whole Chinese sentences; detail joins them with ；", () => {
    const bad = { name: "x", n: "1", day: "2026-13-01", id: "nope", kind: "c", extra: 1 };
    const zh = fieldErrors(schema, bad, "zh");
    expect(Object.fromEntries(zh.errors.map((e) => [e.path, e.message]))).toEqual({
      name: "至少 2 个字符",
      n: "应为数字，收到的是文本",
      day: MESSAGES.isoDate.zh,
      id: MESSAGES.ulid.zh,
      kind: "应为以下之一：a、b",
      extra: "不允许的字段「extra」",
    });
    for (const e of zh.errors) expect(e.message.replace(/「[^」]*」/g, "")).not.toMatch(ENGLISH_WORD);
    expect(zh.detail.split("；")).toHaveLength(6);
    const en = fieldErrors(schema, bad, "en");
    expect(en.errors.find((e) => e.path === "n")?.message).toBe("must be a number, got a string");
    for (const e of en.errors) expect(e.message).not.toMatch(CJK);
  });

  it("msg() keys travel through zod untouched", () => {
    const s = z.string().check(z.regex(/^x$/, msg("phone")));
    expect(fieldErrors(z.object({ p: s }), { p: "y" }, "zh").errors[0]?.message).toBe(MESSAGES.phone.zh);
  });
});
