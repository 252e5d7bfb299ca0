import { describe, expect, it } from "vitest";
import { toCroner } from "./scheduler.js";

describe("EventBridge cron → local cron", () => {
  it.each([
    ["0 1 * * ? *", "0 1 * * *"],
    ["0 2 16 1,4,7,10 ? *", "0 2 16 1,4,7,10 *"],
    ["30 8 ? * 2 *", "30 8 * * 1"],
  ])("%s → %s", (aws, local) => expect(toCroner(aws)).toBe(local));
});
