import { Button, Flex, Form, Input, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { SCALE } from "./labels";

/** Empty pages a search walks past on its own before it waits for 下一页. */
const MAX_EMPTY_PAGES = 50;

/** The enterprises of the caller's jurisdiction, searched by name (or the start of the code), paged by the API. */
export default function EnterpriseList() {
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? undefined;
  const [cursors, setCursors] = useState<string[]>([]);
  const query = $api.useQuery("get", "/v1/enterprises", { params: { query: { q, cursor: cursors.at(-1), limit: 20 } } });
  // The API filters a bounded run of the region's records per page, so a rare name can leave a
  // page empty with more to look at: a search keeps going until it finds some or the list ends.
  const empty = query.data?.items.length === 0 ? query.data.nextCursor : null;
  useEffect(() => {
    if (q && empty) setCursors((c) => (c.length < MAX_EMPTY_PAGES ? [...c, empty] : c));
  }, [q, empty]);
  const search = (value: string) => {
    setCursors([]);
    setParams(value.trim() ? { q: value.trim() } : {});
  };
  return (
    <>
      <Typography.Title level={2}>企业名录</Typography.Title>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Form layout="inline" initialValues={{ q }} onFinish={() => undefined}>
          <Form.Item label="查找企业" name="q">
            <Input.Search placeholder="企业名称或信用代码开头" allowClear enterButton="查找" onSearch={search} style={{ maxWidth: 360 }} />
          </Form.Item>
        </Form>
        <Link to="/registry/enterprises/new">
          <Button type="primary">登记企业</Button>
        </Link>
        <Link to="/registry/import">
          <Button>批量导入</Button>
        </Link>
      </Flex>
      <QueryState query={query}>
        {(data) => (
          <>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: "max-content" }}
              dataSource={data.items}
              locale={{ emptyText: <span style={{ color: "#595959" }}>没有符合条件的企业</span> }}
              columns={[
                { title: "企业名称", key: "name", render: (_: unknown, e) => <Link to={`/registry/enterprises/${e.id}`}>{e.name}</Link> },
                { title: "统一社会信用代码", dataIndex: "uscc" },
                { title: "行政区划", dataIndex: "regionCode" },
                { title: "行业", dataIndex: "industryCode" },
                { title: "规模", key: "scale", render: (_: unknown, e) => SCALE[e.scale] ?? e.scale },
              ]}
            />
            <Flex gap={8} style={{ marginTop: 12 }}>
              {cursors.length > 0 && <Button onClick={() => setCursors((c) => c.slice(0, -1))}>上一页</Button>}
              {data.nextCursor && <Button onClick={() => setCursors((c) => [...c, data.nextCursor as string])}>下一页</Button>}
            </Flex>
          </>
        )}
      </QueryState>
    </>
  );
}
