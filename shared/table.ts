// The one table, described once as data: CDK creates it from this in AWS and the local
// stack / test setup create it from this on DynamoDB Local. Keys are generic; each context
// documents its own key patterns next to its store.ts.

export const TABLE_NAME_DEFAULT = "safety-main";

export const TABLE_KEYS = { partitionKey: "pk", sortKey: "sk" } as const;

/** Global secondary indexes, all projecting ALL attributes. */
export const TABLE_INDEXES = [
  { name: "gsi1", partitionKey: "gsi1pk", sortKey: "gsi1sk" },
  { name: "gsi2", partitionKey: "gsi2pk", sortKey: "gsi2sk" },
  { name: "gsi3", partitionKey: "gsi3pk", sortKey: "gsi3sk" },
  { name: "gsi4", partitionKey: "gsi4pk", sortKey: "gsi4sk" },
] as const;

export type IndexName = (typeof TABLE_INDEXES)[number]["name"];

/** Epoch seconds after which DynamoDB may delete the item (idempotency records only). */
export const TTL_ATTRIBUTE = "expiresAt";

/** Attributes that are storage plumbing, never part of an API response. */
export const KEY_ATTRIBUTES = [
  "pk",
  "sk",
  ...TABLE_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey]),
  TTL_ATTRIBUTE,
  "entity",
] as const;
