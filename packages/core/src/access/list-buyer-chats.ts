import { channels, chatInvites, type SubscriptionRow, subscriptions } from "@lumen/db";
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";

export type BuyerChat = {
  chatId: number;
  title: string;
  /** The live plan that opens it (the latest ending, when several do). */
  subscriptionId: string;
  planTitle: string;
  /** The buyer's personal link while it can still be used: unused, unrevoked, unexpired. */
  inviteLink: string | null;
  /** The buyer joined by one of their links. */
  joined: boolean;
};

/** Each chat the buyer's live plans open, with the plan that opens it (the latest ending). */
async function livePlansByChat(ctx: CoreContext, userId: string): Promise<Map<number, SubscriptionRow>> {
  const live = await ctx.db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, userId), gt(subscriptions.endsAt, ctx.clock.now())))
    .orderBy(desc(subscriptions.endsAt));
  const byChat = new Map<number, SubscriptionRow>();
  for (const plan of live)
    for (const chatId of plan.channelIds) if (!byChat.has(chatId)) byChat.set(chatId, plan);
  return byChat;
}

/**
 * The chats the buyer's live plans open, each with the personal link to use now, if any: what
 * "My account" shows, so a lost bot message does not lock a paying buyer out.
 */
export async function listBuyerChats(ctx: CoreContext, input: { userId: string }): Promise<BuyerChat[]> {
  const now = ctx.clock.now();
  const byChat = await livePlansByChat(ctx, input.userId);
  if (!byChat.size) return [];
  const chatIds = [...byChat.keys()];
  const [known, invites] = await Promise.all([
    ctx.db.select().from(channels).where(inArray(channels.chatId, chatIds)),
    ctx.db
      .select()
      .from(chatInvites)
      .where(and(eq(chatInvites.userId, input.userId), inArray(chatInvites.chatId, chatIds)))
      .orderBy(desc(chatInvites.createdAt)),
  ]);
  return [...byChat].map(([chatId, plan]) => {
    const mine = invites.filter((i) => i.chatId === chatId);
    const usable = mine.find((i) => !i.usedAt && !i.revokedAt && i.expiresAt > now);
    return {
      chatId,
      title: known.find((c) => c.chatId === chatId && c.botId === plan.botId)?.title ?? String(chatId),
      subscriptionId: plan.id,
      planTitle: plan.title,
      inviteLink: usable?.inviteLink ?? null,
      joined: mine.some((i) => i.usedAt !== null),
    };
  });
}

/** The live plan of this buyer that opens this chat, for a new personal link; else "not found". */
export async function findPlanOpeningChat(
  ctx: CoreContext,
  input: { userId: string; chatId: number },
): Promise<SubscriptionRow> {
  const plan = (await livePlansByChat(ctx, input.userId)).get(input.chatId);
  if (!plan) throw notFound("Chat", String(input.chatId));
  return plan;
}
