// Test client for the local API: a real server on a free port, real RS256 tokens, fetch.
import type { Server } from "node:http";
import { afterAll, beforeAll } from "vitest";
import { type KeyPair, mintToken, newKeyPair, type TokenClaims } from "../../local/auth.js";
import { createApiServer, listen } from "../../local/server.js";

export interface Api {
  url: string;
  keys: KeyPair;
  token(claims: TokenClaims): Promise<string>;
  call(method: string, path: string, opts?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

export interface CallOptions {
  as?: TokenClaims | string;
  body?: unknown;
  headers?: Record<string, string>;
  rawBody?: string;
}

export interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary JSON
  body: any;
  text: string;
}

export async function startApi(): Promise<Api> {
  const keys = await newKeyPair();
  const server: Server = createApiServer(keys);
  const port = await listen(server, 0);
  const url = `http://127.0.0.1:${port}`;
  const token = (c: TokenClaims) => mintToken(keys.privateKey, c);
  return {
    url,
    keys,
    token,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.as) headers.authorization = `Bearer ${typeof opts.as === "string" ? opts.as : await token(opts.as)}`;
      let body: string | undefined = opts.rawBody;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers["content-type"] ??= "application/json";
      }
      const res = await fetch(`${url}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON (CSV, empty)
      }
      return { status: res.status, headers: res.headers, body: parsed, text };
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/**
 * One API server per test file: started before its tests, closed after. Returns a handle
 * usable at module level (`const api = useApi();`).
 */
export function useApi(): Api {
  let inner: Api | undefined;
  beforeAll(async () => {
    inner = await startApi();
  });
  afterAll(() => inner?.close());
  const get = (): Api => {
    if (!inner) throw new Error("useApi(): the API is only available inside tests and hooks");
    return inner;
  };
  return {
    get url() {
      return get().url;
    },
    get keys() {
      return get().keys;
    },
    token: (claims) => get().token(claims),
    call: (method, path, opts) => get().call(method, path, opts),
    close: () => get().close(),
  };
}
