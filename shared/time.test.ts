// Business time is Asia/Shanghai (UTC+8, no DST since 1991).
import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_MS, isInFuture, shanghaiDate, shanghaiQuarter } from "./time.js";

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
