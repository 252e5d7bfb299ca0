import { Button, Form, Input, Select, Typography } from "antd";
import { Link, useNavigate, useSearchParams } from "react-router";
import { api, $api } from "../../api/client";
import { useSubmit } from "../../api/submit";
import { QueryState } from "../../components/QueryState";

/** Online application, step one: pick the item and state the scope; materials are uploaded on the application itself. */
export default function ApplicationNew() {
  const [params] = useSearchParams();
  const items = $api.useQuery("get", "/v1/approval-items", {});
  const navigate = useNavigate();
  const [form] = Form.useForm<{ itemCode: string; scope: string }>();
  const itemCode = Form.useWatch("itemCode", form);
  const submit = useSubmit<{ id: string }>({ form, success: "申请已创建，请上传材料", onSuccess: (a) => navigate(`/applications/${a.id}`) });
  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Title level={2}>网上申请</Typography.Title>
      <QueryState query={items}>
        {(data) => {
          const item = data.items.find((i) => i.code === itemCode);
          return (
            <Form form={form} layout="vertical" initialValues={{ itemCode: params.get("item") ?? undefined }} onFinish={(v) => submit.run((headers) => api.POST("/v1/applications", { body: v, headers }))}>
              <Form.Item label="审批事项" name="itemCode" rules={[{ required: true, message: "请选择审批事项" }]}>
                <Select showSearch optionFilterProp="label" options={data.items.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))} />
              </Form.Item>
              {item && (
                <div className="page-lead">
                  <p>{`法定办结时限 ${item.limitWorkingDays} 个工作日；需提交材料 ${item.materials.length} 项（提交申请后逐项上传）。`}</p>
                  <Link to={`/public/approval-items/${item.code}`}>查看服务指南</Link>
                </div>
              )}
              <Form.Item label="申请许可范围" name="scope" rules={[{ required: true, whitespace: true, message: "请填写申请许可范围" }]}>
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" {...submit.button}>
                创建申请
              </Button>
            </Form>
          );
        }}
      </QueryState>
    </div>
  );
}
