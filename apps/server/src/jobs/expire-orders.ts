import { type CoreContext, expireOrders } from "@lumen/core";
import type { JobDefinition } from "./job-runner.ts";

/** Every ten minutes: unpaid orders past their time stop passing pre-checkout (a late payment still settles). */
export const expireOrdersJob = (core: CoreContext): JobDefinition => ({
  name: "expire-orders",
  cron: "*/10 * * * *",
  handler: () => expireOrders(core.db, core.clock.now()),
});
