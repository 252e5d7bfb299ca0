// One hazard captured on site, with or without signal; discoveredAt is the device's time of saving.
import { App, Button, Form, Space, Typography } from "antd";
import { useNavigate } from "react-router";
import type { Role } from "../../auth/session";
import { FindingFields, type FindingInput, OfflineCopy, splitFinding, useEnterpriseOptions } from "./Capture";
import { saveCapture } from "./save";
import { useField } from "./useField";

// The source each role reports under (the API refuses any other).
const SOURCE: Partial<Record<Role, "grid_patrol" | "enforcement" | "self_inspection">> = {
  grid_member: "grid_patrol",
  regulator: "enforcement",
  industry_department: "enforcement",
  enterprise: "self_inspection",
};

export default function HazardForm() {
  const [form] = Form.useForm<FindingInput>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { claims, owner, copy } = useField();
  const enterprises = useEnterpriseOptions(claims);
  const own = claims?.role === "enterprise";

  async function onFinish(v: FindingInput) {
    const { finding, photos } = splitFinding(v);
    const enterpriseId = own ? (claims?.enterprise ?? "") : (finding.enterpriseId ?? "");
    const body = { ...finding, enterpriseId, source: SOURCE[claims?.role ?? "enterprise"] ?? "self_inspection", discoveredAt: new Date().toISOString() };
    const name = enterprises.find((e) => e.value === enterpriseId)?.label ?? "本企业";
    await saveCapture(owner, `隐患 · ${name} · ${finding.description.slice(0, 20)}`, { kind: "hazard", body }, [photos]);
    message.success("已保存，待同步");
    navigate("/field");
  }

  return (
    <>
      <Typography.Title level={2}>隐患上报</Typography.Title>
      {!own && <OfflineCopy count={enterprises.length} copy={copy} />}
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 640 }}>
        <FindingFields name={[]} enterprises={enterprises} withEnterprise={!own} enterpriseId={claims?.enterprise} />
        <Space>
          <Button type="primary" htmlType="submit">
            保存隐患
          </Button>
          <Button onClick={() => navigate("/field")}>返回</Button>
        </Space>
      </Form>
    </>
  );
}
