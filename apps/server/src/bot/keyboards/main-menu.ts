import { InlineKeyboard } from "grammy";
import { menuData } from "../callback-data.ts";
import type { BotContext } from "../context.ts";

export function mainMenuKeyboard(ctx: BotContext): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("menu-account"), menuData("account"))
    .text(ctx.t("menu-language"), menuData("language"))
    .row()
    .text(ctx.t("menu-help"), menuData("help"));
}

export const backToMenuKeyboard = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t("menu-back"), menuData("home"));
