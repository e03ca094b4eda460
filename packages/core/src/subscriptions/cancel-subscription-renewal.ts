import { type SubscriptionRow, subscriptions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { getUser } from "../users/get-user.ts";
import { stopRenewal } from "./star-subscriptions.ts";

/** Telegram's side of a cancellation (editUserStarSubscription), done before our record changes. */
export type CancelStarRenewal = (input: {
  botId: string;
  telegramUserId: number;
  chargeId: string;
}) => Promise<void>;

/**
 * An operator stops a Star subscription from renewing (admin, audited): Telegram is told first,
 * like /cancel in the bot, then stopRenewal records it; access stays to the end already paid.
 */
export async function cancelSubscriptionRenewal(
  ctx: CoreContext,
  actor: Actor,
  input: { subscriptionId: string },
  cancelAtTelegram: CancelStarRenewal,
): Promise<SubscriptionRow> {
  requireRole(actor, "admin");
  const current = await loadRenewingPlan(ctx, input.subscriptionId);
  await tellTelegram(ctx, current, cancelAtTelegram);
  return ctx.db.transaction(async (tx) => {
    await stopRenewal(tx, { subscriptionId: current.id, now: ctx.clock.now() });
    await recordAudit(tx, actor, {
      action: "subscription.cancel_renewal",
      entityType: "subscription",
      entityId: current.id,
      data: { userId: current.userId, chargeId: current.starChargeId },
    });
    const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, current.id));
    return row as SubscriptionRow;
  });
}

/**
 * A buyer stops their own plan from renewing: the bot's /cancel and the store's account page.
 * Someone else's plan is "not found"; access stays to the end already paid.
 */
export async function cancelOwnRenewal(
  ctx: CoreContext,
  input: { userId: string; subscriptionId: string },
  cancelAtTelegram: CancelStarRenewal,
): Promise<SubscriptionRow> {
  const current = await loadRenewingPlan(ctx, input.subscriptionId, input.userId);
  await tellTelegram(ctx, current, cancelAtTelegram);
  const now = ctx.clock.now();
  await stopRenewal(ctx.db, { subscriptionId: current.id, now });
  return { ...current, starChargeId: null, updatedAt: now };
}

async function loadRenewingPlan(ctx: CoreContext, subscriptionId: string, ownerId?: string) {
  const [current] = await ctx.db.select().from(subscriptions).where(eq(subscriptions.id, subscriptionId));
  if (!current || (ownerId && current.userId !== ownerId)) throw notFound("Subscription", subscriptionId);
  if (!current.starChargeId || !current.botId)
    throw new LumenError("CONFLICT", "This plan does not renew by itself");
  return current as SubscriptionRow & { starChargeId: string; botId: string };
}

async function tellTelegram(
  ctx: CoreContext,
  plan: SubscriptionRow & { starChargeId: string; botId: string },
  cancelAtTelegram: CancelStarRenewal,
) {
  await cancelAtTelegram({
    botId: plan.botId,
    telegramUserId: (await getUser(ctx.db, plan.userId)).telegramId,
    chargeId: plan.starChargeId,
  });
}
