import { $api } from "../api/client";

/** Hubei's divisions from the public /v1/regions, read once per session. */
export function useRegions() {
  return $api.useQuery("get", "/v1/regions", {}, { staleTime: Number.POSITIVE_INFINITY });
}

/** A region code's name ("420102" → "江岸区"); the code itself until the list has arrived. */
export function useRegionName(): (code: string) => string {
  const regions = useRegions();
  const names = new Map((regions.data?.items ?? []).map((r) => [r.code, r.name]));
  return (code) => names.get(code) ?? code;
}
