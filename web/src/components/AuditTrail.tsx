import { Table } from "antd";
import { useEffect } from "react";
import { mayCall } from "../api/access";
import { $api } from "../api/client";
import { useSession } from "../auth/session";
import { QueryState } from "./QueryState";

/** A record's audit trail (actions such as "hazard.accept" are labelled by what follows the dot), oldest first; shown only to roles the manifest lets read it. */
export function AuditTrail({ entityId, version, labels = {} }: { entityId: string; version?: number; labels?: Record<string, string> }) {
  const role = useSession()?.claims.role;
  const allowed = mayCall(role, "GET /v1/audit");
  const query = $api.useQuery("get", "/v1/audit", { params: { query: { entityId, limit: 100 } } }, { enabled: allowed });
  const { refetch } = query;
  // Each change of the record writes an audit entry: read the trail again when the version moves.
  useEffect(() => {
    if (allowed && (version ?? 0) > 0) void refetch();
  }, [allowed, version, refetch]);
  if (!allowed) return null;
  return (
    <section aria-label="审计记录">
      <h3>审计记录</h3>
      <QueryState query={query}>
        {(data) => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={data.items}
            columns={[
              { title: "时间", dataIndex: "at", render: (t: string) => new Date(t).toLocaleString("zh-CN") },
              { title: "操作", dataIndex: "action", render: (a: string) => labels[a.slice(a.indexOf(".") + 1)] ?? a },
              { title: "操作人", dataIndex: "actorId" },
              { title: "说明", dataIndex: "reason" },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
