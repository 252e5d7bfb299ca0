// The signed-in session: the API token (the Cognito ID token in AWS, a demo token locally)
// kept in sessionStorage so a reload keeps it and closing the tab forgets it.
import { useSyncExternalStore } from "react";

const KEY = "hubei-safety.session";
export const RETURN_KEY = "hubei-safety.return-to";

export type Role = "enterprise" | "grid_member" | "regulator" | "industry_department" | "approval_officer" | "statistician" | "admin";

export interface Claims {
  role: Role;
  region: string;
  enterprise?: string;
  grid?: string;
  industry?: string;
  head: boolean;
  name?: string;
  /** The user id the API records as the actor (the token's subject). */
  user?: string;
  /** Seconds since the epoch. */
  exp: number;
}

export interface Session {
  token: string;
  claims: Claims;
}

function decode(token: string): Claims | undefined {
  try {
    const part = token.split(".")[1] ?? "";
    const json = new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));
    const p = JSON.parse(json) as Record<string, unknown>;
    // Cognito puts the platform's claims under custom:, the local stack mints them bare.
    const claim = (k: string) => (p[`custom:${k}`] ?? p[k]) as string | undefined;
    const role = claim("role") as Role | undefined;
    if (!role || typeof p.exp !== "number") return undefined;
    return {
      role,
      region: claim("region") ?? "420000",
      enterprise: claim("enterprise"),
      grid: claim("grid"),
      industry: claim("industry"),
      head: claim("head") === "true",
      name: claim("name"),
      user: typeof p.sub === "string" ? p.sub : undefined,
      exp: p.exp,
    };
  } catch {
    return undefined;
  }
}

type Listener = () => void;
const listeners = new Set<Listener>();
let current: Session | undefined = load();
let endedReason: "expired" | undefined;

function load(): Session | undefined {
  const token = globalThis.sessionStorage?.getItem(KEY);
  const claims = token ? decode(token) : undefined;
  return token && claims && claims.exp * 1000 > Date.now() ? { token, claims } : undefined;
}

function emit() {
  for (const l of listeners) l();
}

export const session = {
  current: () => current,
  token: () => current?.token,
  endedReason: () => endedReason,
  start(token: string): Session {
    const claims = decode(token);
    if (!claims) throw new Error("token without the platform's role claims");
    current = { token, claims };
    endedReason = undefined;
    sessionStorage.setItem(KEY, token);
    emit();
    return current;
  },
  end() {
    current = undefined;
    sessionStorage.removeItem(KEY);
    emit();
  },
  /** The token ran out or was refused: end the session, remembering the page to come back to. */
  expire() {
    if (!current) return;
    sessionStorage.setItem(RETURN_KEY, location.pathname + location.search);
    endedReason = "expired";
    session.end();
  },
  subscribe(l: Listener) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useSession(): Session | undefined {
  return useSyncExternalStore(session.subscribe, session.current);
}

/** Where to go after signing in: the page the user was sent away from, else home. */
export function takeReturnPath(): string {
  const to = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return to?.startsWith("/") && !to.startsWith("//") && !to.startsWith("/sign-in") ? to : "/";
}
