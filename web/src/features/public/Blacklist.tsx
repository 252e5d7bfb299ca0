import { Button, Space, Table, Typography } from "antd";
import { useState } from "react";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";

const PAGE_SIZE = 50;

/** The list in force as the platform last published it, paged by the API's cursor. */
export default function Blacklist() {
  // Cursors of the pages before this one, so 上一页 goes back without refetching from the start.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const query = $api.useQuery("get", "/v1/blacklist", { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } });
  return (
    <>
      <Typography.Title level={2}>失信联合惩戒黑名单</Typography.Title>
      <QueryState query={query}>
        {(data) => (
          <>
            <Typography.Paragraph type="secondary">
              {data.asOf ? `${data.asOf.slice(0, 10)} 公布，共 ${data.total ?? data.items.length} 家` : "名单尚未公布"}
            </Typography.Paragraph>
            <Table
              rowKey="uscc"
              size="small"
              dataSource={data.items}
              pagination={false}
              locale={{ emptyText: <Typography.Text type="secondary">目前没有列入黑名单的单位</Typography.Text> }}
              columns={[
                { title: "单位名称", dataIndex: "name" },
                { title: "统一社会信用代码", dataIndex: "uscc", responsive: ["md"] },
                { title: "列入事由", dataIndex: "reason", render: (r: string | null) => r ?? "—" },
                { title: "期限", key: "term", render: (_: unknown, e) => `${e.listedFrom.slice(0, 10)} 至 ${e.listedUntil.slice(0, 10)}`, responsive: ["sm"] },
              ]}
            />
            {(cursors.length > 1 || data.nextCursor) && (
              <Space style={{ marginTop: 12 }}>
                <Button disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
                  上一页
                </Button>
                <Button disabled={!data.nextCursor} onClick={() => data.nextCursor && setCursors((c) => [...c, data.nextCursor ?? undefined])}>
                  下一页
                </Button>
              </Space>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
