// Annual control targets (issued by the level above) and the denominators of the death rates,
// entered per region and year. Replacing a stored year sends If-Match with the version read, so
// two statisticians editing at once cannot overwrite each other unseen (409 → reloaded).
import { Alert, Button, Card, Flex, Form, InputNumber, Select, Spin, Typography } from "antd";
import { useEffect } from "react";
import { $api, api, ApiError } from "../../api/client";
import { problemText } from "../../api/problem";
import { ifMatch, useSubmit } from "../../api/submit";
import { useSession } from "../../auth/session";
import { useStatsParams } from "./params";

type Path = "/v1/control-targets/{year}/{regionCode}" | "/v1/denominators/{year}/{regionCode}";

interface Field {
  name: string;
  label: string;
  step?: number;
}

const TARGET_FIELDS: Field[] = [
  { name: "deaths", label: "死亡人数控制指标（人）" },
  { name: "largerAccidents", label: "较大事故起数控制指标（起）" },
  { name: "majorAccidents", label: "重大事故起数控制指标（起）" },
  { name: "inspectionsPlanned", label: "年度计划执法检查（次）" },
];

const DENOMINATOR_FIELDS: Field[] = [
  { name: "gdpYi", label: "地区生产总值（亿元）", step: 0.01 },
  { name: "imcEmployees", label: "工矿商贸从业人员（人）" },
  { name: "motorVehicles", label: "机动车保有量（辆）" },
  { name: "coalOutputTonnes", label: "原煤产量（吨）" },
];

const STAMP = ["year", "regionCode", "version", "updatedAt", "updatedBy"];

/** One year's record of a region: read, then created (no If-Match) or replaced (If-Match). */
function AnnualForm({ path, year, regionCode, title, fields, success }: { path: Path; year: number; regionCode: string; title: string; fields: Field[]; success: string }) {
  const [form] = Form.useForm();
  const params = { params: { path: { year, regionCode } } };
  const q = $api.useQuery("get", path, params, { retry: false });
  const missing = q.error instanceof ApiError && q.error.status === 404;
  const stored = q.data as Record<string, unknown> | undefined;
  const submit = useSubmit({ form, record: { path }, success });
  useEffect(() => {
    form.resetFields();
    if (stored) form.setFieldsValue(stored);
  }, [form, stored]);
  const idp = `${path.split("/")[2]}-`;
  return (
    <Card title={title} style={{ maxWidth: 560 }}>
      {q.isPending ? (
        <Spin />
      ) : q.error && !missing ? (
        <Alert type="error" showIcon title={problemText(q.error)} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values: Record<string, number | null | undefined>) => {
            // The fields this form does not show (sector and rate ceilings) are kept as stored.
            const kept = Object.fromEntries(Object.entries(stored ?? {}).filter(([k]) => !STAMP.includes(k)));
            const body = { ...kept, ...Object.fromEntries(fields.map((f) => [f.name, values[f.name] ?? null])) };
            const headers = (h: Record<string, string>) => (stored ? { ...h, ...ifMatch(stored.version as number) } : h);
            return submit.run((h) => api.PUT(path, { ...params, body: body as never, headers: headers(h) }));
          }}
        >
          <Typography.Paragraph type="secondary">{stored ? `${title}：第 ${stored.version} 版，${String(stored.updatedAt).slice(0, 10)} 修改` : `${title}：尚未填报`}</Typography.Paragraph>
          {fields.map((f) => (
            <Form.Item key={f.name} name={f.name} label={f.label} htmlFor={`${idp}${f.name}`}>
              <InputNumber id={`${idp}${f.name}`} min={0} step={f.step ?? 1} precision={f.step ? 2 : 0} style={{ width: "100%" }} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" {...submit.button}>
            保存
          </Button>
        </Form>
      )}
    </Card>
  );
}

export default function Targets() {
  const { year, get, set: go } = useStatsParams();
  const me = useSession()?.claims.region ?? "420000";
  const regionCode = get("region") ?? me;
  const regions = $api.useQuery("get", "/v1/regions", {}, { staleTime: Number.POSITIVE_INFINITY });
  const all = regions.data?.items ?? [];
  const within = (code: string): boolean => code === me || all.some((r) => r.code === code && r.parentCode !== null && within(r.parentCode));
  const options = all.filter((r) => r.level !== "township" && within(r.code)).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2}>下达指标和统计基数</Typography.Title>
      <Typography.Paragraph>控制指标由上一级下达：省级下达市（州），市级下达所辖县（市、区）。统计基数用于计算死亡率。保存后于下次汇总时计入预警。</Typography.Paragraph>
      <Form layout="inline">
        <Form.Item label="年度" htmlFor="targets-year">
          <InputNumber id="targets-year" min={2015} max={2100} value={year} onChange={(v) => v && go("year", String(v))} />
        </Form.Item>
        <Form.Item label="地区" htmlFor="targets-region">
          <Select id="targets-region" showSearch optionFilterProp="label" value={regionCode} onChange={(v) => go("region", v)} options={options} style={{ minWidth: 220 }} />
        </Form.Item>
      </Form>
      <Flex gap={16} wrap>
        <AnnualForm key={`t-${year}-${regionCode}`} path="/v1/control-targets/{year}/{regionCode}" year={year} regionCode={regionCode} title="控制指标" fields={TARGET_FIELDS} success="控制指标已保存" />
        <AnnualForm key={`d-${year}-${regionCode}`} path="/v1/denominators/{year}/{regionCode}" year={year} regionCode={regionCode} title="统计基数" fields={DENOMINATOR_FIELDS} success="统计基数已保存" />
      </Flex>
    </Flex>
  );
}
