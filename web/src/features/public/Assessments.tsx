import { Form, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { $api } from "../../api/client";
import { TAG } from "../../components/colors";
import { QueryState } from "../../components/QueryState";

const GRADE_COLORS: Record<string, string> = { excellent: TAG.green, good: TAG.blue, pass: TAG.gold, fail: TAG.red };

export default function Assessments() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const query = $api.useQuery("get", "/v1/public/assessments", { params: { query: { year } } });
  return (
    <>
      <Typography.Title level={2}>安全生产考核结果公示</Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="考核年度" htmlFor="assessment-year">
          <Select id="assessment-year" value={year} onChange={setYear} style={{ width: 120 }} options={[0, 1, 2, 3].map((n) => ({ value: thisYear - n, label: `${thisYear - n} 年` }))} />
        </Form.Item>
      </Form>
      <QueryState query={query} notFound={`${year} 年度考核结果尚未公布`}>
        {(data) => (
          <Table
            rowKey="regionCode"
            size="small"
            pagination={false}
            dataSource={data.items}
            columns={[
              { title: "名次", dataIndex: "rank", width: 64 },
              { title: "地区", dataIndex: "regionName" },
              { title: "得分", dataIndex: "total", responsive: ["sm"] },
              { title: "等次", key: "grade", render: (_: unknown, r) => <Tag color={GRADE_COLORS[r.grade]}>{r.gradeName}</Tag> },
              { title: "一票否决", key: "veto", render: (_: unknown, r) => (r.vetoed ? r.vetoes.join("；") : "—"), responsive: ["md"] },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
