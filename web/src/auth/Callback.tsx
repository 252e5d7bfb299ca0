import { Alert, Spin } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { consoleConfig } from "./config";
import { oidcCallback } from "./oidc";
import { session, takeReturnPath } from "./session";

/** Where Cognito's managed login sends the browser back with the authorization code. */
export default function Callback() {
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  useEffect(() => {
    consoleConfig()
      .then(async (cfg) => {
        if (cfg.auth !== "oidc") throw new Error("not an OIDC deployment");
        session.start(await oidcCallback(cfg));
        navigate(takeReturnPath(), { replace: true });
      })
      .catch((e: Error) => setError(e.message));
  }, [navigate]);
  return error ? <Alert type="error" showIcon title={`登录失败：${error}`} /> : <Spin />;
}
