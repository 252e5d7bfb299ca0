// Local stand-in for Cognito + the API Gateway JWT authorizer: an RS256 key pair, tokens
// with the same claims, and verification of signature, issuer, audience and expiry.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JWK, jwtVerify, SignJWT } from "jose";
import type { Role } from "../shared/policy.js";

export const LOCAL_ISSUER = "https://auth.local.safety-platform.test";
export const LOCAL_AUDIENCE = "hubei-safety-api";
/** Drift allowed between the issuer's clock and ours when checking exp, nbf and iat. */
export const CLOCK_SKEW_SECONDS = 60;

export interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

type CryptoKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

export async function newKeyPair(): Promise<KeyPair> {
  return generateKeyPair("RS256", { extractable: true });
}

/** The dev key lives in .data/ (never committed) so tokens survive restarts. */
export async function loadOrCreateKeyPair(file: string): Promise<KeyPair> {
  if (existsSync(file)) {
    const { privateJwk, publicJwk } = JSON.parse(readFileSync(file, "utf8")) as { privateJwk: JWK; publicJwk: JWK };
    return { privateKey: (await importJWK(privateJwk, "RS256")) as CryptoKey, publicKey: (await importJWK(publicJwk, "RS256")) as CryptoKey };
  }
  const pair = await newKeyPair();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ privateJwk: await exportJWK(pair.privateKey), publicJwk: await exportJWK(pair.publicKey) }), { mode: 0o600 });
  return pair;
}

export interface TokenClaims {
  role: Role;
  region?: string;
  enterprise?: string;
  grid?: string;
  industry?: string;
  head?: boolean;
  user?: string;
  name?: string;
}

export async function mintToken(key: CryptoKey, c: TokenClaims, ttl = "12h"): Promise<string> {
  const claims: Record<string, string> = { role: c.role, region: c.region ?? "420000" };
  if (c.enterprise) claims.enterprise = c.enterprise;
  if (c.grid) claims.grid = c.grid;
  if (c.industry) claims.industry = c.industry;
  if (c.head) claims.head = "true";
  if (c.name) claims.name = c.name;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: "local" })
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setSubject(c.user ?? `${c.role}-${claims.region}${c.enterprise ? `-${c.enterprise}` : ""}${c.grid ? `-${c.grid}` : ""}`)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key);
}

/**
 * What API Gateway's JWT authorizer does: verify, then hand the claims to the Lambda as
 * strings. Returns undefined for any failure (the gateway answers 401 itself).
 */
export async function verifyToken(publicKey: CryptoKey, authorization: string | undefined): Promise<Record<string, string> | undefined> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!m) return undefined;
  try {
    const { payload } = await jwtVerify(m[1] as string, publicKey, {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      algorithms: ["RS256"],
      // As API Gateway's JWT authorizer: a token must expire; exp and nbf are checked with a
      // little leeway for clock drift between issuer and gateway.
      requiredClaims: ["exp"],
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    // A token issued in the future was not issued by a sane issuer (jose checks iat only for maxTokenAge).
    if (typeof payload.iat === "number" && payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) return undefined;
    const claims: Record<string, string> = {};
    for (const [k, v] of Object.entries(payload)) claims[k] = Array.isArray(v) ? `[${v.join(" ")}]` : String(v);
    return claims;
  } catch {
    return undefined;
  }
}
