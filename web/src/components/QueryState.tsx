import { Alert, Empty, Spin } from "antd";
import type { ReactNode } from "react";
import { ApiError } from "../api/client";
import { problemText } from "../api/problem";

/** Loading, error and not-found states of one query, so a page only renders its data. */
export function QueryState<T>({ query, notFound, children }: { query: { data?: T; error: unknown; isPending: boolean }; notFound?: string; children: (data: T) => ReactNode }) {
  if (query.error) {
    if (notFound && query.error instanceof ApiError && query.error.status === 404) return <Empty description={notFound} />;
    return <Alert type="error" showIcon title={problemText(query.error)} />;
  }
  if (query.isPending || query.data === undefined) return <Spin />;
  return <>{children(query.data)}</>;
}
