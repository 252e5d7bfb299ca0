// Counts the DynamoDB commands sent through the real client (shared/db.ts) while `work` runs:
// SDK middleware on the one document client, no mock. Test-only.
import { db } from "../../shared/db.js";

export async function countCommands<T>(work: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
  const commands: string[] = [];
  const name = `count-${Math.random().toString(36).slice(2)}`;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name },
  );
  try {
    return { result: await work(), commands };
  } finally {
    db().middlewareStack.remove(name);
  }
}
