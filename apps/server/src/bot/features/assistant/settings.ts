import { getAssistantPreferences, startNewConversation, updateAssistantSettings } from "@lumen/core";
import { Composer } from "grammy";
import { modelDataPattern, settingsDataPattern, styleDataPattern } from "../../callback-data.ts";
import type { BotContext } from "../../context.ts";
import { modelKeyboard, styleKeyboard } from "../../keyboards/settings.ts";
import { editToScreen } from "../menu.ts";
import { renderSettings } from "./screens.ts";

export const assistantSettingsFeature = new Composer<BotContext>();

assistantSettingsFeature.chatType("private").command("new", async (ctx) => {
  if (!ctx.user) return;
  await startNewConversation(ctx.services.core, ctx.user.id);
  await ctx.reply(ctx.t("new-conversation"));
});

assistantSettingsFeature.callbackQuery(settingsDataPattern, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!ctx.user) return;
  const prefs = await getAssistantPreferences(
    ctx.services.core.db,
    ctx.services.assistant.config,
    ctx.user.id,
  );
  const screen =
    ctx.match[1] === "model"
      ? { text: ctx.t("settings-model-choose"), reply_markup: modelKeyboard(ctx, prefs.model) }
      : { text: ctx.t("settings-style-choose"), reply_markup: styleKeyboard(ctx, prefs.style) };
  await editToScreen(ctx, screen);
});

assistantSettingsFeature.callbackQuery([modelDataPattern, styleDataPattern], async (ctx) => {
  if (!ctx.user) return ctx.answerCallbackQuery();
  const [kind, value = ""] = (ctx.callbackQuery.data ?? "").split(/:(.*)/s);
  await updateAssistantSettings(ctx.services.core, ctx.services.assistant.config, {
    userId: ctx.user.id,
    ...(kind === "model" ? { model: value } : { style: value }),
  });
  await ctx.answerCallbackQuery({ text: ctx.t("settings-saved") });
  await editToScreen(ctx, await renderSettings(ctx));
});
