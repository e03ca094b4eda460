import { listChannels, listUserSubscriptions } from "@lumen/core";
import { Composer } from "grammy";
import type { BotContext } from "../../context.ts";

/** /status: every plan with its end date and the chats it opens. */
export const statusFeature = new Composer<BotContext>();

statusFeature.chatType("private").command("status", async (ctx) => {
  if (!ctx.user) return;
  const core = ctx.services.core;
  const plans = await listUserSubscriptions(core.db, { userId: ctx.user.id, now: core.clock.now() });
  if (!plans.length) return ctx.reply(ctx.t("status-none"));
  const channels = await listChannels(core);
  const lines = plans.flatMap((plan) => {
    const line = ctx.t("status-line", {
      title: plan.title,
      status: plan.status,
      until: plan.endsAt.toISOString().slice(0, 10),
    });
    const chats = plan.channelIds.map((id) => {
      const chat = channels.find((c) => c.chatId === id);
      return chat?.username ? `@${chat.username}` : (chat?.title ?? String(id));
    });
    return chats.length ? [line, `  ${ctx.t("status-chats", { chats: chats.join(", ") })}`] : [line];
  });
  await ctx.reply(lines.join("\n"));
});
