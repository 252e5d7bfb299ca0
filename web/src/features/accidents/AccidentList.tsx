import { Button, Flex, Form, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { Countdown, when } from "../../components/Countdown";
import { TAG } from "../../components/colors";
import { GRADE, LEVEL } from "./labels";

type Grade = "general" | "larger" | "major" | "especially_major";

/** Reports in the caller's scope with the API's filters; "待本级转报" lists what waits for this level, with its 2-hour clock. */
export default function AccidentList() {
  const [params, setParams] = useSearchParams();
  const pending = params.get("pending") === "true";
  const grade = (params.get("grade") ?? undefined) as Grade | undefined;
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const query = $api.useQuery("get", "/v1/accidents", { params: { query: { pending: pending ? "true" : undefined, grade, cursor, limit: 20 } } });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setCursors([]);
    setParams(next);
  };
  return (
    <>
      <Typography.Title level={2}>事故报告</Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="范围" htmlFor="acc-scope">
          <Select
            id="acc-scope"
            style={{ width: 160 }}
            value={pending ? "pending" : "all"}
            onChange={(v) => set("pending", v === "pending" ? "true" : undefined)}
            options={[
              { value: "all", label: "全部报告" },
              { value: "pending", label: "待本级转报" },
            ]}
          />
        </Form.Item>
        <Form.Item label="事故等级" htmlFor="acc-grade">
          <Select id="acc-grade" style={{ width: 160 }} value={grade ?? ""} onChange={(v) => set("grade", v || undefined)} options={[{ value: "", label: "全部" }, ...Object.entries(GRADE).map(([value, g]) => ({ value, label: g.label }))]} />
        </Form.Item>
      </Form>
      <QueryState query={query}>
        {(data) => (
          <>
            <Table
              rowKey="id"
              size="small"
              dataSource={data.items}
              pagination={false}
              scroll={{ x: "max-content" }}
              locale={{ emptyText: <span style={{ color: "#595959" }}>{pending ? "没有等待本级转报的报告" : "没有事故报告"}</span> }}
              columns={[
                { title: "事故单位", key: "unit", render: (_: unknown, a) => <Link to={`/accidents/${a.id}`}>{a.unit.name}</Link> },
                { title: "发生时间", key: "occurredAt", render: (_: unknown, a) => when(a.occurredAt) },
                { title: "等级", key: "grade", render: (_: unknown, a) => GRADE[a.grade]?.label ?? a.grade },
                { title: "伤亡", key: "casualties", render: (_: unknown, a) => `死亡 ${a.deaths} · 失踪 ${a.missing} · 重伤 ${a.seriousInjuries}` },
                {
                  title: "转报",
                  key: "pending",
                  render: (_: unknown, a) =>
                    a.pending ? (
                      <Flex vertical gap={2}>
                        <span>
                          {LEVEL[a.pending.holderLevel]} → {LEVEL[a.pending.nextLevel]}
                        </span>
                        <Countdown dueAt={a.pending.dueAt} />
                      </Flex>
                    ) : (
                      "—"
                    ),
                },
                {
                  title: "状态",
                  key: "status",
                  render: (_: unknown, a) => <Tag color={a.status === "closed" ? TAG.grey : TAG.blue}>{a.status === "closed" ? "已结案" : "办理中"}</Tag>,
                },
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
