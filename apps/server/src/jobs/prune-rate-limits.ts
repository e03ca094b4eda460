import { type CoreContext, pruneRateLimits } from "@lumen/core";
import type { JobDefinition } from "./job-runner.ts";

/** Hourly: rate-limit counters of windows that have ended are deleted. */
export const pruneRateLimitsJob = (core: CoreContext): JobDefinition => ({
  name: "prune-rate-limits",
  cron: "23 * * * *",
  handler: async () => ({ deleted: await pruneRateLimits(core) }),
});
