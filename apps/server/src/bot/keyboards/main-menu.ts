import { getAssistantAccount } from "@lumen/core";
import { InlineKeyboard } from "grammy";
import { menuData } from "../callback-data.ts";
import type { BotContext } from "../context.ts";
import { myTasksData, newTaskData } from "../features/tasks/task-callback-data.ts";
import { storeUrlOf } from "../store-url.ts";

/** The main menu; "Try for free" shows only while the user has never had a trial. */
export async function mainMenuKeyboard(ctx: BotContext): Promise<InlineKeyboard> {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("menu-ask"), menuData("ask"))
    .text(ctx.t("menu-balance"), menuData("balance"))
    .row()
    .text(ctx.t("menu-topup"), menuData("topup"))
    .text(ctx.t("menu-settings"), menuData("settings"));
  if (ctx.user) {
    const account = await getAssistantAccount(ctx.services.core, ctx.services.assistant.config, ctx.user.id);
    if (!account.trial.used && ctx.services.assistant.config.trialMessages > 0) {
      keyboard.row().text(ctx.t("menu-trial"), menuData("trial"));
    }
  }
  if (ctx.botFeatures?.includes("tasks")) {
    keyboard.row().text(ctx.t("menu-new-task"), newTaskData).text(ctx.t("menu-my-tasks"), myTasksData);
  }
  const store = storeUrlOf(ctx.services.storeBaseUrl, ctx.lumenBot.id);
  if (store) keyboard.row().webApp(ctx.t("menu-store"), store);
  return keyboard.row().text(ctx.t("menu-help"), menuData("help"));
}

export const backToMenuKeyboard = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t("menu-back"), menuData("home"));
