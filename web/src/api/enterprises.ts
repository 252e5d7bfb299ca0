// Reading the register across pages. GET /v1/enterprises filters a bounded run of the region's
// records per page, so a page can hold fewer matches than asked (even none) while more follow.
import type { components } from "./schema";
import { api } from "./client";

type Enterprise = components["schemas"]["Enterprise"];
type Query = { regionCode?: string; q?: string; limit: number };

/** Follows the cursor until `want` enterprises are found, `maxPages` were read, or the list ends. */
export async function readEnterprises(query: Query, want = Number.POSITIVE_INFINITY, maxPages = Number.POSITIVE_INFINITY): Promise<Enterprise[]> {
  const items: Enterprise[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages && items.length < want; page++) {
    const { data } = await api.GET("/v1/enterprises", { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } });
    items.push(...(data?.items ?? []));
    cursor = data?.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return items.slice(0, want);
}
