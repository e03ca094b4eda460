import { recordBotMembership } from "@lumen/core";
import { Composer } from "grammy";
import type { ChatMemberAdministrator } from "grammy/types";
import type { BotContext } from "../../context.ts";

/** The bot was added to, changed in or removed from a channel or group: keep the chat and the bot's rights on record. */
export const trackChatsFeature = new Composer<BotContext>();

trackChatsFeature.on("my_chat_member", async (ctx) => {
  const update = ctx.myChatMember;
  const chat = update.chat;
  if (chat.type === "private") return;
  const member = update.new_chat_member;
  const admin = member.status === "administrator" ? (member as ChatMemberAdministrator) : undefined;
  const status = member.status === "creator" ? "administrator" : member.status;
  await recordBotMembership(ctx.services.core, {
    botId: ctx.lumenBot.id,
    chat: {
      id: chat.id,
      title: chat.title,
      type: chat.type,
      username: "username" in chat ? (chat.username ?? null) : null,
    },
    status,
    canInviteUsers: admin?.can_invite_users ?? false,
    canRestrictMembers: admin?.can_restrict_members ?? false,
    changedAt: new Date(update.date * 1000),
  });
  ctx.log.info({ chat: chat.id, status }, "bot membership changed");
});
