import { Form, Input, Select } from "antd";
import { $api } from "../../api/client";
import { SCALE } from "./labels";

/** The register's fields, shared by registering and editing. Codes are picked from the API's own code lists. */
export function EnterpriseFields({ withUscc }: { withUscc?: boolean }) {
  const regions = $api.useQuery("get", "/v1/regions", {});
  const industries = $api.useQuery("get", "/v1/codes/industries", {});
  const regionName = new Map((regions.data?.items ?? []).map((r) => [r.code, r.name]));
  const counties = (regions.data?.items ?? []).filter((r) => r.level === "county").map((r) => ({ value: r.code, label: `${regionName.get(r.parentCode ?? "") ?? ""} ${r.name}（${r.code}）` }));
  const divisions = (industries.data?.items ?? []).filter((i) => i.level === "division").map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }));
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <>
      <Form.Item label="企业名称" name="name" rules={required("请填写企业名称")}>
        <Input maxLength={200} />
      </Form.Item>
      {withUscc && (
        <Form.Item label="统一社会信用代码" name="uscc" rules={required("请填写统一社会信用代码")} extra="18 位，平台按 GB 32100 核对校验位">
          <Input maxLength={18} style={{ textTransform: "uppercase" }} />
        </Form.Item>
      )}
      <Form.Item label="所在县（市、区）" name="regionCode" rules={[{ required: true, message: "请选择行政区划" }]}>
        <Select showSearch optionFilterProp="label" options={counties} loading={regions.isPending} />
      </Form.Item>
      <Form.Item label="生产经营地址" name="address" rules={required("请填写地址")}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item label="行业" name="industryCode" rules={[{ required: true, message: "请选择行业" }]}>
        <Select showSearch optionFilterProp="label" options={divisions} loading={industries.isPending} />
      </Form.Item>
      <Form.Item label="企业规模" name="scale" rules={[{ required: true, message: "请选择企业规模" }]}>
        <Select options={Object.entries(SCALE).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item label="安全联系人" name={["contact", "name"]} rules={required("请填写联系人")}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item label="联系电话" name={["contact", "phone"]} rules={required("请填写联系电话")}>
        <Input maxLength={20} />
      </Form.Item>
    </>
  );
}
