import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Flex, List, Spin, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { consoleConfig } from "./config";
import { oidcSignIn } from "./oidc";
import { session, takeReturnPath } from "./session";

interface DemoAccount {
  id: string;
  title: string;
}

/** The local stack's demo accounts (the ones `npm start` prints); only the local server answers this. */
async function demoAccounts(): Promise<DemoAccount[]> {
  const r = await fetch("/local/demo-accounts");
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return ((await r.json()) as { items: DemoAccount[] }).items;
}

async function demoToken(account: string): Promise<string> {
  const r = await fetch("/local/demo-token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ account }) });
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

export default function SignIn() {
  const navigate = useNavigate();
  const config = useQuery({ queryKey: ["config.json"], queryFn: consoleConfig, staleTime: Number.POSITIVE_INFINITY });
  const cfg = config.data;
  const local = cfg?.auth === "local";
  const accounts = useQuery({ queryKey: ["local", "demo-accounts"], queryFn: demoAccounts, enabled: local });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();

  const signInAs = async (id: string) => {
    setBusy(id);
    setError(undefined);
    try {
      session.start(await demoToken(id));
      navigate(takeReturnPath(), { replace: true });
    } catch (e) {
      setError(`登录失败：${(e as Error).message}`);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Flex justify="center">
      <Card style={{ width: "100%", maxWidth: 560 }}>
        <Typography.Title level={2}>登录</Typography.Title>
        {session.endedReason() === "expired" && <Alert type="warning" showIcon title="登录已过期，请重新登录；登录后将回到原页面。" style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {config.isPending && <Spin />}
        {config.isError && <Alert type="error" showIcon title="无法读取登录配置（config.json）" />}
        {cfg?.auth === "oidc" && (
          <Button type="primary" size="large" block onClick={() => oidcSignIn(cfg)}>
            统一身份认证登录
          </Button>
        )}
        {local && (
          <>
            <Typography.Paragraph type="secondary">本地演示环境：选择一个演示账号登录（与 npm start 打印的账号相同）。</Typography.Paragraph>
            <List
              loading={accounts.isPending}
              dataSource={accounts.data ?? []}
              renderItem={(a) => (
                <List.Item>
                  <Button block loading={busy === a.id} onClick={() => signInAs(a.id)}>
                    {a.title}
                  </Button>
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
    </Flex>
  );
}
