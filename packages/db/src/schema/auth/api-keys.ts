import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, idColumn, timestamps } from "../_columns.ts";
import { admins } from "./admins.ts";
import { adminRoles } from "./constants.ts";

/** Keys for services and scripts (X-Auth-Key). Only a SHA-256 of the key is kept. */
export const apiKeys = pgTable("api_keys", {
  id: idColumn(),
  name: text("name").notNull(),
  /** The first characters of the key, shown in lists so an operator can tell keys apart. */
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  role: text("role", { enum: adminRoles }).notNull(),
  createdBy: uuid("created_by").references(() => admins.id, { onDelete: "set null" }),
  expiresAt: at("expires_at"),
  revokedAt: at("revoked_at"),
  /** Written at most once a minute per key, so that auth stays a read. */
  lastUsedAt: at("last_used_at"),
  ...timestamps,
});

export type ApiKeyRow = typeof apiKeys.$inferSelect;
