// The field outbox: what a grid member or inspector saved on the device, kept in IndexedDB so
// it survives closing the browser and waits there until it reaches the API. Each item keeps
// the Idempotency-Key it got when it was saved: however often sync retries, the API creates
// the record once and answers every retry with the first result.
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { Claims } from "../../auth/session";
import type { paths } from "../../api/schema";

type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { "application/json": infer B } } } } ? B : never;

export type Submission =
  | { kind: "patrol"; body: Body<"/v1/grid-patrols"> }
  | { kind: "hazard"; body: Body<"/v1/hazards"> }
  | { kind: "inspection"; body: Body<"/v1/enforcement-inspections"> };

export type OutboxState = "pending" | "syncing" | "done" | "refused";

export const STATE_LABEL: Record<OutboxState, string> = { pending: "待同步", syncing: "同步中", done: "已提交", refused: "需处理" };

export interface Photo {
  id: string;
  name: string;
  type: string;
  blob: Blob;
  /** The finding (index in the submission's findings; 0 for a single hazard) whose hazard gets the photo. */
  finding: number;
  uploaded: boolean;
}

export type OutboxItem = Submission & {
  id: string;
  /** Whose item it is: only its owner's session sends it. */
  owner: string;
  title: string;
  /** Device time of saving; the outbox is sent in this order. */
  savedAt: string;
  idempotencyKey: string;
  photos: Photo[];
  state: OutboxState;
  /** The API's refusal or why the last attempt stopped. */
  message?: string;
  /** Set once the record exists: later attempts only upload the photos still missing. */
  result?: { id: string; hazardIds: string[] };
  /** Device time the item became 已提交; how long the device keeps it after that. */
  doneAt?: string;
};

interface FieldDb extends DBSchema {
  outbox: { key: string; value: OutboxItem; indexes: { owner: string } };
  cache: { key: string; value: string };
}

let db: Promise<IDBPDatabase<FieldDb>> | undefined;

export function fieldDb(): Promise<IDBPDatabase<FieldDb>> {
  db ??= openDB<FieldDb>("hubei-safety-field", 1, {
    upgrade(d) {
      d.createObjectStore("outbox", { keyPath: "id" }).createIndex("owner", "owner");
      d.createObjectStore("cache");
    },
  });
  return db;
}

/** One device may be shared: items belong to the account (role and grid, enterprise or region) that saved them. */
export function ownerOf(claims: Claims): string {
  return `${claims.role}:${claims.grid ?? claims.enterprise ?? claims.region}`;
}

type Listener = () => void;
const listeners = new Set<Listener>();
export function onOutboxChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export async function putItem(item: OutboxItem): Promise<void> {
  await (await fieldDb()).put("outbox", item);
  for (const l of listeners) l();
}

export async function listItems(owner: string): Promise<OutboxItem[]> {
  const items = await (await fieldDb()).getAllFromIndex("outbox", "owner", owner);
  return items.sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id));
}

/** How long an item stays on the device once 已提交: long enough to look back at a week's work. */
export const KEEP_DONE_MS = 7 * 24 * 3600 * 1000;

/**
 * Removes the owner's items that reached the API (已提交) before `before` (all of them when
 * omitted), photos included since they live in the item. Items still waiting (待同步, 需处理)
 * are never removed: they exist nowhere else.
 */
export async function removeDone(owner: string, before?: Date): Promise<number> {
  const tx = (await fieldDb()).transaction("outbox", "readwrite");
  let removed = 0;
  for (let cursor = await tx.store.index("owner").openCursor(owner); cursor; cursor = await cursor.continue()) {
    const item = cursor.value;
    if (item.state !== "done" || (before && (item.doneAt ?? item.savedAt) >= before.toISOString())) continue;
    await cursor.delete();
    removed++;
  }
  await tx.done;
  if (removed) for (const l of listeners) l();
  return removed;
}

/** Saves a capture to the outbox (待同步), with the Idempotency-Key every attempt will send. */
export async function saveToOutbox(owner: string, title: string, submission: Submission, photos: Omit<Photo, "id" | "uploaded">[]): Promise<OutboxItem> {
  const item = {
    ...submission,
    id: crypto.randomUUID(),
    owner,
    title,
    savedAt: new Date().toISOString(),
    idempotencyKey: crypto.randomUUID(),
    photos: photos.map((p) => ({ ...p, id: crypto.randomUUID(), uploaded: false })),
    state: "pending",
  } as OutboxItem;
  await putItem(item);
  return item;
}
