import { sql } from "drizzle-orm";
import { bigint, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { adminRoles } from "./constants.ts";

/** Operators of the panel: the people who sell through Lumen. */
export const admins = pgTable(
  "admins",
  {
    id: idColumn(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: adminRoles }).notNull(),
    lastLoginAt: at("last_login_at"),
    disabledAt: at("disabled_at"),
    /** The operator's own Telegram account, linked by a code from the panel: how bots know a reviewer or an assistant. */
    telegramUserId: bigint("telegram_user_id", { mode: "number" }).unique(),
    ...timestamps,
  },
  (t) => [uniqueIndex("admins_email_lower_idx").on(sql`lower(${t.email})`)],
);

export type AdminRow = typeof admins.$inferSelect;
