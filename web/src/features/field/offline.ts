// The data the field screens need without signal (the member's grid and its enterprises, the
// enterprises of an inspector's region, checklists, region names) is kept per account in
// IndexedDB and put back into the query cache when a field screen opens. Why the query cache
// and not the service worker's runtime cache: the worker keys responses by URL alone, so one
// account's cached grid would be served offline to whoever uses the device next; here the
// snapshot belongs to its owner. The queries refetch when the connection returns (TanStack
// Query's refetchOnReconnect), and every successful fetch is saved again.
import { type DehydratedState, dehydrate, hydrate, type Query } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { queryClient } from "../../api/client";
import { fieldDb } from "./outbox";

const FIELD_PATHS = new Set(["/v1/grids/{id}", "/v1/enterprises", "/v1/checklists", "/v1/regions"]);
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

const isFieldQuery = (q: Query) => q.state.status === "success" && FIELD_PATHS.has(String(q.queryKey[1])) && Date.now() - q.state.dataUpdatedAt < MAX_AGE_MS;

/** What is kept per owner: the field queries and when they were kept. */
interface Kept {
  savedAt: string;
  state: DehydratedState;
}

async function save(owner: string): Promise<string> {
  const kept: Kept = { savedAt: new Date().toISOString(), state: dehydrate(queryClient, { shouldDehydrateQuery: isFieldQuery }) };
  await (await fieldDb()).put("cache", JSON.stringify(kept), owner);
  return kept.savedAt;
}

/**
 * Restores the owner's field data once, then keeps saving it. `ready` once restored; `savedAt`
 * is when this device last kept a copy, so the member knows the screen will work without signal.
 */
export function useOfflineData(owner: string): { ready: boolean; savedAt?: string } {
  const [ready, setReady] = useState(false);
  const [savedAt, setSavedAt] = useState<string>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = queryClient.getQueryCache().subscribe((e) => {
      if (e.type !== "updated" || e.action.type !== "success" || !FIELD_PATHS.has(String(e.query.queryKey[1]))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void save(owner).then(setSavedAt), 300);
    });
    void (async () => {
      const raw = await (await fieldDb()).get("cache", owner);
      // hydrate keeps whichever copy of a query is newer, so a fresh fetch is never overwritten.
      if (raw) {
        const kept = JSON.parse(raw) as Kept;
        hydrate(queryClient, kept.state);
        setSavedAt(kept.savedAt);
      }
      setReady(true);
    })();
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [owner]);
  return { ready, savedAt };
}
