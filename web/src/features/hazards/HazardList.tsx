import { Button, Tag, Typography } from "antd";
import { Link, useNavigate } from "react-router";
import { mayCall } from "../../api/access";
import { $api } from "../../api/client";
import { useSession } from "../../auth/session";
import { TAG } from "../../components/colors";
import { CheckFilter, Filters, optionsOf, PagedTable, SelectFilter, useListState } from "../../components/ListFilters";
import { HAZARD_LEVEL, HAZARD_SOURCE, HAZARD_STATUS } from "./labels";

type Status = "reported" | "planned" | "rectifying" | "rectified" | "review_requested" | "closed";
type Level = "general" | "major";
type Source = "self_inspection" | "grid_patrol" | "enforcement" | "public_report";

/**
 * The hazards the caller may see, with the API's filters and paging (the API scopes the list to the
 * enterprise or the jurisdiction). Regulators and industry departments open a hazard on the
 * supervision record page, where their review actions are; everyone else on the reporter's.
 */
export function HazardTable({ title }: { title: string }) {
  const navigate = useNavigate();
  const role = useSession()?.claims.role;
  const supervising = mayCall(role, "POST /v1/hazards/{id}/supervise");
  const list = useListState();
  const query = $api.useQuery("get", "/v1/hazards", {
    params: { query: { status: list.get<Status>("status"), level: list.get<Level>("level"), source: list.get<Source>("source"), overdue: list.get<"true">("overdue"), cursor: list.cursor, limit: 20 } },
  });
  return (
    <>
      <Typography.Title level={2}>{title}</Typography.Title>
      <Filters>
        <SelectFilter list={list} name="status" label="状态" options={optionsOf(HAZARD_STATUS)} />
        <SelectFilter list={list} name="level" label="级别" options={optionsOf(HAZARD_LEVEL)} />
        <SelectFilter list={list} name="source" label="来源" options={optionsOf(HAZARD_SOURCE)} />
        <CheckFilter list={list} name="overdue" label="只看逾期" />
      </Filters>
      <PagedTable
        query={query}
        list={list}
        empty="没有符合条件的隐患"
        columns={[
          { title: "隐患", key: "description", render: (_: unknown, h) => <Link to={`${supervising ? "/supervision/hazards" : "/hazards"}/${h.id}`}>{h.description}</Link> },
          { title: "单位", dataIndex: "enterpriseName" },
          { title: "级别", key: "level", render: (_: unknown, h) => <Tag color={HAZARD_LEVEL[h.level]?.color}>{HAZARD_LEVEL[h.level]?.label ?? h.level}</Tag> },
          { title: "状态", key: "status", render: (_: unknown, h) => <Tag color={HAZARD_STATUS[h.status]?.color}>{HAZARD_STATUS[h.status]?.label ?? h.status}</Tag> },
          {
            title: "整改期限",
            key: "due",
            render: (_: unknown, h) => (
              <span>
                {(h.supervision?.deadline ?? h.rectifyBy).slice(0, 10)} {h.overdue && <Tag color={TAG.red}>已逾期</Tag>}
              </span>
            ),
          },
        ]}
      />
      {mayCall(role, "POST /v1/hazards") && !supervising && (
        <Button type="primary" onClick={() => navigate("/hazards/new")} style={{ marginTop: 16 }}>
          上报隐患
        </Button>
      )}
    </>
  );
}

export default function HazardList() {
  return <HazardTable title="隐患台账" />;
}
