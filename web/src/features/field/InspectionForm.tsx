// An enforcement inspection recorded while walking the plant, with or without signal: the
// inspectors arrived when the record was started (startedAt, device time); each finding becomes
// a hazard (source enforcement) when it syncs.
import { App, Button, Form, Input, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { FindingFields, type FindingInput, OfflineCopy, splitFinding, useEnterpriseOptions } from "./Capture";
import { saveCapture } from "./save";
import { useField } from "./useField";
import { FormGroup } from "../../components/FormGroup";

interface Values {
  enterpriseId: string;
  inspector1: string;
  inspector2: string;
  summary?: string;
  findings?: Omit<FindingInput, "enterpriseId">[];
}

/** The business date in Asia/Shanghai of a device instant. */
const shanghaiDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export default function InspectionForm() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { claims, owner, copy } = useField();
  const enterprises = useEnterpriseOptions(claims);
  const [startedAt] = useState(() => new Date());
  const inspected = Form.useWatch("enterpriseId", form);

  async function onFinish(v: Values) {
    const parts = (v.findings ?? []).map(splitFinding);
    const body = {
      enterpriseId: v.enterpriseId,
      date: shanghaiDate(startedAt),
      startedAt: startedAt.toISOString(),
      inspectors: [{ name: v.inspector1.trim() }, { name: v.inspector2.trim() }],
      ...(v.summary?.trim() ? { summary: v.summary.trim() } : {}),
      findings: parts.map((p) => p.finding),
    };
    const name = enterprises.find((e) => e.value === v.enterpriseId)?.label ?? v.enterpriseId;
    await saveCapture(owner, `执法检查 · ${name} · 问题 ${body.findings.length} 项`, { kind: "inspection", body }, parts.map((p) => p.photos));
    message.success("已保存，待同步");
    navigate("/field");
  }

  return (
    <>
      <Typography.Title level={2}>执法检查记录</Typography.Title>
      <OfflineCopy count={enterprises.length} copy={copy} />
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 640 }}>
        <Form.Item name="enterpriseId" label="被检查企业" rules={[{ required: true, message: "请选择企业" }]}>
          <Select options={enterprises} showSearch optionFilterProp="label" />
        </Form.Item>
        {/* 行政处罚法 第四十二条: at least two law-enforcement officers. */}
        <Form.Item name="inspector1" label="执法人员一" rules={[{ required: true, whitespace: true, message: "至少两名执法人员" }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="inspector2" label="执法人员二" rules={[{ required: true, whitespace: true, message: "至少两名执法人员" }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <FormGroup key={f.key} legend={`检查发现 ${i + 1}`}>
                  <FindingFields name={[f.name]} enterprises={enterprises} withEnterprise={false} enterpriseId={inspected} />
                  <Button onClick={() => remove(f.name)}>删除此项</Button>
                </FormGroup>
              ))}
              <Button onClick={() => add()} style={{ marginBottom: 16 }}>
                添加检查发现
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="summary" label="检查情况">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            保存检查记录
          </Button>
          <Button onClick={() => navigate("/field")}>返回</Button>
        </Space>
      </Form>
    </>
  );
}
