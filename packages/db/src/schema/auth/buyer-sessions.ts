import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { users } from "../users/users.ts";

export const buyerLoginStatuses = ["pending", "confirmed", "denied", "used"] as const;
export type BuyerLoginStatus = (typeof buyerLoginStatuses)[number];

/**
 * A sign-in started in the installed app (outside Telegram): a one-time code the buyer confirms
 * in the bot. Only the browser that asked for it can collect the session (it holds the key
 * whose hash is stored here), so a code read over someone's shoulder is useless.
 */
export const buyerLoginCodes = pgTable(
  "buyer_login_codes",
  {
    id: idColumn(),
    code: text("code").notNull(),
    botId: uuid("bot_id").notNull(),
    browserKeyHash: text("browser_key_hash").notNull(),
    status: text("status", { enum: buyerLoginStatuses }).notNull().default("pending"),
    /** The Telegram user who confirmed or refused it. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    expiresAt: at("expires_at").notNull(),
    decidedAt: at("decided_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("buyer_login_codes_code_idx").on(t.code),
    index("buyer_login_codes_expires_idx").on(t.expiresAt),
  ],
);

/**
 * A buyer signed in to the installed app. The access token (a short JWT) names this row; the
 * refresh token is stored only as a hash and replaced at each use. Revoking the row (from the
 * bot's /sessions or the admin panel) ends both at once.
 */
export const buyerSessions = pgTable(
  "buyer_sessions",
  {
    id: idColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    botId: uuid("bot_id").notNull(),
    refreshHash: text("refresh_hash").notNull(),
    userAgent: text("user_agent"),
    expiresAt: at("expires_at").notNull(),
    lastUsedAt: at("last_used_at"),
    revokedAt: at("revoked_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("buyer_sessions_refresh_idx").on(t.refreshHash),
    index("buyer_sessions_user_idx").on(t.userId, t.createdAt),
    check("buyer_sessions_expiry", sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

export type BuyerLoginCodeRow = typeof buyerLoginCodes.$inferSelect;
export type BuyerSessionRow = typeof buyerSessions.$inferSelect;
