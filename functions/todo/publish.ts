// Where reminders go: one SNS topic for the whole province. Each message carries the region chain
// of its record (province, city, county) as a String.Array attribute, so an SMS or e-mail
// subscription with a filter policy such as {"regions": ["420607"]} receives exactly its region's
// reminders — the effect of a topic per region without 120 topics (README, "Reminders").
// Without a topic (the local stack) the message is logged instead.
import { PublishCommand, SNSClient } from "@aws-sdk/client-sns";
import { env } from "../../shared/env.js";
import { logger } from "../../shared/logger.js";

export interface Reminder {
  message: string;
  /** The record's region and every level above it, e.g. ["420000", "420600", "420607"]. */
  regions: string[];
  kind: string;
  enterpriseId?: string;
}

let client: SNSClient | undefined;

export async function publish(r: Reminder): Promise<void> {
  const topicArn = env.reminderTopicArn;
  if (!topicArn) {
    logger.info("reminder", { reminder: r });
    return;
  }
  client ??= new SNSClient({ region: env.region });
  await client.send(
    new PublishCommand({
      TopicArn: topicArn,
      Message: r.message,
      MessageAttributes: {
        regions: { DataType: "String.Array", StringValue: JSON.stringify(r.regions) },
        kind: { DataType: "String", StringValue: r.kind },
        ...(r.enterpriseId ? { enterpriseId: { DataType: "String", StringValue: r.enterpriseId } } : {}),
      },
    }),
  );
}
