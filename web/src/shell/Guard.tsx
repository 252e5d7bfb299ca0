import { Result } from "antd";
import { type ReactNode, useEffect } from "react";
import { Navigate, useLocation } from "react-router";
import { isPublic, mayCall } from "../api/access";
import { RETURN_KEY, useSession } from "../auth/session";
import type { PageDef } from "../pages";

/** Public pages for everyone; others need a session whose role the manifest lets call the page's API. */
export function Guard({ page, children }: { page: PageDef; children: ReactNode }) {
  const s = useSession();
  const location = useLocation();
  useEffect(() => {
    document.title = `${page.title} · 湖北省安全生产监管平台`;
  }, [page.title]);
  if (isPublic(page.api)) return children;
  if (!s) {
    sessionStorage.setItem(RETURN_KEY, location.pathname + location.search);
    return <Navigate to="/sign-in" replace />;
  }
  if (!mayCall(s.claims.role, page.api)) return <Result status="403" title="无权访问" subTitle="您的角色不能使用此页面。" />;
  return children;
}
