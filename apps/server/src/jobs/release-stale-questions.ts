import { type AssistantConfig, type CoreContext, releaseStaleQuestions } from "@lumen/core";
import type { JobDefinition } from "./job-runner.ts";

/** Every minute: questions left pending by a crash get their credit, trial message or plan use back. */
export const releaseStaleQuestionsJob = (core: CoreContext, config: AssistantConfig): JobDefinition => ({
  name: "release-stale-questions",
  cron: "* * * * *",
  handler: () => releaseStaleQuestions(core, config.reservationTimeoutMs),
});
