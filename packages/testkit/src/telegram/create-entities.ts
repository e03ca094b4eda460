import type { Chat, User } from "@grammyjs/types";
import { generateBotToken } from "./ids.ts";
import { refId } from "./resolve.ts";
import type { BotHandle, UserRef } from "./types.ts";
import { createBotUpdateState } from "./updates/bot-update-state.ts";
import type { BotRecord, World } from "./world.ts";

export type CreateBotOptions = {
  username: string;
  firstName?: string;
  /** A fixed id and token, so a bot saved by an earlier run (the playground's) is recognised again. */
  id?: number;
  token?: string;
};
export type CreateUserOptions = {
  /** A fixed id, so people saved by an earlier run are the same users again. */
  id?: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  isPremium?: boolean;
};
export type CreateChatOptions = {
  /** A fixed (negative) id, so a chat saved by an earlier run is the same chat again. */
  id?: number;
  type: "channel" | "supergroup" | "group";
  title: string;
  /** Makes the chat public (resolvable as "@username"). */
  username?: string;
  /** The owner; a user named "Owner" is created when omitted. */
  creator?: UserRef;
};

/** Id ranges that look like Telegram's: channels and supergroups are -100…, basic groups plain negative. */
export function createEntityFactory(world: World) {
  let nextBot = 7_100_000_001;
  let nextUser = 500_000_001;
  let nextChannel = 2_100_000_001;
  let nextGroup = 4_100_000_001;

  const createUser = (options: CreateUserOptions): User => {
    const user: User = { id: options.id ?? nextUser++, is_bot: false, first_name: options.firstName };
    if (options.lastName !== undefined) user.last_name = options.lastName;
    if (options.username !== undefined) user.username = options.username;
    if (options.languageCode !== undefined) user.language_code = options.languageCode;
    if (options.isPremium) user.is_premium = true;
    world.users.set(user.id, user);
    return structuredClone(user);
  };

  return {
    createBot(options: CreateBotOptions): BotHandle {
      const username = options.username.replace(/^@/, "");
      if (![...world.bots.values()].every((bot) => bot.username.toLowerCase() !== username.toLowerCase())) {
        throw new Error(`A bot named @${username} already exists`);
      }
      const id = options.id ?? nextBot++;
      if (options.token !== undefined && !options.token.startsWith(`${id}:`))
        throw new Error("A bot token starts with the bot's id and a colon");
      const firstName = options.firstName ?? username;
      const record: BotRecord = {
        id,
        token: options.token ?? generateBotToken(id),
        username,
        firstName,
        user: { id, is_bot: true, first_name: firstName, username },
        commands: new Map(),
        menuButtons: new Map(),
        updates: createBotUpdateState(),
        reachableUsers: new Set(),
        blockedBy: new Set(),
      };
      world.bots.set(id, record);
      world.botsByToken.set(record.token, record);
      return { id, token: record.token, username, firstName };
    },

    createUser,

    createChat(options: CreateChatOptions): Chat {
      const id =
        options.id ?? (options.type === "group" ? -nextGroup++ : -(1_000_000_000_000 + nextChannel++));
      const chat = (
        options.type === "group"
          ? { id, type: "group", title: options.title }
          : {
              id,
              type: options.type,
              title: options.title,
              ...(options.username ? { username: options.username } : {}),
            }
      ) as Chat;
      const creatorId =
        options.creator !== undefined ? refId(options.creator) : createUser({ firstName: "Owner" }).id;
      if (!world.users.has(creatorId))
        throw new Error(`Unknown creator ${creatorId}; create it with tg.createUser()`);
      world.chats.set(id, { chat, creatorId, joinRequests: new Map() });
      world.members.set(id, creatorId, { status: "creator", untilDate: 0 });
      return structuredClone(chat);
    },
  };
}
