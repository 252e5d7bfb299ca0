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
