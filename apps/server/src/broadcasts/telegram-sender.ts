import type { BroadcastMessage, BroadcastSender, SendOutcome } from "@lumen/core";
import { GrammyError, InlineKeyboard } from "grammy";
import type { BotApis } from "../bot/bot-apis.ts";
import { broadcastButtonData } from "../bot/callback-data.ts";
import { type StoreBaseUrlFor, storeUrlOf } from "../bot/store-url.ts";

/**
 * The buttons as Telegram shows them: a product or the trial is a callback the bot counts and
 * answers; a URL goes through the server's counting redirect when there is a public address; the
 * Mini App opens directly (Telegram does not tell the bot about that press).
 * The Mini App button is left out when the installation has no HTTPS address for the store.
 */
export function broadcastKeyboard(
  botId: string,
  message: BroadcastMessage,
  storeBaseUrl: string | undefined,
  publicUrl?: string | undefined,
): InlineKeyboard | undefined {
  if (message.buttons.length === 0) return undefined;
  const keyboard = new InlineKeyboard();
  for (const button of message.buttons) {
    if (button.kind === "url" && button.url)
      keyboard.url(button.text, linkOf(publicUrl, message.deliveryId, button.index) ?? button.url).row();
    else if (button.kind === "mini_app") {
      const store = storeUrlOf(storeBaseUrl, botId);
      if (store) keyboard.webApp(button.text, store).row();
    } else keyboard.text(button.text, broadcastButtonData(message.broadcastId, button.index)).row();
  }
  return keyboard.inline_keyboard.length > 0 ? keyboard : undefined;
}

/** A URL button's address through the server, which counts the press and redirects (needs PUBLIC_URL). */
export function linkOf(publicUrl: string | undefined, deliveryId: string | undefined, index: number) {
  return publicUrl && deliveryId ? `${publicUrl.replace(/\/+$/, "")}/r/${deliveryId}/${index}` : undefined;
}

/** Telegram's answer in the broadcast's terms; anything but 429/403/400 is thrown (the job retries). */
function outcomeOf(error: unknown): SendOutcome {
  if (error instanceof GrammyError) {
    if (error.error_code === 429)
      return { kind: "throttled", retryAfterSeconds: Math.max(1, error.parameters.retry_after ?? 1) };
    if (error.error_code === 403) return { kind: "blocked", reason: error.description };
    if (error.error_code === 400) return { kind: "failed", reason: error.description };
  }
  throw error;
}

/** The broadcast sender over the Bot API: text, or a photo/video/document with the text as caption. */
export function createTelegramBroadcastSender(deps: {
  botApis: BotApis;
  storeBaseUrlFor: StoreBaseUrlFor;
  /** PUBLIC_URL: URL buttons then go through /r/<delivery>/<button>, so their presses are counted. */
  publicUrl?: string | undefined;
}): BroadcastSender {
  return {
    async send(botId, message) {
      const api = await deps.botApis.broadcastApiFor(botId);
      const reply_markup = broadcastKeyboard(botId, message, deps.storeBaseUrlFor(api.token), deps.publicUrl);
      const common = {
        parse_mode: "HTML" as const,
        ...(reply_markup ? { reply_markup } : {}),
        ...(message.allowPaidBroadcast ? { allow_paid_broadcast: true } : {}),
      };
      try {
        const media = message.media;
        const sent =
          media?.kind === "photo"
            ? await api.sendPhoto(message.chatId, media.file, { caption: message.text, ...common })
            : media?.kind === "video"
              ? await api.sendVideo(message.chatId, media.file, { caption: message.text, ...common })
              : media?.kind === "document"
                ? await api.sendDocument(message.chatId, media.file, { caption: message.text, ...common })
                : await api.sendMessage(message.chatId, message.text, common);
        return { kind: "sent", messageId: sent.message_id };
      } catch (error) {
        return outcomeOf(error);
      }
    },
  };
}
