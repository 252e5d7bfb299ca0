import { Button, Checkbox, Form, Input, Select, Space, Typography } from "antd";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import { useSubmit } from "../../api/submit";
import { useSession } from "../../auth/session";
import { FormGroup } from "../../components/FormGroup";
import { useRegions } from "../../components/regions";

interface Values {
  code: string;
  name: string;
  regionCode: string;
  member: { userId: string; name: string; phone?: string; fullTime?: boolean };
  supervisingOfficial: { name: string; title?: string; phone?: string };
  contactLeader: { name: string; title?: string; phone?: string };
}

/** Optional text left empty is not sent (the API refuses empty strings). */
const person = <T extends Record<string, unknown>>(p: T) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined && v !== "")) as T;

function PersonFields({ name, label }: { name: "supervisingOfficial" | "contactLeader"; label: string }) {
  return (
    <FormGroup legend={label}>
      <Form.Item name={[name, "name"]} label={`${label}姓名`} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name={[name, "title"]} label={`${label}职务`}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name={[name, "phone"]} label={`${label}电话`}>
        <Input maxLength={20} />
      </Form.Item>
    </FormGroup>
  );
}

/** A new grid in a county of the caller's jurisdiction, with its member, supervising official and contact leader. */
export default function GridNew() {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const region = useSession()?.claims.region ?? "";
  const regions = useRegions();
  // Grids are drawn in counties: the caller's own, or those under its city (all, for the province).
  const counties = (regions.data?.items ?? []).filter((r) => r.level === "county" && (r.code === region || r.parentCode === region || region === "420000"));
  const submit = useSubmit<{ id: string }>({ form, success: "网格已建立", onSuccess: (g) => navigate(`/grids/${g.id}`) });
  return (
    <>
      <Typography.Title level={2}>新建网格</Typography.Title>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ regionCode: counties.length === 1 ? counties[0]?.code : undefined }}
        onFinish={(v) =>
          submit.run((h) =>
            api.POST("/v1/grids", {
              body: { ...v, code: v.code.trim().toUpperCase(), member: { ...person(v.member), fullTime: !!v.member.fullTime }, supervisingOfficial: person(v.supervisingOfficial), contactLeader: person(v.contactLeader) },
              headers: h,
            }),
          )
        }
      >
        <Form.Item name="code" label="网格代码" extra="3–40 位大写字母、数字或连字符，如 GRID-420102-02" rules={[{ required: true, message: "请填写网格代码" }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="name" label="网格名称" rules={[{ required: true, whitespace: true, message: "请填写网格名称" }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="regionCode" label="所在区县" rules={[{ required: true, message: "请选择区县" }]}>
          <Select showSearch optionFilterProp="label" loading={regions.isPending} options={counties.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <FormGroup legend="网格员">
          <Form.Item name={["member", "userId"]} label="网格员账号" extra="网格员登录账号的用户编号" rules={[{ required: true, whitespace: true, message: "请填写网格员账号" }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name={["member", "name"]} label="网格员姓名" rules={[{ required: true, whitespace: true, message: "请填写网格员姓名" }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name={["member", "phone"]} label="网格员电话">
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name={["member", "fullTime"]} valuePropName="checked">
            <Checkbox>专职网格员</Checkbox>
          </Form.Item>
        </FormGroup>
        <PersonFields name="supervisingOfficial" label="监管责任人" />
        <PersonFields name="contactLeader" label="联系领导" />
        <Space>
          <Button type="primary" htmlType="submit" {...submit.button}>
            建立网格
          </Button>
          <Button onClick={() => navigate("/grids")}>返回</Button>
        </Space>
      </Form>
    </>
  );
}
