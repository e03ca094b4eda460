import { decideInviteJoin, decideJoinRequest, markInviteRevoked } from "@lumen/core";
import { Composer } from "grammy";
import type { BotContext } from "../../context.ts";

/**
 * Keeps paid chats paid: a stranger who joins by someone's personal link is removed and the link
 * revoked; join requests are approved for subscribers and declined for everyone else.
 */
export const guardChatsFeature = new Composer<BotContext>();

guardChatsFeature.on("chat_member", async (ctx) => {
  const update = ctx.chatMember;
  const link = update.invite_link?.invite_link;
  const joined =
    ["member", "restricted"].includes(update.new_chat_member.status) &&
    !["member", "administrator", "creator"].includes(update.old_chat_member.status);
  if (!joined || !link || update.invite_link?.creator.id !== ctx.me.id) return;
  const user = update.new_chat_member.user;
  const decision = await decideInviteJoin(ctx.services.core, {
    chatId: update.chat.id,
    telegramUserId: user.id,
    inviteLink: link,
  });
  if (decision.action !== "remove_and_revoke") return;
  ctx.log.warn({ chat: update.chat.id, user: user.id }, "someone else's invite link used; removing");
  await ctx.api.banChatMember(update.chat.id, user.id);
  await ctx.api.unbanChatMember(update.chat.id, user.id, { only_if_banned: true });
  await ctx.api.revokeChatInviteLink(update.chat.id, decision.inviteLink);
  await markInviteRevoked(ctx.services.core.db, {
    inviteLink: decision.inviteLink,
    now: ctx.services.core.clock.now(),
  });
});

guardChatsFeature.on("chat_join_request", async (ctx) => {
  const request = ctx.chatJoinRequest;
  const decision = await decideJoinRequest(ctx.services.core, {
    chatId: request.chat.id,
    telegramUserId: request.from.id,
    graceMs: ctx.services.access.graceMs,
  });
  if (decision === "approve") await ctx.api.approveChatJoinRequest(request.chat.id, request.from.id);
  else await ctx.api.declineChatJoinRequest(request.chat.id, request.from.id);
});
