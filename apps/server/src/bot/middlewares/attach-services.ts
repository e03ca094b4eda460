import { createTranslator, defaultLocale } from "@lumen/locales";
import type { MiddlewareFn } from "grammy";
import type { BotContext, BotIdentity, BotServices } from "../context.ts";

/** First middleware: gives the update its logger (with update_id) and default language. */
export function attachServices(services: BotServices, identity: BotIdentity): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.services = services;
    ctx.lumenBot = identity;
    ctx.log = services.logger.child({ bot: identity.username, update_id: ctx.update.update_id });
    ctx.user = undefined;
    ctx.locale = defaultLocale;
    // The default texts until identifyUser knows who wrote (and reads the bot's edited texts).
    ctx.translatorFor = createTranslator;
    ctx.t = createTranslator(defaultLocale);
    ctx.track = () => undefined;
    const type = Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
    services.metrics.botUpdates.inc({ bot: identity.username, type });
    const started = performance.now();
    await next();
    ctx.log.debug({ type, ms: Math.round(performance.now() - started) }, "update handled");
  };
}
