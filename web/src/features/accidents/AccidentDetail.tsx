import { Button, Descriptions, Flex, Form, Input, InputNumber, Radio, Space, Table, Tag, Typography } from "antd";
import { useParams } from "react-router";
import { api, $api } from "../../api/client";
import { ifMatch, useSubmit } from "../../api/submit";
import { useSession } from "../../auth/session";
import { AuditTrail } from "../../components/AuditTrail";
import { Countdown, when } from "../../components/Countdown";
import { QueryState } from "../../components/QueryState";
import { TAG } from "../../components/colors";
import { BASIS, CHAIN_LEVEL, GRADE, LEVEL } from "./labels";

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

function Forward({ id, nextLevel }: { id: string; nextLevel: string }) {
  const submit = useSubmit({ record: { path: "/v1/accidents/{id}", id }, success: `已转报${LEVEL[nextLevel] ?? ""}` });
  return (
    <Button type="primary" {...submit.button} onClick={() => submit.run((h) => api.POST("/v1/accidents/{id}/forward", { params: { path: { id } }, body: {}, headers: h }))}>
      转报{LEVEL[nextLevel]}
    </Button>
  );
}

interface CloseValues {
  cause: string;
  enterpriseResponsible: boolean;
  handling: string;
}

function Close({ id }: { id: string }) {
  const [form] = Form.useForm<CloseValues>();
  const submit = useSubmit({ form, record: { path: "/v1/accidents/{id}", id }, success: "已结案" });
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }} onFinish={(body) => submit.run((h) => api.POST("/v1/accidents/{id}/close", { params: { path: { id } }, body, headers: h }))}>
      <Typography.Title level={3}>结案</Typography.Title>
      <Form.Item name="cause" label="事故原因" rules={[{ required: true, message: "请填写事故原因" }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="enterpriseResponsible" label="企业是否负有责任" rules={[{ required: true, message: "请选择" }]}>
        <Radio.Group options={[{ value: true, label: "负有责任" }, { value: false, label: "不负责任" }]} />
      </Form.Item>
      <Form.Item name="handling" label="处理情况" rules={[{ required: true, message: "请填写处理情况" }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button htmlType="submit" {...submit.button}>
        提交结案
      </Button>
    </Form>
  );
}

/** One report: facts, the forwarding chain with its deadlines, every version, the audit trail, and this level's actions. */
export default function AccidentDetail() {
  const { id = "" } = useParams();
  const s = useSession();
  const query = $api.useQuery("get", "/v1/accidents/{id}", { params: { path: { id } } });
  return (
    <QueryState query={query} notFound="没有这份事故报告">
      {(a) => {
        const mine = s?.claims.role === "regulator" && a.pending?.holderRegion === s.claims.region;
        return (
          <Flex vertical gap={16}>
            <div>
              <Typography.Title level={2}>{a.unit.name}</Typography.Title>
              <Space wrap>
                <Tag color={GRADE[a.grade]?.color} data-testid="accident-grade">
                  {GRADE[a.grade]?.label ?? a.grade}
                </Tag>
                {a.reportedLate && <Tag color={TAG.red}>迟报</Tag>}
                <Tag color={a.status === "open" ? TAG.blue : TAG.grey}>{a.status === "open" ? "处理中" : "已结案"}</Tag>
              </Space>
            </div>
            {a.pending && (
              <Flex gap={12} align="center" wrap>
                <span>
                  待{LEVEL[a.pending.holderLevel]}转报{LEVEL[a.pending.nextLevel]}，期限 {when(a.pending.dueAt)}
                </span>
                <Countdown dueAt={a.pending.dueAt} />
                {mine && <Forward id={a.id} nextLevel={a.pending.nextLevel} />}
              </Flex>
            )}
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="定级依据">{a.gradeBasis.map((b) => BASIS[b] ?? b).join("、") || "—"}</Descriptions.Item>
              <Descriptions.Item label="报告期限">{when(a.reportDueAt)}</Descriptions.Item>
              <Descriptions.Item label="发生时间">{when(a.occurredAt)}</Descriptions.Item>
              <Descriptions.Item label="接报时间">{when(a.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="伤亡">{`死亡 ${a.deaths}，失踪 ${a.missing}，重伤 ${a.seriousInjuries}，轻伤 ${a.injuries}`}</Descriptions.Item>
              <Descriptions.Item label="直接经济损失">{`${a.directLossYuan.toLocaleString("zh-CN")} 元`}</Descriptions.Item>
              <Descriptions.Item label="地点">{a.scene}</Descriptions.Item>
              <Descriptions.Item label="经过" span={2}>
                {a.summary}
              </Descriptions.Item>
            </Descriptions>
            <section aria-labelledby="chain-title">
              <Typography.Title level={3} id="chain-title">
                逐级上报
              </Typography.Title>
              <Table
                rowKey="level"
                size="small"
                pagination={false}
                scroll={{ x: "max-content" }}
                dataSource={a.chain}
                columns={[
                  { title: "接报单位", key: "level", render: (_: unknown, c) => CHAIN_LEVEL[c.level] ?? c.level },
                  { title: "期限", key: "dueAt", render: (_: unknown, c) => when(c.dueAt) },
                  { title: "收到", key: "receivedAt", render: (_: unknown, c) => when(c.receivedAt) },
                  { title: "情况", key: "state", render: (_: unknown, c) => (c.skipped ? `越级：${c.skipReason ?? ""}` : c.late ? `迟报 ${c.minutesLate} 分钟` : c.overdue ? "已超期未报" : c.receivedAt ? "按时" : "未到") },
                ]}
              />
            </section>
            <section aria-labelledby="versions-title">
              <Typography.Title level={3} id="versions-title">
                首报与续报
              </Typography.Title>
              <Table
                rowKey="n"
                size="small"
                pagination={false}
                scroll={{ x: "max-content" }}
                dataSource={a.history}
                columns={[
                  { title: "次序", key: "n", render: (_: unknown, v) => (v.kind === "initial" ? "首报" : `续报 ${v.n - 1}`) },
                  { title: "时间", key: "at", render: (_: unknown, v) => when(v.at) },
                  { title: "报告人", key: "by", render: (_: unknown, v) => `${v.by.userId}（${v.by.regionCode}）` },
                  { title: "说明", key: "note", render: (_: unknown, v) => v.note ?? "—" },
                ]}
              />
            </section>
            {a.status === "open" && (
              <section aria-labelledby="follow-up-title">
                <Typography.Title level={3} id="follow-up-title">
                  续报
                </Typography.Title>
                <FollowUp id={a.id} version={a.version} />
              </section>
            )}
            <AuditTrail entityId={a.id} version={a.version} />
            {s?.claims.role === "regulator" && a.status === "open" && !a.pending && <Close id={a.id} />}
          </Flex>
        );
      }}
    </QueryState>
  );
}
