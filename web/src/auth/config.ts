// Deployment settings read at run time from /config.json, so one build serves every stage:
// the local stack ships {"auth":"local"}, the CDK app writes the Cognito issuer and client.
export type ConsoleConfig = { auth: "local" } | { auth: "oidc"; authority: string; clientId: string; scope?: string; logoutUri?: string };

let loaded: Promise<ConsoleConfig> | undefined;

export function consoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch("/config.json", { cache: "no-store" }).then((r) => {
    if (!r.ok) throw new Error(`config.json: HTTP ${r.status}`);
    return r.json() as Promise<ConsoleConfig>;
  });
  return loaded;
}
