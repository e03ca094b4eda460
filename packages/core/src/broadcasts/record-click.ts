import { type BroadcastButton, broadcastClicks, broadcastDeliveries, users } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { recordEvents } from "../analytics/record-events.ts";
import type { CoreContext } from "../shared/context.ts";
import { getBroadcast } from "./manage-broadcasts.ts";

/**
 * A recipient pressed a broadcast's button: counted once per recipient and button (pressing again
 * counts nothing more). Returns the button so the bot can do what it offers; null when the
 * broadcast, the button or the delivery to this user does not exist.
 */
export async function recordBroadcastClick(
  ctx: CoreContext,
  input: { broadcastId: string; telegramId: number; button: number },
): Promise<BroadcastButton | null> {
  const broadcast = await getBroadcast(ctx.db, input.broadcastId).catch(() => null);
  const button = broadcast?.content.buttons[input.button];
  if (!broadcast || !button) return null;
  const [delivery] = await ctx.db
    .select({ userId: broadcastDeliveries.userId })
    .from(broadcastDeliveries)
    .innerJoin(users, eq(users.id, broadcastDeliveries.userId))
    .where(and(eq(broadcastDeliveries.broadcastId, broadcast.id), eq(users.telegramId, input.telegramId)));
  if (!delivery) return button;
  await countClick(ctx, {
    broadcastId: broadcast.id,
    botId: broadcast.botId,
    userId: delivery.userId,
    button: input.button,
  });
  return button;
}

/**
 * A recipient opened a URL button (through the server's redirect, named by their delivery): the
 * press is counted once and the button's address returned to redirect to; null when unknown.
 */
export async function recordLinkClick(
  ctx: CoreContext,
  input: { deliveryId: string; button: number },
): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/i.test(input.deliveryId)) return null;
  const [delivery] = await ctx.db
    .select({ broadcastId: broadcastDeliveries.broadcastId, userId: broadcastDeliveries.userId })
    .from(broadcastDeliveries)
    .where(eq(broadcastDeliveries.id, input.deliveryId));
  if (!delivery) return null;
  const broadcast = await getBroadcast(ctx.db, delivery.broadcastId);
  const button = broadcast.content.buttons[input.button];
  if (button?.kind !== "url" || !button.url) return null;
  await countClick(ctx, {
    broadcastId: broadcast.id,
    botId: broadcast.botId,
    userId: delivery.userId,
    button: input.button,
  });
  return button.url;
}

/**
 * Counts a press once per recipient and button; the first press is also a "broadcast clicked"
 * analytics event (through the analytics writer, in the same transaction) for the sources report.
 */
async function countClick(
  ctx: CoreContext,
  input: { broadcastId: string; botId: string; userId: string; button: number },
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [click] = await tx
      .insert(broadcastClicks)
      .values({ broadcastId: input.broadcastId, userId: input.userId, button: input.button, clickedAt: now })
      .onConflictDoNothing()
      .returning({ id: broadcastClicks.broadcastId });
    if (!click) return;
    await recordEvents({ ...ctx, db: tx }, [
      {
        type: "broadcast_clicked",
        userId: input.userId,
        botId: input.botId,
        source: input.broadcastId,
        properties: { button: input.button },
        origin: "server",
        dedupeKey: `${input.broadcastId}:${input.userId}:${input.button}`,
        occurredAt: now,
      },
    ]);
  });
}
