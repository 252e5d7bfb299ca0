import { Button, Checkbox, Flex, Form, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { $api } from "../../api/client";
import { TAG } from "../../components/colors";
import { QueryState } from "../../components/QueryState";
import { HAZARD_LEVEL, HAZARD_STATUS } from "./labels";

type Status = "reported" | "planned" | "rectifying" | "rectified" | "review_requested" | "closed";
type Level = "general" | "major";

/** Hazards in the caller's jurisdiction with the API's filters (status, level, overdue) and paging. */
export default function HazardList() {
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") ?? undefined) as Status | undefined;
  const level = (params.get("level") ?? undefined) as Level | undefined;
  const overdue = params.get("overdue") === "true";
  const [cursors, setCursors] = useState<string[]>([]);
  const query = $api.useQuery("get", "/v1/hazards", { params: { query: { status, level, overdue: overdue ? "true" : undefined, cursor: cursors.at(-1), limit: 20 } } });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setCursors([]);
    setParams(next);
  };
  return (
    <>
      <Typography.Title level={2}>辖区隐患</Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="状态" htmlFor="hz-status">
          <Select id="hz-status" style={{ width: 140 }} value={status ?? ""} onChange={(v) => set("status", v || undefined)} options={[{ value: "", label: "全部" }, ...Object.entries(HAZARD_STATUS).map(([value, label]) => ({ value, label }))]} />
        </Form.Item>
        <Form.Item label="级别" htmlFor="hz-level">
          <Select id="hz-level" style={{ width: 140 }} value={level ?? ""} onChange={(v) => set("level", v || undefined)} options={[{ value: "", label: "全部" }, ...Object.entries(HAZARD_LEVEL).map(([value, label]) => ({ value, label }))]} />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={overdue} onChange={(e) => set("overdue", e.target.checked ? "true" : undefined)}>
            只看逾期
          </Checkbox>
        </Form.Item>
      </Form>
      <QueryState query={query}>
        {(data) => (
          <>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: "max-content" }}
              dataSource={data.items}
              locale={{ emptyText: <span style={{ color: "#595959" }}>没有符合条件的隐患</span> }}
              columns={[
                { title: "企业", key: "e", render: (_: unknown, h) => <Link to={`/supervision/hazards/${h.id}`}>{h.enterpriseName}</Link> },
                { title: "隐患", dataIndex: "description" },
                { title: "级别", key: "level", render: (_: unknown, h) => <Tag color={h.level === "major" ? TAG.red : TAG.blue}>{HAZARD_LEVEL[h.level]}</Tag> },
                { title: "状态", key: "status", render: (_: unknown, h) => HAZARD_STATUS[h.status] },
                { title: "整改期限", key: "due", render: (_: unknown, h) => <span style={{ color: h.overdue ? TAG.red : undefined }}>{(h.supervision?.deadline ?? h.rectifyBy).slice(0, 10)}{h.overdue ? " ⚠ 逾期" : ""}</span> },
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
