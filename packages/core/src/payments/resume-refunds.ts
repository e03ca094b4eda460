import { refunds } from "@lumen/db";
import { and, asc, inArray, lte } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { finishRefund, type ProviderRefund } from "./refund-order.ts";

/**
 * For the job: refunds left half done (the provider unreachable, a crash before the reversal)
 * are taken on from where they stopped. Several workers may run it at once: the provider is
 * asked idempotently and the reversal settles once.
 */
export async function resumeRefunds(
  ctx: CoreContext,
  refundAtProvider: ProviderRefund,
  options: { olderThanMs: number },
): Promise<{ checked: number; settled: number; failed: Array<{ refundId: string; error: string }> }> {
  const cutoff = new Date(ctx.clock.now().getTime() - options.olderThanMs);
  const open = await ctx.db
    .select()
    .from(refunds)
    .where(and(inArray(refunds.status, ["requested", "at_provider"]), lte(refunds.updatedAt, cutoff)))
    .orderBy(asc(refunds.updatedAt))
    .limit(100);
  let settled = 0;
  const failed: Array<{ refundId: string; error: string }> = [];
  for (const refund of open) {
    try {
      const result = await finishRefund(ctx, refund, refundAtProvider);
      if (result.settledNow) settled++;
    } catch (error) {
      // The refund stays open (a provider error is also on its row); the next run tries again.
      failed.push({ refundId: refund.id, error: (error as Error).message });
    }
  }
  return { checked: open.length, settled, failed };
}
