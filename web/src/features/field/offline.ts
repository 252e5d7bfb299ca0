// The data the field screens need without signal (the enterprises the caller may report on —
// a grid member's grid, an inspector's region — the current checklists of their industries with
// their items, region names) is kept per account in
// IndexedDB and put back into the query cache when a field screen opens. Why the query cache
// and not the service worker's runtime cache: the worker keys responses by URL alone, so one
// account's cached grid would be served offline to whoever uses the device next; here the
// snapshot belongs to its owner. The queries refetch when the connection returns (TanStack
// Query's refetchOnReconnect), and every successful fetch is saved again.
import { type DehydratedState, dehydrate, hydrate, type Query } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { queryClient } from "../../api/client";
import { fieldDb } from "./outbox";

const FIELD_PATHS = new Set(["/v1/enterprises", "/v1/checklists", "/v1/checklists/{id}", "/v1/regions"]);
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

const isFieldQuery = (q: Query) => q.state.status === "success" && FIELD_PATHS.has(String(q.queryKey[1])) && Date.now() - q.state.dataUpdatedAt < MAX_AGE_MS;

/** What is kept per owner: the field queries and when they were kept. */
interface Kept {
  savedAt: string;
  state: DehydratedState;
}

/** What a copy holds, as the screens tell the member: when it was kept and how many checklists (with their items) it has. */
export interface Copy {
  savedAt: string;
  checklists: number;
}

const copyOf = (kept: Kept): Copy => ({ savedAt: kept.savedAt, checklists: kept.state.queries.filter((q) => q.queryKey[1] === "/v1/checklists/{id}").length });

async function save(owner: string): Promise<Copy> {
  const kept: Kept = { savedAt: new Date().toISOString(), state: dehydrate(queryClient, { shouldDehydrateQuery: isFieldQuery }) };
  await (await fieldDb()).put("cache", JSON.stringify(kept), owner);
  return copyOf(kept);
}

/**
 * Restores the owner's field data once, then keeps saving it. `ready` once restored; `copy` is
 * what this device last kept, so the member knows the screen will work without signal.
 */
export function useOfflineData(owner: string): { ready: boolean; copy?: Copy } {
  const [ready, setReady] = useState(false);
  const [copy, setCopy] = useState<Copy>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = queryClient.getQueryCache().subscribe((e) => {
      if (e.type !== "updated" || e.action.type !== "success" || !FIELD_PATHS.has(String(e.query.queryKey[1]))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void save(owner).then(setCopy), 300);
    });
    void (async () => {
      const raw = await (await fieldDb()).get("cache", owner);
      // hydrate keeps whichever copy of a query is newer, so a fresh fetch is never overwritten.
      if (raw) {
        const kept = JSON.parse(raw) as Kept;
        hydrate(queryClient, kept.state);
        setCopy(copyOf(kept));
      }
      setReady(true);
    })();
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [owner]);
  return { ready, copy };
}
