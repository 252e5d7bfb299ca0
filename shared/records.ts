// Stored records are read back through the schema that defines them, so an item that does not
// match (hand-edited, half-migrated, written by an older version) stops the request with a logged
// 500 naming its key, instead of flowing into an answer as if it were well-formed.
import type * as z from "zod/mini";
import { type Item, strip } from "./db.js";

export class MalformedRecord extends Error {
  constructor(
    readonly key: { pk: unknown; sk: unknown },
    readonly problems: string[],
  ) {
    super(`stored item pk=${String(key.pk)} sk=${String(key.sk)} does not match its record schema: ${problems.join("; ")}`);
    this.name = "MalformedRecord";
  }
}

/** The record an item holds (keys and index attributes stripped), checked against its schema. */
export function parseRecord<S extends z.ZodMiniType>(schema: S, item: Item): z.infer<S> {
  const res = schema.safeParse(strip(item));
  if (res.success) return res.data as z.infer<S>;
  throw new MalformedRecord(
    { pk: item.pk, sk: item.sk },
    res.error.issues.map((i) => `${i.path.join(".") || "(record)"}: ${i.message}`),
  );
}
