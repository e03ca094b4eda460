import { resumeBlockedEnrollments } from "@lumen/core";
import { Composer } from "grammy";
import type { BotContext } from "../../context.ts";

/**
 * A student who blocked the bot stopped getting lessons; unblocking it ("Restart") resumes them
 * from the next lesson. Passes the update on: other features track chats too.
 */
export const resumeLessonsFeature = new Composer<BotContext>();

resumeLessonsFeature.on("my_chat_member", async (ctx, next) => {
  const update = ctx.myChatMember;
  if (update.chat.type === "private" && update.new_chat_member.status === "member" && ctx.user)
    await resumeBlockedEnrollments(ctx.services.core, ctx.user.id);
  return next();
});
