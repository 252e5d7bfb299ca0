import { Table, Typography } from "antd";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";

export default function Blacklist() {
  const query = $api.useQuery("get", "/v1/blacklist");
  return (
    <>
      <Typography.Title level={2}>失信联合惩戒黑名单</Typography.Title>
      <QueryState query={query}>
        {(data) => (
          <>
            <Typography.Paragraph type="secondary">截至 {data.asOf.slice(0, 10)}，共 {data.items.length} 家</Typography.Paragraph>
            <Table
              rowKey="uscc"
              size="small"
              dataSource={data.items}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <Typography.Text type="secondary">目前没有列入黑名单的单位</Typography.Text> }}
              columns={[
                { title: "单位名称", dataIndex: "name" },
                { title: "统一社会信用代码", dataIndex: "uscc", responsive: ["md"] },
                { title: "列入事由", dataIndex: "reason", render: (r: string | null) => r ?? "—" },
                { title: "期限", key: "term", render: (_: unknown, e) => `${e.listedFrom.slice(0, 10)} 至 ${e.listedUntil.slice(0, 10)}`, responsive: ["sm"] },
              ]}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
