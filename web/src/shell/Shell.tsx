import { LogoutOutlined, MenuOutlined } from "@ant-design/icons";
import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, Spin, Typography } from "antd";
import { Suspense, useEffect, useMemo, useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { $api } from "../api/client";
import { isPublic, mayCall } from "../api/access";
import { RETURN_KEY, type Session, session, useSession } from "../auth/session";
import { PAGES } from "../pages";
import { MENU_GROUPS, roleLabel } from "./labels";

const { Header, Sider, Content } = Layout;

function useMenuItems(s: Session | undefined): MenuProps["items"] {
  return useMemo(
    () =>
      MENU_GROUPS.flatMap(([group, label]) => {
        const children = PAGES.filter((p) => p.menu === group && (s ? mayCall(s.claims.role, p.api) : isPublic(p.api))).map((p) => ({
          key: p.path,
          label: <Link to={p.path}>{p.title}</Link>,
        }));
        return children.length ? [{ type: "group" as const, key: group, label, children }] : [];
      }),
    [s],
  );
}

/** "江岸区 · 监管人员", region names from the public /v1/regions. */
function Who({ s }: { s: Session }) {
  const regions = $api.useQuery("get", "/v1/regions", {}, { staleTime: Number.POSITIVE_INFINITY });
  const region = regions.data?.items.find((r) => r.code === s.claims.region)?.name ?? s.claims.region;
  const until = new Date(s.claims.exp * 1000);
  return (
    <Flex vertical style={{ lineHeight: 1.3, minWidth: 0 }}>
      <Typography.Text strong style={{ color: "#fff" }} ellipsis data-testid="who">
        {region} · {roleLabel(s.claims)}
      </Typography.Text>
      <Typography.Text style={{ color: "rgba(255,255,255,0.75)", fontSize: 12 }}>
        登录有效至 {until.toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit" })}
      </Typography.Text>
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
  const items = useMenuItems(s);
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer on every navigation
  useEffect(() => setOpen(false), [location.pathname]);

  const menu = <Menu mode="inline" selectedKeys={[location.pathname]} items={items} style={{ borderInlineEnd: 0 }} aria-label="主菜单" />;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Header style={{ display: "flex", alignItems: "center", gap: 12, paddingInline: wide ? 24 : 12 }}>
        {!wide && <Button type="text" aria-label="打开菜单" icon={<MenuOutlined style={{ color: "#fff" }} />} onClick={() => setOpen(true)} />}
        <Link to="/" style={{ color: "#fff", fontSize: wide ? 18 : 16, fontWeight: 600, whiteSpace: "nowrap" }}>
          {wide ? "湖北省安全生产监管平台" : "安全生产监管"}
        </Link>
        <Flex flex={1} justify="end" align="center" gap={8} style={{ minWidth: 0 }}>
          {s ? (
            <>
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
            <nav>{menu}</nav>
          </Sider>
        )}
        {!wide && (
          <Drawer title="菜单" placement="left" open={open} onClose={() => setOpen(false)} size={280} styles={{ body: { padding: 0 } }}>
            <nav>{menu}</nav>
          </Drawer>
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
