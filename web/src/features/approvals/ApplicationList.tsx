import { Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { APPLICATION_STATE } from "./labels";

/** Applications the caller may see (the enterprise's own, an officer's jurisdiction). */
export default function ApplicationList() {
  const query = $api.useQuery("get", "/v1/applications", { params: { query: { limit: 100 } } });
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={2}>审批申请</Typography.Title>
      <QueryState query={query}>
        {(data) => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={data.items}
            columns={[
              { title: "事项", dataIndex: "itemName", render: (n: string, a) => <Link to={`/applications/${a.id}`}>{n}</Link> },
              { title: "申请单位", dataIndex: "enterpriseName" },
              { title: "状态", dataIndex: "state", render: (s: string) => <Tag color={APPLICATION_STATE[s]?.color}>{APPLICATION_STATE[s]?.label ?? s}</Tag> },
              { title: "提交日期", dataIndex: "submittedOn", render: (d?: string) => d ?? "—" },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
