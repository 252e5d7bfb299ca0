import { Alert, Button, Form, Input, Radio, Select, Typography } from "antd";
import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import { useSubmit } from "../../api/submit";
import { QueryState } from "../../components/QueryState";
import { useChecklists, useOwnEnterprise } from "./checklists";
import { AnalysisFields } from "./PlanFields";

type Result = "pass" | "fail" | "na";
interface Values {
  inspector: string;
  results: { result?: Result; note?: string; hazard?: { level: "general" | "major"; location: string; rectifyBy: string; currentStateAndCause?: string; harmAndDifficultyAnalysis?: string } }[];
}

/** Self-inspection against the enterprise's industry checklist, item by item; failed items become hazards in the same submission. */
export default function SelfInspection() {
  const enterprise = useOwnEnterprise();
  const { checklists, pending, error } = useChecklists(enterprise.data?.industryCode);
  const [checklistId, setChecklistId] = useState<string>();
  const checklist = checklists.find((c) => c.id === (checklistId ?? checklists.at(-1)?.id));
  const [form] = Form.useForm<Values>();
  // Fixed once per page so a retried submission is the same request (the Idempotency-Key's body).
  const inspectedAt = useRef(new Date().toISOString());
  const results = Form.useWatch("results", form);
  const navigate = useNavigate();
  const submit = useSubmit<{ hazardIds: string[] }>({ form, success: "自查记录已提交", onSuccess: (r) => navigate(r.hazardIds.length ? "/hazards" : "/workspace") });

  const onFinish = (v: Values) => {
    if (!checklist) return;
    submit.run((headers) =>
      api.POST("/v1/self-inspections", {
        body: {
          checklistId: checklist.id,
          inspectedAt: inspectedAt.current,
          inspector: v.inspector,
          results: checklist.items.map((item, i) => {
            const r = v.results[i];
            const result = r?.result ?? "pass";
            return { itemCode: item.code, result, ...(r?.note?.trim() ? { note: r.note } : {}), ...(result === "fail" && r?.hazard ? { hazard: r.hazard } : {}) };
          }),
        },
        headers,
      }),
    );
  };

  return (
    <div style={{ maxWidth: 860 }}>
      <Typography.Title level={2}>对照清单自查</Typography.Title>
      <QueryState query={{ data: checklist, error, isPending: pending || enterprise.isPending }}>
        {(c) => (
          <Form form={form} layout="vertical" onFinish={onFinish} scrollToFirstError>
            <Form.Item label="排查清单" htmlFor="checklist">
              <Select id="checklist" value={c.id} onChange={setChecklistId} options={checklists.map((x) => ({ value: x.id, label: `${x.name}（第 ${x.version} 版）` }))} />
            </Form.Item>
            <Form.Item label="检查人" name="inspector" rules={[{ required: true, whitespace: true, message: "请填写检查人" }]}>
              <Input maxLength={50} />
            </Form.Item>
            <ol className="checklist">
              {c.items.map((item, i) => (
                <li key={item.code}>
                  <fieldset>
                    <legend>
                      <strong>{item.code}</strong> {item.check}
                    </legend>
                    <p className="checklist-standard">标准：{item.standard}</p>
                    <Form.Item label={`${item.code} 结果`} name={["results", i, "result"]} initialValue="pass">
                      <Radio.Group
                        options={[
                          { value: "pass", label: "符合" },
                          { value: "fail", label: "不符合" },
                          { value: "na", label: "不适用" },
                        ]}
                      />
                    </Form.Item>
                    {results?.[i]?.result === "fail" && (
                      <>
                        <Alert type="warning" showIcon title="不符合项将作为隐患一并上报" style={{ marginBottom: 12 }} />
                        <Form.Item label={`${item.code} 情况说明`} name={["results", i, "note"]}>
                          <Input.TextArea autoSize={{ minRows: 1 }} maxLength={1000} />
                        </Form.Item>
                        <Form.Item label={`${item.code} 隐患等级`} name={["results", i, "hazard", "level"]} initialValue="general">
                          <Radio.Group
                            options={[
                              { value: "general", label: "一般隐患" },
                              { value: "major", label: "重大隐患" },
                            ]}
                          />
                        </Form.Item>
                        <Form.Item label={`${item.code} 隐患位置`} name={["results", i, "hazard", "location"]} rules={[{ required: true, whitespace: true, message: "请填写隐患位置" }]}>
                          <Input maxLength={300} />
                        </Form.Item>
                        <Form.Item label={`${item.code} 整改期限`} name={["results", i, "hazard", "rectifyBy"]} rules={[{ required: true, message: "请选择整改期限" }]}>
                          <Input type="date" />
                        </Form.Item>
                        {results?.[i]?.hazard?.level === "major" && <AnalysisFields prefix={["results", i, "hazard"]} />}
                      </>
                    )}
                  </fieldset>
                </li>
              ))}
            </ol>
            <Button type="primary" htmlType="submit" {...submit.button}>
              提交自查记录
            </Button>
          </Form>
        )}
      </QueryState>
    </div>
  );
}
