import { Tag, Typography } from "antd";
import { Link } from "react-router";
import { $api } from "../../api/client";
import { Filters, optionsOf, PagedTable, SelectFilter, useListState } from "../../components/ListFilters";
import { APPLICATION_STATE } from "./labels";

type State = "draft" | "submitted" | "missing_materials" | "declined" | "under_review" | "paused" | "reviewed" | "approved" | "refused" | "issued";

/** Applications the caller may see (the enterprise's own, an officer's jurisdiction), by state, with paging. */
export default function ApplicationList() {
  const list = useListState();
  const query = $api.useQuery("get", "/v1/applications", { params: { query: { state: list.get<State>("state"), cursor: list.cursor, limit: 20 } } });
  return (
    <>
      <Typography.Title level={2}>审批申请</Typography.Title>
      <Filters>
        <SelectFilter list={list} name="state" label="状态" width={180} options={optionsOf(APPLICATION_STATE)} />
      </Filters>
      <PagedTable
        query={query}
        list={list}
        empty="没有符合条件的申请"
        columns={[
          { title: "事项", dataIndex: "itemName", render: (n: string, a) => <Link to={`/applications/${a.id}`}>{n}</Link> },
          { title: "申请单位", dataIndex: "enterpriseName" },
          { title: "状态", dataIndex: "state", render: (s: string) => <Tag color={APPLICATION_STATE[s]?.color}>{APPLICATION_STATE[s]?.label ?? s}</Tag> },
          { title: "提交日期", dataIndex: "submittedOn", render: (d?: string) => d ?? "—" },
        ]}
      />
    </>
  );
}
