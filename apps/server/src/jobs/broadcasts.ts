import {
  type BroadcastSender,
  type CoreContext,
  findDueBroadcasts,
  parseJobPayload,
  queueJob,
  runBroadcast,
  runCampaigns,
} from "@lumen/core";
import type { JobDefinition } from "./job-runner.ts";

/** One run stays well inside pg-boss's job time limit, then hands over to a fresh job. */
const RUN_BUDGET_MS = 5 * 60_000;

/**
 * Sends a broadcast for one round (core claims each recipient before sending). What comes next
 * is a new job: after a 429 pause or when a scheduled one is not due yet, it starts later; when the
 * budget ran out, at once. A worker that dies is replaced by the minute sweep.
 */
export const broadcastSendJob = (deps: { core: CoreContext; sender: BroadcastSender }): JobDefinition => ({
  name: "broadcasts.send",
  async handler(data) {
    const { broadcastId } = parseJobPayload("broadcasts.send", data);
    const run = await runBroadcast(deps.core, deps.sender, broadcastId, { budgetMs: RUN_BUDGET_MS });
    if (run.outcome === "throttled" || run.outcome === "continue" || run.outcome === "not_due") {
      const seconds = Math.ceil((run.resumeAt.getTime() - deps.core.clock.now().getTime()) / 1000);
      await queueJob(
        deps.core,
        deps.core.db,
        "broadcasts.send",
        { broadcastId, round: `${run.outcome}:${run.resumeAt.getTime()}` },
        seconds > 0 ? { startAfterSeconds: Math.min(seconds, 3600) } : {},
      );
    }
    return { broadcastId, outcome: run.outcome, sent: run.sent };
  },
});

/** Every minute: starts scheduled broadcasts that are due and restarts sending ones nobody is working on. */
export const broadcastSweepJob = (deps: { core: CoreContext }): JobDefinition => ({
  name: "broadcasts.sweep",
  cron: "* * * * *",
  async handler() {
    const due = await findDueBroadcasts(deps.core);
    const minute = Math.floor(deps.core.clock.now().getTime() / 60_000);
    for (const broadcastId of due)
      await queueJob(deps.core, deps.core.db, "broadcasts.send", { broadcastId, round: `sweep:${minute}` });
    return { queued: due.length };
  },
});

/**
 * Every minute: the automated campaigns (trial ending, unpaid checkout, win-back, newcomer offer),
 * each occasion claimed before its message is sent; a 429 ends the pass until the next minute.
 */
export const campaignSweepJob = (deps: { core: CoreContext; sender: BroadcastSender }): JobDefinition => ({
  name: "broadcasts.campaigns",
  cron: "* * * * *",
  async handler() {
    return { ...(await runCampaigns(deps.core, deps.sender)) };
  },
});
