import { Alert, App, Button, Descriptions, Flex, Form, type FormInstance, Input, Select, Table, Typography } from "antd";
import { useParams } from "react-router";
import { api, $api } from "../../api/client";
import { problemText } from "../../api/problem";
import { useSubmit } from "../../api/submit";
import { useSession } from "../../auth/session";
import { AuditTrail } from "../../components/AuditTrail";
import { when } from "../../components/Countdown";
import { QueryState } from "../../components/QueryState";
import { ClockText } from "./Clock";
import { ACTIONS, APP_STATE, REASON_REQUIRED } from "./labels";

interface Values {
  reason?: string;
  missingMaterials?: string[];
}

/** One stage action: its own submission (own Idempotency-Key), the shared 办理意见 as its reason. */
function ActionButton({ id, action, label, form, disabledReason }: { id: string; action: string; label: string; form: FormInstance<Values>; disabledReason?: string }) {
  const submit = useSubmit({ form, record: { path: "/v1/applications/{id}", id }, success: `已${label}` });
  const danger = action === "refuse" || action === "decline";
  const describedBy = disabledReason ? `why-${action}` : undefined;
  return (
    <Flex vertical gap={2}>
      <Button
        type={danger ? "default" : "primary"}
        danger={danger}
        {...submit.button}
        disabled={submit.button.disabled || disabledReason !== undefined}
        aria-describedby={describedBy}
        onClick={async () => {
          const v = form.getFieldsValue();
          if (REASON_REQUIRED.has(action) && !v.reason?.trim()) {
            form.setFields([{ name: "reason", errors: [`「${label}」须写明理由`] }]);
            return;
          }
          const body = {
            reason: v.reason?.trim() || undefined,
            ...(action === "notify-missing" ? { missingMaterials: v.missingMaterials ?? [] } : {}),
          };
          const done = await submit.run((h) => api.POST(`/v1/applications/{id}/${action}` as "/v1/applications/{id}/accept", { params: { path: { id } }, body, headers: h }));
          if (done) form.resetFields();
        }}
      >
        {label}
      </Button>
      {disabledReason && (
        <small id={describedBy} style={{ color: "#595959", maxWidth: 260 }}>
          {disabledReason}
        </small>
      )}
    </Flex>
  );
}

/** Download links are signed on demand by the attachment's own route, so they never sit stale in a page. */
function Download({ id, attachmentId, fileName }: { id: string; attachmentId: string; fileName: string }) {
  const { message } = App.useApp();
  return (
    <Button
      type="link"
      style={{ padding: 0 }}
      onClick={async () => {
        try {
          const { data } = await api.GET("/v1/applications/{id}/attachments/{attachmentId}", { params: { path: { id, attachmentId } } });
          if (data) window.open(data.download.url, "_blank", "noopener");
        } catch (err) {
          message.error(problemText(err));
        }
      }}
    >
      {fileName}
    </Button>
  );
}

/** An application on the officer's desk: the clock, the materials, the stage actions it allows now, and its history. */
export default function Desk() {
  const { id = "" } = useParams();
  const s = useSession();
  const [form] = Form.useForm<Values>();
  const query = $api.useQuery("get", "/v1/applications/{id}", { params: { path: { id } } });
  return (
    <QueryState query={query} notFound="没有这份申请">
      {(a) => {
        const allowed = ACTIONS.filter(([k]) => k !== "submit" && a.allowedActions.includes(k));
        // 行政许可法 separation of duties: whoever passed the review may not decide.
        const reviewer = a.reviewPassedBy !== undefined && a.reviewPassedBy === s?.claims.user;
        const why = (k: string) =>
          (k === "approve" || k === "refuse") && reviewer
            ? "您已作出审查通过意见，按审批职责分离，须由另一名审批人员作出决定"
            : k === "extend" && !s?.claims.head
              ? "延期须经审批负责人批准（行政许可法第四十二条）"
              : undefined;
        return (
          <Flex vertical gap={16}>
            <Typography.Title level={2}>
              {a.itemName} · {a.enterpriseName}
            </Typography.Title>
            {a.blacklistWarning && <Alert type="warning" showIcon title={`申请单位在失信黑名单期内（${a.blacklistWarning.from} 至 ${a.blacklistWarning.until}）`} />}
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="状态">{APP_STATE[a.state] ?? a.state}</Descriptions.Item>
              <Descriptions.Item label="承办">{`${a.handledBy.level === "province" ? "省级" : a.handledBy.level === "city" ? "市级" : "属地"}（${a.handledBy.regionCode}）`}</Descriptions.Item>
              <Descriptions.Item label="法定时限" span={2}>
                <ClockText c={a} />
              </Descriptions.Item>
              {a.acceptanceNoticeDue && <Descriptions.Item label="受理决定期限">{a.acceptanceNoticeDue}</Descriptions.Item>}
              <Descriptions.Item label="申请范围" span={2}>
                {a.scope}
              </Descriptions.Item>
              {a.reviewPassedBy && <Descriptions.Item label="审查通过人">{a.reviewPassedBy}</Descriptions.Item>}
            </Descriptions>
            <section aria-labelledby="materials-title">
              <Typography.Title level={3} id="materials-title">
                申请材料
              </Typography.Title>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                scroll={{ x: "max-content" }}
                dataSource={a.attachments}
                columns={[
                  { title: "材料", dataIndex: "material" },
                  { title: "文件", key: "f", render: (_: unknown, f) => <Download id={a.id} attachmentId={f.id} fileName={f.fileName} /> },
                  { title: "核验", key: "v", render: (_: unknown, f) => (f.verified ? "✓ 已核验" : "未核验") },
                ]}
              />
            </section>
            {allowed.length > 0 && (
              <section aria-labelledby="actions-title">
                <Typography.Title level={3} id="actions-title">
                  办理
                </Typography.Title>
                <Form form={form} layout="vertical" style={{ maxWidth: 720 }}>
                  <Form.Item name="reason" label="办理意见">
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  {a.allowedActions.includes("notify-missing") && (
                    <Form.Item name="missingMaterials" label="缺少或不合格的材料">
                      <Select mode="multiple" options={a.materials.map((m) => ({ value: m, label: m }))} />
                    </Form.Item>
                  )}
                  <Flex gap={12} wrap>
                    {allowed.map(([k, label]) => (
                      <ActionButton key={k} id={a.id} action={k} label={label} form={form} disabledReason={why(k)} />
                    ))}
                  </Flex>
                </Form>
              </section>
            )}
            <section aria-labelledby="history-title">
              <Typography.Title level={3} id="history-title">
                办理过程
              </Typography.Title>
              <Table
                rowKey="seq"
                size="small"
                pagination={false}
                scroll={{ x: "max-content" }}
                dataSource={a.history}
                columns={[
                  { title: "时间", key: "at", render: (_: unknown, h) => when(h.at) },
                  { title: "环节", key: "action", render: (_: unknown, h) => ACTIONS.find(([k]) => k === h.action)?.[1] ?? h.action },
                  { title: "办理人", dataIndex: "actorId" },
                  { title: "状态", key: "to", render: (_: unknown, h) => `${APP_STATE[h.from] ?? h.from} → ${APP_STATE[h.to] ?? h.to}` },
                  { title: "意见", key: "reason", render: (_: unknown, h) => h.reason ?? "—" },
                ]}
              />
            </section>
            <AuditTrail entityId={a.id} version={a.version} />
          </Flex>
        );
      }}
    </QueryState>
  );
}
