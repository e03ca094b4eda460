import type { InlineKeyboardButton, InlineKeyboardMarkup } from "@grammyjs/types";
import { badRequest } from "./api-error.ts";
import { type Params, readJson } from "./params.ts";

const BUTTON_ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
];

/**
 * Validates reply_markup and returns the inline keyboard, the only kind a
 * message carries afterwards (reply keyboards live on the client side).
 */
export function readReplyMarkup(
  params: Params,
  env: { testEnvironment: boolean } = { testEnvironment: false },
): InlineKeyboardMarkup | undefined {
  const markup = readJson(params, "reply_markup", "reply keyboard markup");
  if (markup === undefined) return undefined;
  if (!markup || typeof markup !== "object" || Array.isArray(markup)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  if ("inline_keyboard" in markup) return validateInlineKeyboard(markup.inline_keyboard, env.testEnvironment);
  if ("keyboard" in markup) {
    if (!Array.isArray(markup.keyboard) || !markup.keyboard.every(Array.isArray)) {
      throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
    }
    return undefined;
  }
  if ("remove_keyboard" in markup || "force_reply" in markup) return undefined;
  throw badRequest('can\'t find field "inline_keyboard"');
}

function validateInlineKeyboard(rows: unknown, httpWebApps: boolean): InlineKeyboardMarkup {
  if (!Array.isArray(rows))
    throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array');
  const keyboard: InlineKeyboardButton[][] = [];
  for (const row of rows) {
    if (!Array.isArray(row))
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    keyboard.push(row.map((button) => validateButton(button, httpWebApps)));
  }
  return { inline_keyboard: keyboard };
}

function validateButton(button: unknown, httpWebApps: boolean): InlineKeyboardButton {
  if (!button || typeof button !== "object")
    throw badRequest("can't parse inline keyboard button: Object expected");
  const fields = button as Record<string, unknown>;
  if (typeof fields.text !== "string") {
    throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
  }
  const actions = BUTTON_ACTIONS.filter((name) => fields[name] !== undefined);
  if (actions.length === 0) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  if (fields.callback_data !== undefined) {
    const data = fields.callback_data;
    const size = typeof data === "string" ? Buffer.byteLength(data) : 0;
    if (size < 1 || size > 64) throw badRequest("BUTTON_DATA_INVALID");
  }
  if (fields.url !== undefined) {
    if (typeof fields.url !== "string" || !/^(https?|tg):\/\/\S+$/i.test(fields.url)) {
      throw badRequest(`inline keyboard button URL '${String(fields.url)}' is invalid: Wrong HTTP URL`);
    }
  }
  if (fields.web_app !== undefined)
    requireWebAppUrl((fields.web_app as { url?: unknown } | null)?.url, httpWebApps);
  return structuredClone(fields) as unknown as InlineKeyboardButton;
}

/**
 * Telegram opens Mini Apps over HTTPS only, in buttons and in the menu button alike; its test
 * environment also takes http, for a Mini App served from the developer's machine.
 */
export function requireWebAppUrl(url: unknown, allowHttp = false): void {
  const pattern = allowHttp ? /^https?:\/\/\S+$/i : /^https:\/\/\S+$/i;
  if (typeof url !== "string" || !pattern.test(url)) {
    throw badRequest(`Web App URL '${String(url)}' is invalid: Only HTTPS links are allowed`);
  }
}

export function findCallbackButton(markup: InlineKeyboardMarkup | undefined, data: string): boolean {
  return (markup?.inline_keyboard ?? []).some((row) =>
    row.some((button) => "callback_data" in button && button.callback_data === data),
  );
}

export function listCallbackData(markup: InlineKeyboardMarkup | undefined): string[] {
  return (markup?.inline_keyboard ?? []).flatMap((row) =>
    row.flatMap((button) => ("callback_data" in button ? [button.callback_data] : [])),
  );
}
