import { BOT_STAMP_EVERY_MS, stampBotUpdate } from "@lumen/core";
import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.ts";

/**
 * Keeps the bot's "last update seen" for the operator. This process asks the database at most
 * once a minute per bot, and the conditional write makes that true across processes too, so
 * handling updates stays free of writes. A failed stamp is logged; the update goes on.
 */
export function stampLastUpdate(): MiddlewareFn<BotContext> {
  let askedAt = Number.NEGATIVE_INFINITY;
  return async (ctx, next) => {
    const now = ctx.services.core.clock.now().getTime();
    if (now - askedAt >= BOT_STAMP_EVERY_MS) {
      askedAt = now;
      await stampBotUpdate(ctx.services.core, ctx.lumenBot.id).catch((error: unknown) =>
        ctx.log.warn({ err: error }, "could not stamp the bot's last update"),
      );
    }
    await next();
  };
}
