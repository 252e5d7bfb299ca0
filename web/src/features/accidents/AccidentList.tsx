import { Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { GRADE } from "./labels";

/** Accidents the caller may see (its own, or its jurisdiction's). */
export default function AccidentList() {
  const query = $api.useQuery("get", "/v1/accidents", { params: { query: { limit: 100 } } });
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={2}>事故快报</Typography.Title>
      <Link to="/accidents/new">报告新事故</Link>
      <QueryState query={query}>
        {(data) => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={data.items}
            columns={[
              { title: "发生时间", dataIndex: "occurredAt", render: (t: string, a) => <Link to={`/accidents/${a.id}`}>{new Date(t).toLocaleString("zh-CN")}</Link> },
              { title: "单位", dataIndex: ["unit", "name"] },
              { title: "等级", dataIndex: "grade", render: (g: string) => <Tag color={GRADE[g]?.color}>{GRADE[g]?.label ?? g}</Tag> },
              { title: "死亡/失踪", render: (_: unknown, a) => `${a.deaths} / ${a.missing}` },
              { title: "报告期限", dataIndex: "reportDueAt", render: (t: string) => new Date(t).toLocaleString("zh-CN") },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
