import { Alert, Button, Form, Input, Radio, Select, Typography } from "antd";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import { useSubmit } from "../../api/submit";
import { useSession } from "../../auth/session";
import { localNow } from "../../components/time";
import { useChecklists, useOwnEnterprise } from "./checklists";
import { AnalysisFields, PlanFields } from "./PlanFields";

interface Values {
  enterpriseId?: string;
  discoveredAt: string;
  description: string;
  level: "general" | "major";
  location: string;
  rectifyBy: string;
  checklistItemId?: string;
  currentStateAndCause?: string;
  harmAndDifficultyAnalysis?: string;
  plan?: Record<string, string>;
}

const SOURCE_BY_ROLE = { enterprise: "self_inspection", grid_member: "grid_patrol", regulator: "enforcement", industry_department: "enforcement" } as const;

/** Reporting a hazard: which checklist item it fails, its level, where, by when; a major one carries its analysis and plan. */
export default function HazardReport() {
  const s = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const level = Form.useWatch("level", form);
  const enterprise = useOwnEnterprise();
  const { checklists } = useChecklists(enterprise.data?.industryCode);
  const submit = useSubmit<{ id: string }>({ form, success: "隐患已上报", onSuccess: (h) => navigate(`/hazards/${h.id}`) });
  const own = s?.claims.enterprise;

  const onFinish = (v: Values) => {
    const plan = v.plan && Object.fromEntries(Object.entries(v.plan).filter(([, t]) => t?.trim()));
    submit.run((headers) =>
      api.POST("/v1/hazards", {
        body: {
          enterpriseId: own ?? v.enterpriseId ?? "",
          source: SOURCE_BY_ROLE[s?.claims.role as keyof typeof SOURCE_BY_ROLE] ?? "self_inspection",
          discoveredAt: new Date(v.discoveredAt).toISOString(),
          level: v.level,
          description: v.description,
          location: v.location,
          rectifyBy: v.rectifyBy,
          ...(v.checklistItemId ? { checklistItemId: v.checklistItemId } : {}),
          ...(v.level === "major" ? { currentStateAndCause: v.currentStateAndCause, harmAndDifficultyAnalysis: v.harmAndDifficultyAnalysis, ...(plan && Object.keys(plan).length ? { plan } : {}) } : {}),
        },
        headers,
      }),
    );
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <Typography.Title level={2}>上报隐患</Typography.Title>
      <Form form={form} layout="vertical" initialValues={{ level: "general", discoveredAt: localNow() }} onFinish={onFinish} scrollToFirstError>
        {!own && (
          <Form.Item label="单位编号" name="enterpriseId" rules={[{ required: true, message: "请输入单位编号" }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label="对应检查项" name="checklistItemId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="从本行业排查清单中选择（可选）"
            options={checklists.map((c) => ({ label: c.name, title: c.name, options: c.items.map((i) => ({ value: i.code, label: `${i.code} ${i.check}` })) }))}
          />
        </Form.Item>
        <Form.Item label="隐患描述" name="description" rules={[{ required: true, whitespace: true, message: "请描述隐患" }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label="隐患等级" name="level" rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: "general", label: "一般隐患" },
              { value: "major", label: "重大隐患" },
            ]}
          />
        </Form.Item>
        <Form.Item label="隐患位置" name="location" rules={[{ required: true, whitespace: true, message: "请填写隐患位置" }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label="发现时间" name="discoveredAt" rules={[{ required: true, message: "请填写发现时间" }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item label="整改期限" name="rectifyBy" rules={[{ required: true, message: "请选择整改期限" }]}>
          <Input type="date" />
        </Form.Item>
        {level === "major" && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="重大隐患须写明现状和原因、危害和整改难易程度，并制定包含六项内容的治理方案（可稍后补全）。" />
            <AnalysisFields />
            <PlanFields prefix={["plan"]} required={false} />
          </>
        )}
        <Button type="primary" htmlType="submit" {...submit.button}>
          {submit.retryIn > 0 ? `请 ${submit.retryIn} 秒后重试` : "上报"}
        </Button>
      </Form>
    </div>
  );
}
