import { Button, Typography } from "antd";
import { Link, useNavigate } from "react-router";
import { $api } from "../../api/client";
import { useSession } from "../../auth/session";
import { DateFilter, Filters, PagedTable, SelectFilter, useListState } from "../../components/ListFilters";
import { useRegionName, useRegions } from "../../components/regions";

/** Inspections of the jurisdiction, newest first, by region and date, with paging. */
export default function InspectionList() {
  const navigate = useNavigate();
  const own = useSession()?.claims.region ?? "";
  const list = useListState();
  const regions = useRegions();
  const regionName = useRegionName();
  const below = (regions.data?.items ?? []).filter((r) => r.parentCode === own || (own === "420000" && r.level === "county"));
  const query = $api.useQuery("get", "/v1/enforcement-inspections", {
    params: { query: { regionCode: list.get("regionCode"), enterpriseId: list.get("enterpriseId"), from: list.get("from"), to: list.get("to"), cursor: list.cursor, limit: 20 } },
  });
  return (
    <>
      <Typography.Title level={2}>执法检查</Typography.Title>
      <Button type="primary" style={{ marginBottom: 16 }} onClick={() => navigate("/inspections/new")}>
        录入执法检查
      </Button>
      <Filters>
        {below.length > 0 && <SelectFilter list={list} name="regionCode" label="区域" allLabel="全辖区" width={160} options={below.map((r) => ({ value: r.code, label: r.name }))} />}
        <DateFilter list={list} name="from" label="检查日期自" />
        <DateFilter list={list} name="to" label="至" />
      </Filters>
      <PagedTable
        query={query}
        list={list}
        empty="没有符合条件的执法检查"
        columns={[
          { title: "检查日期", key: "date", render: (_: unknown, i) => <Link to={`/inspections/${i.id}`}>{i.date}</Link> },
          { title: "被检查企业", dataIndex: "enterpriseName" },
          { title: "区域", key: "region", render: (_: unknown, i) => regionName(i.regionCode) },
          { title: "执法人员", key: "inspectors", render: (_: unknown, i) => i.inspectors.map((x) => x.name).join("、") },
          { title: "发现隐患", dataIndex: "findingsCount" },
        ]}
      />
    </>
  );
}
