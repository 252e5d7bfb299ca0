import { Button, Descriptions, Form, Input, Space, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { api, $api } from "../../api/client";
import { ifMatch, useSubmit } from "../../api/submit";
import { PLAN_PARTS } from "../../api/routes.gen";
import { AttachmentLink } from "../../components/AttachmentLink";
import { AuditTrail } from "../../components/AuditTrail";
import { TAG } from "../../components/colors";
import { EvidenceUpload } from "../../components/EvidenceUpload";
import { QueryState } from "../../components/QueryState";
import { ACTION_LABELS, ANALYSIS_PARTS, HAZARD_LEVEL, HAZARD_SOURCE, HAZARD_STATUS } from "./labels";
import { PlanFields } from "./PlanFields";

type Action = "start" | "complete" | "accept" | "request-review";
const RECORD = "/v1/hazards/{id}" as const;

/** One button for one state change; its own submission key, so a retry never acts twice. */
function ActionButton({ id, action, version, primary }: { id: string; action: Action; version: number; primary?: boolean }) {
  const submit = useSubmit({ record: { path: RECORD, id }, success: `${ACTION_LABELS[action]}：已提交` });
  const paths = { start: "/v1/hazards/{id}/start", complete: "/v1/hazards/{id}/complete", accept: "/v1/hazards/{id}/accept", "request-review": "/v1/hazards/{id}/request-review" } as const;
  return (
    <Button type={primary ? "primary" : "default"} {...submit.button} onClick={() => submit.run((h) => api.POST(paths[action], { params: { path: { id } }, body: {}, headers: { ...h, ...ifMatch(version) } }))}>
      {ACTION_LABELS[action]}
    </Button>
  );
}

function PlanForm({ id, version, plan }: { id: string; version: number; plan?: Record<string, string> }) {
  const [form] = Form.useForm<{ plan: Record<string, string> }>();
  const submit = useSubmit({ form, record: { path: RECORD, id }, success: "治理方案已提交" });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ plan }}
      onFinish={(v) => submit.run((h) => api.POST("/v1/hazards/{id}/plan", { params: { path: { id } }, body: { plan: v.plan }, headers: { ...h, ...ifMatch(version) } }))}
    >
      <PlanFields prefix={["plan"]} required />
      <Button type="primary" htmlType="submit" {...submit.button}>
        {ACTION_LABELS.plan}
      </Button>
    </Form>
  );
}

function RejectForm({ id, version }: { id: string; version: number }) {
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit({ form, record: { path: RECORD, id }, success: "已退回整改" });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => submit.run((h) => api.POST("/v1/hazards/{id}/reject", { params: { path: { id } }, body: v, headers: { ...h, ...ifMatch(version) } }))}>
      <Form.Item label="不通过理由" name="reason" rules={[{ required: true, whitespace: true, message: "请填写理由" }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
      </Form.Item>
      <Button danger htmlType="submit" {...submit.button}>
        {ACTION_LABELS.reject}
      </Button>
    </Form>
  );
}

