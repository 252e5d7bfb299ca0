import { Button, Checkbox, Flex, Form, Input, Select, Table, type TableProps } from "antd";
import { type ReactNode, useState } from "react";
import { useSearchParams } from "react-router";
import { TAG } from "./colors";
import { QueryState } from "./QueryState";

/**
 * A list page's filters in the address (so a filtered list can be linked and reloaded) and its
 * cursor trail (the API pages forward only; "上一页" walks back the cursors already seen).
 */
export interface ListState {
  /** A filter's value from the address, undefined when not set. */
  get<T extends string = string>(key: string): T | undefined;
  /** Sets or clears a filter and goes back to the first page. */
  set(key: string, value: string | undefined): void;
  /** The cursor of the page shown (undefined on the first). */
  cursor: string | undefined;
  pages: { back?: () => void; next: (cursor: string) => void };
}

export function useListState(): ListState {
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    get: <T extends string>(key: string) => (params.get(key) ?? undefined) as T | undefined,
    set(key, value) {
      const next = new URLSearchParams(params);
      if (value) next.set(key, value);
      else next.delete(key);
      setCursors([]);
      setParams(next);
    },
    cursor: cursors.at(-1),
    pages: { back: cursors.length > 0 ? () => setCursors((c) => c.slice(0, -1)) : undefined, next: (c) => setCursors((all) => [...all, c]) },
  };
}

/** The filters' row: label ↔ input pairs that wrap on a phone. */
export function Filters({ children }: { children: ReactNode }) {
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
      {children}
    </Form>
  );
}

/** A choice filter bound to `name` in the address; the first option "全部" clears it. */
export function SelectFilter({ list, name, label, options, allLabel = "全部", width = 140 }: { list: ListState; name: string; label: string; options: { value: string; label: string }[]; allLabel?: string; width?: number }) {
  const id = `filter-${name}`;
  return (
    <Form.Item label={label} htmlFor={id}>
      <Select id={id} style={{ width }} value={list.get(name) ?? ""} onChange={(v) => list.set(name, v || undefined)} options={[{ value: "", label: allLabel }, ...options]} />
    </Form.Item>
  );
}

/** A yes/only filter bound to `name=true` in the address. */
export function CheckFilter({ list, name, label }: { list: ListState; name: string; label: string }) {
  return (
    <Form.Item>
      <Checkbox checked={list.get(name) === "true"} onChange={(e) => list.set(name, e.target.checked ? "true" : undefined)}>
        {label}
      </Checkbox>
    </Form.Item>
  );
}

/** A date filter (YYYY-MM-DD) bound to `name` in the address. */
export function DateFilter({ list, name, label }: { list: ListState; name: string; label: string }) {
  const id = `filter-${name}`;
  return (
    <Form.Item label={label} htmlFor={id}>
      <Input id={id} type="date" style={{ width: 160 }} value={list.get(name) ?? ""} onChange={(e) => list.set(name, e.target.value || undefined)} />
    </Form.Item>
  );
}

/** Previous / next page under a list. */
export function Pager({ list, nextCursor }: { list: ListState; nextCursor?: string | null }) {
  return (
    <Flex gap={8} style={{ marginTop: 12 }}>
      {list.pages.back && <Button onClick={list.pages.back}>上一页</Button>}
      {nextCursor && <Button onClick={() => list.pages.next(nextCursor)}>下一页</Button>}
    </Flex>
  );
}

/** `{ value, label }` options from a label table (`{ code: "名称" }` or `{ code: { label } }`). */
export function optionsOf(labels: Record<string, string | { label: string }>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, l]) => ({ value, label: typeof l === "string" ? l : l.label }));
}

/** A table's or list's "nothing here" in a grey dark enough for WCAG AA (antd's own is lighter). */
export function emptyText(text: string): { emptyText: ReactNode } {
  return { emptyText: <span style={{ color: TAG.grey }}>{text}</span> };
}

/** One page of a list route as a table, with its loading and error states and the pager under it. */
export function PagedTable<T extends { id: string }>({ query, list, empty, columns }: { query: { data?: { items: T[]; nextCursor?: string | null }; error: unknown; isPending: boolean }; list: ListState; empty: string; columns: TableProps<T>["columns"] }) {
  return (
    <QueryState query={query}>
      {(data) => (
        <>
          <Table<T> rowKey="id" size="small" pagination={false} scroll={{ x: "max-content" }} dataSource={data.items} locale={emptyText(empty)} columns={columns} />
          <Pager list={list} nextCursor={data.nextCursor} />
        </>
      )}
    </QueryState>
  );
}
