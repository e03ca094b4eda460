import { attributeReferral } from "@lumen/core";
import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { parseDeepLink } from "../deep-link.ts";
import { mainMenuKeyboard } from "../keyboards/main-menu.ts";
import { askToConfirmSignIn } from "./app-sign-in.ts";
import { openLessonMediaLink } from "./courses/lesson-media.ts";
import { linkOperatorAccount } from "./operator-link.ts";
import { renderProduct } from "./shop/product-screen.ts";

const CAPTION_LIMIT = 1024;

/** The user is new when this /start created their row (first and last seen are the same instant). */
const isFirstVisit = (ctx: BotContext) =>
  ctx.user !== undefined && ctx.user.firstSeenAt.getTime() === ctx.user.lastSeenAt.getTime();

export async function renderMainMenu(ctx: BotContext) {
  const name = ctx.from?.first_name ?? "";
  const text = isFirstVisit(ctx)
    ? ctx.t("start-greeting", { name, bot: ctx.lumenBot.name })
    : ctx.t("start-welcome-back", { name });
  return { text, reply_markup: await mainMenuKeyboard(ctx) };
}

export const startFeature = new Composer<BotContext>();
const privateChats = startFeature.chatType("private");

privateChats.command("start", async (ctx) => {
  const link = parseDeepLink(ctx.match);
  if (link) ctx.log.info({ deepLink: link.kind }, "start with deep link");
  if (link?.kind === "referral" && ctx.user) {
    const outcome = await attributeReferral(ctx.services.core, {
      userId: ctx.user.id,
      code: link.code,
      firstVisit: isFirstVisit(ctx),
    });
    ctx.log.info({ outcome }, "referral link");
  }
  // Referral links are recorded by the user middleware (first touch).
  if (link?.kind === "login") {
    if (await askToConfirmSignIn(ctx, link.code)) return;
    await ctx.reply(ctx.t("deeplink-login-invalid"));
  }
  if (link?.kind === "operator") return linkOperatorAccount(ctx, link.code);
  if (link?.kind === "lessonMedia") return openLessonMediaLink(ctx, link.token);
  if (link?.kind === "product") {
    const product = await renderProduct(ctx, link.productId);
    if (product) return ctx.reply(product.text, { reply_markup: product.reply_markup });
    await ctx.reply(ctx.t("deeplink-product-unavailable"));
  }
  const menu = await renderMainMenu(ctx);
  const photo = await ctx.services.texts.welcomeImageFor(ctx.lumenBot.id, ctx.locale);
  // A caption holds at most 1024 characters: a longer welcome goes under the picture as its own message.
  if (photo && menu.text.length <= CAPTION_LIMIT)
    return ctx.replyWithPhoto(photo, { caption: menu.text, reply_markup: menu.reply_markup });
  if (photo) await ctx.replyWithPhoto(photo);
  await ctx.reply(menu.text, { reply_markup: menu.reply_markup });
});
