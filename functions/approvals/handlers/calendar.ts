// The State Council working-day calendars the statutory clocks count on: public to read, the
// province administrator keeps them (a year with none falls back to weekends and says so).
import { diff } from "../../../shared/audit.js";
import { HUBEI_PROVINCE_CODE } from "../../../shared/codes/index.js";
import { invalidFields, staleVersion } from "../../../shared/errors.js";
import { etag, expectedVersion, type Impl } from "../../../shared/http.js";
import type { routes } from "../routes.js";
import { validateYearCalendar } from "../rules.js";
import type { CalendarRecord } from "../schemas.js";
import { requireProvinceAdmin } from "../service.js";
import { calendarWrite, loadCalendars } from "../store.js";

type R = typeof routes;

export const getCalendar: Impl<R["getCalendar"]> = async ({ params }) => {
  const stored = (await loadCalendars()).find((c) => c.year === params.year);
  if (!stored) {
    return {
      body: {
        year: params.year,
        holidays: [],
        makeUpWorkdays: [],
        source: null,
        fallback: true,
        note: `No State Council calendar is stored for ${params.year}: only weekends are rest days until an administrator adds it (未录入国务院节假日安排，按周末计算)`,
      },
    };
  }
  const { updatedBy: _b, ...rest } = stored;
  return { body: { ...rest, fallback: false }, headers: { etag: etag(stored.version) } };
};

export const putCalendar: Impl<R["putCalendar"]> = async ({ params, body, actor, headers, now }) => {
  requireProvinceAdmin(actor);
  const cal = { year: params.year, holidays: [...body.holidays].sort(), makeUpWorkdays: [...body.makeUpWorkdays].sort(), source: body.source };
  const errors = validateYearCalendar(cal);
  if (errors.length > 0) throw invalidFields("body", errors);
  const before = (await loadCalendars()).find((c) => c.year === params.year);
  let expected: number | undefined;
  if (before) {
    expected = expectedVersion(headers);
    if (before.version !== expected) throw staleVersion();
  }
  const after: CalendarRecord = { ...cal, version: (before?.version ?? 0) + 1, updatedAt: now.toISOString(), updatedBy: actor.userId };
  const { updatedBy: _b, ...out } = after;
  return {
    status: before ? 200 : 201,
    body: { ...out, fallback: false },
    headers: { etag: etag(after.version) },
    writes: [calendarWrite(after, expected)],
    audit: [
      {
        action: before ? "calendar.update" : "calendar.create",
        entityType: "calendar",
        entityId: `calendar-${params.year}`,
        regionCode: HUBEI_PROVINCE_CODE,
        summary: before ? diff({ holidays: before.holidays, makeUpWorkdays: before.makeUpWorkdays, source: before.source }, cal) : { holidays: cal.holidays.length, makeUpWorkdays: cal.makeUpWorkdays.length },
      },
    ],
  };
};
