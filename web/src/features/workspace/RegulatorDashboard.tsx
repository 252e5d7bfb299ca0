import { Card, Col, Flex, List, Row, Statistic, Table, Typography } from "antd";
import { Link } from "react-router";
import { $api } from "../../api/client";
import { mayCall } from "../../api/access";
import { useSession } from "../../auth/session";
import { Countdown, when } from "../../components/Countdown";
import { emptyText } from "../../components/ListFilters";
import { QueryState } from "../../components/QueryState";
import { LEVEL } from "../accidents/labels";

const STATUS: [string, string][] = [
  ["reported", "已上报"],
  ["planned", "已定方案"],
  ["rectifying", "整改中"],
  ["rectified", "已整改"],
  ["review_requested", "待复查"],
];
type HazardStatus = "reported" | "planned" | "rectifying" | "rectified" | "review_requested";

/** antd's empty-list grey fails contrast on the card body. */
/** A count from one page of at most 100; "100+" when more pages follow. */
function count(page: { items: unknown[]; nextCursor: string | null }): string {
  return page.nextCursor ? `${page.items.length}+` : String(page.items.length);
}

function HazardCount({ status, label }: { status: HazardStatus; label: string }) {
  const q = $api.useQuery("get", "/v1/hazards", { params: { query: { status, limit: 100 } } });
  const overdue = $api.useQuery("get", "/v1/hazards", { params: { query: { status, overdue: "true", limit: 100 } } });
  return (
    <Col xs={12} md={8} xl={4}>
      <Link to={`/supervision/hazards?status=${status}`}>
        <Statistic title={label} value={q.data ? count(q.data) : "…"} suffix={overdue.data && overdue.data.items.length > 0 ? <small style={{ color: "#a8071a" }}>逾期 {count(overdue.data)}</small> : undefined} />
      </Link>
    </Col>
  );
}

function PendingAccidents() {
  const q = $api.useQuery("get", "/v1/accidents", { params: { query: { pending: "true", limit: 20 } } });
  return (
    <Card title="待本级转报的事故" size="small" extra={<Link to="/accidents?pending=true">全部</Link>}>
      <QueryState query={q}>
        {(data) => (
          <List
            size="small"
            dataSource={data.items}
            locale={emptyText("没有等待本级转报的报告")}
            renderItem={(a) => (
              <List.Item>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Link to={`/accidents/${a.id}`}>{a.unit.name}</Link>
                  <span>
                    转报{a.pending ? LEVEL[a.pending.nextLevel] : ""}，期限 {when(a.pending?.dueAt)}
                  </span>
                </Flex>
                {a.pending && <Countdown dueAt={a.pending.dueAt} />}
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}

function MajorHazards() {
  const q = $api.useQuery("get", "/v1/hazards", { params: { query: { level: "major", limit: 50 } } });
  return (
    <Card title="重大隐患挂牌督办" size="small">
      <QueryState query={q}>
        {(data) => (
          <List
            size="small"
            dataSource={data.items.filter((h) => h.status !== "closed")}
            locale={emptyText("没有未销号的重大隐患")}
            renderItem={(h) => (
              <List.Item>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Link to={`/supervision/hazards/${h.id}`}>{h.enterpriseName}</Link>
                  <span>{h.description}</span>
                </Flex>
                <span style={{ whiteSpace: "nowrap", color: h.overdue ? "#a8071a" : undefined }}>
                  {h.supervision ? `督办期限 ${h.supervision.deadline}` : `整改期限 ${h.rectifyBy.slice(0, 10)}`}
                  {h.overdue ? " ⚠ 逾期" : ""}
                </span>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}

function Reconciliation() {
  const q = $api.useQuery("get", "/v1/reconciliation", {});
  return (
    <Card title="两本账对照（自查漏报排名）" size="small">
      <QueryState query={q}>
        {(data) => (
          // The table may be wider than a phone: its own scroll region, reachable by keyboard (WCAG 2.1.1).
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to scroll by keyboard
          <section aria-label="两本账对照表" tabIndex={0} style={{ overflowX: "auto" }}>
          <Table
            rowKey="enterpriseId"
            size="small"
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            // Most under-reported first: the lowest share of inspection findings the enterprise had reported itself.
            dataSource={[...data.items].sort((a, b) => (a.selfReportRatio ?? 2) - (b.selfReportRatio ?? 2) || b.unmatched - a.unmatched)}
            columns={[
              { title: "企业", dataIndex: "enterpriseName" },
              { title: "执法发现", dataIndex: "findings" },
              { title: "自查未报", dataIndex: "unmatched" },
              { title: "自报率", key: "ratio", render: (_: unknown, r) => (r.selfReportRatio === null ? "—" : `${Math.round(r.selfReportRatio * 100)}%`) },
            ]}
          />
          </section>
        )}
      </QueryState>
    </Card>
  );
}

function Credit() {
  const s = useSession();
  const listings = $api.useQuery("get", "/v1/blacklist-listings", { params: { query: { limit: 100 } } });
  const tasksAllowed = mayCall(s?.claims.role, "GET /v1/inspection-tasks");
  const tasks = $api.useQuery("get", "/v1/inspection-tasks", { params: { query: { status: "open", limit: 50 } } }, { enabled: tasksAllowed });
  return (
    <Card title="失信黑名单与监管任务" size="small">
      <QueryState query={listings}>{(data) => <Statistic title="在列单位" value={count(data)} />}</QueryState>
      {tasksAllowed && (
        <QueryState query={tasks}>
          {(data) => (
            <List
              size="small"
              header="待完成的检查、约谈任务"
              dataSource={[...data.items].sort((a, b) => a.dueOn.localeCompare(b.dueOn))}
              locale={emptyText("没有待完成的任务")}
              renderItem={(t) => (
                <List.Item>
                  <span>
                    {t.enterpriseName} · {t.kind === "inspection" ? "检查" : "约谈"}
                  </span>
                  <span style={{ whiteSpace: "nowrap" }}>到期 {t.dueOn}</span>
                </List.Item>
              )}
            />
          )}
        </QueryState>
      )}
    </Card>
  );
}

/** The jurisdiction at a glance for a regulator or an industry department: what needs acting on before a deadline passes. */
export default function RegulatorDashboard() {
  const s = useSession();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2}>辖区总览</Typography.Title>
      <Card title="隐患（按状态，含逾期）" size="small">
        <Row gutter={[16, 16]}>
          {STATUS.map(([status, label]) => (
            <HazardCount key={status} status={status as HazardStatus} label={label} />
          ))}
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        {s?.claims.role === "regulator" && (
          <Col xs={24} xl={12}>
            <PendingAccidents />
          </Col>
        )}
        <Col xs={24} xl={12}>
          <MajorHazards />
        </Col>
        <Col xs={24} xl={12}>
          <Reconciliation />
        </Col>
        <Col xs={24} xl={12}>
          <Credit />
        </Col>
      </Row>
    </Flex>
  );
}
