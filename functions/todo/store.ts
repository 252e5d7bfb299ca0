// Reminder records: one per item and deadline, so a reminder is published once across runs and
// retries (the conditional put wins once). A later deadline of the same record is a new sort key.
//
// Access patterns (key prefix REMIND, unique to this context):
//   reminder of a record           pk REMIND#<kind>#<recordId>   sk <deadline ISO UTC>
//                                  (expires 30 days after the deadline: TTL on expiresAt)
import { auditWrite } from "../../shared/audit.js";
import { deleteItem, putNew, transact } from "../../shared/db.js";
import { conflict } from "../../shared/errors.js";
import type { Actor } from "../../shared/policy.js";
import { TTL_ATTRIBUTE } from "../../shared/table.js";
import type { TodoItem } from "./rules.js";

const KEEP_AFTER_DEADLINE_S = 30 * 24 * 3600;

export const reminderKey = (i: Pick<TodoItem, "kind" | "record" | "deadline">) => ({ pk: `REMIND#${i.kind}#${i.record.id}`, sk: i.deadline });

export const alreadyReminded = () => conflict("already_reminded", { zh: "已提醒过", en: "already reminded" });

/** Claims the reminder of an item (a 409 ApiError when an earlier run did), with its audit record. */
export async function claimReminder(i: TodoItem, actor: Actor, requestId: string, now: Date): Promise<void> {
  await transact([
    putNew(
      { ...reminderKey(i), entity: "reminder", kind: i.kind, recordId: i.record.id, deadline: i.deadline, remindedAt: now.toISOString(), [TTL_ATTRIBUTE]: Math.floor(Date.parse(i.deadline) / 1000) + KEEP_AFTER_DEADLINE_S },
      alreadyReminded(),
    ),
    auditWrite({ action: "reminder.publish", entityType: i.record.type, entityId: i.record.id, regionCode: i.regionCode ?? "420000", ...(i.enterpriseId ? { enterpriseId: i.enterpriseId } : {}), summary: { kind: i.kind, deadline: i.deadline } }, actor, requestId, now),
  ]);
}

/** Gives a claim back when publishing failed, so the next run or retry publishes it. */
export async function releaseReminder(i: TodoItem): Promise<void> {
  const k = reminderKey(i);
  await transact([deleteItem(k.pk, k.sk)]);
}
