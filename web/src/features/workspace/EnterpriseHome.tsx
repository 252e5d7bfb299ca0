import type { ReactNode } from "react";
import { Link } from "react-router";
import { $api } from "../../api/client";
import { TAG } from "../../components/colors";
import { QueryState } from "../../components/QueryState";
import { HAZARD_LEVEL, HAZARD_STATUS } from "../hazards/labels";
import { APPLICATION_STATE } from "../approvals/labels";

/** The quarter whose filing is due now: the one that just ended. */
function lastQuarter(today = new Date()): string {
  const y = today.getFullYear();
  const q = Math.floor(today.getMonth() / 3) + 1;
  return q === 1 ? `${y - 1}Q4` : `${y}Q${q - 1}`;
}

const FILING_STATUS: Record<string, { label: string; color: string }> = {
  on_time: { label: "已按时报送", color: TAG.green },
  late: { label: "逾期报送", color: TAG.orange },
  missing: { label: "逾期未报", color: TAG.red },
  pending: { label: "待报送", color: TAG.blue },
};

/** A solid status label: with antd's Tag, Table and Typography this first screen loaded 375 KB of JS gzip, without them 245 KB (BENCHMARKS.md). */
function Tag({ color, children }: { color?: string; children: ReactNode }) {
  return (
    <span className="owe-tag" style={{ background: color }}>
      {children}
    </span>
  );
}

function Block({ title, children, count }: { title: string; count?: number; children: ReactNode }) {
  return (
    <section aria-label={title} className="owe-block">
      <h3>
        {title}
        {count !== undefined && <span className="owe-count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

/** What the enterprise owes and by when; every date is as the API computed it. */
export default function EnterpriseHome() {
  const period = lastQuarter();
  const hazards = $api.useQuery("get", "/v1/hazards", { params: { query: { limit: 100 } } });
  const filings = $api.useQuery("get", "/v1/hazard-filings", { params: { query: { period } } });
  const missing = $api.useQuery("get", "/v1/applications", { params: { query: { state: "missing_materials", limit: 100 } } });
  const drafts = $api.useQuery("get", "/v1/applications", { params: { query: { state: "draft", limit: 100 } } });
  const licences = $api.useQuery("get", "/v1/licences", { params: { query: { expiringWithinDays: 90, limit: 100 } } });

  return (
    <>
      <h2 className="page-title">企业待办</h2>
      <QueryState query={hazards}>
        {(data) => {
          const open = data.items.filter((h) => h.status !== "closed").sort((a, b) => a.rectifyBy.localeCompare(b.rectifyBy));
          const supervised = open.filter((h) => h.supervision);
          return (
            <>
              <Block title="待整改隐患" count={open.length}>
                {open.length === 0 ? (
                  <p>没有未销号的隐患</p>
                ) : (
                  <div className="owe-table">
                    <table>
                      <thead>
                        <tr>
                          <th scope="col">隐患</th>
                          <th scope="col">等级</th>
                          <th scope="col">状态</th>
                          <th scope="col">整改期限</th>
                        </tr>
                      </thead>
                      <tbody>
                        {open.map((h) => (
                          <tr key={h.id}>
                            <td>
                              <Link to={`/hazards/${h.id}`}>{h.description}</Link>
                            </td>
                            <td>
                              <Tag color={HAZARD_LEVEL[h.level]?.color}>{HAZARD_LEVEL[h.level]?.label ?? h.level}</Tag>
                            </td>
                            <td>{HAZARD_STATUS[h.status]?.label ?? h.status}</td>
                            <td>
                              {h.rectifyBy} {h.overdue && <Tag color={TAG.red}>已逾期</Tag>}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </Block>
              <Block title="挂牌督办的重大隐患" count={supervised.length}>
                {supervised.length === 0 ? (
                  <p>无</p>
                ) : (
                  <ul>
                    {supervised.map((h) => (
                      <li key={h.id}>
                        <Link to={`/hazards/${h.id}`}>{h.description}</Link>
                        {` 督办期限 ${h.supervision?.deadline}${h.supervision?.productionSuspended ? "，停产整改" : ""}`}
                      </li>
                    ))}
                  </ul>
                )}
              </Block>
            </>
          );
        }}
      </QueryState>
      <Block title={`${period.replace("Q", " 年第 ")} 季度隐患排查治理报表`}>
        <QueryState query={filings}>
          {(f) => {
            const mine = f.items[0];
            const status = FILING_STATUS[mine?.status ?? "pending"];
            return (
              <p>
                {`报送期限 ${f.deadline} `}
                <Tag color={status?.color}>{status?.label}</Tag>
                {(!mine || mine.status === "pending" || mine.status === "missing") && <Link to="/hazard-filings/new" style={{ textDecoration: "underline" }}>
                    去报送
                  </Link>}
              </p>
            );
          }}
        </QueryState>
      </Block>
      <Block title="待补正材料的申请" count={(missing.data?.items.length ?? 0) + (drafts.data?.items.length ?? 0)}>
        <QueryState query={missing}>
          {(m) => {
            const items = [...m.items, ...(drafts.data?.items ?? [])];
            return items.length === 0 ? (
              <p>无</p>
            ) : (
              <ul>
                {items.map((a) => (
                  <li key={a.id}>
                    <Link to={`/applications/${a.id}`}>{a.itemName}</Link> <Tag color={APPLICATION_STATE[a.state]?.color}>{APPLICATION_STATE[a.state]?.label ?? a.state}</Tag>
                    {a.missingNotice && ` 需补正：${a.missingNotice.materials.join("；")}`}
                  </li>
                ))}
              </ul>
            );
          }}
        </QueryState>
      </Block>
      <Block title="三个月内到期的许可证" count={licences.data?.items.length}>
        <QueryState query={licences}>
          {(l) =>
            l.items.length === 0 ? (
              <p>无</p>
            ) : (
              <ul>
                {l.items.map((x) => (
                  <li key={x.number}>{`${x.itemName} ${x.number}，有效期至 ${x.validTo}`}</li>
                ))}
              </ul>
            )
          }
        </QueryState>
      </Block>
      {hazards.data?.items.some((h) => h.overdue) && (
        <p role="alert" className="owe-alert">
          有隐患已超过整改期限，请尽快整改并上传整改证据。
        </p>
      )}
    </>
  );
}
