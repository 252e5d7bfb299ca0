// Business time is Asia/Shanghai (UTC+8, no DST since 1991).
import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_MS, isInFuture, periodOfDaysEnd, renderShanghai, shanghaiDate, shanghaiQuarter } from "./time.js";

describe("Asia/Shanghai dates and quarters", () => {
  it("an instant after 16:00Z is the next Shanghai day", () => {
    expect(shanghaiDate("2026-09-30T15:59:59Z")).toBe("2026-09-30");
    expect(shanghaiDate("2026-09-30T16:00:00Z")).toBe("2026-10-01");
  });
  it("quarters follow the Shanghai date, for instants and dates alike", () => {
    expect(shanghaiQuarter("2026-09-30T15:59:59Z")).toBe("2026Q3");
    expect(shanghaiQuarter("2026-09-30T16:00:00Z")).toBe("2026Q4");
    expect(shanghaiQuarter("2026-01-01")).toBe("2026Q1");
    expect(shanghaiQuarter("2026-12-31")).toBe("2026Q4");
  });
});

describe("not in the future, with the tolerated clock drift", () => {
  const now = new Date("2026-11-30T02:00:00Z");
  it("up to the drift is accepted, beyond it is the future", () => {
    expect(isInFuture(new Date(now.getTime() + CLOCK_SKEW_MS), now)).toBe(false);
    expect(isInFuture(new Date(now.getTime() + CLOCK_SKEW_MS + 1), now)).toBe(true);
    expect(isInFuture("2026-11-30T10:00:30+08:00", now)).toBe(false);
    expect(isInFuture("2026-11-30T10:01:01+08:00", now)).toBe(true);
  });
});

describe("periods of days (民法典 arts. 201, 203)", () => {
  // [from, days, end of the period (24:00 Asia/Shanghai of the last day, written as the next instant)]
  it.each([
    // art. 201: the accident's own day is not counted; 30 days from 1 March end with 31 March.
    ["2026-03-01T08:00:00+08:00", 30, "2026-04-01T00:00:00.000+08:00"],
    // a start just before midnight is still the same day
    ["2026-03-01T23:59:59+08:00", 30, "2026-04-01T00:00:00.000+08:00"],
    // 17:00Z on 1 March is 01:00 on 2 March in Shanghai: counting starts on 3 March
    ["2026-03-01T17:00:00Z", 30, "2026-04-02T00:00:00.000+08:00"],
    // 7 days (road traffic, fire) from 1 July end with 8 July
    ["2026-07-01T08:00:00+08:00", 7, "2026-07-09T00:00:00.000+08:00"],
    // across the year end and a leap day
    ["2027-12-20T10:00:00+08:00", 30, "2028-01-20T00:00:00.000+08:00"],
    ["2028-02-01T10:00:00+08:00", 29, "2028-03-02T00:00:00.000+08:00"],
    // zero days: the period is the rest of the start day
    ["2026-03-01T08:00:00+08:00", 0, "2026-03-02T00:00:00.000+08:00"],
  ] as const)("from %s, %i days → ends at %s", (from, days, end) => {
    expect(renderShanghai(periodOfDaysEnd(from, days))).toBe(end);
  });

  it("art. 203: the last day runs to its 24:00: 12:00 and 23:59:59.999 are inside, 24:00 is not", () => {
    const end = periodOfDaysEnd("2026-03-01T08:00:00+08:00", 30).getTime();
    expect(Date.parse("2026-03-31T12:00:00+08:00") < end).toBe(true);
    expect(Date.parse("2026-03-31T23:59:59.999+08:00") < end).toBe(true);
    expect(Date.parse("2026-04-01T00:00:00+08:00") < end).toBe(false);
  });

  it("refuses a negative or fractional number of days", () => {
    expect(() => periodOfDaysEnd("2026-03-01T08:00:00+08:00", -1)).toThrow(RangeError);
    expect(() => periodOfDaysEnd("2026-03-01T08:00:00+08:00", 1.5)).toThrow(RangeError);
  });
});
