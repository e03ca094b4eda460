import { decideInviteJoin, decideJoinRequest, markInviteRevoked, recordAccessEvent } from "@lumen/core";
import { Composer } from "grammy";
import type { BotContext } from "../../context.ts";
import { storeUrlOf } from "../../store-url.ts";
import { renderJoinOffer } from "./join-offer.ts";

/**
 * Keeps paid chats paid: a stranger who joins by someone's personal link is removed and the link
 * revoked; join requests are approved for subscribers, held and offered the plan where one is on
 * sale (the paywall), and declined otherwise. What it does goes to the chat's access log.
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
  const core = ctx.services.core;
  const decision = await decideInviteJoin(core, {
    chatId: update.chat.id,
    telegramUserId: user.id,
    inviteLink: link,
  });
  const seen = { botId: ctx.lumenBot.id, chatId: update.chat.id, telegramUserId: user.id, inviteLink: link };
  const at = new Date(update.date * 1000);
  if (decision.action === "keep") {
    if (decision.reason === "owner") await recordAccessEvent(core, { kind: "member_joined", ...seen, at });
    return;
  }
  ctx.log.warn({ chat: update.chat.id, user: user.id }, "someone else's invite link used; removing");
  await ctx.api.banChatMember(update.chat.id, user.id);
  await ctx.api.unbanChatMember(update.chat.id, user.id, { only_if_banned: true });
  await ctx.api.revokeChatInviteLink(update.chat.id, decision.inviteLink);
  await markInviteRevoked(core.db, { inviteLink: decision.inviteLink, now: core.clock.now() });
  await recordAccessEvent(core, { kind: "stranger_removed", ...seen, at });
});

guardChatsFeature.on("chat_join_request", async (ctx) => {
  const request = ctx.chatJoinRequest;
  const seen = {
    botId: ctx.lumenBot.id,
    chatId: request.chat.id,
    telegramUserId: request.from.id,
    at: new Date(request.date * 1000),
  };
  // A join-request query (Bot API 10.1) must be answered within 10 s: with the store's paywall
  // where the store can open (HTTPS), or by approving or declining; otherwise it is left to the
  // admins ("queue") and handled as a plain request.
  const queryId = request.query_id;
  const storeOpens = ctx.services.storeBaseUrl !== undefined;
  const decision = await decideJoinRequest(ctx.services.core, {
    ...seen,
    graceMs: ctx.services.access.graceMs,
    requestedAt: seen.at,
    queryId: queryId && storeOpens ? queryId : null,
  });
  if (decision.action === "offer") {
    const product = decision.product;
    const appUrl =
      queryId && storeUrlOf(ctx.services.storeBaseUrl, ctx.lumenBot.id, `products/${product.id}`);
    if (queryId && appUrl) {
      await ctx.api.sendChatJoinRequestWebApp(queryId, appUrl);
    } else {
      if (queryId) await ctx.api.answerChatJoinRequestQuery(queryId, "queue");
      // Telegram lets the bot write to the person while the request is pending; the request stays
      // open and is approved when they pay (the issue-chat-invites job), or declined when stale.
      const offer = renderJoinOffer(ctx, product, "title" in request.chat ? request.chat.title : "");
      await ctx.api.sendMessage(request.user_chat_id, offer.text, { reply_markup: offer.reply_markup });
    }
    await recordAccessEvent(ctx.services.core, { kind: "join_request_offered", ...seen });
    return;
  }
  const approve = decision.action === "approve";
  if (queryId) await ctx.api.answerChatJoinRequestQuery(queryId, approve ? "approve" : "decline");
  else if (approve) await ctx.api.approveChatJoinRequest(request.chat.id, request.from.id);
  else await ctx.api.declineChatJoinRequest(request.chat.id, request.from.id);
  await recordAccessEvent(ctx.services.core, {
    kind: approve ? "join_request_approved" : "join_request_declined",
    ...seen,
  });
});
