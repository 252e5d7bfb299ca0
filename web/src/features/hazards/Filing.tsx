import { Alert, Button, Descriptions, Form, Input, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { api, $api } from "../../api/client";
import { useSubmit } from "../../api/submit";
import { useSession } from "../../auth/session";
import { QueryState } from "../../components/QueryState";

/** The periods an enterprise files for now: this and last quarter, this and last year. */
function periods(today = new Date()): string[] {
  const y = today.getFullYear();
  const q = Math.floor(today.getMonth() / 3) + 1;
  const last = q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
  return [`${y}Q${q}`, last, `${y - 1}`, `${y}`];
}

const COUNT_LABELS = [
  ["found", "排查发现"],
  ["fixed", "已整改"],
  ["open", "未整改"],
  ["overdue", "逾期未整改"],
] as const;

type FilingResult = { deadline: string; late: boolean; filedAt: string; period: string };

/** Quarterly and annual hazard filing: the statistics the API computes, shown before the principal signs. */
export default function Filing() {
  const enterpriseId = useSession()?.claims.enterprise ?? "";
  const [period, setPeriod] = useState(periods()[1] ?? "");
  const stats = $api.useQuery("get", "/v1/enterprises/{id}/hazard-statistics", { params: { path: { id: enterpriseId }, query: { period } } }, { enabled: enterpriseId !== "" });
  const [form] = Form.useForm<{ name: string; title?: string; phone?: string; note?: string }>();
  const [filed, setFiled] = useState<FilingResult>();
  const submit = useSubmit<FilingResult>({ form, success: "报表已签报", onSuccess: setFiled });

  return (
    <Space direction="vertical" size="large" style={{ width: "100%", maxWidth: 760 }}>
      <Typography.Title level={2}>隐患排查治理报表</Typography.Title>
      <Form.Item label="报送期间" htmlFor="period" style={{ marginBottom: 0 }}>
        <Select id="period" value={period} onChange={setPeriod} options={periods().map((p) => ({ value: p, label: p.includes("Q") ? `${p.replace("Q", " 年第 ")} 季度` : `${p} 年度` }))} />
      </Form.Item>
      <QueryState query={stats}>
        {(s) => (
          <>
            <Descriptions size="small" bordered column={1}>
              <Descriptions.Item label="报送期限">{s.deadline}</Descriptions.Item>
              <Descriptions.Item label="统计截至">{new Date(s.asOf).toLocaleString("zh-CN")}</Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              scroll={{ x: true }}
              dataSource={[
                { key: "total", label: "合计", ...s.total },
                { key: "general", label: "一般隐患", ...s.byLevel.general },
                { key: "major", label: "重大隐患", ...s.byLevel.major },
              ]}
              columns={[{ title: "类别", dataIndex: "label" }, ...COUNT_LABELS.map(([k, t]) => ({ title: t, dataIndex: k }))]}
            />
          </>
        )}
      </QueryState>
      {filed ? (
        <Alert type={filed.late ? "warning" : "success"} showIcon title={`${filed.period} 报表已于 ${new Date(filed.filedAt).toLocaleString("zh-CN")} 签报${filed.late ? `，已超过报送期限 ${filed.deadline}` : ""}`} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            submit.run((headers) =>
              api.POST("/v1/hazard-filings", {
                body: { period, principal: { name: v.name, ...(v.title ? { title: v.title } : {}), ...(v.phone ? { phone: v.phone } : {}) }, ...(v.note ? { note: v.note } : {}) },
                headers,
              }),
            )
          }
        >
          <Form.Item label="主要负责人（签报人）" name="name" rules={[{ required: true, whitespace: true, message: "请填写主要负责人" }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="职务" name="title">
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item label="联系电话" name="phone">
            <Input maxLength={20} />
          </Form.Item>
          <Button type="primary" htmlType="submit" {...submit.button}>
            确认统计并签报
          </Button>
        </Form>
      )}
    </Space>
  );
}
