// Cognito managed login: authorization code with PKCE through oidc-client-ts, loaded only
// when the deployment uses it (the local stack never downloads it).
import type { ConsoleConfig } from "./config";

type Oidc = Extract<ConsoleConfig, { auth: "oidc" }>;

async function manager(cfg: Oidc) {
  const { UserManager, WebStorageStateStore } = await import("oidc-client-ts");
  return new UserManager({
    authority: cfg.authority,
    client_id: cfg.clientId,
    redirect_uri: `${location.origin}/auth/callback`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: "code",
    scope: cfg.scope ?? "openid email profile",
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: false,
  });
}

export async function oidcSignIn(cfg: Oidc): Promise<void> {
  await (await manager(cfg)).signinRedirect();
}

/** Completes the redirect; returns the ID token (the API's authorizer takes the ID token). */
export async function oidcCallback(cfg: Oidc): Promise<string> {
  const user = await (await manager(cfg)).signinRedirectCallback();
  if (!user.id_token) throw new Error("no ID token in the sign-in response");
  return user.id_token;
}
