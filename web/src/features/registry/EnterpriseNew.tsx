import { Button, Form, Typography } from "antd";
import { Link, useNavigate } from "react-router";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { useSubmit } from "../../api/submit";
import { EnterpriseFields } from "./EnterpriseFields";

type NewEnterprise = components["schemas"]["CreateEnterprise"];

/** Registers one enterprise; the API checks the code, the region and the caller's jurisdiction. */
export default function EnterpriseNew() {
  const navigate = useNavigate();
  const [form] = Form.useForm<NewEnterprise>();
  const submit = useSubmit<{ id: string }>({ form, success: "企业已登记", onSuccess: (e) => navigate(`/registry/enterprises/${e.id}`) });
  return (
    <div style={{ maxWidth: 720 }}>
      <Link to="/registry/enterprises">← 企业名录</Link>
      <Typography.Title level={2}>登记企业</Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => submit.run((headers) => api.POST("/v1/enterprises", { body: v, headers }))}>
        <EnterpriseFields withUscc />
        <Button type="primary" htmlType="submit" {...submit.button}>
          登记
        </Button>
      </Form>
    </div>
  );
}
