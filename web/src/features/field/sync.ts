// Sending the outbox: in the order items were saved, each with the Idempotency-Key it got when
// saved, so an answer lost on the way back is answered again by the API with the first result
// and never creates a second record. Photos go up after the record exists, each through a
// fresh presigned URL; a failed upload is retried later without re-creating the record.
// A refusal (4xx) stays on the item with the API's message; nothing is dropped.
import { api, ApiError } from "../../api/client";
import { problemText } from "../../api/problem";
import { putToPresigned, UploadError } from "../../api/upload";
import { listItems, type OutboxItem, putItem } from "./outbox";

/** Refusals the user must act on; anything else (network, 401, 408, 429, 5xx) is retried by the next sync. */
const isRefusal = (err: unknown) => err instanceof ApiError && err.status >= 400 && err.status < 500 && ![401, 408, 429].includes(err.status);

function refusalText(err: ApiError): string {
  if (err.problem.code === "not_in_grid") return `${problemText(err)}。草稿已保留，可交由监管人员接手处理。`;
  // The console's usual 409 text says the screen was refreshed; here nothing was, the item waits for the user.
  if (err.status === 409) return `${err.problem.detail ?? err.problem.title ?? "冲突"}。处理后可重新发送。`;
  const fields = err.fieldErrors.map((f) => `${f.path}：${f.message}`).join("；");
  return fields ? `${problemText(err)}（${fields}）` : problemText(err);
}

async function create(item: OutboxItem): Promise<{ id: string; hazardIds: string[] }> {
  const headers = { "Idempotency-Key": item.idempotencyKey };
  if (item.kind === "patrol") {
    const { data } = await api.POST("/v1/grid-patrols", { body: item.body, headers });
    if (!data) throw new Error("empty answer");
    return { id: data.id, hazardIds: data.hazardIds };
  }
  if (item.kind === "inspection") {
    const { data } = await api.POST("/v1/enforcement-inspections", { body: item.body, headers });
    if (!data) throw new Error("empty answer");
    return { id: data.id, hazardIds: data.hazardIds };
  }
  const { data } = await api.POST("/v1/hazards", { body: item.body, headers });
  if (!data) throw new Error("empty answer");
  return { id: data.id, hazardIds: [data.id] };
}

/** Sends one item as far as it goes; "stop" when the connection (or the session) is gone. */
async function send(item: OutboxItem): Promise<"sent" | "refused" | "stop"> {
  let current: OutboxItem = { ...item, state: "syncing", message: undefined };
  await putItem(current);
  try {
    if (!current.result) {
      current = { ...current, result: await create(current) };
      await putItem(current);
    }
    for (const photo of current.photos) {
      if (photo.uploaded) continue;
      const hazardId = current.result?.hazardIds[photo.finding];
      if (!hazardId) continue;
      // A fresh URL per attempt: an earlier one may have expired while the device was offline.
      const { data } = await api.POST("/v1/hazards/{id}/attachments", {
        params: { path: { id: hazardId } },
        body: { fileName: photo.name, contentType: photo.type as "image/jpeg", size: photo.blob.size },
        headers: { "Idempotency-Key": crypto.randomUUID() },
      });
      if (!data) throw new Error("empty answer");
      await putToPresigned(data.upload, photo.blob);
      current = { ...current, photos: current.photos.map((p) => (p.id === photo.id ? { ...p, uploaded: true } : p)) };
      await putItem(current);
    }
    await putItem({ ...current, state: "done", doneAt: new Date().toISOString() });
    return "sent";
  } catch (err) {
    if (isRefusal(err)) {
      await putItem({ ...current, state: "refused", message: refusalText(err as ApiError) });
      return "refused";
    }
    const message =
      err instanceof UploadError ? `${err.message}；记录已建立，照片将在下次同步时重传` : err instanceof ApiError ? problemText(err) : "网络中断，联网后将自动同步";
    await putItem({ ...current, state: "pending", message });
    return "stop";
  }
}

let running: Promise<void> | undefined;

/** Sends the owner's waiting items in order; one run at a time. */
export function syncOutbox(owner: string, only?: string): Promise<void> {
  running ??= (async () => {
    try {
      for (const item of await listItems(owner)) {
        if (only ? item.id !== only : item.state === "done" || item.state === "refused") continue;
        if ((await send(item)) === "stop") break;
      }
    } finally {
      running = undefined;
    }
  })();
  return running;
}
