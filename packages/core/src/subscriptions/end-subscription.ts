import { type SubscriptionRow, subscriptions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";

const endSubscriptionInput = z.object({
  subscriptionId: z.uuid(),
  reason: z.string().trim().min(1).max(500),
});

/**
 * Ends a plan now (admin, audited): it becomes cancelled with today's end date, and the access
 * sweep removes the user from the plan's chats as for any ended plan. Money is not returned
 * here; refunding the order is its own action. A Star subscription must have its renewal
 * cancelled at Telegram first, or Telegram would charge for a plan that no longer exists.
 */
export async function endSubscription(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof endSubscriptionInput>,
): Promise<SubscriptionRow> {
  requireRole(actor, "admin");
  const { subscriptionId, reason } = parseInput(endSubscriptionInput, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, subscriptionId))
      .for("update");
    if (!current) throw notFound("Subscription", subscriptionId);
    if (!["active", "trial"].includes(current.status) || current.endsAt <= now) {
      throw new LumenError("CONFLICT", `This plan has already ended (${current.status})`);
    }
    if (current.starChargeId) {
      throw new LumenError("CONFLICT", "This plan renews as a Star subscription; cancel its renewal first");
    }
    const [row] = await tx
      .update(subscriptions)
      .set({ status: "cancelled", endsAt: now, updatedAt: now })
      .where(eq(subscriptions.id, subscriptionId))
      .returning();
    await recordAudit(tx, actor, {
      action: "subscription.end",
      entityType: "subscription",
      entityId: subscriptionId,
      data: { userId: current.userId, reason, endedEarlyFrom: current.endsAt.toISOString() },
    });
    return row as SubscriptionRow;
  });
}
