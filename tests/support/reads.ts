// Counts the DynamoDB commands sent through the real client (shared/db.ts) while `work` runs:
// SDK middleware on the one document client, no mock. Test-only.
import { db } from "../../shared/db.js";

export interface SentCommand {
  name: string;
  /** The partition a Query or GetItem named, when it named one. */
  pk?: string;
}

export async function countCommands<T>(work: () => Promise<T>): Promise<{ result: T; commands: string[]; sent: SentCommand[] }> {
  const sent: SentCommand[] = [];
  const name = `count-${Math.random().toString(36).slice(2)}`;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ExpressionAttributeValues?: Record<string, unknown>; Key?: { pk?: unknown } };
      const pk = input.ExpressionAttributeValues?.[":pk"] ?? input.Key?.pk;
      sent.push({ name: String(context.commandName), ...(typeof pk === "string" ? { pk } : {}) });
      return next(args);
    },
    { step: "initialize", name },
  );
  try {
    const result = await work();
    return { result, commands: sent.map((s) => s.name), sent };
  } finally {
    db().middlewareStack.remove(name);
  }
}

/** The partition key of every item written (Put, Update, Delete, alone or in a transaction) while `work` runs. */
export async function recordWrites<T>(work: () => Promise<T>): Promise<{ result: T; partitions: string[] }> {
  const partitions: string[] = [];
  const name = `writes-${Math.random().toString(36).slice(2)}`;
  const pkOf = (op: { Item?: { pk?: unknown }; Key?: { pk?: unknown } } | undefined) => op?.Item?.pk ?? op?.Key?.pk;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as {
        TransactItems?: { Put?: { Item?: { pk?: unknown } }; Update?: { Key?: { pk?: unknown } }; Delete?: { Key?: { pk?: unknown } } }[];
        Item?: { pk?: unknown };
        Key?: { pk?: unknown };
      };
      const command = String(context.commandName);
      const found =
        command === "TransactWriteItemsCommand"
          ? (input.TransactItems ?? []).map((t) => pkOf(t.Put ?? t.Update ?? t.Delete))
          : ["PutItemCommand", "UpdateItemCommand", "DeleteItemCommand"].includes(command)
            ? [pkOf(input)]
            : [];
      for (const pk of found) if (typeof pk === "string") partitions.push(pk);
      return next(args);
    },
    { step: "initialize", name },
  );
  try {
    return { result: await work(), partitions };
  } finally {
    db().middlewareStack.remove(name);
  }
}
