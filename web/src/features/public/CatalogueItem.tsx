import { Card, Descriptions, List, Space, Typography } from "antd";
import { Link, useParams } from "react-router";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { ISSUER_LABELS, STAGE_LABELS } from "./labels";

/** One item's service guide: basis, time limit, materials, and per stage the standard, key points and integrity risks. */
export default function CatalogueItem() {
  const { code = "" } = useParams();
  const query = $api.useQuery("get", "/v1/approval-items/{id}", { params: { path: { id: code } } });
  return (
    <QueryState query={query} notFound="没有这个审批事项">
      {(item) => (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <div>
            <Link to="/public/approval-items">← 审批事项</Link>
            <Typography.Title level={2}>{item.name}</Typography.Title>
          </div>
          <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="事项编码">{item.code}</Descriptions.Item>
            <Descriptions.Item label="类别">{item.category}</Descriptions.Item>
            <Descriptions.Item label="实施层级">{ISSUER_LABELS[item.issuer] ?? item.issuer}</Descriptions.Item>
            <Descriptions.Item label="法定办结时限">{item.limitWorkingDays} 个工作日</Descriptions.Item>
            <Descriptions.Item label="许可证有效期">{item.licenceValidityYears ? `${item.licenceValidityYears} 年` : "长期"}</Descriptions.Item>
            <Descriptions.Item label="收费">{item.fee === 0 ? "不收费" : `${item.fee} 元`}</Descriptions.Item>
            <Descriptions.Item label="设定依据" span={2}>
              {item.legalBasis.join("；")}
            </Descriptions.Item>
          </Descriptions>
          <Card title="申请材料" size="small">
            <List size="small" dataSource={item.materials} renderItem={(m, i) => <List.Item>{`${i + 1}. ${m}`}</List.Item>} />
          </Card>
          {item.stages.map((s) => (
            <Card key={s.stage} title={`${STAGE_LABELS[s.stage] ?? s.stage}环节`} size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label="审查内容">{s.reviewed}</Descriptions.Item>
                <Descriptions.Item label="审查标准">{s.standard}</Descriptions.Item>
                <Descriptions.Item label="审查要点">{s.keyPoints.join("；")}</Descriptions.Item>
                <Descriptions.Item label="廉政风险点">{s.integrityRisks.join("；")}</Descriptions.Item>
                <Descriptions.Item label="违规后果">{s.misconductConsequence}</Descriptions.Item>
              </Descriptions>
            </Card>
          ))}
          <Typography.Text type="secondary">
            第 {item.version} 版，更新于 {item.updatedAt.slice(0, 10)}
          </Typography.Text>
        </Space>
      )}
    </QueryState>
  );
}
