import { Button, Descriptions, Form, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { $api, api } from "../../api/client";
import type { components } from "../../api/schema";
import { ifMatch, useSubmit } from "../../api/submit";
import { AuditTrail } from "../../components/AuditTrail";
import { QueryState } from "../../components/QueryState";
import { EnterpriseFields } from "./EnterpriseFields";
import { SCALE } from "./labels";

type Enterprise = components["schemas"]["Enterprise"];

const AUDIT_LABELS: Record<string, string> = { create: "登记", update: "修改", "leave-grid": "移出网格" };

function EditForm({ e, onDone }: { e: Enterprise; onDone: () => void }) {
  const [form] = Form.useForm();
  const submit = useSubmit({ form, record: { path: "/v1/enterprises/{id}", id: e.id }, success: "已保存", onSuccess: onDone });
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      initialValues={{ name: e.name, regionCode: e.regionCode, address: e.address, industryCode: e.industryCode, scale: e.scale, contact: e.contact }}
      // If-Match carries the version this form was filled from: someone else's save in between is a 409, not overwritten.
      onFinish={(v) => submit.run((h) => api.PATCH("/v1/enterprises/{id}", { params: { path: { id: e.id }, header: ifMatch(e.version) }, body: v, headers: h }))}
    >
      <EnterpriseFields />
      <Space>
        <Button type="primary" htmlType="submit" {...submit.button}>
          保存
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}

/** One enterprise of the register, and its edit form. */
export default function EnterpriseDetail() {
  const { id = "" } = useParams();
  const query = $api.useQuery("get", "/v1/enterprises/{id}", { params: { path: { id } } });
  const [editing, setEditing] = useState(false);
  return (
    <QueryState query={query} notFound="没有这家企业，或不在您的管辖范围内">
      {(e) => (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <div>
            <Link to="/registry/enterprises">← 企业名录</Link>
            <Typography.Title level={2}>{e.name}</Typography.Title>
          </div>
          {editing ? (
            <EditForm key={e.version} e={e} onDone={() => setEditing(false)} />
          ) : (
            <>
              <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label="统一社会信用代码">{e.uscc}</Descriptions.Item>
                <Descriptions.Item label="行政区划代码">{e.regionCode}</Descriptions.Item>
                <Descriptions.Item label="地址">{e.address}</Descriptions.Item>
                <Descriptions.Item label="行业代码">{e.industryCode}</Descriptions.Item>
                <Descriptions.Item label="规模">{SCALE[e.scale] ?? e.scale}</Descriptions.Item>
                <Descriptions.Item label="安全联系人">{`${e.contact.name} ${e.contact.phone}`}</Descriptions.Item>
                <Descriptions.Item label="版本">{e.version}</Descriptions.Item>
                <Descriptions.Item label="更新时间">{new Date(e.updatedAt).toLocaleString("zh-CN")}</Descriptions.Item>
              </Descriptions>
              <Button type="primary" style={{ alignSelf: "flex-start" }} onClick={() => setEditing(true)}>
                修改
              </Button>
            </>
          )}
          <AuditTrail entityId={e.id} version={e.version} labels={AUDIT_LABELS} />
        </Space>
      )}
    </QueryState>
  );
}
