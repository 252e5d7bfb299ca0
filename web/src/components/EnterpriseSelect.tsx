import { Select } from "antd";
import { useState } from "react";
import { $api } from "../api/client";

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
  const found = $api.useQuery("get", "/v1/enterprises", { params: { query: { regionCode, q: q.trim() || undefined, limit: 50 } } });
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
