// Demo work in progress, so every demo account has something to look at on first start: made
// over HTTP by the demo accounts themselves, through the same routes, rules and stores as any
// client (the seeded reference data in local/seed.ts comes first). Runs once per data
// directory: a marker item records that it ran, and each call carries a fixed Idempotency-Key,
// so a start interrupted half-way replays the calls already made instead of repeating them.
//   江岸区 (county):   a general hazard past its deadline; a major hazard listed for supervision
//   武汉市 (city):     accident A002 waiting to be forwarded to the province (local/seed.ts)
//   approval officer:  a submitted application with every material uploaded, waiting for acceptance
//   public/admin:      a blacklist listing
//   statistician:      the current year rolled up
import { getItem } from "../shared/db.js";
import { seedItems } from "../shared/seeding.js";
import { addDays, shanghaiDate } from "../shared/time.js";
import type { TokenClaims } from "./auth.js";
import { DEMO_ACCOUNTS } from "./demo.js";

const MARKER = { pk: "SEED#demo-flows", sk: "SEED" };

type Mint = (claims: TokenClaims) => Promise<string>;

function account(name: string): TokenClaims {
  const a = DEMO_ACCOUNTS.find((x) => x.id === name);
  if (!a) throw new Error(`no demo account ${name}`);
  return a.claims;
}

export async function seedDemoFlows(apiUrl: string, mint: Mint, runRollup: () => Promise<unknown>): Promise<number> {
  if (await getItem(MARKER.pk, MARKER.sk, true)) return 0;
  let calls = 0;
  const call = async (who: string, method: string, path: string, body: unknown, key: string) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await mint(account(who))}`, "content-type": "application/json", "idempotency-key": `demo-flows-${key}` },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`demo data: ${method} ${path} answered ${res.status}: ${text}`);
    calls++;
    return JSON.parse(text) as Record<string, unknown> & { id: string };
  };

  const ent = account("enterprise").enterprise as string;
  const today = shanghaiDate(new Date());
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

  // A general hazard whose rectification deadline passed ten days ago.
  await call("enterprise", "POST", "/v1/hazards", {
    enterpriseId: ent, level: "general", source: "self_inspection",
    description: "甲醇储罐区可燃气体报警器未按期检定", location: "甲醇储罐区",
    discoveredAt: daysAgo(40), rectifyBy: addDays(today, -10),
  }, "hazard-overdue");

  // A major hazard the county lists for supervision (挂牌督办).
  const major = await call("enterprise", "POST", "/v1/hazards", {
    enterpriseId: ent, level: "major", source: "self_inspection",
    description: "液氨储罐区紧急切断阀失效", location: "液氨罐区",
    discoveredAt: daysAgo(5), rectifyBy: addDays(today, 30),
    currentStateAndCause: "紧急切断阀执行机构锈蚀卡死，日常维护缺失",
    harmAndDifficultyAnalysis: "泄漏时无法切断，可能导致中毒事故；需停产更换，难度较大",
  }, "hazard-major");
  await call("county-regulator", "POST", `/v1/hazards/${major.id}/supervise`, { deadline: addDays(today, 30), productionSuspended: false, note: "区级挂牌督办" }, "hazard-supervise");

  // An application with its materials uploaded to their presigned URLs, submitted.
  const app = await call("enterprise", "POST", "/v1/applications", { itemCode: "AQ04-01", scope: "特种作业：电工作业（低压电工）" }, "application");
  const pdf = Buffer.from("%PDF-1.4\n% demo material\n");
  for (const [i, material] of (app.materials as string[]).entries()) {
    const a = await call("enterprise", "POST", `/v1/applications/${app.id}/attachments`, { material, fileName: `${material}.pdf`, contentType: "application/pdf", size: pdf.length }, `material-${i}`);
    const upload = a.upload as { url: string; headers: Record<string, string> };
    const put = await fetch(upload.url, { method: "PUT", headers: upload.headers, body: pdf });
    if (!put.ok) throw new Error(`demo data: upload of ${material} answered ${put.status}`);
  }
  await call("enterprise", "POST", `/v1/applications/${app.id}/submit`, {}, "application-submit");

  // A blacklist listing, decided by the province administrator.
  await call("admin", "POST", "/v1/blacklist-listings", { enterpriseId: "01JDEM0000000000000000E002", reason: "发生生产安全事故致一人死亡，且存在重大事故隐患逾期未整改（演示数据）" }, "blacklist");

  await runRollup();
  await seedItems([{ ...MARKER, entity: "seed_marker", at: new Date().toISOString(), calls }]);
  return calls;
}
