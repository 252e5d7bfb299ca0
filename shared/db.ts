// Table access shared by every context: one document client, typed queries with cursor
// pagination, and transactions whose condition failures become meaningful HTTP errors.
import { DynamoDBClient, type CancellationReason, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from "@aws-sdk/lib-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import { regionLevel } from "./codes/index.js";
import { env } from "./env.js";
import { ApiError, badRequest, staleVersion } from "./errors.js";
import { type IndexName, KEY_ATTRIBUTES, TABLE_INDEXES } from "./table.js";

export type Item = Record<string, unknown>;

let client: DynamoDBDocumentClient | undefined;
let clientEndpoint: string | undefined;

/** One client per process; rebuilt only if the endpoint changes (local tools that restart DynamoDB Local). */
export function db(): DynamoDBDocumentClient {
  if (!client || clientEndpoint !== env.dynamoEndpoint) {
    const endpoint = env.dynamoEndpoint;
    clientEndpoint = endpoint;
    const base = new DynamoDBClient({
      region: env.region,
      ...(endpoint ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
      maxAttempts: 4,
    });
    client = DynamoDBDocumentClient.from(base, {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return client;
}

/** Removes storage plumbing (keys, index keys, TTL) so an item can be returned to a client. */
export function strip<T extends Item>(item: T): Omit<T, (typeof KEY_ATTRIBUTES)[number]> {
  const out: Item = { ...item };
  for (const k of KEY_ATTRIBUTES) delete out[k];
  return out as Omit<T, (typeof KEY_ATTRIBUTES)[number]>;
}

export async function getItem<T extends Item = Item>(pk: string, sk: string, consistent = false): Promise<T | undefined> {
  const res = await db().send(new GetCommand({ TableName: env.tableName, Key: { pk, sk }, ConsistentRead: consistent }));
  return res.Item as T | undefined;
}

export const MAX_BATCH_GET = 100;

/**
 * Up to 100 items by key in one BatchGetItem (what DynamoDB takes at once); keys it leaves
 * unprocessed under load are asked again, a few times. Missing items are simply absent.
 */
export async function getItems<T extends Item = Item>(keys: { pk: string; sk: string }[]): Promise<T[]> {
  if (keys.length > MAX_BATCH_GET) throw new Error(`getItems takes at most ${MAX_BATCH_GET} keys`);
  const out: T[] = [];
  let pending: Record<string, unknown>[] = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) {
      if (attempt >= 4) throw new Error("BatchGetItem left keys unprocessed");
      await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    }
    const res = await db().send(new BatchGetCommand({ RequestItems: { [env.tableName]: { Keys: pending } } }));
    out.push(...((res.Responses?.[env.tableName] ?? []) as T[]));
    pending = (res.UnprocessedKeys?.[env.tableName]?.Keys ?? []) as Record<string, unknown>[];
  }
  return out;
}

// ---------- pagination ----------

/** Opaque cursors: base64url JSON. A tampered cursor is a 400, never a 500. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<T>(cursor: string | undefined): T | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (parsed === null || typeof parsed !== "object") throw new Error("not an object");
    return parsed as T;
  } catch {
    throw invalidCursor();
  }
}

export const invalidCursor = () =>
  badRequest("invalid_cursor", { zh: "分页游标无效", en: "the cursor is not valid" }, [{ path: "cursor", message: { zh: "分页游标无效", en: "invalid cursor" } }]);

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface QuerySpec {
  index?: IndexName;
  /** Partition key value (of the table or the index). */
  pk: string;
  /** Sort key condition; omitted means the whole partition. */
  sk?: { beginsWith: string } | { between: [string, string] } | { equals: string } | { gte: string } | { lte: string };
  /** A filter applied after the key condition (still a Query, never a Scan). */
  filter?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };
  limit: number;
  cursor?: string;
  newestFirst?: boolean;
}

function keyNames(index?: IndexName) {
  if (!index) return { pk: "pk", sk: "sk" };
  const def = TABLE_INDEXES.find((i) => i.name === index);
  if (!def) throw new Error(`unknown index ${index}`);
  return { pk: def.partitionKey, sk: def.sortKey };
}

function buildQuery(spec: QuerySpec, startKey: Item | undefined, limit: number): QueryCommandInput {
  const k = keyNames(spec.index);
  const names: Record<string, string> = { "#pk": k.pk, ...(spec.filter?.names ?? {}) };
  const values: Record<string, unknown> = { ":pk": spec.pk, ...(spec.filter?.values ?? {}) };
  let condition = "#pk = :pk";
  if (spec.sk) {
    names["#sk"] = k.sk;
    if ("beginsWith" in spec.sk) {
      condition += " AND begins_with(#sk, :sk)";
      values[":sk"] = spec.sk.beginsWith;
    } else if ("between" in spec.sk) {
      condition += " AND #sk BETWEEN :sk1 AND :sk2";
      values[":sk1"] = spec.sk.between[0];
      values[":sk2"] = spec.sk.between[1];
    } else if ("equals" in spec.sk) {
      condition += " AND #sk = :sk";
      values[":sk"] = spec.sk.equals;
    } else if ("gte" in spec.sk) {
      condition += " AND #sk >= :sk";
      values[":sk"] = spec.sk.gte;
    } else {
      condition += " AND #sk <= :sk";
      values[":sk"] = spec.sk.lte;
    }
  }
  return {
    TableName: env.tableName,
    IndexName: spec.index,
    KeyConditionExpression: condition,
    FilterExpression: spec.filter?.expression,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ExclusiveStartKey: startKey,
    Limit: limit,
    ScanIndexForward: !spec.newestFirst,
  };
}

/** Reads pages until `limit` items are collected (filters can thin a page) or the partition ends. */
export async function query<T extends Item = Item>(spec: QuerySpec): Promise<Page<T>> {
  const items: T[] = [];
  let startKey = decodeCursor<Item>(spec.cursor);
  // Bounded: a filter that matches little must not turn one request into a long crawl.
  for (let round = 0; round < 5; round++) {
    const res = await db()
      .send(new QueryCommand(buildQuery(spec, startKey, spec.limit - items.length)))
      .catch((err: { name?: string }) => {
        // A cursor from another list (other index or filters) names keys this query cannot start from.
        if (spec.cursor && err.name === "ValidationException") throw invalidCursor();
        throw err;
      });
    items.push(...((res.Items ?? []) as T[]));
    startKey = res.LastEvaluatedKey;
    if (!startKey || items.length >= spec.limit) break;
  }
  return { items, nextCursor: startKey ? encodeCursor(startKey) : null };
}

/** Every item of a partition (or key range): for bounded sets such as one period's records. */
export async function queryAll<T extends Item = Item>(spec: Omit<QuerySpec, "limit" | "cursor">): Promise<T[]> {
  const out: T[] = [];
  let startKey: Item | undefined;
  do {
    const res = await db().send(new QueryCommand(buildQuery({ ...spec, limit: 1000 }, startKey, 1000)));
    out.push(...((res.Items ?? []) as T[]));
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  return out;
}

/** A partition of a cross-partition list, with its own key condition or filter where they differ. */
export type Partition = string | { pk: string; sk?: QuerySpec["sk"]; filter?: Filter };

/**
 * Pages across several partitions in order (e.g. the cities of the province), so a
 * province-wide list needs no single hot partition. The cursor remembers which
 * partition it was in and where.
 */
export async function queryAcross<T extends Item = Item>(
  partitions: Partition[],
  spec: Omit<QuerySpec, "pk" | "cursor">,
  cursor?: string,
): Promise<Page<T>> {
  // Nothing to page (a grid without enterprises) is an empty page, not a bad cursor.
  if (partitions.length === 0) return { items: [], nextCursor: null };
  const state = decodeCursor<{ p: number; c?: string }>(cursor) ?? { p: 0 };
  if (!Number.isInteger(state.p) || state.p < 0 || state.p >= partitions.length) throw invalidCursor();
  const items: T[] = [];
  let p = state.p;
  let inner = state.c;
  while (p < partitions.length && items.length < spec.limit) {
    const part = partitions[p] as Partition;
    const own = typeof part === "string" ? { pk: part } : part;
    const page = await query<T>({ ...spec, ...own, cursor: inner, limit: spec.limit - items.length });
    items.push(...page.items);
    if (page.nextCursor) {
      inner = page.nextCursor;
      break;
    }
    p++;
    inner = undefined;
  }
  const more = p < partitions.length;
  return { items, nextCursor: more ? encodeCursor({ p, c: inner }) : null };
}

// ---------- writes ----------

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * One write of a transaction, with the error to raise if its condition fails.
 * Without `onConditionFail` a failed condition is a stale-version 409.
 */
export interface Write {
  op: TransactItem;
  onConditionFail?: Error | ((current: Item | undefined) => Error);
}

const table = () => env.tableName;

/** Creates an item that must not exist yet. */
export function putNew(item: Item, onConditionFail?: Write["onConditionFail"]): Write {
  return {
    op: {
      Put: {
        TableName: table(),
        Item: item,
        ConditionExpression: "attribute_not_exists(pk)",
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      },
    },
    onConditionFail,
  };
}

/** Replaces an item only if nobody changed it since `expectedVersion` was read. */
export function putVersioned(item: Item & { version: number }, expectedVersion: number): Write {
  return {
    op: {
      Put: {
        TableName: table(),
        Item: { ...item, version: expectedVersion + 1 },
        ConditionExpression: "#v = :v",
        ExpressionAttributeNames: { "#v": "version" },
        ExpressionAttributeValues: { ":v": expectedVersion },
      },
    },
    onConditionFail: staleVersion(),
  };
}

/** Unconditional put: only for derived data that is recomputed whole (roll-ups, projections). */
export function putDerived(item: Item): Write {
  return { op: { Put: { TableName: table(), Item: item } } };
}

/**
 * A write's condition, compiled like a Query filter (DynamoDB uses one grammar for both). Its
 * placeholders are `#a<n>`/`:v<n>`; an update expression's own must use other names.
 */
function conditionParts(condition: Condition | undefined) {
  const c = filterOf(condition);
  return { ConditionExpression: c?.expression, names: c?.names, values: c?.values };
}

const merged = <T>(a: Record<string, T> | undefined, b: Record<string, T> | undefined) => (a || b ? { ...a, ...b } : undefined);

export function deleteItem(pk: string, sk: string, condition?: Condition, onConditionFail?: Write["onConditionFail"]): Write {
  const c = conditionParts(condition);
  return {
    op: {
      Delete: {
        TableName: table(),
        Key: { pk, sk },
        ConditionExpression: c.ConditionExpression,
        ExpressionAttributeNames: c.names,
        ExpressionAttributeValues: c.values,
      },
    },
    onConditionFail,
  };
}

/** Asserts something about another item inside the same transaction. */
export function check(pk: string, sk: string, condition: Condition | undefined, onConditionFail: Write["onConditionFail"]): Write {
  if (!condition) throw new Error("a condition check needs a condition");
  const c = conditionParts(condition);
  return {
    op: {
      ConditionCheck: {
        TableName: table(),
        Key: { pk, sk },
        ConditionExpression: c.ConditionExpression as string,
        ExpressionAttributeNames: c.names,
        ExpressionAttributeValues: c.values,
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      },
    },
    onConditionFail,
  };
}

export function update(
  pk: string,
  sk: string,
  expression: string,
  opts: { condition?: Condition; names?: Record<string, string>; values?: Record<string, unknown>; onConditionFail?: Write["onConditionFail"] } = {},
): Write {
  const c = conditionParts(opts.condition);
  return {
    op: {
      Update: {
        TableName: table(),
        Key: { pk, sk },
        UpdateExpression: expression,
        ConditionExpression: c.ConditionExpression,
        ExpressionAttributeNames: merged(opts.names, c.names),
        ExpressionAttributeValues: merged(opts.values, c.values),
        ReturnValuesOnConditionCheckFailure: c.ConditionExpression ? "ALL_OLD" : undefined,
      },
    },
    onConditionFail: opts.onConditionFail,
  };
}

export const MAX_TRANSACTION_ITEMS = 100;

export class TransactionConflict extends Error {
  constructor(
    readonly index: number,
    readonly current: Item | undefined,
  ) {
    super("transaction condition failed");
  }
}

/**
 * Writes all or nothing. A failed condition raises the error its Write names; the
 * first failing write wins (callers put the most telling condition first).
 */
export async function transact(writes: Write[], clientToken?: string): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length > MAX_TRANSACTION_ITEMS) {
    throw new ApiError(413, "too_many_items", {
      zh: `一次请求最多写入 ${MAX_TRANSACTION_ITEMS} 条记录`,
      en: `one request may write at most ${MAX_TRANSACTION_ITEMS} records`,
    });
  }
  // Two transactions on the same item at the same moment can both be cancelled with
  // TransactionConflict (no condition failed). Retrying lets one of them win and the other
  // meet the winner's write through its own condition, so a race ends with one 2xx and a
  // meaningful 409 instead of two 409s.
  for (let attempt = 1; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.op), ClientRequestToken: clientToken }));
      return;
    } catch (err) {
      const reasons = cancellationReasons(err);
      if (!reasons) throw err;
      const index = reasons.findIndex((r) => r.Code === "ConditionalCheckFailed");
      if (index < 0) {
        if (!reasons.some((r) => r.Code === "TransactionConflict")) throw err;
        if (attempt < 4) {
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
          continue;
        }
        throw staleVersion();
      }
      const reason = reasons[index] as CancellationReason;
      const current = reason.Item ? (unmarshall(reason.Item) as Item) : undefined;
      const w = writes[index] as Write;
      if (!w.onConditionFail) throw new TransactionConflict(index, current);
      throw typeof w.onConditionFail === "function" ? w.onConditionFail(current) : w.onConditionFail;
    }
  }
}

