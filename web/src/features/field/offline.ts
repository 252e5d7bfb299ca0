// The data the field screens need without signal (the member's grid and its enterprises, the
// enterprises of an inspector's region, checklists, region names) is kept per account in
// IndexedDB and put back into the query cache when a field screen opens. Why the query cache
// and not the service worker's runtime cache: the worker keys responses by URL alone, so one
// account's cached grid would be served offline to whoever uses the device next; here the
// snapshot belongs to its owner. The queries refetch when the connection returns (TanStack
// Query's refetchOnReconnect), and every successful fetch is saved again.
import { dehydrate, hydrate, type Query } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { queryClient } from "../../api/client";
import { fieldDb } from "./outbox";

const FIELD_PATHS = new Set(["/v1/grids/{id}", "/v1/enterprises", "/v1/checklists", "/v1/regions"]);
const MAX_AGE_MS = 14 * 24 * 3600 * 1000;

const isFieldQuery = (q: Query) => q.state.status === "success" && FIELD_PATHS.has(String(q.queryKey[1])) && Date.now() - q.state.dataUpdatedAt < MAX_AGE_MS;

async function save(owner: string) {
  const snapshot = dehydrate(queryClient, { shouldDehydrateQuery: isFieldQuery });
  await (await fieldDb()).put("cache", JSON.stringify(snapshot), owner);
}

/** Restores the owner's field data once, then keeps saving it; true once restored. */
export function useOfflineData(owner: string): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = queryClient.getQueryCache().subscribe((e) => {
      if (e.type !== "updated" || e.action.type !== "success" || !FIELD_PATHS.has(String(e.query.queryKey[1]))) return;
      clearTimeout(timer);
      timer = setTimeout(() => void save(owner), 300);
    });
    void (async () => {
      const raw = await (await fieldDb()).get("cache", owner);
      // hydrate keeps whichever copy of a query is newer, so a fresh fetch is never overwritten.
      if (raw) hydrate(queryClient, JSON.parse(raw));
      setReady(true);
    })();
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [owner]);
  return ready;
}
