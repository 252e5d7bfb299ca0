// The GB 11714 organisation code embedded in a unified social credit code (positions 9-17, GB 32100-2015)
// is checked wherever a code is recorded: the register and an accident's unregistered unit alike. A code
// failing it is refused with a message naming the expected character; only a province administrator may
// register such a code, with a recorded reason (GB 32100-2015, GB 11714).
import { describe, expect, it } from "vitest";
import { orgCodeCheckCharacter, usccCheckCharacter } from "../../shared/codes/index.js";
import { useApi } from "../support/api.js";
import { enterpriseBody, uscc } from "../support/data.js";

const api = useApi();

const jianganRegulator = { role: "regulator", region: "420102" } as const;
const provinceAdmin = { role: "admin", region: "420000" } as const;

/** A code whose own GB 32100 check character is right but whose embedded organisation code is wrong. */
function badOrgCode(regionCode = "420102"): { code: string; expected: string } {
  const good = uscc(regionCode);
  const expected = good.charAt(16);
  const wrong = expected === "1" ? "2" : "1";
  const first17 = good.slice(0, 16) + wrong;
  expect(orgCodeCheckCharacter(good.slice(8, 16))).toBe(expected);
  return { code: first17 + usccCheckCharacter(first17), expected };
}

describe("the register (GB 32100 with GB 11714)", () => {
  it("a bad embedded organisation code is a 400 on uscc naming the expected character; nothing is written", async () => {
    const { code, expected } = badOrgCode();
    const body = enterpriseBody({ uscc: code });
    const res = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "uscc_org_code_check", errors: [{ path: "uscc" }] });
    expect(res.body.errors[0].message).toContain(expected);
    const en = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body, headers: { "accept-language": "en" } });
    expect(en.body.errors[0].message).toContain(`should be ${expected}`);
    const list = await api.call("GET", `/v1/enterprises?regionCode=420102&q=${code}`, { as: jianganRegulator });
    expect(list.body.items).toEqual([]);
  });

  it("only a province administrator may register it, with a reason that is recorded and audited", async () => {
    const { code, expected } = badOrgCode();
    const withReason = enterpriseBody({ uscc: code, checksumOverride: { reason: "营业执照原件如此，已核实" } });
    const denied = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: withReason });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe("override_not_allowed");
    const ok = await api.call("POST", "/v1/enterprises", { as: provinceAdmin, body: withReason });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.checksumOverride).toMatchObject({ check: "org_code", expected, reason: "营业执照原件如此，已核实" });
    const audit = await api.call("GET", `/v1/audit?entityId=${ok.body.id}`, { as: provinceAdmin });
    expect(audit.body.items[0].reason).toBe("营业执照原件如此，已核实");
  });

  it("a code passing both checks needs no override", async () => {
    const res = await api.call("POST", "/v1/enterprises", { as: provinceAdmin, body: enterpriseBody({ checksumOverride: { reason: "无" } }) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe("checksumOverride");
  });
});

describe("an accident's unregistered unit (checked like the register's)", () => {
  const accident = (unit: Record<string, unknown>) => ({
    regionCode: "420102",
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    unit,
    industryCode: "26",
    accidentType: "03",
    summary: "未登记作坊机械伤人",
    scene: "作坊",
    deaths: 0,
    missing: 0,
    seriousInjuries: 0,
    injuries: 1,
    directLossYuan: 10_000,
  });

  it("a bad embedded organisation code is a 400 on unit.uscc and no report is made; a good code or none is accepted", async () => {
    const { code, expected } = badOrgCode();
    const name = `未登记作坊${Math.random().toString(36).slice(2, 8)}`;
    const refused = await api.call("POST", "/v1/accidents", { as: jianganRegulator, body: accident({ name, uscc: code, address: "江岸区某路" }) });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: "uscc_org_code_check", errors: [{ path: "unit.uscc" }] });
    expect(refused.body.errors[0].message).toContain(expected);
    const badCheck = await api.call("POST", "/v1/accidents", { as: jianganRegulator, body: accident({ name, uscc: `${code.slice(0, 17)}${code[17] === "0" ? "1" : "0"}`, address: "江岸区某路" }) });
    expect(badCheck.status).toBe(400);
    expect(badCheck.body).toMatchObject({ code: "uscc_check_character", errors: [{ path: "unit.uscc" }] });

    const good = await api.call("POST", "/v1/accidents", { as: jianganRegulator, body: accident({ name, uscc: uscc(), address: "江岸区某路" }) });
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    const none = await api.call("POST", "/v1/accidents", { as: jianganRegulator, body: accident({ name, address: "江岸区某路" }) });
    expect(none.status).toBe(201);
    const from = new Date(Date.now() - 15 * 60_000).toISOString();
    const list = await api.call("GET", `/v1/accidents?regionCode=420102&limit=100&from=${encodeURIComponent(from)}`, { as: jianganRegulator });
    expect(list.body.items.filter((a: { unit: { name: string } }) => a.unit.name === name)).toHaveLength(2);
  });
});
