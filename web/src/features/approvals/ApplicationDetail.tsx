import { Alert, Button, Descriptions, Space, Table, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import { api, $api } from "../../api/client";
import { ifMatch, useSubmit } from "../../api/submit";
import { AttachmentLink } from "../../components/AttachmentLink";
import { AuditTrail } from "../../components/AuditTrail";
import { EvidenceUpload } from "../../components/EvidenceUpload";
import { QueryState } from "../../components/QueryState";
import { TAG } from "../../components/colors";
import { APPLICATION_STATE, STEP_ACTION } from "./labels";

const RECORD = "/v1/applications/{id}" as const;

/** An application: each listed material uploaded on its own, then submitted; afterwards the statutory clock, notices and the licence. */
export default function ApplicationDetail() {
  const { id = "" } = useParams();
  const query = $api.useQuery("get", RECORD, { params: { path: { id } } });
  const submit = useSubmit({ record: { path: RECORD, id }, success: "申请已提交" });
  return (
    <QueryState query={query} notFound="没有这份申请，或不在您的管辖范围内">
      {(a) => {
        const uploading = a.state === "draft" || a.state === "missing_materials";
        const missing = new Set(a.missingNotice?.materials ?? []);
        return (
          <Space direction="vertical" size="large" style={{ width: "100%" }}>
            <div>
              <Link to="/applications">← 审批申请</Link>
              <Typography.Title level={2}>{a.itemName}</Typography.Title>
              <Space wrap>
                <Tag color={APPLICATION_STATE[a.state]?.color} data-testid="application-state">
                  {APPLICATION_STATE[a.state]?.label ?? a.state}
                </Tag>
                {a.overdue && <Tag color={TAG.red}>已超期</Tag>}
                {a.paused && <Tag color={TAG.gold}>计时中止</Tag>}
              </Space>
            </div>
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label="申请许可范围" span={2}>
                {a.scope}
              </Descriptions.Item>
              <Descriptions.Item label="法定时限">{`${a.limitWorkingDays + a.extensionDays} 个工作日${a.extended ? "（已延长）" : ""}`}</Descriptions.Item>
              <Descriptions.Item label="办结期限">{a.dueDate ?? "受理后起算"}</Descriptions.Item>
              <Descriptions.Item label="已用工作日">{a.workingDaysUsed ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="剩余工作日">{a.workingDaysLeft ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="提交日期">{a.submittedOn ?? "—"}</Descriptions.Item>
              <Descriptions.Item label="受理日期">{a.acceptedOn ? `${a.acceptedOn}${a.acceptanceDeemed ? "（逾期未告知，视为受理）" : ""}` : "—"}</Descriptions.Item>
              {a.acceptanceNoticeDue && <Descriptions.Item label="受理告知期限">{a.acceptanceNoticeDue}</Descriptions.Item>}
              {a.decisionReason && <Descriptions.Item label="决定理由">{a.decisionReason}</Descriptions.Item>}
              {a.licenceNumber && (
                <Descriptions.Item label="许可证">
                  <Link to={`/public/licences?number=${encodeURIComponent(a.licenceNumber)}`}>{a.licenceNumber}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
            {a.missingNotice && <Alert type="warning" showIcon title={`${a.missingNotice.on} 一次性告知需补正：${a.missingNotice.materials.join("；")}`} />}
            {a.calendarNote && <Alert type="info" showIcon title={a.calendarNote} />}
            <section aria-label="申请材料">
              <h3>申请材料</h3>
              <ol className="materials">
                {a.materials.map((m) => {
                  const files = a.attachments.filter((f) => f.material === m);
                  return (
                    <li key={m}>
                      <strong>{m}</strong> {missing.has(m) && <Tag color={TAG.orange}>需补正</Tag>}
                      <ul>
                        {files.map((f) => (
                          <li key={f.id}>
                            <AttachmentLink
                              fileName={f.fileName}
                              link={async () => (await api.GET("/v1/applications/{id}/attachments/{attachmentId}", { params: { path: { id, attachmentId: f.id } } })).data?.download.url}
                            />
                          </li>
                        ))}
                      </ul>
                      {uploading && (
                        <EvidenceUpload
                          label={`上传：${m}`}
                          declare={async (file, headers) =>
                            (await api.POST("/v1/applications/{id}/attachments", { params: { path: { id } }, body: { ...file, material: m }, headers })).data?.upload ?? Promise.reject(new Error("上传地址缺失"))
                          }
                          onUploaded={() => void query.refetch()}
                        />
                      )}
                    </li>
                  );
                })}
              </ol>
            </section>
            {a.allowedActions.includes("submit") && (
              <Button type="primary" {...submit.button} onClick={() => submit.run((h) => api.POST("/v1/applications/{id}/submit", { params: { path: { id } }, body: {}, headers: { ...h, ...ifMatch(a.version) } }))}>
                {a.state === "missing_materials" ? "提交补正材料" : "提交申请"}
              </Button>
            )}
            <section aria-label="办理过程">
              <h3>办理过程</h3>
              <Table
                size="small"
                pagination={false}
                rowKey="seq"
                scroll={{ x: true }}
                dataSource={a.history}
                columns={[
                  { title: "日期", dataIndex: "on" },
                  { title: "环节", dataIndex: "action", render: (x: string) => STEP_ACTION[x] ?? x },
                  { title: "结果", dataIndex: "to", render: (s: string) => APPLICATION_STATE[s]?.label ?? s },
                  { title: "说明", dataIndex: "reason", render: (r?: string, s?: { missingMaterials?: string[] }) => r ?? s?.missingMaterials?.join("；") ?? "" },
                ]}
              />
            </section>
            <AuditTrail entityId={a.id} version={a.version} labels={STEP_ACTION} />
          </Space>
        );
      }}
    </QueryState>
  );
}
