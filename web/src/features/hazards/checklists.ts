import { useQueries } from "@tanstack/react-query";
import { $api } from "../../api/client";
import { useSession } from "../../auth/session";

/** The signed-in enterprise's record (its industry picks its checklists). */
export function useOwnEnterprise() {
  const id = useSession()?.claims.enterprise ?? "";
  return $api.useQuery("get", "/v1/enterprises/{id}", { params: { path: { id } } }, { enabled: id !== "" });
}

/** The current checklists for an industry, items included (the general one and the industry's own). */
export function useChecklists(industryCode: string | undefined) {
  const list = $api.useQuery("get", "/v1/checklists", { params: { query: { industryCode } } }, { enabled: industryCode !== undefined });
  const current = (list.data?.items ?? []).filter((c) => c.current);
  const full = useQueries({ queries: current.map((c) => $api.queryOptions("get", "/v1/checklists/{id}", { params: { path: { id: c.id } } })) });
  const pending = list.isPending || full.some((q) => q.isPending);
  return { checklists: full.flatMap((q) => (q.data ? [q.data] : [])), pending, error: list.error ?? full.find((q) => q.error)?.error };
}
