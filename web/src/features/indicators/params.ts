import { useSearchParams } from "react-router";

/** The statistics pages keep their year, region and period in the address, so a view can be linked. */
export function useStatsParams() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return { year: Number(params.get("year") ?? new Date().getFullYear()), get: (key: string) => params.get(key) ?? undefined, set };
}
