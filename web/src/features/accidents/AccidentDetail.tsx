import { Button, Descriptions, Form, Input, InputNumber, Space, Table, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { api, $api } from "../../api/client";
import { ifMatch, useSubmit } from "../../api/submit";
import { ACCIDENT_TYPES } from "../../api/routes.gen";
import { AuditTrail } from "../../components/AuditTrail";
import { TAG } from "../../components/colors";
import { QueryState } from "../../components/QueryState";
import { BASIS, CHAIN_LEVEL, GRADE } from "./labels";

const fmt = (t?: string) => (t ? new Date(t).toLocaleString("zh-CN") : "—");

function FollowUp({ id, version }: { id: string; version: number }) {
  const [form] = Form.useForm<{ note: string; deaths?: number; missing?: number; seriousInjuries?: number; injuries?: number; directLossYuan?: number }>();
  const submit = useSubmit({ form, record: { path: "/v1/accidents/{id}", id }, success: "续报已提交", onSuccess: () => form.resetFields() });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => {
        const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== "")) as typeof v;
        return submit.run((h) => api.POST("/v1/accidents/{id}/updates", { params: { path: { id } }, body, headers: { ...h, ...ifMatch(version) } }));
      }}
    >
      <Form.Item label="续报说明" name="note" rules={[{ required: true, whitespace: true, message: "请填写续报说明" }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
      </Form.Item>
      <div className="form-grid">
        <Form.Item label="死亡人数（变化时填写）" name="deaths">
          <InputNumber min={0} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item label="失踪人数（变化时填写）" name="missing">
          <InputNumber min={0} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item label="重伤人数（变化时填写）" name="seriousInjuries">
          <InputNumber min={0} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item label="直接经济损失（元，变化时填写）" name="directLossYuan">
          <InputNumber min={0} precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </div>
      <Button type="primary" htmlType="submit" {...submit.button}>
        提交续报
      </Button>
    </Form>
  );
}

/** An accident as the API graded it: grade and its basis, the report deadline, and who must receive it by when. */
export default function AccidentDetail() {
  const { id = "" } = useParams();
  const query = $api.useQuery("get", "/v1/accidents/{id}", { params: { path: { id } } });
  return (
    <QueryState query={query} notFound="没有这起事故，或不在您的管辖范围内">
      {(a) => (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <div>
            <Link to="/accidents">← 事故快报</Link>
            <Typography.Title level={2}>{`${a.unit.name} ${ACCIDENT_TYPES.find((t) => t.code === a.accidentType)?.name ?? ""}事故`}</Typography.Title>
            <Space wrap>
              <Tag color={GRADE[a.grade]?.color} data-testid="accident-grade">
                {GRADE[a.grade]?.label ?? a.grade}
              </Tag>
              {a.reportedLate && <Tag color={TAG.red}>迟报</Tag>}
              <Tag color={a.status === "open" ? TAG.blue : TAG.grey}>{a.status === "open" ? "处理中" : "已结案"}</Tag>
            </Space>
          </div>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="定级依据">{a.gradeBasis.map((b) => BASIS[b] ?? b).join("、") || "—"}</Descriptions.Item>
            <Descriptions.Item label="报告期限">{fmt(a.reportDueAt)}</Descriptions.Item>
            <Descriptions.Item label="发生时间">{fmt(a.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label="接报时间">{fmt(a.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label="死亡 / 失踪">{`${a.deaths} / ${a.missing}`}</Descriptions.Item>
            <Descriptions.Item label="重伤 / 轻伤">{`${a.seriousInjuries} / ${a.injuries}`}</Descriptions.Item>
            <Descriptions.Item label="直接经济损失">{`${a.directLossYuan.toLocaleString("zh-CN")} 元`}</Descriptions.Item>
            <Descriptions.Item label="报告版本">{`第 ${a.reportVersion} 版`}</Descriptions.Item>
            <Descriptions.Item label="事故经过" span={2}>
              {a.summary}
            </Descriptions.Item>
          </Descriptions>
          <section aria-label="逐级上报">
            <h3>逐级上报</h3>
            <Table
              size="small"
              pagination={false}
              rowKey="level"
              scroll={{ x: true }}
              dataSource={a.chain}
              columns={[
                { title: "接报单位", dataIndex: "level", render: (l: string) => CHAIN_LEVEL[l] ?? l },
                { title: "应报时限", dataIndex: "dueAt", render: fmt },
                { title: "接报时间", dataIndex: "receivedAt", render: (t?: string, s?: { skipped?: boolean }) => (s?.skipped ? "越级" : t ? fmt(t) : "待上报") },
              ]}
            />
          </section>
          {a.status === "open" && (
            <section aria-label="续报">
              <h3>续报</h3>
              <FollowUp id={a.id} version={a.version} />
            </section>
          )}
          <AuditTrail entityId={a.id} version={a.version} />
        </Space>
      )}
    </QueryState>
  );
}
