import { List, Space, Tag } from "antd";
import { Link } from "react-router";
import { mayCall } from "../../api/access";
import { $api } from "../../api/client";
import { useSession } from "../../auth/session";
import { TAG } from "../../components/colors";
import { emptyText } from "../../components/ListFilters";
import { QueryState } from "../../components/QueryState";
import { HAZARD_LEVEL, HAZARD_STATUS } from "./labels";

/** A finding: the hazard it became, as it stands now, linked to the page where the caller can act on it. */
function Finding({ id, base }: { id: string; base: string }) {
  const q = $api.useQuery("get", "/v1/hazards/{id}", { params: { path: { id } } });
  return (
    <List.Item>
      <QueryState query={q} notFound="该隐患不在您的管辖范围内">
        {(h) => (
          <Space wrap>
            <Link to={`${base}/${h.id}`}>{h.description}</Link>
            <span>{h.enterpriseName}</span>
            <Tag color={HAZARD_LEVEL[h.level]?.color}>{HAZARD_LEVEL[h.level]?.label}</Tag>
            <Tag color={HAZARD_STATUS[h.status]?.color}>{HAZARD_STATUS[h.status]?.label ?? h.status}</Tag>
            <span>
              整改期限 {h.rectifyBy} {h.overdue && <Tag color={TAG.red}>已逾期</Tag>}
            </span>
          </Space>
        )}
      </QueryState>
    </List.Item>
  );
}

/** The hazards an inspection or a patrol found (their ids on the record). */
export function FindingList({ hazardIds, empty }: { hazardIds: string[]; empty: string }) {
  const role = useSession()?.claims.role;
  const base = mayCall(role, "POST /v1/hazards/{id}/supervise") ? "/supervision/hazards" : "/hazards";
  return <List bordered dataSource={hazardIds} locale={emptyText(empty)} renderItem={(h) => <Finding id={h} base={base} />} />;
}
