import type { MiddlewareFn } from "grammy";
import { buyDataPattern, menuDataPattern } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { parseDeepLink, startPayloadOf } from "../deep-link.ts";

/** The source a /start payload is counted under; a sign-in code is a secret and is never stored. */
function sourceOf(payload: string | null): string | undefined {
  const link = parseDeepLink(payload);
  if (!link || !payload) return undefined;
  return link.kind === "login" ? "login" : payload.slice(0, 64);
}

/**
 * Gives handlers `ctx.track(...)` and records what the update itself says: a /start (with its
 * deep-link source), a main-menu button, a checkout begun. Events go to the buffer, so this
 * never waits for the database; handlers add only what they alone know (a trial that started).
 */
export const trackEvents: MiddlewareFn<BotContext> = async (ctx, next) => {
  ctx.track = (type, details = {}) => {
    if (!ctx.user) return;
    ctx.services.events.record({
      type,
      userId: ctx.user.id,
      botId: ctx.lumenBot.id,
      productId: details.productId ?? null,
      source: details.source ?? null,
      properties: details.properties ?? {},
      origin: "bot",
      occurredAt: ctx.services.core.clock.now(),
    });
  };
  const text = ctx.message?.text;
  if (ctx.chat?.type === "private" && text && /^\/start(@\w+)?(\s|$)/.test(text)) {
    const source = sourceOf(startPayloadOf(text));
    ctx.track("bot_started", source ? { source } : {});
  }
  const data = ctx.callbackQuery?.data;
  const menu = data ? menuDataPattern.exec(data) : null;
  if (menu?.[1]) ctx.track("menu_pressed", { properties: { button: menu[1] } });
  const buy = data ? buyDataPattern.exec(data) : null;
  if (buy?.[1]) ctx.track("checkout_started", { productId: buy[1], properties: { method: buy[2] } });
  await next();
};
