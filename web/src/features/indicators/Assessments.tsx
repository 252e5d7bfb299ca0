// Target assessment of the cities: points by item, the grade, 一票否决 marked in words and an
// icon as well as colour, and the annual table's publication (once; the public page shows it).
import { CheckCircleOutlined, StopOutlined } from "@ant-design/icons";
import { Button, Flex, Form, InputNumber, Popconfirm, Select, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { mayCall } from "../../api/access";
import { $api, api } from "../../api/client";
import { useSubmit } from "../../api/submit";
import { useSession } from "../../auth/session";
import { TAG } from "../../components/colors";
import { QueryState } from "../../components/QueryState";
import { useStatsParams } from "./params";

const GRADE = { excellent: { text: "优秀", color: TAG.green }, good: { text: "良好", color: TAG.blue }, pass: { text: "合格", color: TAG.gold }, fail: { text: "不合格", color: TAG.red } } as const;

function Publish({ year }: { year: number }) {
  const submit = useSubmit({ record: { path: "/v1/assessments" }, success: `${year} 年度考核结果已公布` });
  return (
    <Popconfirm title={`公布 ${year} 年度考核结果？`} description="公布后向社会公开，不能撤回。" okText="公布" cancelText="取消" onConfirm={() => submit.run((h) => api.POST("/v1/assessments/{year}/publish", { params: { path: { year } }, headers: h }))}>
      <Button type="primary" {...submit.button}>
        公布年度考核结果
      </Button>
    </Popconfirm>
  );
}

export default function Assessments() {
  const { year, get, set: go } = useStatsParams();
  const role = useSession()?.claims.role;
  const quarter = get("quarter") ? Number(get("quarter")) : undefined;
  const query = $api.useQuery("get", "/v1/assessments", { params: { query: { year, quarter } } });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2}>目标考核</Typography.Title>
      <Form layout="inline">
        <Form.Item label="考核年度" htmlFor="assess-year">
          <InputNumber id="assess-year" min={2015} max={2100} value={year} onChange={(v) => v && go("year", String(v))} />
        </Form.Item>
        <Form.Item label="考核期间" htmlFor="assess-period">
          <Select
            id="assess-period"
            value={quarter ?? 0}
            onChange={(v) => go("quarter", v ? String(v) : undefined)}
            style={{ width: 140 }}
            options={[{ value: 0, label: "年度考核" }, ...[1, 2, 3, 4].map((q) => ({ value: q, label: `第 ${q} 季度` }))]}
          />
        </Form.Item>
      </Form>
      <QueryState query={query}>
        {(data) => (
          <>
            <Flex gap={16} wrap align="center">
              {quarter === undefined &&
                (data.published ? (
                  <span>
                    <CheckCircleOutlined aria-hidden style={{ color: TAG.green }} /> 已公布，见<Link to="/public/assessments">考核结果公示</Link>
                  </span>
                ) : data.items.length > 0 && mayCall(role, "POST /v1/assessments/{year}/publish") ? (
                  <Publish year={year} />
                ) : (
                  <span>未公布</span>
                ))}
            </Flex>
            <Table
              rowKey="regionCode"
              size="small"
              pagination={false}
              caption={`${data.period} 考核结果`}
              dataSource={data.items}
              locale={{ emptyText: <span style={{ color: TAG.grey }}>该期间尚未考核</span> }}
              expandable={{
                expandedRowRender: (r) => (
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    caption={`${r.regionName}各项得分`}
                    dataSource={r.items}
                    columns={[
                      { title: "考核项目", dataIndex: "name" },
                      { title: "实际值", key: "v", render: (_: unknown, i) => (i.value === null ? "—" : i.value) },
                      { title: "得分", key: "p", render: (_: unknown, i) => `${i.points} / ${i.maxPoints}` },
                      { title: "数据", key: "m", render: (_: unknown, i) => (i.missingInput ? "缺少数据" : "完整") },
                    ]}
                  />
                ),
              }}
              columns={[
                { title: "地区", dataIndex: "regionName" },
                { title: "总分", dataIndex: "total" },
                { title: "等次", key: "g", render: (_: unknown, r) => <Tag color={GRADE[r.grade].color}>{GRADE[r.grade].text}</Tag> },
                {
                  title: "一票否决",
                  key: "veto",
                  render: (_: unknown, r) =>
                    r.vetoed ? (
                      <span style={{ color: TAG.red, fontWeight: 600 }}>
                        <StopOutlined aria-hidden /> 一票否决：{r.vetoes.map((v) => v.name).join("；")}
                      </span>
                    ) : (
                      "—"
                    ),
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </Flex>
  );
}
