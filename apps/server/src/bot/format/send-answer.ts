import { GrammyError } from "grammy";
import type { BotContext } from "../context.ts";
import { markdownToHtml } from "./markdown-to-html.ts";
import { splitMessage } from "./split-message.ts";

export const isEntityParseError = (error: unknown) =>
  error instanceof GrammyError && error.error_code === 400 && /can't parse entities/i.test(error.description);

/** Sends one part formatted; if Telegram rejects the formatting, the same words go as plain text. */
export async function sendFormatted(
  ctx: BotContext,
  chatId: number,
  text: string,
  extra: Record<string, unknown> = {},
) {
  try {
    return await ctx.api.sendMessage(chatId, markdownToHtml(text), { parse_mode: "HTML", ...extra });
  } catch (error) {
    if (!isEntityParseError(error)) throw error;
    return ctx.api.sendMessage(chatId, text, extra);
  }
}

export async function editFormatted(ctx: BotContext, chatId: number, messageId: number, text: string) {
  try {
    await ctx.api.editMessageText(chatId, messageId, markdownToHtml(text), { parse_mode: "HTML" });
  } catch (error) {
    if (isEntityParseError(error)) await ctx.api.editMessageText(chatId, messageId, text);
    else if (!(error instanceof GrammyError && /message is not modified/.test(error.description)))
      throw error;
  }
}

/** A whole answer, in as many messages as its length needs. */
export async function sendAnswer(ctx: BotContext, chatId: number, text: string): Promise<void> {
  for (const part of splitMessage(text)) await sendFormatted(ctx, chatId, part);
}
