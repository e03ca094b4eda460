import { channels, chatInvites, subscriptions } from "@lumen/db";
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

/**
 * The chats the buyer's live plans open, each with the personal link to use now, if any: what
 * "My account" shows, so a lost bot message does not lock a paying buyer out.
 */
export async function listBuyerChats(ctx: CoreContext, input: { userId: string }): Promise<BuyerChat[]> {
  const now = ctx.clock.now();
  const live = await ctx.db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.userId, input.userId), gt(subscriptions.endsAt, now)))
    .orderBy(desc(subscriptions.endsAt));
  const byChat = new Map<number, (typeof live)[number]>();
  for (const plan of live)
    for (const chatId of plan.channelIds) if (!byChat.has(chatId)) byChat.set(chatId, plan);
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
  return chatIds.map((chatId) => {
    const plan = byChat.get(chatId) as (typeof live)[number];
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
export async function findPlanOpeningChat(ctx: CoreContext, input: { userId: string; chatId: number }) {
  const chats = await listBuyerChats(ctx, { userId: input.userId });
  const chat = chats.find((c) => c.chatId === input.chatId);
  if (!chat) throw notFound("Chat", String(input.chatId));
  const [plan] = await ctx.db.select().from(subscriptions).where(eq(subscriptions.id, chat.subscriptionId));
  if (!plan) throw notFound("Subscription", chat.subscriptionId);
  return plan;
}
