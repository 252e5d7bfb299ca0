// Idempotent seeding of reference and demo data: each item is written only if absent, so
// `npm start` can seed on every start without touching what users changed.
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { db, type Item } from "./db.js";
import { env } from "./env.js";

export async function seedItems(items: Item[]): Promise<number> {
  let written = 0;
  // Small batches in parallel: DynamoDB Local is happy with a few concurrent writes.
  for (let i = 0; i < items.length; i += 16) {
    const batch = items.slice(i, i + 16);
    const results = await Promise.all(
      batch.map((item) =>
        db()
          .send(new PutCommand({ TableName: env.tableName, Item: item, ConditionExpression: "attribute_not_exists(pk)" }))
          .then(() => 1)
          .catch((err: { name?: string }) => {
            if (err.name === "ConditionalCheckFailedException") return 0;
            throw err;
          }),
      ),
    );
    written += results.reduce((a, b) => a + b, 0);
  }
  return written;
}
