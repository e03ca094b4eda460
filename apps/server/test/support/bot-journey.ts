import type { ApiCall, BotHandle, TelegramEmulator } from "@lumen/testkit";
import type { InlineKeyboardMarkup, Message } from "grammy/types";

/** Sends a text as the user and returns the bot's next sendMessage to them. */
export async function say(
  tg: TelegramEmulator,
  bot: BotHandle,
  user: { id: number },
  text: string,
): Promise<ApiCall> {
  const after = tg.calls.length;
  await tg.sendText(bot, user, text);
  return tg.waitForCall("sendMessage", (p, call) => p.chat_id === user.id && call.token === bot.token, {
    after,
    timeoutMs: 10_000,
  });
}

export const textOf = (call: ApiCall) => String(call.params.text);

/** Button labels of a sent message, row by row. */
export function buttonsOf(call: ApiCall): string[][] {
  const markup = call.params.reply_markup as InlineKeyboardMarkup | undefined;
  return markup?.inline_keyboard.map((row) => row.map((b) => b.text)) ?? [];
}

export const sentMessage = (call: ApiCall) => (call.response as { result: Message }).result;

/** The callback data of the inline button with this label. */
export function callbackDataOf(call: ApiCall, label: string): string {
  const markup = call.params.reply_markup as InlineKeyboardMarkup | undefined;
  const button = markup?.inline_keyboard.flat().find((b) => b.text === label);
  if (!button || !("callback_data" in button)) throw new Error(`No button "${label}" with callback data`);
  return button.callback_data;
}
