import { Table, Typography } from "antd";
import { $api } from "../api/client";
import { mayCall } from "../api/access";
import { useSession } from "../auth/session";
import { when } from "./Countdown";
import { QueryState } from "./QueryState";

/** The audit trail of one record (who did what, when, why), for the roles the API lets read it. */
export function AuditTrail({ entityId }: { entityId: string }) {
  const s = useSession();
  const allowed = mayCall(s?.claims.role, "GET /v1/audit");
  const query = $api.useQuery("get", "/v1/audit", { params: { query: { entityId, limit: 50 } } }, { enabled: allowed });
  if (!allowed) return null;
  return (
    <section aria-labelledby="audit-title">
      <Typography.Title level={3} id="audit-title">
        操作记录
      </Typography.Title>
      <QueryState query={query}>
        {(data) => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: "max-content" }}
            dataSource={data.items}
            columns={[
              { title: "时间", key: "at", render: (_: unknown, e) => when(e.at) },
              { title: "操作", dataIndex: "action" },
              { title: "操作人", key: "actor", render: (_: unknown, e) => `${e.actorId}（${e.regionCode}）` },
              { title: "理由", key: "reason", render: (_: unknown, e) => e.reason ?? "—" },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}
