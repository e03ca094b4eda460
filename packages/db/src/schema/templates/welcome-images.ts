import { pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { at } from "../_columns.ts";
import { bots } from "../bots/bots.ts";

/**
 * The picture above a bot's main menu (/start), per language: an http(s) address or a Telegram
 * file_id, sent as a photo with the welcome text as its caption. No row: text only. Changes
 * raise the bot's text revision like text overrides, so every process picks them up at once.
 */
export const botWelcomeImages = pgTable(
  "bot_welcome_images",
  {
    botId: uuid("bot_id")
      .notNull()
      .references(() => bots.id, { onDelete: "cascade" }),
    locale: text("locale", { enum: ["en", "ru"] }).notNull(),
    photo: text("photo").notNull(),
    /** Who last saved it: the operator (admins.id) or the API key. */
    updatedBy: uuid("updated_by"),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.botId, t.locale] })],
);

export type BotWelcomeImageRow = typeof botWelcomeImages.$inferSelect;
