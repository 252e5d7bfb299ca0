import { Button, DatePicker, Descriptions, Flex, Form, Input, Radio, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { Link, useParams } from "react-router";
import { api, $api } from "../../api/client";
import { ifMatch, useSubmit } from "../../api/submit";
import { AuditTrail } from "../../components/AuditTrail";
import { QueryState } from "../../components/QueryState";
import { ACTION_LABELS, HAZARD_LEVEL, HAZARD_SOURCE, HAZARD_STATUS } from "../hazards/labels";

const record = (id: string) => ({ path: "/v1/hazards/{id}" as const, id });

/** Accept or write off: one note, one button. */
function NoteAction({ id, version, action, label }: { id: string; version: number; action: "accept" | "write-off"; label: string }) {
  const [form] = Form.useForm<{ note?: string }>();
  const submit = useSubmit({ form, record: record(id), success: `已${label}` });
  return (
    <Form form={form} layout="vertical" onFinish={({ note }) => submit.run((h) => api.POST(`/v1/hazards/{id}/${action}`, { params: { path: { id } }, body: { note: note || undefined }, headers: { ...h, ...ifMatch(version) } }))}>
      <Form.Item name="note" label={`${label}意见`}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" {...submit.button}>
        {label}
      </Button>
    </Form>
  );
}

function Reject({ id, version }: { id: string; version: number }) {
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useSubmit({ form, record: record(id), success: "已退回整改" });
  return (
    <Form form={form} layout="vertical" onFinish={(body) => submit.run((h) => api.POST("/v1/hazards/{id}/reject", { params: { path: { id } }, body, headers: { ...h, ...ifMatch(version) } }))}>
      <Form.Item name="reason" label="退回理由" rules={[{ required: true, message: "请填写退回理由" }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button danger htmlType="submit" {...submit.button}>
        退回整改
      </Button>
    </Form>
  );
}

function Supervise({ id, version }: { id: string; version: number }) {
  const [form] = Form.useForm<{ deadline: Dayjs; productionSuspended: boolean; note?: string }>();
  const submit = useSubmit({ form, record: record(id), success: "已挂牌督办" });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) =>
        submit.run((h) =>
          api.POST("/v1/hazards/{id}/supervise", { params: { path: { id } }, body: { deadline: v.deadline.format("YYYY-MM-DD"), productionSuspended: v.productionSuspended, note: v.note || undefined }, headers: { ...h, ...ifMatch(version) } }),
        )
      }
    >
      <Form.Item name="deadline" label="督办整改期限" rules={[{ required: true, message: "请选择期限" }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="productionSuspended" label="是否责令停产停业" rules={[{ required: true, message: "请选择" }]}>
        <Radio.Group options={[{ value: true, label: "停产停业" }, { value: false, label: "不停产" }]} />
      </Form.Item>
      <Form.Item name="note" label="督办说明">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" {...submit.button}>
        挂牌督办
      </Button>
    </Form>
  );
}

/** One hazard with the actions the API allows this caller now (allowedActions) and its audit trail. */
export default function HazardDetail() {
  const { id = "" } = useParams();
  const query = $api.useQuery("get", "/v1/hazards/{id}", { params: { path: { id } } });
  return (
    <QueryState query={query} notFound="没有这条隐患">
      {(h) => (
        <Flex vertical gap={16}>
          <div>
            <Link to="/supervision/hazards">← 辖区隐患</Link>
            <Typography.Title level={2}>
              {h.enterpriseName} · {HAZARD_LEVEL[h.level]?.label ?? h.level}
            </Typography.Title>
          </div>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="状态">{HAZARD_STATUS[h.status]?.label ?? h.status}</Descriptions.Item>
            <Descriptions.Item label="整改期限">{`${h.rectifyBy.slice(0, 10)}${h.overdue ? " ⚠ 逾期" : ""}`}</Descriptions.Item>
            <Descriptions.Item label="位置">{h.location}</Descriptions.Item>
            <Descriptions.Item label="来源">
              {HAZARD_SOURCE[h.source] ?? h.source}
              {h.inspectionId && (
                <>
                  {" · "}
                  <Link to={`/inspections/${h.inspectionId}`}>查看执法检查</Link>
                </>
              )}
              {h.patrolId && (
                <>
                  {" · "}
                  <Link to={`/grid-patrols/${h.patrolId}`}>查看巡查记录</Link>
                </>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="挂牌督办">{h.supervision ? `期限 ${h.supervision.deadline}` : "未挂牌"}</Descriptions.Item>
            <Descriptions.Item label="隐患描述" span={2}>
              {h.description}
            </Descriptions.Item>
            {h.review && <Descriptions.Item label="复查期限">{`${h.review.dueDate}${h.review.overdue ? " ⚠ 逾期" : ""}`}</Descriptions.Item>}
          </Descriptions>
          {h.allowedActions.includes("supervise") && <Supervise id={h.id} version={h.version} />}
          {h.allowedActions.includes("accept") && <NoteAction id={h.id} version={h.version} action="accept" label="验收" />}
          {h.allowedActions.includes("reject") && <Reject id={h.id} version={h.version} />}
          {h.allowedActions.includes("write-off") && <NoteAction id={h.id} version={h.version} action="write-off" label="核销" />}
          <AuditTrail entityId={h.id} version={h.version} labels={ACTION_LABELS} />
        </Flex>
      )}
    </QueryState>
  );
}
