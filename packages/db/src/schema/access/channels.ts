import { bigint, boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { bots } from "../bots/bots.ts";

export const channelTypes = ["channel", "supergroup", "group"] as const;
export const botChatStatuses = ["administrator", "member", "left", "kicked", "restricted"] as const;

/**
 * A channel or group a bot was added to: where paid access is sold. The rights the bot holds
 * are kept so operators see what is missing before the first sale, not after it.
 */
export const channels = pgTable(
  "channels",
  {
    id: idColumn(),
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    chatId: bigint("chat_id", { mode: "number" }).notNull(),
    title: text("title").notNull(),
    type: text("type", { enum: channelTypes }).notNull(),
    username: text("username"),
    botStatus: text("bot_status", { enum: botChatStatuses }).notNull(),
    canInviteUsers: boolean("can_invite_users").notNull().default(false),
    canRestrictMembers: boolean("can_restrict_members").notNull().default(false),
    /** invite_link: personal one-use links; join_request: the bot approves entitled requests. */
    joinMode: text("join_mode", { enum: ["invite_link", "join_request"] })
      .notNull()
      .default("invite_link"),
    statusChangedAt: at("status_changed_at").notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("channels_bot_chat_idx").on(t.botId, t.chatId),
    index("channels_chat_idx").on(t.chatId),
  ],
);

export type ChannelRow = typeof channels.$inferSelect;
