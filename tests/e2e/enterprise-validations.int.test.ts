// POST /v1/enterprises/validations: a bulk registration's rows checked exactly as each create
// would check them, before anything is written.
import { describe, expect, it } from "vitest";
import { usccCheckCharacter } from "../../shared/codes/index.js";
import { useApi } from "../support/api.js";
import { enterpriseBody } from "../support/data.js";

const api = useApi();

const jianganRegulator = { role: "regulator", region: "420102" } as const;
const wuhanIndustry = { role: "industry_department", region: "420100", industry: "C" } as const;

/** A USCC whose last (GB 32100 check) character is wrong, and the character it should be. */
function wrongCheckCharacter(): { uscc: string; expected: string } {
  const good = enterpriseBody().uscc;
  const expected = usccCheckCharacter(good.slice(0, 17));
  const wrong = expected === "0" ? "1" : "0";
  return { uscc: good.slice(0, 17) + wrong, expected };
}

describe("POST /v1/enterprises/validations", () => {
  it("answers each bad row's problems by index, field and message, and passes the good ones", async () => {
    const bad = wrongCheckCharacter();
    const rows = [
      enterpriseBody(),
      enterpriseBody({ uscc: bad.uscc }),
      enterpriseBody({ regionCode: "420100" }), // a city, not a county
      enterpriseBody({ industryCode: "ZZ" }),
      enterpriseBody({ regionCode: "420106" }), // 武昌区: outside 江岸区's jurisdiction
      { ...enterpriseBody(), name: undefined, contact: { name: "张三", phone: "x" } },
      "not a row",
      enterpriseBody(),
    ];
    const res = await api.call("POST", "/v1/enterprises/validations", { as: jianganRegulator, body: { rows } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.checked).toBe(8);
    expect(res.body.invalid).toBe(6);
    const at = (index: number) => res.body.problems.filter((p: { index: number }) => p.index === index);
    expect(at(0)).toEqual([]);
    expect(at(7)).toEqual([]);
    expect(at(1)).toEqual([expect.objectContaining({ path: "uscc", code: "uscc_check_character" })]);
    // The expected check character is named, as the create names it.
    expect(at(1)[0].message).toContain(bad.expected);
    expect(at(2).map((p: { path: string }) => p.path)).toEqual(["regionCode"]);
    expect(at(3).map((p: { path: string }) => p.path)).toEqual(["industryCode"]);
    expect(at(4)).toEqual([expect.objectContaining({ path: "regionCode", code: "out_of_scope" })]);
    expect(at(5).map((p: { path: string }) => p.path).sort()).toEqual(["contact.phone", "name"]);
    expect(at(6)).toEqual([expect.objectContaining({ path: "", code: "validation_failed" })]);
  });

  it("says exactly what the create says about the same row", async () => {
    const rows = [enterpriseBody({ uscc: wrongCheckCharacter().uscc }), enterpriseBody({ scale: "huge", address: "" }), enterpriseBody({ regionCode: "420106" })];
    const res = await api.call("POST", "/v1/enterprises/validations", { as: jianganRegulator, body: { rows } });
    expect(res.status).toBe(200);
    for (const [index, row] of rows.entries()) {
      const created = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: row });
      expect(created.status).toBeGreaterThanOrEqual(400);
      const problems = res.body.problems.filter((p: { index: number }) => p.index === index);
      const expected = created.body.errors ?? [{ path: "regionCode", message: created.body.detail }];
      expect(problems.map((p: { path: string; message: string }) => ({ path: p.path, message: p.message }))).toEqual(expected);
      expect(problems.every((p: { code: string }) => p.code === created.body.code)).toBe(true);
    }
  });

  it("writes nothing: a validated row can still be registered, and is not listed before", async () => {
    const row = enterpriseBody({ name: `核对不写入${Date.now()}` });
    const res = await api.call("POST", "/v1/enterprises/validations", { as: jianganRegulator, body: { rows: [row] } });
    expect(res.body).toEqual({ checked: 1, invalid: 0, problems: [] });
    const listed = await api.call("GET", `/v1/enterprises?q=${encodeURIComponent(row.name)}`, { as: jianganRegulator });
    expect(listed.body.items).toEqual([]);
    // No USCC claim was left behind.
    expect((await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: row })).status).toBe(201);
  });

  it("an industry department's rows of another industry are out of scope on industryCode", async () => {
    const res = await api.call("POST", "/v1/enterprises/validations", {
      as: wuhanIndustry,
      body: { rows: [enterpriseBody({ industryCode: "26" }), enterpriseBody({ industryCode: "47" }), enterpriseBody({ regionCode: "420503", industryCode: "26" })] },
    });
    expect(res.status).toBe(200);
    expect(res.body.problems.map((p: { index: number; path: string; code: string }) => [p.index, p.path, p.code])).toEqual([
      [1, "industryCode", "out_of_scope"],
      [2, "regionCode", "out_of_scope"],
    ]);
  });

  it("answers in English with Accept-Language: en", async () => {
    const bad = wrongCheckCharacter();
    const res = await api.call("POST", "/v1/enterprises/validations", { as: jianganRegulator, body: { rows: [enterpriseBody({ uscc: bad.uscc })] }, headers: { "accept-language": "en" } });
    expect(res.body.problems[0].message).toMatch(/check character/i);
    expect(res.body.problems[0].message).toContain(bad.expected);
  });

  it("refuses an empty batch, more than 200 rows, and roles that may not register", async () => {
    const empty = await api.call("POST", "/v1/enterprises/validations", { as: jianganRegulator, body: { rows: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe("validation_failed");
    const many = await api.call("POST", "/v1/enterprises/validations", { as: jianganRegulator, body: { rows: Array.from({ length: 201 }, () => enterpriseBody()) } });
    expect(many.status).toBe(400);
    expect(many.body.errors[0].path).toBe("rows");
    const full = await api.call("POST", "/v1/enterprises/validations", { as: jianganRegulator, body: { rows: Array.from({ length: 200 }, () => enterpriseBody()) } });
    expect(full.body).toMatchObject({ checked: 200, invalid: 0 });
    for (const as of [{ role: "statistician", region: "420000" }, { role: "enterprise", region: "420102", enterprise: "01J0000000000000000000000E" }] as const) {
      const res = await api.call("POST", "/v1/enterprises/validations", { as: as as never, body: { rows: [enterpriseBody()] } });
      expect(res.status).toBe(403);
    }
  });
});
