// A grid patrol captured on the phone, with or without signal: the patrol time is the device's
// time when it is saved, and every finding becomes a hazard (source grid_patrol) when it syncs.
import { App, Button, Form, Input, Select, Space, Typography } from "antd";
import { useNavigate } from "react-router";
import { FindingFields, type FindingInput, OfflineCopy, splitFinding, useEnterpriseOptions } from "./Capture";
import { saveCapture } from "./save";
import { useField } from "./useField";
import { FormGroup } from "../../components/FormGroup";

interface Values {
  route?: string;
  visitedEnterpriseIds?: string[];
  note?: string;
  findings?: FindingInput[];
}

export default function PatrolForm() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { claims, owner, copy } = useField();
  const enterprises = useEnterpriseOptions(claims);

  async function onFinish(v: Values) {
    const parts = (v.findings ?? []).map(splitFinding);
    const body = {
      patrolledAt: new Date().toISOString(),
      ...(v.route?.trim() ? { route: v.route.trim() } : {}),
      ...(v.visitedEnterpriseIds?.length ? { visitedEnterpriseIds: v.visitedEnterpriseIds } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      findings: parts.map((p) => p.finding as typeof p.finding & { enterpriseId: string }),
    };
    const names = enterprises.filter((e) => v.visitedEnterpriseIds?.includes(e.value) || body.findings.some((f) => f.enterpriseId === e.value)).map((e) => e.label);
    await saveCapture(owner, `网格巡查 · ${names.join("、") || "无企业"} · 隐患 ${body.findings.length} 项`, { kind: "patrol", body }, parts.map((p) => p.photos));
    message.success("已保存，待同步");
    navigate("/field");
  }

  return (
    <>
      <Typography.Title level={2}>网格巡查上报</Typography.Title>
      <OfflineCopy count={enterprises.length} copy={copy} />
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 640 }}>
        <Form.Item name="visitedEnterpriseIds" label="走访企业">
          <Select mode="multiple" options={enterprises} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="route" label="巡查路线">
          <Input maxLength={500} />
        </Form.Item>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <FormGroup key={f.key} legend={`发现隐患 ${i + 1}`}>
                  <FindingFields name={[f.name]} enterprises={enterprises} withEnterprise />
                  <Button onClick={() => remove(f.name)}>删除此隐患</Button>
                </FormGroup>
              ))}
              <Button onClick={() => add()} style={{ marginBottom: 16 }}>
                添加发现的隐患
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="note" label="备注">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            保存巡查记录
          </Button>
          <Button onClick={() => navigate("/field")}>返回</Button>
        </Space>
      </Form>
    </>
  );
}
