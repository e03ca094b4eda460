import { type CoreContext, pruneEvents } from "@lumen/core";
import type { JobDefinition } from "./job-runner.ts";

/** Daily: analytics events past ANALYTICS_RETENTION_DAYS are deleted. */
export const pruneEventsJob = (core: CoreContext, retentionDays: number): JobDefinition => ({
  name: "prune-events",
  cron: "41 3 * * *",
  handler: async () => ({ deleted: await pruneEvents(core, { retentionDays }) }),
});
