import { badRequest } from "../api-error.ts";
import { readInteger, readString, requireString } from "../params.ts";
import { formatText, MESSAGE_TEXT } from "../text/format-text.ts";
import type { MethodTable } from "./method-context.ts";
import { resolveSendTarget } from "./outgoing-message.ts";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

const QUERY_EXPIRED = "query is too old and response timeout expired or query ID is invalid";

/** Ephemeral feedback to the user: nothing here ends up in chat history. */
export const chatFeedbackMethods: MethodTable = {
  sendChatAction(context) {
    const action = readString(context.params, "action");
    resolveSendTarget(context);
    if (!action || !CHAT_ACTIONS.has(action)) throw badRequest("wrong parameter action in request");
    return true;
  },

  sendMessageDraft(context) {
    const { world, params } = context;
    const target = resolveSendTarget(context);
    if (!target.user) throw badRequest("method is available only for private chats");
    const draftId = readInteger(params, "draft_id");
    if (draftId === undefined || draftId === 0) throw badRequest("draft_id must be non-zero");
    const formatted = formatText(params, MESSAGE_TEXT);
    if (!formatted.text.trim()) throw badRequest("message text is empty");
    if (formatted.text.length > 4096) throw badRequest("message is too long");
    world.drafts.push({ chatId: target.chat.id, draftId, text: formatted.text, at: world.now() });
    return true;
  },

  answerCallbackQuery({ world, bot, params }) {
    const id = requireString(
      params,
      "callback_query_id",
      "query is too old and response timeout expired or query ID is invalid",
    );
    const query = world.callbackQueries.get(id);
    if (!query || query.answered || query.botId !== bot.id) throw badRequest(QUERY_EXPIRED);
    const text = readString(params, "text") ?? "";
    if (text.length > 200) throw badRequest("MESSAGE_TOO_LONG");
    query.answered = true;
    return true;
  },
};
