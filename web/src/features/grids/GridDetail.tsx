import { Button, Descriptions, Form, Popconfirm, Space, Table, Typography } from "antd";
import { Link, useParams } from "react-router";
import { mayCall } from "../../api/access";
import { $api, api } from "../../api/client";
import { ifMatch, useSubmit } from "../../api/submit";
import { useSession } from "../../auth/session";
import { AuditTrail } from "../../components/AuditTrail";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { emptyText, PagedTable, useListState } from "../../components/ListFilters";
import { QueryState } from "../../components/QueryState";
import { when } from "../../components/Countdown";
import { useRegionName } from "../../components/regions";

const RECORD = "/v1/grids/{id}" as const;
const AUDIT_LABELS: Record<string, string> = { create: "建立网格", assign: "划入企业", remove: "移出企业" };

/** Enterprises of the grid's county, found by name, put into the grid at the version the page read. */
function Assign({ gridId, countyCode, version }: { gridId: string; countyCode: string; version: number }) {
  const [form] = Form.useForm<{ enterpriseIds: string[] }>();
  const submit = useSubmit({ form, record: { path: RECORD, id: gridId }, success: "企业已划入网格", onSuccess: () => form.resetFields() });
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      onFinish={(v) => submit.run((h) => api.POST("/v1/grids/{id}/enterprises", { params: { path: { id: gridId } }, body: v, headers: { ...h, ...ifMatch(version) } }))}
    >
      <Form.Item name="enterpriseIds" label="划入企业" extra="输入企业名称查找，可选多家" rules={[{ required: true, message: "请选择企业" }]}>
        <EnterpriseSelect multiple regionCode={countyCode} disabledReason={(e) => (e.gridId === gridId ? "已在本网格" : e.gridId ? "已属其他网格" : undefined)} />
      </Form.Item>
      <Button type="primary" htmlType="submit" {...submit.button}>
        划入网格
      </Button>
    </Form>
  );
}

function Release({ gridId, enterprise, version }: { gridId: string; enterprise: { id: string; name: string }; version: number }) {
  const submit = useSubmit({ record: { path: RECORD, id: gridId }, success: `${enterprise.name} 已移出网格` });
  return (
    <Popconfirm
      title={`将 ${enterprise.name} 移出本网格？`}
      okText="确认移出"
      cancelText="取消"
      onConfirm={() => submit.run(() => api.DELETE("/v1/grids/{id}/enterprises/{enterpriseId}", { params: { path: { id: gridId, enterpriseId: enterprise.id } }, headers: ifMatch(version) }))}
    >
      <Button size="small" {...submit.button} aria-label={`移出网格：${enterprise.name}`}>
        移出网格
      </Button>
    </Popconfirm>
  );
}

/** The grid's patrol reports, newest first; each finding became a hazard, opened from the report. */
function Patrols({ gridId }: { gridId: string }) {
  const list = useListState();
  const query = $api.useQuery("get", "/v1/grids/{id}/patrols", { params: { path: { id: gridId }, query: { cursor: list.cursor, limit: 10 } } });
  return (
    <section aria-labelledby="patrols-title">
      <Typography.Title level={3} id="patrols-title">
        巡查记录
      </Typography.Title>
      <PagedTable
        query={query}
        list={list}
        empty="尚无巡查记录"
        columns={[
          { title: "巡查时间", key: "at", render: (_: unknown, p) => <Link to={`/grid-patrols/${p.id}`}>{when(p.patrolledAt)}</Link> },
          { title: "路线", key: "route", render: (_: unknown, p) => p.route ?? "—" },
          { title: "到访企业", key: "visited", render: (_: unknown, p) => p.visitedEnterpriseIds.length },
          { title: "发现问题", key: "findings", render: (_: unknown, p) => p.hazardIds.length },
        ]}
      />
    </section>
  );
}

/** One grid: who answers for it, its enterprises (assign and release with the grid's version), its patrols and audit trail. */
export default function GridDetail() {
  const { id = "" } = useParams();
  const role = useSession()?.claims.role;
  const managing = mayCall(role, "POST /v1/grids/{id}/enterprises");
  const query = $api.useQuery("get", RECORD, { params: { path: { id } } });
  const regionName = useRegionName();
  return (
    <QueryState query={query} notFound="没有这个网格，或不在您的管辖范围内">
      {(g) => {
        const ents = g.enterprises ?? [];
        return (
          <Space direction="vertical" size="large" style={{ width: "100%" }}>
            <div>
              <Link to="/grids">← 网格管理</Link>
              <Typography.Title level={2}>{g.name}</Typography.Title>
            </div>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="网格代码">{g.code}</Descriptions.Item>
              <Descriptions.Item label="所在区域">{regionName(g.regionCode)}</Descriptions.Item>
              <Descriptions.Item label="网格员">{[g.member.name, g.member.fullTime ? "专职" : "兼职", g.member.phone].filter(Boolean).join(" · ")}</Descriptions.Item>
              <Descriptions.Item label="监管责任人">{[g.supervisingOfficial.name, g.supervisingOfficial.title, g.supervisingOfficial.phone].filter(Boolean).join(" · ")}</Descriptions.Item>
              <Descriptions.Item label="联系领导">{[g.contactLeader.name, g.contactLeader.title, g.contactLeader.phone].filter(Boolean).join(" · ")}</Descriptions.Item>
            </Descriptions>
            <section aria-labelledby="grid-enterprises-title">
              <Typography.Title level={3} id="grid-enterprises-title">
                网格内企业（{ents.length}）
              </Typography.Title>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                scroll={{ x: "max-content" }}
                dataSource={ents}
                locale={emptyText("网格内尚无企业")}
                columns={[
                  { title: "企业", dataIndex: "name" },
                  { title: "所在区域", key: "region", render: (_: unknown, e) => regionName(e.regionCode) },
                  ...(managing ? [{ title: "操作", key: "release", render: (_: unknown, e: { id: string; name: string }) => <Release gridId={g.id} enterprise={e} version={g.version} /> }] : []),
                ]}
              />
            </section>
            {managing && <Assign gridId={g.id} countyCode={g.countyCode} version={g.version} />}
            <Patrols gridId={g.id} />
            <AuditTrail entityId={g.id} version={g.version} labels={AUDIT_LABELS} />
          </Space>
        );
      }}
    </QueryState>
  );
}
