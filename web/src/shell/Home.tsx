import { Link, Navigate } from "react-router";
import { isPublic, mayCall } from "../api/access";
import { useSession } from "../auth/session";
import { PAGES } from "../pages";
import { MENU_GROUPS } from "./labels";

/** The landing page: the pages this visitor may open, by menu group. Plain elements keep the first screen light. */
export default function Home() {
  const s = useSession();
  // An enterprise lands on what it owes.
  if (s?.claims.role === "enterprise") return <Navigate to="/workspace" replace />;
  return (
    <>
      <h2 className="page-title">湖北省安全生产监管平台</h2>
      <p className="page-lead">依据《湖北省安全生产监管体制改革方案》（鄂安办〔2015〕60号）建设：隐患排查治理、事故直报、网上审批、信用监管与考核评价。</p>
      {MENU_GROUPS.map(([group, label]) => {
        const pages = PAGES.filter((p) => p.menu === group && (s ? mayCall(s.claims.role, p.api) : isPublic(p.api)));
        if (!pages.length) return null;
        return (
          <section key={group} aria-label={label}>
            <h3 className="home-group">{label}</h3>
            <ul className="home-links">
              {pages.map((p) => (
                <li key={p.path}>
                  <Link to={p.path}>{p.title}</Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
