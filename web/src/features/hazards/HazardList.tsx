import { Button, Space, Table, Tag, Typography } from "antd";
import { Link, useNavigate } from "react-router";
import { $api } from "../../api/client";
import { QueryState } from "../../components/QueryState";
import { TAG } from "../../components/colors";
import { HAZARD_LEVEL, HAZARD_STATUS } from "./labels";

/** The hazards the caller may see (the API scopes the list to the enterprise or jurisdiction). */
export default function HazardList() {
  const navigate = useNavigate();
  const query = $api.useQuery("get", "/v1/hazards", { params: { query: { limit: 100 } } });
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Title level={2}>隐患台账</Typography.Title>
      <QueryState query={query}>
        {(data) => (
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={data.items}
            columns={[
              { title: "隐患", dataIndex: "description", render: (d: string, h) => <Link to={`/hazards/${h.id}`}>{d}</Link> },
              { title: "等级", dataIndex: "level", render: (l: string) => <Tag color={HAZARD_LEVEL[l]?.color}>{HAZARD_LEVEL[l]?.label ?? l}</Tag> },
              { title: "状态", dataIndex: "status", render: (s: string) => <Tag color={HAZARD_STATUS[s]?.color}>{HAZARD_STATUS[s]?.label ?? s}</Tag> },
              {
                title: "整改期限",
                dataIndex: "rectifyBy",
                render: (d: string, h) => (
                  <span>
                    {d} {h.overdue && <Tag color={TAG.red}>已逾期</Tag>}
                  </span>
                ),
              },
              { title: "单位", dataIndex: "enterpriseName" },
            ]}
          />
        )}
      </QueryState>
      <Button type="primary" onClick={() => navigate("/hazards/new")}>
        上报隐患
      </Button>
    </Space>
  );
}
