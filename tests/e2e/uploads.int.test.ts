// Evidence uploads as real S3 sees them: what a presigned PUT carries and signs, the per-record
// attachment cap, verification once and pinned to the object verified, links only on request.
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENTS_PER_RECORD } from "../../shared/storage.js";
import { useApi } from "../support/api.js";
import { enterpriseBody, uscc } from "../support/data.js";
import { act, createHazard, generalBody, newEnterprise, uploadEvidence } from "../support/hazards.js";

const api = useApi();

const ask = (hazardId: string, as: Parameters<typeof api.call>[2] extends infer O ? (O extends { as?: infer A } ? A : never) : never, size = 5) =>
  api.call("POST", `/v1/hazards/${hazardId}/attachments`, { as, body: { fileName: "p.pdf", contentType: "application/pdf", size } });

describe("presigned PUT URLs", () => {
  it("carry no precomputed checksum and sign content type, length and If-None-Match", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    const res = await ask(h.id, e.as);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const params = new URL(res.body.upload.url).searchParams;
    const names = [...params.keys()].map((k) => k.toLowerCase());
    // Real S3 refuses a body whose CRC32 differs from one baked into the URL (the SDK's default bakes in the empty body's).
    expect(names.filter((n) => n.startsWith("x-amz-checksum-") || n === "x-amz-sdk-checksum-algorithm")).toEqual([]);
    expect(params.get("X-Amz-SignedHeaders")?.split(";")).toEqual(expect.arrayContaining(["content-type", "content-length", "if-none-match", "host"]));
    expect(res.body.upload.headers).toEqual({ "content-type": "application/pdf", "if-none-match": "*" });
  });

  it("an upload of another content type than declared never counts as evidence", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    await act(api, e.as, h.id, "start");
    const res = await ask(h.id, e.as);
    // Real S3 refuses this PUT (content-type is signed); the local S3 server does not check
    // signed headers, so verification on complete must refuse it.
    await fetch(res.body.upload.url, { method: "PUT", headers: { ...res.body.upload.headers, "content-type": "image/png" }, body: Buffer.from("%PDF1") });
    const done = await act(api, e.as, h.id, "complete");
    expect(done.status).toBe(409);
    expect(done.body.code).toBe("evidence_required");
  });
});

describe("verification once, pinned to the verified object", () => {
  it("a hazard read makes no S3 call and carries no link; a link comes from the attachment route", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    const id = await uploadEvidence(api, e.as, h.id);
    const before = await api.call("GET", `/v1/hazards/${h.id}`, { as: e.as });
    // Not verified until the step that relies on it: the read did not ask S3.
    expect(before.body.attachments).toEqual([expect.objectContaining({ id, uploaded: false })]);
    expect(before.text).not.toContain("X-Amz-Signature");
    await act(api, e.as, h.id, "start");
    expect((await act(api, e.as, h.id, "complete")).status).toBe(200);
    const after = await api.call("GET", `/v1/hazards/${h.id}`, { as: e.as });
    expect(after.body.attachments).toEqual([expect.objectContaining({ id, uploaded: true })]);
    expect(after.text).not.toContain("X-Amz-Signature");
    const link = await api.call("GET", `/v1/hazards/${h.id}/attachments/${id}`, { as: e.as });
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    expect(await (await fetch(link.body.download.url)).text()).toBe("%PDF-1.4 evidence");
    const missing = await api.call("GET", `/v1/hazards/${h.id}/attachments/01ARZ3NDEKTSV4RRFFQ69G5FAV`, { as: e.as });
    expect(missing.status).toBe(404);
    const stranger = await newEnterprise(api);
    expect((await api.call("GET", `/v1/hazards/${h.id}/attachments/${id}`, { as: stranger.as })).status).toBe(404);
  });

  it("an object replaced after verification (a reused URL) is not served", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    const res = await ask(h.id, e.as, 5);
    const put = (body: string) => fetch(res.body.upload.url, { method: "PUT", headers: res.body.upload.headers, body: Buffer.from(body) });
    expect((await put("first")).status).toBe(200);
    await act(api, e.as, h.id, "start");
    expect((await act(api, e.as, h.id, "complete")).status).toBe(200);
    const replaced = await put("other");
    // Real S3 refuses the second PUT itself (If-None-Match: * is signed, 412); the local S3 server
    // ignores that header, so the verified ETag must catch the replacement.
    if (replaced.status === 200) {
      const link = await api.call("GET", `/v1/hazards/${h.id}/attachments/${res.body.attachment.id}`, { as: e.as });
      expect(link.status).toBe(409);
      expect(link.body.code).toBe("attachment_replaced");
    } else {
      expect(replaced.status).toBe(412);
    }
  });

  it("a declared but never uploaded attachment has no link (409 attachment_not_uploaded)", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    const res = await ask(h.id, e.as);
    const link = await api.call("GET", `/v1/hazards/${h.id}/attachments/${res.body.attachment.id}`, { as: e.as });
    expect(link.status).toBe(409);
    expect(link.body.code).toBe("attachment_not_uploaded");
  });
});

describe(`at most ${MAX_ATTACHMENTS_PER_RECORD} attachments per record`, () => {
  it("a hazard: the next one is a 409 too_many_attachments, concurrent requests cannot overshoot, nothing extra is written", async () => {
    const e = await newEnterprise(api);
    const h = await createHazard(api, e.as, generalBody(e.id));
    const results = await Promise.all(Array.from({ length: MAX_ATTACHMENTS_PER_RECORD + 5 }, () => ask(h.id, e.as)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(MAX_ATTACHMENTS_PER_RECORD);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe("too_many_attachments");
    }
    const got = await api.call("GET", `/v1/hazards/${h.id}`, { as: e.as });
    expect(got.body.attachments).toHaveLength(MAX_ATTACHMENTS_PER_RECORD);
  });

  it("an application: the cap is per material; other materials still take uploads", async () => {
    const ent = await api.call("POST", "/v1/enterprises", { as: { role: "regulator", region: "420000" }, body: enterpriseBody({ regionCode: "420102", industryCode: "26", uscc: uscc("420102") }) });
    const as = { role: "enterprise", region: "420102", enterprise: ent.body.id } as const;
    const app = await api.call("POST", "/v1/applications", { as, body: { itemCode: "AQ04-01", scope: "特种作业：电工作业（低压电工）" } });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    const [first, second] = app.body.materials as string[];
    const attach = (material: string | undefined) =>
      api.call("POST", `/v1/applications/${app.body.id}/attachments`, { as, body: { material, fileName: "a.pdf", contentType: "application/pdf", size: 10 } });
    for (let i = 0; i < MAX_ATTACHMENTS_PER_RECORD; i++) expect((await attach(first)).status).toBe(201);
    const over = await attach(first);
    expect(over.status).toBe(409);
    expect(over.body.code).toBe("too_many_attachments");
    expect((await attach(second)).status).toBe(201);
    const got = await api.call("GET", `/v1/applications/${app.body.id}`, { as });
    expect(got.body.attachments).toHaveLength(MAX_ATTACHMENTS_PER_RECORD + 1);
    expect(got.text).not.toContain("X-Amz-Signature");
  });
});
