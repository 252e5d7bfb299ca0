import { Button, Descriptions, Form, Input, Space, Tag, Typography } from "antd";
import { useSearchParams } from "react-router";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { LICENCE_STATUS } from "./labels";

/** Licence verification by number; the number lives in the URL so a result can be shared. */
export default function LicenceCheck() {
  const [params, setParams] = useSearchParams();
  const number = params.get("number") ?? "";
  const query = $api.useQuery("get", "/v1/licences/{number}", { params: { path: { number } } }, { enabled: number !== "" });
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={2}>许可证查验</Typography.Title>
      <Form layout="vertical" initialValues={{ number }} onFinish={(v: { number: string }) => setParams({ number: v.number.trim() })} style={{ maxWidth: 480 }}>
        <Form.Item label="许可证编号" name="number" rules={[{ required: true, whitespace: true, message: "请输入许可证编号" }]}>
          <Input placeholder="如 HB-AQ01-01-2025-0000000001" autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          查验
        </Button>
      </Form>
      {number !== "" && (
        <QueryState query={query} notFound={`未查到编号为 ${number} 的许可证`}>
          {(l) => (
            <Descriptions bordered column={1} size="small" title="查验结果">
              <Descriptions.Item label="许可证编号">{l.number}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag color={LICENCE_STATUS[l.status]?.color}>{LICENCE_STATUS[l.status]?.label ?? l.status}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="持证单位">{l.holderName}</Descriptions.Item>
              <Descriptions.Item label="统一社会信用代码">{l.holderUscc}</Descriptions.Item>
              <Descriptions.Item label="许可事项">{l.itemName}</Descriptions.Item>
              <Descriptions.Item label="许可范围">{l.scope}</Descriptions.Item>
              <Descriptions.Item label="有效期">{`${l.validFrom} 至 ${l.validTo ?? "长期"}`}</Descriptions.Item>
              <Descriptions.Item label="发证日期">{l.issuedOn}</Descriptions.Item>
            </Descriptions>
          )}
        </QueryState>
      )}
    </Space>
  );
}
