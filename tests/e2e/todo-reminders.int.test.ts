// The todo-reminders job through its scheduled entry point (local/scheduler.ts runJob, as `npm start`
// and `npm run job` run it) on DynamoDB Local: a due-soon item is published once however often the job
// runs, and again when the same record gets a later deadline. Locally there is no SNS topic, so the
// publisher logs; the job's result lists what it published. Uses county 420624 南漳 (see todo.int.test.ts).
import { describe, expect, it } from "vitest";
import { JOBS } from "../../functions/schedule.js";
import { runJob } from "../../local/scheduler.js";
import { useApi } from "../support/api.js";
import { STATE_COUNCIL_CALENDARS } from "../../functions/approvals/calendar-data.js";
import { acceptanceNoticeDeadline } from "../../functions/approvals/rules.js";
import { shanghaiEndOf } from "../../shared/time.js";
import { newEnterprise, regulator, submitApplication } from "../support/hazards.js";

const api = useApi();
const spec = JOBS.find((j) => j.name === "todo-reminders");
const MIN = 60_000;
// A run reads every county's partitions of the province (a few hundred queries on DynamoDB Local).
const RUNS_TIMEOUT = 180_000;

interface Published {
  kind: string;
  recordId: string;
  deadline: string;
  regions: string[];
}
async function run(asOf: Date): Promise<{ published: Published[]; alreadyReminded: number }> {
  if (!spec) throw new Error("no todo-reminders job in functions/schedule.ts");
  return (await runJob(spec, { asOf: asOf.toISOString() })) as never;
}
const of = (r: { published: Published[] }, id: string) => r.published.filter((p) => p.recordId === id);

describe("todo-reminders: once per item and deadline", () => {
  it("an accident waiting to be forwarded is reminded once within the hour before its deadline, and again for the next level's deadline", async () => {
    const e = await newEnterprise(api, { regionCode: "420624" });
    const res = await api.call("POST", "/v1/accidents", {
      as: e.as,
      body: { regionCode: "420624", occurredAt: new Date(Date.now() - 5 * MIN).toISOString(), industryCode: "26", accidentType: "17", summary: "储罐爆裂三人死亡", scene: "罐区", deaths: 3, missing: 0, seriousInjuries: 0, injuries: 0, directLossYuan: 2_000_000, measuresTaken: "已疏散" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const a = res.body;
    const countyDue = new Date(a.pending.dueAt);

    // Two hours ahead: not yet due soon.
    expect(of(await run(new Date(countyDue.getTime() - 90 * MIN)), a.id)).toEqual([]);

    const soon = new Date(countyDue.getTime() - 40 * MIN);
    const first = await run(soon);
    expect(of(first, a.id)).toEqual([{ kind: "accident_forward", recordId: a.id, deadline: countyDue.toISOString(), regions: ["420000", "420600", "420624"] }]);
    // A second run, and an overlapping retry at the same instant: nothing again.
    const [second, retry] = await Promise.all([run(new Date(soon.getTime() + 10 * MIN)), run(soon)]);
    expect(of(second, a.id)).toEqual([]);
    expect(of(retry, a.id)).toEqual([]);
    expect(second.alreadyReminded + retry.alreadyReminded).toBeGreaterThanOrEqual(2);

    // The county forwards: the city now holds it with its own 2-hour deadline, a new reminder.
    const fwd = await api.call("POST", `/v1/accidents/${a.id}/forward`, { as: regulator("420624"), body: {} });
    expect(fwd.status, JSON.stringify(fwd.body)).toBe(200);
    const cityDue = new Date(fwd.body.pending.dueAt);
    expect(cityDue.getTime()).not.toBe(countyDue.getTime());
    const third = await run(new Date(cityDue.getTime() - 30 * MIN));
    expect(of(third, a.id)).toEqual([{ kind: "accident_forward", recordId: a.id, deadline: cityDue.toISOString(), regions: ["420000", "420600", "420624"] }]);
    expect(of(await run(new Date(cityDue.getTime() - 20 * MIN)), a.id)).toEqual([]);
  }, RUNS_TIMEOUT);

  it("a past deadline is not reminded (the to-do list shows it overdue instead)", async () => {
    const e = await newEnterprise(api, { regionCode: "420624" });
    const res = await api.call("POST", "/v1/accidents", {
      as: e.as,
      body: { regionCode: "420624", occurredAt: new Date(Date.now() - 5 * MIN).toISOString(), industryCode: "26", accidentType: "03", summary: "输送机卷入", scene: "车间", deaths: 0, missing: 0, seriousInjuries: 1, injuries: 0, directLossYuan: 10_000, measuresTaken: "已送医" },
    });
    expect(res.status).toBe(201);
    expect(of(await run(new Date(Date.parse(res.body.pending.dueAt) + MIN)), res.body.id)).toEqual([]);
  }, RUNS_TIMEOUT);

  it("an application waiting for its acceptance notice is reminded once, within 48 hours of the notice's last day (行政许可法 art.32)", async () => {
    const e = await newEnterprise(api, { regionCode: "420624" });
    const app = await submitApplication(api, e);
    const due = shanghaiEndOf(acceptanceNoticeDeadline(app.submittedOn, STATE_COUNCIL_CALENDARS).date);
    const HOUR = 60 * MIN;
    expect(of(await run(new Date(due.getTime() - 72 * HOUR)), app.id)).toEqual([]);
    const first = await run(new Date(due.getTime() - 24 * HOUR));
    expect(of(first, app.id)).toEqual([{ kind: "application", recordId: app.id, deadline: due.toISOString(), regions: ["420000", "420600", "420624"] }]);
    expect(of(await run(new Date(due.getTime() - 23 * HOUR)), app.id)).toEqual([]);
  }, RUNS_TIMEOUT);
});
