// What every field screen shares: the signed-in owner, the outbox (live from IndexedDB), the
// connection state, and sync on reconnect.
import { useCallback, useEffect, useState } from "react";
import { useSession } from "../../auth/session";
import { KEEP_DONE_MS, listItems, onOutboxChange, type OutboxItem, ownerOf, removeDone } from "./outbox";
import { useOfflineData } from "./offline";
import { syncOutbox } from "./sync";

export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener("online", on);
    addEventListener("offline", off);
    return () => {
      removeEventListener("online", on);
      removeEventListener("offline", off);
    };
  }, []);
  return online;
}

export function useField() {
  const s = useSession();
  const claims = s?.claims;
  const owner = claims ? ownerOf(claims) : "";
  const { ready, copy } = useOfflineData(owner);
  const online = useOnline();
  const [items, setItems] = useState<OutboxItem[]>([]);

  useEffect(() => {
    if (!owner) return;
    const load = () => void listItems(owner).then(setItems);
    load();
    // The outbox must not fill the phone: what the API has held for a week leaves the device.
    void removeDone(owner, new Date(Date.now() - KEEP_DONE_MS));
    return onOutboxChange(load);
  }, [owner]);

  const sync = useCallback((only?: string) => syncOutbox(owner, only), [owner]);

  // The connection came back (or the screen opened online): send what waits.
  useEffect(() => {
    if (owner && online) void syncOutbox(owner);
  }, [owner, online]);

  return { claims, owner, ready, copy, online, items, sync };
}
