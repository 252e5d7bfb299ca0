// Tokens as the API Gateway JWT authorizer treats them (exp required, nbf/iat not in the future
// beyond a small skew), and `npm run token` refusing claims no account can have.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { CLOCK_SKEW_SECONDS, LOCAL_AUDIENCE, LOCAL_ISSUER } from "../../local/auth.js";
import { useApi } from "../support/api.js";

const api = useApi();
const now = () => Math.floor(Date.now() / 1000);

async function sign(times: { exp?: number; nbf?: number; iat?: number }): Promise<string> {
  let jwt = new SignJWT({ role: "regulator", region: "420000" }).setProtectedHeader({ alg: "RS256", kid: "local" }).setIssuer(LOCAL_ISSUER).setAudience(LOCAL_AUDIENCE).setSubject("reg-1");
  if (times.exp !== undefined) jwt = jwt.setExpirationTime(times.exp);
  if (times.nbf !== undefined) jwt = jwt.setNotBefore(times.nbf);
  if (times.iat !== undefined) jwt = jwt.setIssuedAt(times.iat);
  return jwt.sign(api.keys.privateKey);
}

const statusWith = async (token: string) => (await api.call("GET", "/v1/enterprises", { as: token })).status;

describe("the local JWT verifier does what API Gateway's authorizer does", () => {
  it("a correctly signed token without exp is refused", async () => {
    expect(await statusWith(await sign({ iat: now() }))).toBe(401);
    expect(await statusWith(await sign({ iat: 946684800 }))).toBe(401); // issued in 2000, never expiring
  });

  it("an expired token is refused; a current one is accepted", async () => {
    expect(await statusWith(await sign({ iat: now() - 7200, exp: now() - 3600 }))).toBe(401);
    expect(await statusWith(await sign({ iat: now(), exp: now() + 3600 }))).toBe(200);
  });

  it("nbf or iat in the future beyond the skew is refused; within the skew is accepted", async () => {
    const later = now() + CLOCK_SKEW_SECONDS + 300;
    expect(await statusWith(await sign({ iat: now(), nbf: later, exp: later + 3600 }))).toBe(401);
    expect(await statusWith(await sign({ iat: later, exp: later + 3600 }))).toBe(401);
    const drift = now() + Math.floor(CLOCK_SKEW_SECONDS / 2);
    expect(await statusWith(await sign({ iat: drift, nbf: drift, exp: drift + 3600 }))).toBe(200);
  });
});

describe("npm run token refuses impossible claims", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "token-test-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const p = spawn(process.execPath, ["--import", "tsx", "local/token.ts", ...args], { env: { ...process.env, DATA_DIR: dataDir } });
      let stdout = "";
      let stderr = "";
      p.stdout.on("data", (d) => {
        stdout += String(d);
      });
      p.stderr.on("data", (d) => {
        stderr += String(d);
      });
      p.once("exit", (code) => resolve({ code, stdout, stderr }));
    });
  }

  const refusal = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("cannot mint this token: "));

  it.each([
    [["--role", "enterprise", "--region", "420102"], "--enterprise"],
    [["--role", "grid_member", "--region", "420102"], "--grid"],
    [["--role", "industry_department", "--region", "420100"], "--industry"],
    [["--role", "regulator", "--region", "110000"], "110000 is not a Hubei GB/T 2260 code"],
    [["--role", "regulator", "--region", "420199"], "420199 is not a Hubei GB/T 2260 code"],
  ])("%j → a one-line refusal naming %s, exit 2, no token", async (args, says) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = refusal(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(says);
  }, 60_000);

  it("possible claims still get a token", async () => {
    const r = await run(["--role", "enterprise", "--region", "420102", "--enterprise", "E1"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  }, 60_000);
});
