import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";

/**
 * A personal invite link made for one person and one chat: a subscriber's (`subscriptionId`)
 * or a course student's (`enrollmentId`, the chats of their tariff). When someone else joins by
 * it, they are removed and the link revoked.
 */
export const chatInvites = pgTable(
  "chat_invites",
  {
    id: idColumn(),
    subscriptionId: uuid("subscription_id"),
    enrollmentId: uuid("enrollment_id"),
    userId: uuid("user_id").notNull(),
    botId: uuid("bot_id").notNull(),
    chatId: bigint("chat_id", { mode: "number" }).notNull(),
    inviteLink: text("invite_link").notNull().unique(),
    createsJoinRequest: boolean("creates_join_request").notNull().default(false),
    expiresAt: at("expires_at").notNull(),
    usedAt: at("used_at"),
    revokedAt: at("revoked_at"),
    ...timestamps,
  },
  (t) => [
    index("chat_invites_subscription_idx").on(t.subscriptionId),
    index("chat_invites_enrollment_idx").on(t.enrollmentId),
    check("chat_invites_one_owner", sql`num_nonnulls(${t.subscriptionId}, ${t.enrollmentId}) = 1`),
  ],
);

export type ChatInviteRow = typeof chatInvites.$inferSelect;
