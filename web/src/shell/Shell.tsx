import { LogoutOutlined, MenuOutlined } from "@ant-design/icons";
import { Button, Flex, Grid, Layout, Spin } from "antd";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { $api } from "../api/client";
import { isPublic, mayCall } from "../api/access";
import { RETURN_KEY, type Session, session, useSession } from "../auth/session";
import { PAGES } from "../pages";
import { MENU_GROUPS, roleLabel } from "./labels";

const { Header, Sider, Content } = Layout;
const MenuDrawer = lazy(() => import("./MenuDrawer"));
const TodoCount = lazy(() => import("./TodoCount"));

/** The menu groups and pages this visitor may open (the manifest's role lists decide). */
function useMenu(s: Session | undefined) {
  return useMemo(
    () =>
      MENU_GROUPS.map(([group, label]) => ({
        group,
        label,
        pages: PAGES.filter((p) => p.menu === group && (s ? mayCall(s.claims.role, p.api) : isPublic(p.api))),
      })).filter((g) => g.pages.length > 0),
    [s],
  );
}

/** A plain navigation list: antd's Menu (with its tooltips) would double the first screen's JavaScript. */
function MainMenu({ s }: { s: Session | undefined }) {
  const groups = useMenu(s);
  return (
    <nav aria-label="主菜单" className="main-menu">
      {groups.map((g) => (
        <section key={g.group} aria-labelledby={`menu-${g.group}`}>
          <h2 id={`menu-${g.group}`}>{g.label}</h2>
          <ul>
            {g.pages.map((p) => (
              <li key={p.path}>
                <NavLink to={p.path}>{p.title}</NavLink>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}

/** "江岸区 · 监管人员", region names from the public /v1/regions. */
function Who({ s }: { s: Session }) {
  const regions = $api.useQuery("get", "/v1/regions", {}, { staleTime: Number.POSITIVE_INFINITY });
  const region = regions.data?.items.find((r) => r.code === s.claims.region)?.name ?? s.claims.region;
  const until = new Date(s.claims.exp * 1000);
  return (
    // Plain elements: the shell is on the first screen, and antd's Typography is heavy.
    <Flex vertical style={{ lineHeight: 1.3, minWidth: 0 }}>
      <strong className="shell-who" data-testid="who">
        {region} · {roleLabel(s.claims)}
      </strong>
      <span className="shell-until">登录有效至 {until.toLocaleString("zh-CN", { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })}</span>
    </Flex>
  );
}

/** Ends the session when its token expires, so the next screen is the sign-in page, not a 401. */
function useExpiry(s: Session | undefined) {
  useEffect(() => {
    if (!s) return;
    const t = setTimeout(() => session.expire(), Math.max(0, s.claims.exp * 1000 - Date.now()));
    return () => clearTimeout(t);
  }, [s]);
}

export default function Shell() {
  const s = useSession();
  useExpiry(s);
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [open, setOpen] = useState(false);
  // The drawer's chunk loads when a phone first opens the menu, not with the first screen.
  const [drawerWanted, setDrawerWanted] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer on every navigation
  useEffect(() => setOpen(false), [location.pathname]);

  const menu = <MainMenu s={s} />;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Header style={{ display: "flex", alignItems: "center", gap: 12, paddingInline: wide ? 24 : 12 }}>
        {!wide && (
          <Button
            type="text"
            aria-label="打开菜单" icon={<MenuOutlined style={{ color: "#fff" }} />} onClick={() => {
              setDrawerWanted(true);
              setOpen(true);
            }}
          />
        )}
        <Link to="/" style={{ color: "#fff", fontSize: wide ? 18 : 16, fontWeight: 600, whiteSpace: "nowrap" }}>
          {wide ? "湖北省安全生产监管平台" : "安全生产监管"}
        </Link>
        <Flex flex={1} justify="end" align="center" gap={8} style={{ minWidth: 0 }}>
          {s ? (
            <>
              {mayCall(s.claims.role, "GET /v1/todo") && (
                <Suspense fallback={null}>
                  <TodoCount />
                </Suspense>
              )}
              <Who s={s} />
              <Button
                type="text"
                icon={<LogoutOutlined style={{ color: "#fff" }} />}
                aria-label="退出登录"
                onClick={() => {
                  session.end();
                  navigate("/");
                }}
              >
                {wide && <span style={{ color: "#fff" }}>退出</span>}
              </Button>
            </>
          ) : (
            location.pathname !== "/sign-in" && (
              <Button
                type="primary"
                onClick={() => {
                  sessionStorage.setItem(RETURN_KEY, location.pathname + location.search);
                  navigate("/sign-in");
                }}
              >
                登录
              </Button>
            )
          )}
        </Flex>
      </Header>
      <Layout>
        {wide && (
          <Sider width={220} theme="light" style={{ borderInlineEnd: "1px solid #f0f0f0" }}>
            {menu}
          </Sider>
        )}
        {!wide && drawerWanted && (
          <Suspense fallback={null}>
            <MenuDrawer open={open} onClose={() => setOpen(false)}>
              {menu}
            </MenuDrawer>
          </Suspense>
        )}
        <Content style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          <main>
            <Suspense fallback={<Spin />}>
              <Outlet />
            </Suspense>
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}