function cancellationReasons(err: unknown): CancellationReason[] | undefined {
  if (err instanceof TransactionCanceledException) return err.CancellationReasons ?? [];
  // Some SDK paths surface it by name only.
  if (err && typeof err === "object" && (err as { name?: string }).name === "TransactionCanceledException") {
    return ((err as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? []) as CancellationReason[];
  }
  return undefined;
}

export type Filter = NonNullable<QuerySpec["filter"]>;

// ---------- filters ----------

type Scalar = string | number | boolean;
type Comparison = "=" | "<>" | "<" | "<=" | ">" | ">=";

/**
 * One condition of a Query's filter, built with the constructors below and compiled by
 * `filterOf`, which names every attribute and value itself: no caller writes expression strings.
 */
export type Condition =
  | { kind: "compare"; op: Comparison; attr: string; value: Scalar }
  | { kind: "in"; attr: string; values: readonly Scalar[] }
  | { kind: "between"; attr: string; low: Scalar; high: Scalar }
  | { kind: "function"; name: "begins_with" | "contains" | "attribute_type"; attr: string; value: Scalar }
  | { kind: "presence"; name: "attribute_exists" | "attribute_not_exists"; attr: string }
  | { kind: "all" | "any"; parts: Condition[] }
  | { kind: "not"; part: Condition };

// Each constructor gives undefined when its value is undefined, so optional query
// parameters can be passed straight through and simply drop out of the filter.
const compare = (op: Comparison) => (attr: string, value: Scalar | undefined): Condition | undefined =>
  value === undefined ? undefined : { kind: "compare", op, attr, value };
export const eq = compare("=");
export const ne = compare("<>");
export const lt = compare("<");
export const lte = compare("<=");
export const gt = compare(">");
export const gte = compare(">=");

/** The attribute is one of `values`; no values (or undefined) means no condition. */
export function isIn(attr: string, values: readonly Scalar[] | undefined): Condition | undefined {
  return values && values.length > 0 ? { kind: "in", attr, values } : undefined;
}

/** low ≤ attribute ≤ high. */
export function between(attr: string, low: Scalar | undefined, high: Scalar | undefined): Condition | undefined {
  if (low === undefined && high === undefined) return undefined;
  if (low === undefined) return lte(attr, high);
  if (high === undefined) return gte(attr, low);
  return { kind: "between", attr, low, high };
}

export const beginsWith = (attr: string, prefix: string | undefined): Condition | undefined =>
  prefix === undefined ? undefined : { kind: "function", name: "begins_with", attr, value: prefix };
export const contains = (attr: string, value: string | undefined): Condition | undefined =>
  value === undefined ? undefined : { kind: "function", name: "contains", attr, value };
/** DynamoDB's type of the attribute: "S", "N", "BOOL", "NULL", "M", "L" … */
export const isType = (attr: string, type: string): Condition => ({ kind: "function", name: "attribute_type", attr, value: type });
export const exists = (attr: string): Condition => ({ kind: "presence", name: "attribute_exists", attr });
export const missing = (attr: string): Condition => ({ kind: "presence", name: "attribute_not_exists", attr });

function group(kind: "all" | "any", parts: (Condition | undefined)[]): Condition | undefined {
  const defined = parts.filter((c): c is Condition => c !== undefined);
  if (defined.length <= 1) return defined[0];
  return { kind, parts: defined };
}
export const and = (...parts: (Condition | undefined)[]) => group("all", parts);
export const or = (...parts: (Condition | undefined)[]) => group("any", parts);
export const not = (part: Condition | undefined): Condition | undefined => (part ? { kind: "not", part } : undefined);

/** An industry department's scope: a section letter matches its divisions through `industrySection`. */
export const industryIs = (code: string | undefined) => or(eq("industryCode", code), eq("industrySection", code));

/**
 * Region lists are partitioned by city and keyed by county, so a county's or a township's list
 * still needs the record's own regionCode checked: codes nest as prefixes below the city (a county's
 * six digits begin each of its townships' nine; shared/codes/regions.ts), which is exactly what
 * `coversRegion` in shared/policy.ts allows. Cities and the province need no filter: their
 * partitions hold nothing else.
 */
export function withinRegion(regionCode: string | undefined): Condition | undefined {
  if (!regionCode) return undefined;
  const level = regionLevel(regionCode);
  return level === "county" || level === "township" ? beginsWith("regionCode", regionCode) : undefined;
}

/** The AND of the defined conditions as a Query filter; undefined when none is defined. */
export function filterOf(...conditions: (Condition | undefined)[]): Filter | undefined {
  const all = and(...conditions);
  if (!all) return undefined;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const nameOf = new Map<string, string>();
  const name = (attr: string) => {
    let n = nameOf.get(attr);
    if (!n) {
      n = `#a${nameOf.size}`;
      nameOf.set(attr, n);
      names[n] = attr;
    }
    return n;
  };
  let nextValue = 0;
  const value = (v: Scalar) => {
    const key = `:v${nextValue++}`;
    values[key] = v;
    return key;
  };
  const compile = (c: Condition): string => {
    switch (c.kind) {
      case "compare":
        return `${name(c.attr)} ${c.op} ${value(c.value)}`;
      case "in":
        return `${name(c.attr)} IN (${c.values.map(value).join(", ")})`;
      case "between":
        return `${name(c.attr)} BETWEEN ${value(c.low)} AND ${value(c.high)}`;
      case "function":
        return `${c.name}(${name(c.attr)}, ${value(c.value)})`;
      case "presence":
        return `${c.name}(${name(c.attr)})`;
      case "not":
        return `NOT (${compile(c.part)})`;
      default:
        return c.parts.map((p) => (p.kind === "all" || p.kind === "any" ? `(${compile(p)})` : compile(p))).join(c.kind === "all" ? " AND " : " OR ");
    }
  };
  return { expression: compile(all), names, values };
}

/** How many items a query matches, without holding them (Select COUNT, page by page). */
export async function countAll(spec: Omit<QuerySpec, "limit" | "cursor">): Promise<number> {
  let count = 0;
  let startKey: Item | undefined;
  do {
    const res = await db().send(new QueryCommand({ ...buildQuery({ ...spec, limit: 1000 }, startKey, 1000), Limit: undefined, Select: "COUNT" }));
    count += res.Count ?? 0;
    startKey = res.LastEvaluatedKey;
  } while (startKey);
  return count;
}
