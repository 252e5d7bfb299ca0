import { Descriptions, Space, Typography } from "antd";
import { Link, useParams } from "react-router";
import { $api } from "../../api/client";
import { when } from "../../components/Countdown";
import { QueryState } from "../../components/QueryState";
import { FindingList } from "../hazards/FindingList";

/** One grid patrol report and what it found (each finding a hazard with source grid_patrol). */
export default function PatrolDetail() {
  const { id = "" } = useParams();
  const query = $api.useQuery("get", "/v1/grid-patrols/{id}", { params: { path: { id } } });
  return (
    <QueryState query={query} notFound="没有这份巡查记录，或不在您的管辖范围内">
      {(p) => (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <div>
            <Link to={`/grids/${p.gridId}`}>← 返回网格</Link>
            <Typography.Title level={2}>网格巡查 · {when(p.patrolledAt)}</Typography.Title>
          </div>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="巡查时间">{when(p.patrolledAt)}</Descriptions.Item>
            <Descriptions.Item label="巡查路线">{p.route ?? "—"}</Descriptions.Item>
            <Descriptions.Item label="到访企业数">{p.visitedEnterpriseIds.length}</Descriptions.Item>
            <Descriptions.Item label="发现问题数">{p.hazardIds.length}</Descriptions.Item>
            {p.note && (
              <Descriptions.Item label="备注" span={2}>
                {p.note}
              </Descriptions.Item>
            )}
          </Descriptions>
          <section aria-labelledby="findings-title">
            <Typography.Title level={3} id="findings-title">
              发现的问题
            </Typography.Title>
            <FindingList hazardIds={p.hazardIds} empty="本次巡查未发现问题" />
          </section>
        </Space>
      )}
    </QueryState>
  );
}
