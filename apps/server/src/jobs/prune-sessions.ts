import { type CoreContext, pruneSessions } from "@lumen/core";
import type { JobDefinition } from "./job-runner.ts";

/** Hourly: ended operator sessions past their retention are deleted. */
export const pruneSessionsJob = (core: CoreContext): JobDefinition => ({
  name: "prune-sessions",
  cron: "17 * * * *",
  handler: () => pruneSessions(core),
});
