import { randomUUID } from "node:crypto";
import { type SubscriptionRow, subscriptions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { extendPlan } from "./extend-plan.ts";

const extendSubscriptionInput = z.object({
  subscriptionId: z.uuid(),
  days: z.number().int().min(1).max(3660),
  reason: z.string().trim().min(1).max(500),
  /** The same key twice extends once (a double click, a retried request). */
  idempotencyKey: z.string().trim().min(1).max(200).optional(),
});

/**
 * An operator's goodwill: adds days to a live plan (admin, audited). The days are a period of
 * their own appended by `extendPlan`, like a renewal, so reminders follow the new end date and a
 * later refund of a paid period keeps them. An ended plan is not revived here: its chat access is
 * already being taken away; sell or grant a new one instead.
 */
export async function extendSubscription(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof extendSubscriptionInput>,
): Promise<SubscriptionRow> {
  requireRole(actor, "admin");
  const { subscriptionId, days, reason, idempotencyKey } = parseInput(extendSubscriptionInput, input);
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
    const row = await extendPlan(tx, now, {
      userId: current.userId,
      planCode: current.planCode,
      title: current.title,
      periodDays: current.periodDays,
      messagesPerPeriod: current.messagesPerPeriod,
      fairUseCap: current.fairUseCap,
      botId: current.botId,
      channelIds: current.channelIds,
      days,
      grantKey: `operator:${subscriptionId}:${idempotencyKey ?? randomUUID()}`,
    });
    if (row.endsAt.getTime() === current.endsAt.getTime()) return row;
    await recordAudit(tx, actor, {
      action: "subscription.extend",
      entityType: "subscription",
      entityId: subscriptionId,
      data: {
        userId: current.userId,
        days,
        reason,
        from: current.endsAt.toISOString(),
        to: row.endsAt.toISOString(),
      },
    });
    return row;
  });
}
