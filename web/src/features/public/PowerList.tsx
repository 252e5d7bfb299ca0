import { Collapse, Descriptions, Tag, Typography } from "antd";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { LEVEL_LABELS, STAGE_LABELS } from "./labels";

export default function PowerList() {
  const query = $api.useQuery("get", "/v1/power-list");
  return (
    <>
      <Typography.Title level={2}>权力清单和责任清单</Typography.Title>
      <QueryState query={query}>
        {(data) => (
          <>
            <Typography.Paragraph type="secondary">生成日期 {data.generatedOn}</Typography.Paragraph>
            <Collapse
              items={data.items.map((p) => ({
                key: p.code,
                label: (
                  <span>
                    {p.name} <Tag>{p.code}</Tag>
                  </span>
                ),
                children: (
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label="类别">{p.category}</Descriptions.Item>
                    <Descriptions.Item label="实施层级">{p.holderLevels.map((l) => LEVEL_LABELS[l] ?? l).join("、")}</Descriptions.Item>
                    <Descriptions.Item label="设定依据">{p.basis.join("；")}</Descriptions.Item>
                    <Descriptions.Item label="办结时限">{p.limitWorkingDays} 个工作日</Descriptions.Item>
                    {p.delegatedTo.length > 0 && (
                      <Descriptions.Item label="委托实施">
                        {p.delegatedTo.map((d) => `${d.cityName}（${d.since} 起${d.inForce ? "" : "，已终止"}）`).join("；")}
                      </Descriptions.Item>
                    )}
                    {p.responsibilities.map((r) => (
                      <Descriptions.Item key={`d-${r.stage}`} label={`${STAGE_LABELS[r.stage] ?? r.stage}职责`}>
                        {r.duty}（标准：{r.standard}）
                      </Descriptions.Item>
                    ))}
                    {p.accountability.map((a) => (
                      <Descriptions.Item key={`a-${a.stage}`} label={`${STAGE_LABELS[a.stage] ?? a.stage}追责`}>
                        廉政风险：{a.integrityRisks.join("；")}。{a.consequence}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                ),
              }))}
            />
          </>
        )}
      </QueryState>
    </>
  );
}
