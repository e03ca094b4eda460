import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { admins } from "./admins.ts";

/**
 * One row per login. The JWT names its session, so logout and disabling an
 * operator take effect at once instead of when the token expires.
 */
export const adminSessions = pgTable(
  "admin_sessions",
  {
    id: idColumn(),
    adminId: uuid("admin_id")
      .notNull()
      .references(() => admins.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    ip: text("ip"),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
    lastSeenAt: at("last_seen_at"),
    ...timestamps,
  },
  (t) => [index("admin_sessions_expires_idx").on(t.expiresAt)],
);

export type AdminSessionRow = typeof adminSessions.$inferSelect;
