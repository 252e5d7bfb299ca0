import { Checkbox, Form, Input, Radio } from "antd";
import type { ReactNode } from "react";

/**
 * The fields of one hazard as every report form asks them (level, description, location,
 * deadline; a major one with the analysis 16号令 art.14 requires). Inside a Form.List, `list` is the
 * list's name and `name` the item's ([field.name]); a form that is one hazard passes name []. `children`
 * adds form-specific fields.
 */
export function HazardFields({ list, name, children }: { list?: string; name: (string | number)[]; children?: ReactNode }) {
  const form = Form.useFormInstance();
  const level = Form.useWatch([...(list ? [list] : []), ...name, "level"], form);
  return (
    <>
      <Form.Item name={[...name, "level"]} label="隐患等级" initialValue="general" rules={[{ required: true }]}>
        <Radio.Group options={[{ value: "general", label: "一般隐患" }, { value: "major", label: "重大隐患" }]} />
      </Form.Item>
      <Form.Item name={[...name, "description"]} label="隐患描述" rules={[{ required: true, whitespace: true, message: "请描述隐患" }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name={[...name, "location"]} label="位置" rules={[{ required: true, whitespace: true, message: "请填写位置" }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name={[...name, "rectifyBy"]} label="整改期限" rules={[{ required: true, message: "请填写整改期限" }]}>
        <Input type="date" />
      </Form.Item>
      {level === "major" && (
        <>
          <Form.Item name={[...name, "currentStateAndCause"]} label="现状及成因" rules={[{ required: true, whitespace: true, message: "重大隐患须说明现状及成因" }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name={[...name, "harmAndDifficultyAnalysis"]} label="危害程度和整改难易程度分析" rules={[{ required: true, whitespace: true, message: "重大隐患须分析危害和整改难度" }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </>
      )}
      <Form.Item name={[...name, "fixedOnSpot"]} valuePropName="checked">
        <Checkbox>现场已整改</Checkbox>
      </Form.Item>
      {children}
    </>
  );
}

export interface HazardInput {
  level: "general" | "major";
  description: string;
  location: string;
  rectifyBy: string;
  fixedOnSpot?: boolean;
  currentStateAndCause?: string;
  harmAndDifficultyAnalysis?: string;
}

/** A hazard as the API takes it: text trimmed, no empty optional fields, the analysis only for a major one. */
export function hazardBody(f: HazardInput) {
  const { fixedOnSpot, currentStateAndCause, harmAndDifficultyAnalysis, ...rest } = f;
  return {
    ...rest,
    description: rest.description.trim(),
    location: rest.location.trim(),
    ...(fixedOnSpot ? { fixedOnSpot: true } : {}),
    ...(f.level === "major" && currentStateAndCause ? { currentStateAndCause } : {}),
    ...(f.level === "major" && harmAndDifficultyAnalysis ? { harmAndDifficultyAnalysis } : {}),
  };
}
