import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { users } from "../users/users.ts";

export const campaignKinds = ["trial_ending", "checkout_abandoned", "winback", "newcomer"] as const;
export type CampaignKind = (typeof campaignKinds)[number];

/**
 * An automated campaign of one bot: on or off, its text per language (HTML, with {first_name} and,
 * for the win-back, {promo_code}), and its one number: hours (trial ending, checkout, newcomer) or
 * days (win-back); the win-back's discount in percent.
 */
export const campaignSettings = pgTable(
  "campaign_settings",
  {
    botId: uuid("bot_id").notNull(),
    kind: text("kind", { enum: campaignKinds }).$type<CampaignKind>().notNull(),
    enabled: boolean("enabled").notNull().default(false),
    texts: jsonb("texts").$type<Record<string, string>>().notNull(),
    delay: integer("delay").notNull(),
    percentOff: integer("percent_off"),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.botId, t.kind] })],
);

export type CampaignSettingsRow = typeof campaignSettings.$inferSelect;

/**
 * One campaign message to one user for one occasion (a trial, an order, a plan's end), claimed
 * (unique occasion) before it is sent: never twice, even with several workers or after a crash.
 */
export const campaignSends = pgTable(
  "campaign_sends",
  {
    id: idColumn(),
    botId: uuid("bot_id").notNull(),
    kind: text("kind", { enum: campaignKinds }).$type<CampaignKind>().notNull(),
    occasion: text("occasion").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["sending", "sent", "failed", "blocked"] })
      .notNull()
      .default("sending"),
    promoCode: text("promo_code"),
    error: text("error"),
    claimedAt: at("claimed_at").notNull(),
    sentAt: at("sent_at"),
  },
  (t) => [
    uniqueIndex("campaign_sends_once_idx").on(t.kind, t.occasion),
    index("campaign_sends_bot_idx").on(t.botId, t.kind, t.status),
  ],
);
