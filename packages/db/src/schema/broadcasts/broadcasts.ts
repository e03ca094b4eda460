import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import {
  type BroadcastSegment,
  type BroadcastStatus,
  type ButtonKind,
  broadcastSegments,
  broadcastStatuses,
  type MediaKind,
} from "./constants.ts";

/** Parameters a segment takes (language code, product, days, saved list); unused ones absent. */
export type SegmentParams = {
  language?: string;
  productId?: string;
  days?: number;
  listId?: string;
  /** The course segment: only this course (by code); absent: any course. */
  courseCode?: string;
};

/** A button; its label per language (falling back like the text). */
export type BroadcastButton = {
  kind: ButtonKind;
  label: Record<string, string>;
  url?: string;
  productId?: string;
};

/**
 * What is sent: HTML-formatted text per language (the fallback language's when the recipient's
 * is missing), one optional media file (its URL or Telegram file_id) and the buttons.
 */
export type BroadcastContent = {
  texts: Record<string, string>;
  fallbackLanguage: string;
  media?: { kind: MediaKind; file: string } | undefined;
  buttons: BroadcastButton[];
};

/**
 * A message to a segment of one bot's users. `paused_until` is set by Telegram's 429 and holds
 * every worker until then; the recipients are materialised in broadcast_deliveries when sending starts.
 */
export const broadcasts = pgTable(
  "broadcasts",
  {
    id: idColumn(),
    botId: uuid("bot_id").notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: broadcastStatuses }).$type<BroadcastStatus>().notNull().default("draft"),
    segment: text("segment", { enum: broadcastSegments }).$type<BroadcastSegment>().notNull(),
    segmentParams: jsonb("segment_params").$type<SegmentParams>().notNull().default({}),
    content: jsonb("content").$type<BroadcastContent>().notNull(),
    scheduledAt: at("scheduled_at"),
    ratePerSecond: integer("rate_per_second").notNull().default(25),
    allowPaidBroadcast: boolean("allow_paid_broadcast").notNull().default(false),
    pausedUntil: at("paused_until"),
    /** How many recipients the segment had when sending started. */
    targeted: integer("targeted"),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    /** Refreshed by the worker sending it (about every second): the minute sweep restarts a silent one. */
    runnerSeenAt: at("runner_seen_at"),
    createdById: text("created_by_id"),
    ...timestamps,
  },
  (t) => [
    index("broadcasts_status_idx").on(t.status, t.scheduledAt),
    index("broadcasts_created_idx").on(t.createdAt, t.id),
    check("broadcasts_rate_range", sql`${t.ratePerSecond} between 1 and 1000`),
  ],
);

export type BroadcastRow = typeof broadcasts.$inferSelect;

/** A saved list of Telegram ids (uploaded as CSV), a segment of its own. */
export const broadcastLists = pgTable("broadcast_lists", {
  id: idColumn(),
  name: text("name").notNull(),
  size: integer("size").notNull(),
  ...timestamps,
});

export const broadcastListMembers = pgTable(
  "broadcast_list_members",
  {
    listId: uuid("list_id")
      .notNull()
      .references(() => broadcastLists.id, { onDelete: "cascade" }),
    telegramId: bigint("telegram_id", { mode: "number" }).notNull(),
  },
  (t) => [index("broadcast_list_members_idx").on(t.listId, t.telegramId)],
);
