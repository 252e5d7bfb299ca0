// Decision limits as each catalogue item carries them (行政许可法 and the items' own statutes): 行政许可法
// art. 42's 20 working days unless the item's own statute sets another, which wins — 45 for the safety
// production licence (安全生产许可证条例 art. 7), 30 for fireworks wholesale (烟花爆竹安全管理条例 art. 19).
// The limit and the provision behind it are public (catalogue, service guide, power list), and the
// application's clock runs on the item's limit.
import { describe, expect, it } from "vitest";
import { STATE_COUNCIL_CALENDARS } from "../../functions/approvals/calendar-data.js";
import { addWorkingDays } from "../../functions/approvals/rules.js";
import { shanghaiDate } from "../../shared/time.js";
import { useApi } from "../support/api.js";
import { enterpriseBody, uscc } from "../support/data.js";

const api = useApi();
const officerA = { role: "approval_officer", region: "420000", user: "po-limits" } as const;

describe("each item's decision limit and its basis", () => {
  it.each([
    ["AQ01-01", 45, "《安全生产许可证条例》第七条"],
    ["AQ02-01", 30, "《烟花爆竹安全管理条例》第十九条"],
    ["AQ03-01", 20, "《中华人民共和国行政许可法》第四十二条"],
  ])("%s: %i working days, by %s — in the public catalogue, its service guide and the power list", async (code, days, basis) => {
    const guide = await api.call("GET", `/v1/approval-items/${code}`);
    expect(guide.status).toBe(200);
    expect(guide.body).toMatchObject({ limitWorkingDays: days, limitBasis: basis });
    const catalogue = await api.call("GET", "/v1/approval-items");
    expect(catalogue.body.items.find((i: { code: string }) => i.code === code)).toMatchObject({ limitWorkingDays: days, limitBasis: basis });
    const power = await api.call("GET", "/v1/power-list");
    expect(power.body.items.find((i: { code: string }) => i.code === code)).toMatchObject({ limitWorkingDays: days, limitBasis: basis });
  });

  it("an admin's new version must name the provision behind its limit", async () => {
    const current = (await api.call("GET", "/v1/approval-items/AQ03-02")).body;
    const { code: _code, version: _v, updatedAt: _u, changeReason: _c, limitBasis: _b, ...fields } = current;
    const res = await api.call("PUT", "/v1/approval-items/AQ03-02", {
      as: { role: "admin", region: "420000" },
      body: { ...fields, changeReason: "缺少时限依据" },
      headers: { "if-match": `"${current.version}"` },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain("limitBasis");
  });
});

describe("the application clock uses the item's limit", () => {
  it("烟花爆竹安全管理条例 art. 19: a fireworks wholesale application is due 30 working days after acceptance", async () => {
    const ent = await api.call("POST", "/v1/enterprises", { as: { role: "regulator", region: "420000" }, body: enterpriseBody({ regionCode: "420103", industryCode: "51", uscc: uscc("420103") }) });
    expect(ent.status, JSON.stringify(ent.body)).toBe(201);
    const as = { role: "enterprise", region: "420103", enterprise: ent.body.id } as const;
    const draft = await api.call("POST", "/v1/applications", { as, body: { itemCode: "AQ02-01", scope: "烟花爆竹批发" } });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body.limitWorkingDays).toBe(30);
    const pdf = Buffer.from("%PDF-1.4\n% material\n");
    for (const material of draft.body.materials as string[]) {
      const ticket = await api.call("POST", `/v1/applications/${draft.body.id}/attachments`, { as, body: { material, fileName: "材料.pdf", contentType: "application/pdf", size: pdf.length } });
      expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
      expect((await fetch(ticket.body.upload.url, { method: "PUT", headers: ticket.body.upload.headers, body: pdf })).status).toBe(200);
    }
    expect((await api.call("POST", `/v1/applications/${draft.body.id}/submit`, { as, body: {} })).status).toBe(200);
    const accepted = await api.call("POST", `/v1/applications/${draft.body.id}/accept`, { as: officerA, body: {} });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const today = shanghaiDate(new Date());
    expect(accepted.body.acceptedOn).toBe(today);
    expect(accepted.body.dueDate).toBe(addWorkingDays(today, 30, STATE_COUNCIL_CALENDARS).date);
    expect(accepted.body.dueDate).not.toBe(addWorkingDays(today, 20, STATE_COUNCIL_CALENDARS).date);
  });
});
