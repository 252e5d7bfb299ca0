// The code lists (GB 6441-86 accident types, GB/T 4754-2017 industries) served beside /v1/regions:
// public, cacheable, and the industry class codes of business licences accepted as their division.
import { describe, expect, it } from "vitest";
import { useApi } from "../support/api.js";
import { enterpriseBody } from "../support/data.js";

const api = useApi();
const jianganRegulator = { role: "regulator", region: "420102" } as const;

describe("code lists", () => {
  it("GET /v1/codes/accident-types: the 20 GB 6441-86 types with names, without a token, cacheable", async () => {
    const res = await api.call("GET", "/v1/codes/accident-types");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(res.body.items).toHaveLength(20);
    expect(res.body.items[0]).toEqual({ code: "01", name: "物体打击" });
    expect(res.body.items.find((t: { code: string }) => t.code === "19")).toEqual({ code: "19", name: "中毒和窒息" });
  });

  it("GET /v1/codes/industries: the 20 GB/T 4754-2017 sections, each followed by its divisions, without a token, cacheable", async () => {
    const res = await api.call("GET", "/v1/codes/industries");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    const items = res.body.items as { code: string; name: string; level: string; section: string | null }[];
    expect(items.filter((i) => i.level === "section")).toHaveLength(20);
    expect(items.filter((i) => i.level === "division")).toHaveLength(97);
    expect(items.find((i) => i.code === "C")).toEqual({ code: "C", name: "制造业", level: "section", section: null });
    expect(items.find((i) => i.code === "26")).toEqual({ code: "26", name: "化学原料和化学制品制造业", level: "division", section: "C" });
    const c = items.findIndex((i) => i.code === "C");
    expect(items[c + 1]?.code).toBe("13");
  });
});

/** Every id a list answers, page after page (a filtered page may be empty and still have a next one). */
async function listAll(path: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await api.call("GET", cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path, { as: jianganRegulator });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.items.map((e: { id: string }) => e.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

describe("industry class codes from business licences", () => {
  it("an enterprise registered with class 2614 is in division 26 (section C), and 2614 filters like 26", async () => {
    const body = enterpriseBody({ industryCode: "2614" });
    const created = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ industryCode: "26", industrySection: "C" });

    const q = encodeURIComponent(body.name);
    expect(await listAll(`/v1/enterprises?regionCode=420102&industryCode=2614&q=${q}`)).toEqual([created.body.id]);
    expect(await listAll(`/v1/enterprises?regionCode=420102&industryCode=2714&q=${q}`)).toEqual([]);
  });

  it("a class code whose division does not exist is still a 400", async () => {
    const res = await api.call("POST", "/v1/enterprises", { as: jianganRegulator, body: enterpriseBody({ industryCode: "9800" }) });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain("industryCode");
  });
});
