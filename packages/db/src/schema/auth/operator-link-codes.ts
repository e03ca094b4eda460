import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at } from "../_columns.ts";
import { admins } from "./admins.ts";

/**
 * A short-lived code that ties a Telegram account to the operator who asked for it in the panel:
 * sent to any of the operator's bots as `/start op_<code>`. Only its hash is kept, so a database
 * reader cannot link their own account to someone else's operator.
 */
export const operatorLinkCodes = pgTable("operator_link_codes", {
  codeHash: text("code_hash").primaryKey(),
  adminId: uuid("admin_id")
    .notNull()
    .references(() => admins.id, { onDelete: "cascade" }),
  expiresAt: at("expires_at").notNull(),
  createdAt: at("created_at").notNull(),
});
