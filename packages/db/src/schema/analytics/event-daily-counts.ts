import { date, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { eventTypes } from "./events.ts";

/**
 * What pruned events leave behind: per UTC day, bot, type and source, how many events there were
 * and how many distinct people did them. The retention job writes a day's row in the transaction
 * that deletes that day's events, so counts over old periods survive the pruning.
 */
export const eventDailyCounts = pgTable(
  "event_daily_counts",
  {
    day: date("day", { mode: "string" }).notNull(),
    botId: uuid("bot_id"),
    type: text("type", { enum: eventTypes }).notNull(),
    source: text("source"),
    events: integer("events").notNull(),
    users: integer("users").notNull(),
  },
  (t) => [unique("event_daily_counts_key").on(t.day, t.botId, t.type, t.source).nullsNotDistinct()],
);

export type EventDailyCountRow = typeof eventDailyCounts.$inferSelect;
