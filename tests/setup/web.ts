// The browser tests' stack: `npm start` itself in a child process (local/child-stack.ts), so the
// console is built if stale and served with the real API, DynamoDB Local, s3rver and seed data
// exactly as a developer sees it, on storage of its own.
import type { TestProject } from "vitest/node";
import { spawnLocalStack } from "../../local/child-stack.js";

declare module "vitest" {
  export interface ProvidedContext {
    webUrl: string;
    /** The stack's storage ports, for running a scheduled job against it (local/job.ts). */
    webStorage: { dynamoPort: number; s3Port: number };
  }
}

export default async function setup(project: TestProject) {
  const stack = await spawnLocalStack();
  project.provide("webUrl", stack.url);
  project.provide("webStorage", { dynamoPort: stack.dynamoPort, s3Port: stack.s3Port });
  return () => stack.stop();
}
