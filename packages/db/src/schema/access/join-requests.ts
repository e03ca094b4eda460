import { bigint, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";

export const joinRequestStatuses = ["pending", "approved", "declined"] as const;
export type JoinRequestStatus = (typeof joinRequestStatuses)[number];

/**
 * A request to join a paid chat from someone with no plan for it, held open while they are
 * offered the plan (the paywall): approved when they pay, declined when it goes stale. One row
 * per person and chat; a new request reopens it.
 */
export const joinRequests = pgTable(
  "join_requests",
  {
    id: idColumn(),
    botId: uuid("bot_id").notNull(),
    chatId: bigint("chat_id", { mode: "number" }).notNull(),
    telegramUserId: bigint("telegram_user_id", { mode: "number" }).notNull(),
    /** The plan offered to open the chat. */
    productId: uuid("product_id"),
    /**
     * A join-request query (Bot API 10.1) the paywall answered with the store: the request is then
     * approved or declined through the query, not by chat and user.
     */
    queryId: text("query_id"),
    status: text("status", { enum: joinRequestStatuses }).notNull().default("pending"),
    requestedAt: at("requested_at").notNull(),
    decidedAt: at("decided_at"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("join_requests_chat_user_idx").on(t.chatId, t.telegramUserId),
    index("join_requests_pending_idx").on(t.status, t.requestedAt),
  ],
);

export type JoinRequestRow = typeof joinRequests.$inferSelect;