/** A hazard: its facts and deadline as the API computes them, the plan, evidence, and the actions its state allows. */
export default function HazardDetail() {
  const { id = "" } = useParams();
  const query = $api.useQuery("get", RECORD, { params: { path: { id } } });
  return (
    <QueryState query={query} notFound="没有这条隐患，或不在您的管辖范围内">
      {(h) => {
        const can = (a: string) => h.allowedActions.includes(a);
        const mayUpload = h.status === "rectifying" || h.status === "planned" || h.status === "reported";
        return (
          <Space direction="vertical" size="large" style={{ width: "100%" }}>
            <div>
              <Link to="/hazards">← 隐患台账</Link>
              <Typography.Title level={2}>{h.description}</Typography.Title>
              <Space wrap>
                <Tag color={HAZARD_LEVEL[h.level]?.color}>{HAZARD_LEVEL[h.level]?.label}</Tag>
                <Tag color={HAZARD_STATUS[h.status]?.color} data-testid="hazard-status">
                  {HAZARD_STATUS[h.status]?.label ?? h.status}
                </Tag>
                {h.overdue && <Tag color={TAG.red}>整改已逾期</Tag>}
                {h.supervision && <Tag color={TAG.red}>挂牌督办</Tag>}
              </Space>
            </div>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="单位">{h.enterpriseName}</Descriptions.Item>
              <Descriptions.Item label="来源">{HAZARD_SOURCE[h.source] ?? h.source}</Descriptions.Item>
              <Descriptions.Item label="位置">{h.location}</Descriptions.Item>
              <Descriptions.Item label="发现时间">{new Date(h.discoveredAt).toLocaleString("zh-CN")}</Descriptions.Item>
              <Descriptions.Item label="整改期限">{h.rectifyBy}</Descriptions.Item>
              {h.checklistItemId && <Descriptions.Item label="检查项">{h.checklistItemId}</Descriptions.Item>}
              {h.supervision && <Descriptions.Item label="督办期限">{`${h.supervision.deadline}（${h.supervision.productionSuspended ? "停产整改" : "不停产"}）`}</Descriptions.Item>}
              {h.review && <Descriptions.Item label="核查期限">{`${h.review.dueDate}${h.review.overdue ? "（已逾期）" : ""}`}</Descriptions.Item>}
              {ANALYSIS_PARTS.map((p) => (h[p.key] ? <Descriptions.Item key={p.key} label={p.label} span={2}>{h[p.key]}</Descriptions.Item> : null))}
            </Descriptions>
            {h.level === "major" && h.plan && (
              <Descriptions title="治理方案" bordered size="small" column={1}>
                {PLAN_PARTS.map((p) => (
                  <Descriptions.Item key={p.key} label={p.label}>
                    {h.plan?.[p.key] ?? "（未填写）"}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
            {h.rejections?.map((r) => (
              <Typography.Text key={r.at} type="danger">{`${new Date(r.at).toLocaleString("zh-CN")} 核查不通过：${r.reason}`}</Typography.Text>
            ))}
            <section aria-label="整改证据">
              <h3>整改证据</h3>
              <ul>
                {(h.attachments ?? []).map((a) => (
                  <li key={a.id}>
                    {a.uploaded ? (
                      <AttachmentLink
                        fileName={a.fileName}
                        link={async () => (await api.GET("/v1/hazards/{id}/attachments/{attachmentId}", { params: { path: { id, attachmentId: a.id } } })).data?.download.url}
                      />
                    ) : (
                      `${a.fileName}（完成整改时核验）`
                    )}
                  </li>
                ))}
                {!h.attachments?.length && <li>暂无</li>}
              </ul>
              {mayUpload && (
                <EvidenceUpload
                  label="上传整改照片或文件"
                  declare={async (file, headers) => (await api.POST("/v1/hazards/{id}/attachments", { params: { path: { id } }, body: file, headers })).data?.upload ?? Promise.reject(new Error("上传地址缺失"))}
                  onUploaded={() => void query.refetch()}
                />
              )}
            </section>
            <Space wrap>
              {can("start") && <ActionButton id={id} action="start" version={h.version} primary />}
              {can("complete") && <ActionButton id={id} action="complete" version={h.version} primary />}
              {can("request-review") && <ActionButton id={id} action="request-review" version={h.version} primary />}
              {can("accept") && <ActionButton id={id} action="accept" version={h.version} primary />}
            </Space>
            {can("plan") && (
              <section aria-label="治理方案">
                <h3>治理方案</h3>
                <PlanForm id={id} version={h.version} plan={h.plan} />
              </section>
            )}
            {can("reject") && <RejectForm id={id} version={h.version} />}
            <AuditTrail entityId={id} version={h.version} labels={ACTION_LABELS} />
          </Space>
        );
      }}
    </QueryState>
  );
}
