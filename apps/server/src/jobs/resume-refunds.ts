import { type CoreContext, type ProviderRefund, resumeRefunds } from "@lumen/core";
import type { JobDefinition } from "./job-runner.ts";

/** How long a refund may stay half done before the job takes it on (a live request may be finishing it). */
const STUCK_AFTER_MS = 5 * 60_000;

/** Every five minutes: refunds a crash or a provider error left half done are finished. */
export const resumeRefundsJob = (deps: {
  core: CoreContext;
  refundAtProvider: ProviderRefund;
}): JobDefinition => ({
  name: "resume-refunds",
  cron: "*/5 * * * *",
  async handler() {
    const result = await resumeRefunds(deps.core, deps.refundAtProvider, { olderThanMs: STUCK_AFTER_MS });
    return { checked: result.checked, settled: result.settled, failed: result.failed };
  },
});
