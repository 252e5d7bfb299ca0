import { Alert, Button, Form, Input, InputNumber, Select, Typography } from "antd";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import { ACCIDENT_TYPES } from "../../api/routes.gen";
import { useSubmit } from "../../api/submit";
import { QueryState } from "../../components/QueryState";
import { localNow } from "../../components/time";
import { useOwnEnterprise } from "../hazards/checklists";

interface Values {
  occurredAt: string;
  accidentType: string;
  summary: string;
  scene: string;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  injuries: number;
  directLossYuan: number;
  measuresTaken?: string;
}


const COUNTS = [
  ["deaths", "死亡人数"],
  ["missing", "失踪人数"],
  ["seriousInjuries", "重伤人数"],
  ["injuries", "轻伤人数"],
] as const;

/** The enterprise's initial accident report (快报): the API grades it and sets the report deadline and escalation chain. */
export default function AccidentReport() {
  const enterprise = useOwnEnterprise();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const submit = useSubmit<{ id: string }>({ form, success: "事故已报告", onSuccess: (a) => navigate(`/accidents/${a.id}`) });
  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Title level={2}>事故初报</Typography.Title>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="事故发生后，单位负责人接到报告后应于 1 小时内向事故发生地县级应急管理部门报告；情况不明的先报已知情况，随后续报。" />
      <QueryState query={enterprise}>
        {(e) => (
          <Form
            form={form}
            layout="vertical"
            initialValues={{ occurredAt: localNow(), deaths: 0, missing: 0, seriousInjuries: 0, injuries: 0, directLossYuan: 0 }}
            scrollToFirstError
            onFinish={(v) =>
              submit.run((headers) =>
                api.POST("/v1/accidents", {
                  body: {
                    regionCode: e.regionCode,
                    enterpriseId: e.id,
                    industryCode: e.industryCode,
                    occurredAt: new Date(v.occurredAt).toISOString(),
                    accidentType: v.accidentType,
                    summary: v.summary,
                    scene: v.scene,
                    deaths: v.deaths,
                    missing: v.missing,
                    seriousInjuries: v.seriousInjuries,
                    injuries: v.injuries,
                    directLossYuan: v.directLossYuan,
                    ...(v.measuresTaken?.trim() ? { measuresTaken: v.measuresTaken } : {}),
                  },
                  headers,
                }),
              )
            }
          >
            <Form.Item label="发生时间" name="occurredAt" rules={[{ required: true, message: "请填写发生时间" }]}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item label="事故类别" name="accidentType" rules={[{ required: true, message: "请选择事故类别" }]}>
              <Select showSearch optionFilterProp="label" options={ACCIDENT_TYPES.map((t) => ({ value: t.code, label: t.name }))} />
            </Form.Item>
            <Form.Item label="事故简要经过" name="summary" rules={[{ required: true, whitespace: true, message: "请填写事故经过" }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} />
            </Form.Item>
            <Form.Item label="事故现场情况" name="scene" rules={[{ required: true, whitespace: true, message: "请填写现场情况" }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
            </Form.Item>
            <div className="form-grid">
              {COUNTS.map(([k, label]) => (
                <Form.Item key={k} label={label} name={k} rules={[{ required: true, message: `请填写${label}` }]}>
                  <InputNumber min={0} precision={0} style={{ width: "100%" }} />
                </Form.Item>
              ))}
            </div>
            <Form.Item label="直接经济损失（元）" name="directLossYuan" rules={[{ required: true, message: "请填写直接经济损失" }]}>
              <InputNumber min={0} precision={0} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item label="已采取的措施" name="measuresTaken">
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" {...submit.button}>
              {submit.retryIn > 0 ? `请 ${submit.retryIn} 秒后重试` : "报告"}
            </Button>
          </Form>
        )}
      </QueryState>
    </div>
  );
}
