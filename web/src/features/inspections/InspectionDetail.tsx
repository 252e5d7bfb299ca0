import { Descriptions, Space, Typography } from "antd";
import { Link, useParams } from "react-router";
import { $api } from "../../api/client";
import { AuditTrail } from "../../components/AuditTrail";
import { when } from "../../components/Countdown";
import { QueryState } from "../../components/QueryState";
import { FindingList } from "../hazards/FindingList";
import { useRegionName } from "../../components/regions";

/** One enforcement inspection: who inspected whom and when, the hazards it found, and its audit trail. */
export default function InspectionDetail() {
  const { id = "" } = useParams();
  const regionName = useRegionName();
  const query = $api.useQuery("get", "/v1/enforcement-inspections/{id}", { params: { path: { id } } });
  return (
    <QueryState query={query} notFound="没有这条执法检查记录，或不在您的管辖范围内">
      {(i) => (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <div>
            <Link to="/inspections">← 执法检查</Link>
            <Typography.Title level={2}>
              {i.enterpriseName} · {i.date} 执法检查
            </Typography.Title>
          </div>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="被检查企业">{i.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label="区域">{regionName(i.regionCode)}</Descriptions.Item>
            <Descriptions.Item label="检查日期">{i.date}</Descriptions.Item>
            <Descriptions.Item label="到达时间">{when(i.startedAt)}</Descriptions.Item>
            <Descriptions.Item label="执法人员" span={2}>
              {i.inspectors.map((x) => (x.certificateNo ? `${x.name}（${x.certificateNo}）` : x.name)).join("、")}
            </Descriptions.Item>
            {i.summary && (
              <Descriptions.Item label="检查情况" span={2}>
                {i.summary}
              </Descriptions.Item>
            )}
          </Descriptions>
          <section aria-labelledby="findings-title">
            <Typography.Title level={3} id="findings-title">
              发现的隐患（{i.findingsCount}）
            </Typography.Title>
            <FindingList hazardIds={i.hazardIds} empty="本次检查未发现隐患" />
          </section>
          <AuditTrail entityId={i.id} labels={{ create: "录入执法检查" }} />
        </Space>
      )}
    </QueryState>
  );
}
