// IDs are ULIDs: unique without coordination and sortable by creation time, so
// "newest first" is a key order, not a sort.
import { monotonicFactory } from "ulid";

const next = monotonicFactory();

export function newId(): string {
  return next();
}
