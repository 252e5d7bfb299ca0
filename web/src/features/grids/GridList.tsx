import { Button, Typography } from "antd";
import { Link, useNavigate } from "react-router";
import { mayCall } from "../../api/access";
import { $api } from "../../api/client";
import { useSession } from "../../auth/session";
import { PagedTable, useListState } from "../../components/ListFilters";
import { useRegionName } from "../../components/regions";

/** The grids of the caller's jurisdiction (a grid member: its own), each with its member and supervising official. */
export default function GridList() {
  const role = useSession()?.claims.role;
  const navigate = useNavigate();
  const list = useListState();
  const query = $api.useQuery("get", "/v1/grids", { params: { query: { cursor: list.cursor, limit: 20 } } });
  const regionName = useRegionName();
  return (
    <>
      <Typography.Title level={2}>网格管理</Typography.Title>
      {mayCall(role, "POST /v1/grids") && (
        <Button type="primary" style={{ marginBottom: 16 }} onClick={() => navigate("/grids/new")}>
          新建网格
        </Button>
      )}
      <PagedTable
        query={query}
        list={list}
        empty="本辖区尚未划分网格"
        columns={[
          { title: "网格", key: "name", render: (_: unknown, g) => <Link to={`/grids/${g.id}`}>{g.name}</Link> },
          { title: "代码", dataIndex: "code" },
          { title: "所在区域", key: "region", render: (_: unknown, g) => regionName(g.regionCode) },
          { title: "网格员", key: "member", render: (_: unknown, g) => `${g.member.name}${g.member.fullTime ? "（专职）" : ""}` },
          { title: "监管责任人", key: "official", render: (_: unknown, g) => g.supervisingOfficial.name },
        ]}
      />
    </>
  );
}
