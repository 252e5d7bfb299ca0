import { Table, Typography } from "antd";
import { Link } from "react-router";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { APP_STATE } from "./labels";

/** Days left for ordering: files not yet accepted (their acceptance notice is due within 5 days) come first. */
const left = (a: { workingDaysLeft: number | null; paused: boolean }) => (a.workingDaysLeft === null ? -1 : a.paused ? 10_000 + a.workingDaysLeft : a.workingDaysLeft);

/** The officer's queue (what it may act on now), most urgent first by the working days the API counts as left. */
export default function Queue() {
  const query = $api.useQuery("get", "/v1/applications", { params: { query: { queue: "true", limit: 100 } } });
  return (
    <>
      <Typography.Title level={2}>审批待办</Typography.Title>
      <QueryState query={query}>
        {(data) => (
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: <span style={{ color: "#595959" }}>没有待办的申请</span> }}
            dataSource={data.items.filter((a) => !["draft", "declined", "refused", "issued"].includes(a.state)).sort((a, b) => left(a) - left(b))}
            columns={[
              { title: "申请单位", key: "e", render: (_: unknown, a) => <Link to={`/review/applications/${a.id}`}>{a.enterpriseName}</Link> },
              { title: "事项", dataIndex: "itemName" },
              { title: "状态", key: "state", render: (_: unknown, a) => APP_STATE[a.state] ?? a.state },
              { title: "已用", key: "used", render: (_: unknown, a) => (a.workingDaysUsed === null ? "—" : `${a.workingDaysUsed} 日`) },
              {
                title: "剩余工作日",
                key: "left",
                render: (_: unknown, a) =>
                  a.workingDaysLeft === null ? "未计时" : a.overdue ? <strong style={{ color: "#a8071a" }}>⚠ 已超期</strong> : a.paused ? `${a.workingDaysLeft} 日（暂停计时）` : `${a.workingDaysLeft} 日`,
              },
              { title: "到期日", key: "due", render: (_: unknown, a) => a.dueDate ?? "—" },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
