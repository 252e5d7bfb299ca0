import { describe, expect, it } from "vitest";
import { Cron } from "croner";
import { JOBS } from "../functions/schedule.js";
import { toCroner } from "./scheduler.js";

describe("EventBridge cron → local cron", () => {
  it.each([
    ["0 1 * * ? *", "0 1 * * *"],
    ["0 2 16 1,4,7,10 ? *", "0 2 16 1,4,7,10 *"],
    ["30 8 ? * 2 *", "30 8 * * 1"],
  ])("%s → %s", (aws, local) => expect(toCroner(aws)).toBe(local));
});

describe("every job's schedule", () => {
  // croner refuses some forms EventBridge accepts (e.g. "0/15"): `npm start` would not start.
  it.each(JOBS.map((j) => [j.name, j.cron]))("%s (%s) runs locally too", (_name, cron) => {
    const c = new Cron(toCroner(cron), { timezone: "Asia/Shanghai", paused: true });
    expect(c.nextRun()).toBeInstanceOf(Date);
    c.stop();
  });
});
