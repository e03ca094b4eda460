import { sql } from "drizzle-orm";
import { bigint, boolean, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";

/** A Telegram user who has talked to any of the operator's bots. */
export const users = pgTable(
  "users",
  {
    id: idColumn(),
    telegramId: bigint("telegram_id", { mode: "number" }).notNull().unique(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name"),
    username: text("username"),
    languageCode: text("language_code"),
    /** The language the user picked in the bot; overrides Telegram's language_code when set. */
    locale: text("locale"),
    /** Deep-link payload of the first /start (ref_<code>, p_<id>, ...): first touch wins. */
    referralSource: text("referral_source"),
    isBanned: boolean("is_banned").notNull().default(false),
    /** When an operator blocked the user (is_banned set); null when not blocked. */
    blockedAt: at("blocked_at"),
    /** The bot the user first wrote to: first touch, like referral_source; null for users made by the API. */
    botId: uuid("bot_id"),
    firstSeenAt: at("first_seen_at").notNull().defaultNow(),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    index("users_username_idx").on(t.username),
    index("users_created_idx").on(t.createdAt, t.id),
    index("users_last_seen_idx").on(t.lastSeenAt, t.id),
    // New users of a period (the dashboard).
    index("users_first_seen_idx").on(t.firstSeenAt, t.id),
    index("users_name_idx").on(sql`lower(${t.firstName})`, t.id),
    // "@user_42": a prefix of the lower-cased username, which a b-tree answers with LIKE 'x%'.
    index("users_username_prefix_idx").on(sql`lower(${t.username}) text_pattern_ops`),
    // Any part of a name or username ("olg", "surname99"): trigram indexes (pg_trgm) serve ILIKE '%x%'.
    index("users_name_trgm_idx").using(
      "gin",
      sql`(${t.firstName} || ' ' || coalesce(${t.lastName}, '')) gin_trgm_ops`,
    ),
    index("users_username_trgm_idx").using("gin", sql`${t.username} gin_trgm_ops`),
  ],
);

export type UserRow = typeof users.$inferSelect;
