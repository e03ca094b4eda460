import type { BotCommand, UserFromGetMe } from "@grammyjs/types";
import { badRequest } from "../api-error.ts";
import { type Params, readJson, readString } from "../params.ts";
import type { MethodTable } from "./method-context.ts";

const SCOPE_TYPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

/** Commands are stored per (scope, language) and looked up exactly, without fallback, like getMyCommands. */
export function commandsKey(params: Params): string {
  const scope = readJson(params, "scope", "BotCommandScope") ?? { type: "default" };
  if (!scope || typeof scope !== "object" || !SCOPE_TYPES.has(String((scope as { type?: unknown }).type))) {
    throw badRequest("can't parse BotCommandScope JSON object");
  }
  const { type, chat_id, user_id } = scope as { type: string; chat_id?: unknown; user_id?: unknown };
  if (type.startsWith("chat") && (chat_id === undefined || chat_id === null))
    throw badRequest("chat_id is empty");
  if (type === "chat_member" && (user_id === undefined || user_id === null))
    throw badRequest("user_id is empty");
  const languageCode = readString(params, "language_code") ?? "";
  if (languageCode !== "" && !/^[a-z]{2}$/.test(languageCode))
    throw badRequest("invalid language code specified");
  return `${JSON.stringify({ type, chat_id, user_id })}|${languageCode}`;
}

function validateCommands(value: unknown): BotCommand[] {
  if (value === undefined) throw badRequest('parameter "commands" is required');
  if (!Array.isArray(value)) throw badRequest("can't parse commands JSON object");
  if (value.length > 100) throw badRequest("too many commands specified");
  return value.map((item) => {
    const { command, description } = (item ?? {}) as { command?: unknown; description?: unknown };
    if (typeof command !== "string" || !/^[a-z0-9_]{1,32}$/.test(command))
      throw badRequest("BOT_COMMAND_INVALID");
    if (typeof description !== "string" || description.trim().length < 1 || description.length > 256) {
      throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    }
    return { command, description };
  });
}

export const botInfoMethods: MethodTable = {
  getMe({ bot }): UserFromGetMe {
    return {
      ...bot.user,
      is_bot: true,
      username: bot.username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
  },
  setMyCommands({ bot, params }) {
    const commands = validateCommands(readJson(params, "commands", "commands"));
    const key = commandsKey(params);
    if (commands.length === 0) bot.commands.delete(key);
    else bot.commands.set(key, commands);
    return true;
  },
  getMyCommands({ bot, params }) {
    return bot.commands.get(commandsKey(params)) ?? [];
  },
  deleteMyCommands({ bot, params }) {
    bot.commands.delete(commandsKey(params));
    return true;
  },
};
