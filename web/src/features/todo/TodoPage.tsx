import { Flex, List, Typography } from "antd";
import { Link } from "react-router";
import { $api } from "../../api/client";
import { useSession } from "../../auth/session";
import { TAG } from "../../components/colors";
import { Countdown, when } from "../../components/Countdown";
import { QueryState } from "../../components/QueryState";
import { daysText, KIND, pageOf } from "./labels";

/** The caller's to-do items as the API computed them, most urgent first, each linked to its record's page. */
export default function TodoPage() {
  const s = useSession();
  const q = $api.useQuery("get", "/v1/todo", {}, { refetchInterval: 60_000 });
  return (
    <>
      <Typography.Title level={2}>待办</Typography.Title>
      <QueryState query={q}>
        {(data) => (
          <>
            <p data-testid="todo-summary">
              共 {data.total} 项
              {data.counts
                .filter((c) => c.total > 0)
                .map((c) => {
                  const shown = data.items.filter((i) => i.kind === c.kind).length;
                  return (
                    <span key={c.kind}>
                      {" · "}
                      {KIND[c.kind].label} {c.total}
                      {shown < c.total ? `（列出最紧急的 ${shown} 项）` : ""}
                    </span>
                  );
                })}
            </p>
            <List
              aria-label="待办事项"
              dataSource={data.items}
              locale={{ emptyText: "暂无待办" }}
              renderItem={(i) => (
                <List.Item>
                  <Flex justify="space-between" align="center" gap={12} wrap style={{ width: "100%", minWidth: 0 }}>
                    <Flex vertical gap={2} style={{ minWidth: 0, flex: "1 1 240px" }}>
                      <span>
                        <span className="owe-tag" style={{ background: KIND[i.kind].color }}>
                          {KIND[i.kind].label}
                        </span>
                        <Link to={pageOf(i, s?.claims.role)} style={{ overflowWrap: "anywhere" }}>
                          {i.title}
                        </Link>
                      </span>
                      <span>
                        期限 {when(i.deadline)}
                        {i.workingDaysLeft != null && `，剩 ${i.workingDaysLeft} 个工作日`}
                      </span>
                    </Flex>
                    {i.kind === "accident_forward" ? (
                      <Countdown dueAt={i.deadline} />
                    ) : (
                      <span style={{ color: i.overdue ? TAG.red : i.daysLeft <= 3 ? TAG.orange : TAG.green, fontWeight: 600, whiteSpace: "nowrap" }}>{daysText(i)}</span>
                    )}
                  </Flex>
                </List.Item>
              )}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
