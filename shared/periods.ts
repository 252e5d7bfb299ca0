// The period index: how scheduled roll-ups read "everything of one month" without reading
// history. Every record a roll-up counts carries gsi4 keys made here:
//
//   gsi4pk  <KIND>#<YYYY-MM>#<cityCode>     (Asia/Shanghai month of the record's business date;
//                                           sharded by city so a quarter-end peak spreads
//                                           over 17 partitions)
//   gsi4sk  <countyCode>#<id>
//
// Kinds, and whose records they are:
//   ACC     accidents (month of occurredAt)                      functions/accidents
//   HAZ     hazards (month of discoveredAt)                      functions/hazards
//   INSP    enforcement inspections (month of the inspection)    functions/hazards
//   FILING  hazard filings (month filed)                         functions/hazards
//   APPDEC  approval decisions (month decided)                   functions/approvals
//   LICEVT  licence status events (month of the event)           functions/approvals
//   VIOL    violation records (month of the decision)            functions/credit
//
// What a roll-up may rely on (attributes every record of the kind carries, besides id,
// regionCode (county-level), enterpriseId where there is one):
//   ACC     occurredAt, grade, deaths, missing, seriousInjuries, injuries, directLossYuan,
//           industryCode, accidentType, roadTraffic, fire, status ("open"|"closed"),
//           enterpriseResponsible? (set at closure), concealed? (confirmed 瞒报/谎报),
//           statisticalDeaths (deaths + missing counted dead after the 30/7-day window; kept fresh daily),
//           unreportedByUnit (recorded by others; the unit did not report within 1 hour)
//   HAZ     level, status, source, discoveredAt, rectifyBy, rectifiedAt?, closedAt?,
//           supervision? ({ deadline, productionSuspended, ... } when 挂牌督办)
//   INSP    date, findingsCount
//   FILING  period ("2026Q3" | "2026"), filedAt, late (boolean)
//   APPDEC  itemCode, decision ("approved"|"refused"), decidedOn, dueDate, withinLimit (boolean)
//   LICEVT  licenceNumber, itemCode, event ("suspended"|"restored"|"revoked"|"cancelled"|"issued"|"renewed"), at, cause ("penalty"|"major_hazard", on suspensions and revocations)
//   VIOL    date, penaltyKind, amountYuan
import { CITY_CODES, cityOf, countyOf } from "./codes/index.js";
import { queryAll, type Item } from "./db.js";
import { shanghaiDate } from "./time.js";

export type PeriodKind = "ACC" | "HAZ" | "INSP" | "FILING" | "APPDEC" | "LICEVT" | "VIOL";

/** `YYYY-MM` of an instant or a date, in Asia/Shanghai. */
export function monthOf(value: string): string {
  return (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : shanghaiDate(value)).slice(0, 7);
}

export function periodIndexKeys(kind: PeriodKind, businessDate: string, regionCode: string, id: string): { gsi4pk: string; gsi4sk: string } {
  const city = cityOf(regionCode) ?? regionCode;
  return { gsi4pk: `${kind}#${monthOf(businessDate)}#${city}`, gsi4sk: `${countyOf(regionCode)}#${id}` };
}

/** Every record of a kind in one month, for one city or (default) the whole province. */
export async function readMonth<T extends Item = Item>(kind: PeriodKind, month: string, cityCode?: string): Promise<T[]> {
  const cities = cityCode ? [cityCode] : CITY_CODES();
  const parts = await Promise.all(cities.map((c) => queryAll<T>({ index: "gsi4", pk: `${kind}#${month}#${c}` })));
  return parts.flat();
}

/**
 * Every item of a kind in these months (`YYYY-MM`) across the province, as stored: the owning
 * context's store parses them with its record's schema.
 */
export async function readMonths(kind: PeriodKind, months: readonly string[]): Promise<Item[]> {
  return (await Promise.all(months.map((m) => readMonth(kind, m)))).flat();
}
