import { Card, Col, Row, Tag, Typography } from "antd";
import { Link } from "react-router";
import { $api } from "../../api/client";
import { TAG } from "../../components/colors";
import { QueryState } from "../../components/QueryState";
import { ISSUER_LABELS } from "./labels";

export default function Catalogue() {
  const query = $api.useQuery("get", "/v1/approval-items");
  return (
    <>
      <Typography.Title level={2}>审批事项与服务指南</Typography.Title>
      <QueryState query={query}>
        {(data) => (
          <Row gutter={[16, 16]}>
            {data.items.map((item) => (
              <Col key={item.code} xs={24} md={12} xl={8}>
                <Card
                  title={<Link to={`/public/approval-items/${item.code}`}>{item.name}</Link>}
                  size="small"
                  style={{ height: "100%" }}
                >
                  <Typography.Paragraph style={{ marginBottom: 8 }}>
                    <Tag>{item.code}</Tag>
                    <Tag color={TAG.blue}>{item.category}</Tag>
                    <Tag>{ISSUER_LABELS[item.issuer] ?? item.issuer}</Tag>
                  </Typography.Paragraph>
                  <Typography.Text>法定办结时限 {item.limitWorkingDays} 个工作日 · {item.fee === 0 ? "不收费" : `收费 ${item.fee} 元`}</Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
    </>
  );
}
