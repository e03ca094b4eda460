import type { Document, Message, PhotoSize, Voice } from "@grammyjs/types";
import { badRequest } from "../api-error.ts";
import { generateFileId, generateFileUniqueId } from "../ids.ts";
import { readInteger, readString } from "../params.ts";
import { readReplyMarkup } from "../reply-markup.ts";
import { CAPTION, formatText, MESSAGE_TEXT } from "../text/format-text.ts";
import type { MethodContext, MethodTable } from "./method-context.ts";
import { postBotMessage, resolveSendTarget } from "./outgoing-message.ts";

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

function requireChatIdPresent(context: MethodContext): void {
  const value = context.params.chat_id;
  if (value === undefined || value === null || value === "") throw badRequest("chat_id is empty");
}

/** Caption, entities and inline keyboard shared by every media method. */
function captionContent(context: MethodContext): Partial<Message> {
  const content: Partial<Message> = {};
  const caption = formatText(context.params, CAPTION);
  if (caption.text.length > MAX_CAPTION) throw badRequest("message caption is too long");
  if (caption.text) content.caption = caption.text;
  if (caption.entities.length > 0) content.caption_entities = caption.entities;
  const markup = readReplyMarkup(context.params, context.world);
  if (markup) content.reply_markup = markup;
  return content;
}

/** A media parameter: an uploaded file (attach://), a known file_id, or an HTTP URL. */
function readMedia(
  context: MethodContext,
  name: string,
): { kind: "new"; filename: string; size: number } | { kind: "known"; fileId: string } {
  const value = readString(context.params, name);
  const upload =
    context.files.get(name) ??
    (value?.startsWith("attach://") ? context.files.get(value.slice(9)) : undefined);
  if (upload) return { kind: "new", filename: upload.filename, size: upload.data.length };
  if (value === undefined || value === "") throw badRequest(`there is no ${name} in the request`);
  if (/^https?:\/\//i.test(value)) return { kind: "new", filename: value.split("/").pop() || name, size: 0 };
  if (context.world.files.has(value)) return { kind: "known", fileId: value };
  throw badRequest("wrong file identifier/HTTP URL specified");
}

function createPhotoSizes(size: number): PhotoSize[] {
  return [90, 320, 800].map((side, index) => ({
    file_id: generateFileId(),
    file_unique_id: generateFileUniqueId(),
    width: side,
    height: side,
    file_size: Math.max(1, Math.round(((size || 50_000) * (index + 1)) / 3)),
  }));
}

export const sendMessageMethods: MethodTable = {
  sendMessage(context) {
    requireChatIdPresent(context);
    if (!readString(context.params, "text")) throw badRequest("message text is empty");
    const formatted = formatText(context.params, MESSAGE_TEXT);
    if (formatted.text.length === 0) throw badRequest("message text is empty");
    if (formatted.text.length > MAX_TEXT) throw badRequest("message is too long");
    const target = resolveSendTarget(context);
    const content: Partial<Message> = { text: formatted.text };
    if (formatted.entities.length > 0) content.entities = formatted.entities;
    const markup = readReplyMarkup(context.params, context.world);
    if (markup) content.reply_markup = markup;
    return postBotMessage(context, target, content);
  },

  sendPhoto(context) {
    requireChatIdPresent(context);
    const media = readMedia(context, "photo");
    const content = captionContent(context);
    const target = resolveSendTarget(context);
    const photo =
      media.kind === "known" ? context.world.files.get(media.fileId)?.photo : createPhotoSizes(media.size);
    if (!photo) throw badRequest("wrong file identifier/HTTP URL specified");
    for (const size of photo) context.world.files.set(size.file_id, { photo });
    return postBotMessage(context, target, { ...content, photo });
  },

  sendVideo(context) {
    requireChatIdPresent(context);
    const media = readMedia(context, "video");
    const content = captionContent(context);
    const target = resolveSendTarget(context);
    const video =
      media.kind === "known"
        ? context.world.files.get(media.fileId)?.video
        : {
            file_id: generateFileId(),
            file_unique_id: generateFileUniqueId(),
            width: 640,
            height: 360,
            duration: 10,
            file_name: media.filename,
          };
    if (!video) throw badRequest("wrong file identifier/HTTP URL specified");
    context.world.files.set(video.file_id, { video });
    return postBotMessage(context, target, { ...content, video });
  },

  sendDocument(context) {
    requireChatIdPresent(context);
    const media = readMedia(context, "document");
    const content = captionContent(context);
    const target = resolveSendTarget(context);
    let document: Document | undefined;
    if (media.kind === "known") document = context.world.files.get(media.fileId)?.document;
    else {
      document = {
        file_id: generateFileId(),
        file_unique_id: generateFileUniqueId(),
        file_name: media.filename,
      };
      if (media.size > 0) document.file_size = media.size;
    }
    if (!document) throw badRequest("wrong file identifier/HTTP URL specified");
    context.world.files.set(document.file_id, { document });
    return postBotMessage(context, target, { ...content, document });
  },

  /** A voice note (OGG/Opus in Telegram): uploaded, or sent on by the file id of one received. */
  sendVoice(context) {
    requireChatIdPresent(context);
    const media = readMedia(context, "voice");
    const content = captionContent(context);
    const target = resolveSendTarget(context);
    let voice: Voice | undefined;
    if (media.kind === "known") voice = context.world.files.get(media.fileId)?.voice;
    else {
      voice = {
        file_id: generateFileId(),
        file_unique_id: generateFileUniqueId(),
        duration: readInteger(context.params, "duration") ?? 1,
        mime_type: "audio/ogg",
      };
      if (media.size > 0) voice.file_size = media.size;
    }
    if (!voice) throw badRequest("wrong file identifier/HTTP URL specified");
    context.world.files.set(voice.file_id, { voice });
    return postBotMessage(context, target, { ...content, voice });
  },
};
