import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";

/** Tells the process's update feed (the panel's live view) that this bot received an update. */
export const announceUpdate: MiddlewareFn<BotContext> = async (ctx, next) => {
  const kind = Object.keys(ctx.update).find((key) => key !== "update_id") ?? "update";
  ctx.services.updateFeed?.publish({
    botId: ctx.lumenBot.id,
    kind,
    fromName: ctx.from?.first_name ?? null,
    at: ctx.services.core.clock.now(),
  });
  await next();
};
