// An enforcement inspection entered at the desk after the visit: each finding becomes a hazard
// (source enforcement) in the same submission, or none of them does.
import { Button, Form, Input, Space, Typography } from "antd";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import { useSubmit } from "../../api/submit";
import { EnterpriseSelect } from "../../components/EnterpriseSelect";
import { FormGroup } from "../../components/FormGroup";
import { HazardFields, type HazardInput, hazardBody } from "../../components/HazardFields";

interface Values {
  enterpriseId: string;
  date: string;
  /** HH:mm on `date`, Beijing time; empty: the start of the day. */
  time?: string;
  inspectors: { name: string; certificateNo?: string }[];
  summary?: string;
  findings?: HazardInput[];
}

/** Today in Asia/Shanghai, the business day the API checks the date against. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export default function InspectionNew() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const submit = useSubmit<{ id: string }>({ form, success: "执法检查已记录", onSuccess: (r) => navigate(`/inspections/${r.id}`) });
  return (
    <>
      <Typography.Title level={2}>录入执法检查</Typography.Title>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 720 }}
        initialValues={{ date: today(), inspectors: [{ name: "" }, { name: "" }] }}
        onFinish={(v) =>
          submit.run((h) =>
            api.POST("/v1/enforcement-inspections", {
              body: {
                enterpriseId: v.enterpriseId,
                date: v.date,
                ...(v.time ? { startedAt: `${v.date}T${v.time}:00+08:00` } : {}),
                inspectors: v.inspectors.map((i) => ({ name: i.name.trim(), ...(i.certificateNo?.trim() ? { certificateNo: i.certificateNo.trim() } : {}) })),
                ...(v.summary?.trim() ? { summary: v.summary.trim() } : {}),
                findings: (v.findings ?? []).map(hazardBody),
              },
              headers: h,
            }),
          )
        }
      >
        <Form.Item name="enterpriseId" label="被检查企业" extra="输入企业名称查找" rules={[{ required: true, message: "请选择企业" }]}>
          <EnterpriseSelect />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="date" label="检查日期" rules={[{ required: true, message: "请填写检查日期" }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="time" label="到达时间" extra="北京时间；不填按当日 0 时">
            <Input type="time" />
          </Form.Item>
        </Space>
        {/* 行政处罚法 第四十二条: at least two law-enforcement officers. */}
        <Form.List name="inspectors" rules={[{ validator: async (_, v) => ((v?.length ?? 0) < 2 ? Promise.reject(new Error("至少两名执法人员")) : undefined) }]}>
          {(fields, { add, remove }, { errors }) => (
            <FormGroup legend="执法人员（至少两名）">
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="end" style={{ display: "flex" }}>
                  <Form.Item name={[f.name, "name"]} label={`执法人员${i + 1}姓名`} rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, "certificateNo"]} label={`执法人员${i + 1}执法证号`}>
                    <Input maxLength={50} />
                  </Form.Item>
                  {fields.length > 2 && (
                    <Form.Item>
                      <Button onClick={() => remove(f.name)}>删除</Button>
                    </Form.Item>
                  )}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              {fields.length < 10 && <Button onClick={() => add({ name: "" })}>添加执法人员</Button>}
            </FormGroup>
          )}
        </Form.List>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <FormGroup key={f.key} legend={`检查发现 ${i + 1}`}>
                  <HazardFields list="findings" name={[f.name]} />
                  <Button onClick={() => remove(f.name)}>删除此项</Button>
                </FormGroup>
              ))}
              {fields.length < 30 && (
                <Button onClick={() => add()} style={{ marginBottom: 16 }}>
                  添加检查发现
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="summary" label="检查情况">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" {...submit.button}>
            保存检查记录
          </Button>
          <Button onClick={() => navigate("/inspections")}>返回</Button>
        </Space>
      </Form>
    </>
  );
}
