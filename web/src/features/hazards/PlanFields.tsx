import { Form, Input } from "antd";
import { PLAN_PARTS } from "../../api/routes.gen";
import { ANALYSIS_PARTS } from "./labels";

/** The six parts of a major hazard's rectification plan (16号令 art.15 ¶2), under `prefix`. */
export function PlanFields({ prefix, required }: { prefix: (string | number)[]; required: boolean }) {
  return (
    <>
      {PLAN_PARTS.map((p) => (
        <Form.Item key={p.key} label={p.label} name={[...prefix, p.key]} rules={required ? [{ required: true, whitespace: true, message: `请填写${p.label}` }] : []}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
      ))}
    </>
  );
}

/** The analysis a major hazard's report carries (16号令 art.15): current state and cause, harm and difficulty. */
export function AnalysisFields({ prefix = [] }: { prefix?: (string | number)[] }) {
  return (
    <>
      {ANALYSIS_PARTS.map((p) => (
        <Form.Item key={p.key} label={p.label} name={[...prefix, p.key]} rules={[{ required: true, whitespace: true, message: `请填写${p.label}` }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
      ))}
    </>
  );
}
