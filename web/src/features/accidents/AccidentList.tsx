import { Flex, Tag, Typography } from "antd";
import { Link } from "react-router";
import { $api } from "../../api/client";
import { Countdown, when } from "../../components/Countdown";
import { TAG } from "../../components/colors";
import { Filters, optionsOf, PagedTable, SelectFilter, useListState } from "../../components/ListFilters";
import { GRADE, LEVEL } from "./labels";

type Grade = "general" | "larger" | "major" | "especially_major";

/** Reports in the caller's scope with the API's filters; "待本级转报" lists what waits for this level, with its 2-hour clock. */
export default function AccidentList() {
  const list = useListState();
  const pending = list.get("pending") === "true";
  const query = $api.useQuery("get", "/v1/accidents", { params: { query: { pending: list.get<"true">("pending"), grade: list.get<Grade>("grade"), cursor: list.cursor, limit: 20 } } });
  return (
    <>
      <Typography.Title level={2}>事故报告</Typography.Title>
      <Filters>
        <SelectFilter list={list} name="pending" label="范围" allLabel="全部报告" width={160} options={[{ value: "true", label: "待本级转报" }]} />
        <SelectFilter list={list} name="grade" label="事故等级" width={160} options={optionsOf(GRADE)} />
      </Filters>
      <PagedTable
        query={query}
        list={list}
        empty={pending ? "没有等待本级转报的报告" : "没有事故报告"}
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
    </>
  );
}
