import { formatTaskDeadline, getTaskSettings } from "@lumen/core";
import type { TaskAttachment } from "@lumen/db";
import type { Message } from "grammy/types";
import type { BotContext } from "../../context.ts";

/** A task's short name in messages: the start of its text. */
export const taskTitle = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** The zone deadlines are typed and shown in: the bot's task zone (UTC until an admin sets one). */
export const taskZoneOf = async (ctx: BotContext) =>
  (await getTaskSettings(ctx.services.core, ctx.lumenBot.id)).timezone;

export const formatDeadline = (ctx: BotContext, deadline: Date | null, timezone: string) =>
  deadline ? formatTaskDeadline(deadline, timezone) : ctx.t("task-no-deadline");

/** What a message carries for a task: its text or caption and its file (by Telegram file id). */
export function messageParts(message: Message): { text: string; attachment?: TaskAttachment } {
  const text = message.text ?? message.caption ?? "";
  const photo = message.photo?.at(-1);
  if (photo) return { text, attachment: { kind: "photo", fileId: photo.file_id } };
  if (message.document) return { text, attachment: { kind: "document", fileId: message.document.file_id } };
  if (message.voice) return { text, attachment: { kind: "voice", fileId: message.voice.file_id } };
  return { text };
}

/** Sends a task's files to a chat, each by its file id, as replies to `replyTo` when given. */
export async function sendAttachments(
  api: BotContext["api"],
  chatId: number,
  attachments: TaskAttachment[],
  replyTo?: number,
): Promise<number[]> {
  const sent: number[] = [];
  const options = replyTo
    ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
    : {};
  for (const file of attachments) {
    const message =
      file.kind === "photo"
        ? await api.sendPhoto(chatId, file.fileId, options)
        : file.kind === "document"
          ? await api.sendDocument(chatId, file.fileId, options)
          : await api.sendVoice(chatId, file.fileId, options);
    sent.push(message.message_id);
  }
  return sent;
}
