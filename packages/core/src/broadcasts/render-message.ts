import type { BroadcastButton, BroadcastContent, MediaKind } from "@lumen/db";

export type RenderedButton = BroadcastButton & { index: number; text: string };

/** One recipient's message: what a sender port turns into a Telegram call. */
export type BroadcastMessage = {
  broadcastId: string;
  /** The recipient's delivery (none for a preview): a URL button goes through it, so its press is counted. */
  deliveryId?: string | undefined;
  chatId: number;
  /** HTML (Telegram's parse_mode), personalised. */
  text: string;
  media?: { kind: MediaKind; file: string } | undefined;
  buttons: RenderedButton[];
  allowPaidBroadcast: boolean;
};

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The recipient's language when the broadcast has a text in it, else the fallback. */
export function pickLanguage(content: BroadcastContent, language: string | null | undefined): string {
  const short = language?.slice(0, 2).toLowerCase();
  return short && content.texts[short] ? short : content.fallbackLanguage;
}

/**
 * The text in the recipient's language with `{first_name}` filled in (escaped, since the text is
 * HTML), and each button's label in the same language or the fallback.
 */
export function renderBroadcastMessage(
  broadcast: { id: string; content: BroadcastContent; allowPaidBroadcast: boolean },
  recipient: { telegramId: number; firstName: string; language: string | null; id?: string },
): BroadcastMessage & { language: string } {
  const { content } = broadcast;
  const language = pickLanguage(content, recipient.language);
  const template = content.texts[language] ?? "";
  const text = template.replaceAll("{first_name}", escapeHtml(recipient.firstName));
  const buttons = content.buttons.map((button, index) => ({
    ...button,
    index,
    text:
      button.label[language] ??
      button.label[content.fallbackLanguage] ??
      Object.values(button.label)[0] ??
      "",
  }));
  return {
    broadcastId: broadcast.id,
    deliveryId: recipient.id,
    chatId: recipient.telegramId,
    text,
    media: content.media,
    buttons,
    allowPaidBroadcast: broadcast.allowPaidBroadcast,
    language,
  };
}
