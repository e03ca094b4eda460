import { Composer } from "grammy";
import type { BotContext } from "../context.ts";
import { mainMenuKeyboard } from "../keyboards/main-menu.ts";

/** Last in line: whatever no feature took gets a pointer to the menu, never silence. */
export const unhandledFeature = new Composer<BotContext>();
const privateChats = unhandledFeature.chatType("private");

privateChats.on("message:text", async (ctx) => {
  const isCommand = ctx.message.text.startsWith("/");
  await ctx.reply(ctx.t(isCommand ? "unknown-command" : "unhandled-message"), {
    reply_markup: await mainMenuKeyboard(ctx),
  });
});

// A button from an old message whose feature is gone: stop the spinner.
unhandledFeature.on("callback_query", (ctx) => ctx.answerCallbackQuery());
