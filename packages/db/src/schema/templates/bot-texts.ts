import { sql } from "drizzle-orm";
import { bigint, check, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at } from "../_columns.ts";
import { bots } from "../bots/bots.ts";

/**
 * An operator's wording of one bot message in one language, replacing the default from the
 * Fluent files. `source` is the message's Fluent pattern as the operator wrote it (no `key =`).
 * No row: the default text. "Reset to default" deletes the row.
 */
export const botTexts = pgTable(
  "bot_texts",
  {
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    locale: text("locale", { enum: ["en", "ru"] }).notNull(),
    key: text("key").notNull(),
    source: text("source").notNull(),
    /** Who last saved it: the operator (admins.id) or the API key. */
    updatedBy: uuid("updated_by"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.locale, t.key] })],
);

/**
 * One counter per bot, raised in the same transaction as every change of its texts. Each bot
 * update reads it (a primary-key lookup) and rebuilds its cached translators only when it moved,
 * so a change saved through any server process is used by every process from the next update.
 */
export const botTextRevisions = pgTable(
  "bot_text_revisions",
  {
    botId: uuid("bot_id")
      .primaryKey()
      .references(() => bots.id, { onDelete: "cascade" }),
    revision: bigint("revision", { mode: "number" }).notNull(),
  },
  (t) => [check("bot_text_revisions_positive", sql`${t.revision} > 0`)],
);

export type BotTextRow = typeof botTexts.$inferSelect;
