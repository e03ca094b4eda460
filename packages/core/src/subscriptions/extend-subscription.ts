import { randomUUID } from "node:crypto";
import { type SubscriptionRow, subscriptionPeriods, subscriptions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";

const DAY_MS = 86_400_000;

const extendSubscriptionInput = z.object({
  subscriptionId: z.uuid(),
  days: z.number().int().min(1).max(3660),
  reason: z.string().trim().min(1).max(500),
});

/**
 * An operator's goodwill: adds days to a live plan (admin, audited). The days go on the end,
 * like a renewal, so the reminders for the old end date stop and new ones follow the new date.
 * An ended plan is not revived here: its chat access is already being taken away; sell or grant
 * a new one instead.
 */
export async function extendSubscription(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof extendSubscriptionInput>,
): Promise<SubscriptionRow> {
  requireRole(actor, "admin");
  const { subscriptionId, days, reason } = parseInput(extendSubscriptionInput, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.id, subscriptionId))
      .for("update");
    if (!current) throw notFound("Subscription", subscriptionId);
    if (!["active", "trial"].includes(current.status) || current.endsAt <= now) {
      throw new LumenError("CONFLICT", `Only a live plan can be extended; this one is ${current.status}`);
    }
    const endsAt = new Date(current.endsAt.getTime() + days * DAY_MS);
    const [row] = await tx
      .update(subscriptions)
      .set({ endsAt, updatedAt: now })
      .where(eq(subscriptions.id, subscriptionId))
      .returning();
    // The gift is a period of its own, so a later refund of a paid period keeps it.
    await tx.insert(subscriptionPeriods).values({
      subscriptionId,
      grantKey: `operator:${randomUUID()}`,
      orderId: null,
      startsAt: current.endsAt,
      endsAt,
      createdAt: now,
    });
    await recordAudit(tx, actor, {
      action: "subscription.extend",
      entityType: "subscription",
      entityId: subscriptionId,
      data: {
        userId: current.userId,
        days,
        reason,
        from: current.endsAt.toISOString(),
        to: endsAt.toISOString(),
      },
    });
    return row as SubscriptionRow;
  });
}
