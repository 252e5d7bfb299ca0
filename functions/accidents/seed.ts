// Demo accident reports for the local stack (fixed ids, fixed times), built with the same code the routes
// use so they look exactly like reports made over HTTP:
//   A001 黄石大冶非煤矿业 (420281): 冒顶片帮, 1 death, 一般; reported on time, forwarded to 黄石市, closed
//        with the enterprise found responsible.
//   A002 武汉江岸精细化工 (420102): 中毒和窒息, 2 dead + 1 missing → 较大; reported 25 minutes late,
//        forwarded to 武汉市, which has not passed it to the province: overdue in the city's pending list.
//        A follow-up found the missing worker dead.
//   A003 仙桃建筑工程 (429004, 直管市): 高处坠落, 1 death, 一般; recorded by 仙桃 itself (the unit did not
//        report: flagged unreportedByUnit); its chain is complete on receipt (仙桃 is its own city level).
import type { EnterpriseRecord } from "../../shared/enterprises.js";
import type { Actor } from "../../shared/policy.js";
import { seedItems } from "../../shared/seeding.js";
import { DEMO_ENTERPRISES } from "../registry/seed.js";
import { applyClose, applyForward, applyUpdate, newReport } from "./service.js";
import type { CreateAccident } from "./schemas.js";
import { reportItems } from "./store.js";

export const DEMO_ACCIDENT_IDS = ["01JDEM0000000000000000A001", "01JDEM0000000000000000A002", "01JDEM0000000000000000A003"] as const;

const enterprise = (id: string): EnterpriseRecord => {
  const e = DEMO_ENTERPRISES.find((x) => x.id === id);
  if (!e) throw new Error(`no demo enterprise ${id}`);
  return e;
};
const asEnterprise = (e: EnterpriseRecord): Actor => ({ userId: "demo-enterprise", role: "enterprise", regionCode: e.regionCode, enterpriseId: e.id, isHead: false });
const regulator = (regionCode: string, userId: string): Actor => ({ userId, role: "regulator", regionCode, isHead: false });
const at = (iso: string) => new Date(iso);

function body(over: Partial<CreateAccident> & Pick<CreateAccident, "regionCode" | "occurredAt" | "industryCode" | "accidentType" | "summary" | "scene">): CreateAccident {
  return { deaths: 0, missing: 0, seriousInjuries: 0, injuries: 0, directLossYuan: 0, roadTraffic: false, fire: false, ...over };
}

function a001() {
  const e = enterprise("01JDEM0000000000000000E002");
  const county = regulator("420281", "demo-county-regulator-420281");
  const first = newReport({
    id: DEMO_ACCIDENT_IDS[0],
    enterprise: e,
    actor: asEnterprise(e),
    now: at("2026-10-14T09:50:00+08:00"),
    body: body({
      regionCode: "420281", occurredAt: "2026-10-14T09:20:00+08:00", industryCode: "10", accidentType: "11",
      summary: "-220m 中段采场顶板局部冒落，一名支护工被埋压，经抢救无效死亡，另一人重伤",
      scene: "大冶市矿山路18号 二号竖井 -220m 中段 3 号采场", deaths: 1, seriousInjuries: 1, injuries: 2, directLossYuan: 1_800_000,
      measuresTaken: "停止该中段作业，撤出人员，组织救援并封闭现场",
    }),
  });
  const fwd = applyForward(first.record, {}, county, at("2026-10-14T10:40:00+08:00"));
  const upd = applyUpdate(fwd.record, { note: "续报：重伤人员病情稳定，直接经济损失核定为 185 万元", directLossYuan: 1_850_000 }, county, at("2026-10-15T09:30:00+08:00"));
  const closed = applyClose(
    upd.record,
    { cause: "采场顶板浮石未及时处理，支护不到位", enterpriseResponsible: true, handling: "对企业罚款 50 万元，责令停产整顿；对矿长、安全矿长依法处理" },
    undefined,
    county,
    at("2026-11-20T15:00:00+08:00"),
  );
  return reportItems(closed, [first.version, upd.version]);
}

function a002() {
  const e = enterprise("01JDEM0000000000000000E001");
  const county = regulator("420102", "demo-county-regulator");
  const first = newReport({
    id: DEMO_ACCIDENT_IDS[1],
    enterprise: e,
    actor: asEnterprise(e),
    now: at("2026-11-28T15:40:00+08:00"),
    body: body({
      regionCode: "420102", occurredAt: "2026-11-28T14:05:00+08:00", knownAt: "2026-11-28T14:15:00+08:00", industryCode: "26", accidentType: "19",
      summary: "污水池清淤作业中三名工人硫化氢中毒，两人死亡，一人失踪（疑落入池底）", scene: "江岸区化工路8号 厂区东侧污水处理池",
      deaths: 2, missing: 1, seriousInjuries: 2, injuries: 1, directLossYuan: 3_200_000,
      measuresTaken: "停止受限空间作业，强制通风，消防队搜救",
    }),
  });
  const fwd = applyForward(first.record, {}, county, at("2026-11-28T16:30:00+08:00"));
  const upd = applyUpdate(fwd.record, { note: "续报：失踪人员已找到，确认死亡", deaths: 3, missing: 0 }, county, at("2026-11-29T09:00:00+08:00"));
  return reportItems(upd.record, [first.version, upd.version]);
}

function a003() {
  const xiantao = regulator("429004", "demo-regulator-429004");
  const e = enterprise("01JDEM0000000000000000E005");
  const first = newReport({
    id: DEMO_ACCIDENT_IDS[2],
    enterprise: e,
    actor: xiantao,
    now: at("2026-11-25T12:10:00+08:00"),
    body: body({
      regionCode: "429004", occurredAt: "2026-11-25T10:30:00+08:00", industryCode: "E", accidentType: "09",
      summary: "外墙脚手架作业人员未系安全带从 5 层坠落死亡", scene: "仙桃市建设路66号 在建住宅楼 3 号楼", deaths: 1, directLossYuan: 1_200_000,
    }),
  });
  return reportItems(first.record, [first.version]);
}

export async function seed(): Promise<number> {
  return seedItems([...a001(), ...a002(), ...a003()]);
}
