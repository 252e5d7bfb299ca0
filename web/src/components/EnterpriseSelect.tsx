import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { readEnterprises } from "../api/enterprises";

const SHOWN = 50;
/** Pages a search walks on its own before it gives up on a rare name. */
const MAX_PAGES = 50;

interface Props {
  id?: string;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  /** Only enterprises of this region (the API scopes to the caller's jurisdiction anyway). */
  regionCode?: string;
  multiple?: boolean;
  /** Shown but not choosable, with the reason after the name. */
  disabledReason?: (e: { id: string; gridId?: string | null }) => string | undefined;
}

/** Enterprises of the register found by name as the user types (the API's `q`), for a Form.Item (its `extra` says to type a name: antd's placeholder grey is below WCAG contrast). */
export function EnterpriseSelect({ id, value, onChange, regionCode, multiple, disabledReason }: Props) {
  const [q, setQ] = useState("");
  const term = q.trim() || undefined;
  // A rare name in a large county can leave the first pages empty: keep reading until some match.
  const found = useQuery({
    queryKey: ["get", "/v1/enterprises", { params: { query: { regionCode, q: term, limit: SHOWN } } }],
    // The page's shape under the route's own key, as the typed client caches it.
    queryFn: async () => ({ items: await readEnterprises({ regionCode, q: term, limit: SHOWN }, SHOWN, MAX_PAGES), nextCursor: null }),
  });
  const options = (found.data?.items ?? []).map((e) => {
    const reason = disabledReason?.(e);
    return { value: e.id, label: reason ? `${e.name}（${reason}）` : e.name, disabled: !!reason };
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      mode={multiple ? "multiple" : undefined}
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={found.isFetching}
      options={options}
    />
  );
}
