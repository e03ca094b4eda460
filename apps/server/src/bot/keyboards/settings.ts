import { answerStyles } from "@lumen/core";
import { InlineKeyboard } from "grammy";
import { menuData, modelData, settingsData, styleData } from "../callback-data.ts";
import type { BotContext } from "../context.ts";

export function settingsKeyboard(ctx: BotContext, current: { model: string; style: string }): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t("settings-language"), menuData("language"))
    .row()
    .text(ctx.t("settings-model", { model: current.model }), settingsData("model"))
    .row()
    .text(ctx.t("settings-style", { style: ctx.t(`style-${current.style}`) }), settingsData("style"))
    .row()
    .text(ctx.t("menu-back"), menuData("home"));
}

export function modelKeyboard(ctx: BotContext, current: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const model of ctx.services.assistant.config.models) {
    keyboard
      .text(`${model.id === current ? "✅ " : ""}${model.id} · ${model.price}`, modelData(model.id))
      .row();
  }
  return keyboard.text(ctx.t("menu-back"), menuData("settings"));
}

export function styleKeyboard(ctx: BotContext, current: string): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (const style of answerStyles)
    keyboard.text(`${style === current ? "✅ " : ""}${ctx.t(`style-${style}`)}`, styleData(style)).row();
  return keyboard.text(ctx.t("menu-back"), menuData("settings"));
}
