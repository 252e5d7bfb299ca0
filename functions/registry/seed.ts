// Demo enterprises for the local stack (fixed ids so demo tokens can name them).
import type { Item } from "../../shared/db.js";
import { seedItems } from "../../shared/seeding.js";
import { derivedEnterpriseFields } from "./rules.js";
import type { Enterprise } from "./schemas.js";
import { enterpriseItem, usccClaimItem } from "./store.js";

const AT = "2026-01-05T01:00:00.000Z";

function demo(id: string, name: string, uscc: string, regionCode: string, industryCode: string, address: string, scale: Enterprise["scale"]): Enterprise {
  return {
    id, name, uscc, regionCode, address, industryCode, scale,
    contact: { name: "安全管理员", phone: "027-87654321" },
    ...derivedEnterpriseFields(regionCode, industryCode),
    version: 1, createdAt: AT, createdBy: "seed", updatedAt: AT,
  };
}

/** Demo ids are valid ULIDs (Crockford base32, 26 characters). */
export const DEMO_ENTERPRISES: Enterprise[] = [
  demo("01JDEM0000000000000000E001", "武汉江岸精细化工有限公司", "91420102MA4K00002U", "420102", "26", "武汉市江岸区化工路8号", "medium"),
  demo("01JDEM0000000000000000E002", "黄石大冶非煤矿业有限公司", "91420281MA4K00002E", "420281", "10", "黄石市大冶市矿山路18号", "large"),
  demo("01JDEM0000000000000000E003", "十堰郧阳烟花爆竹批发有限公司", "91420304MA4K000023", "420304", "F", "十堰市郧阳区城关镇商贸路3号", "small"),
  demo("01JDEM0000000000000000E004", "宜昌夷陵冶金铸造有限公司", "91420506MA4K00002A", "420506", "31", "宜昌市夷陵区工业园2号", "large"),
  demo("01JDEM0000000000000000E005", "仙桃建筑工程有限公司", "91429004MA4K000023", "429004", "E", "仙桃市建设路66号", "medium"),
];

export async function seed(): Promise<number> {
  const items: Item[] = [];
  for (const e of DEMO_ENTERPRISES) {
    items.push(usccClaimItem(e), enterpriseItem(e));
  }
  return seedItems(items);
}
