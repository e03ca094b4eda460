import { pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at } from "../_columns.ts";
import { auditActorTypes } from "../audit/audit-log.ts";
import { orders } from "./orders.ts";

/**
 * An operator looked at a flagged order (a payment that did not match it) and settled the matter
 * outside Lumen. The flag itself stays on the order as history; this row says who closed it and when.
 */
export const orderFlagResolutions = pgTable("order_flag_resolutions", {
  orderId: uuid("order_id")
    .primaryKey()
    .references(() => orders.id),
  resolvedByType: text("resolved_by_type", { enum: auditActorTypes }).notNull(),
  resolvedById: text("resolved_by_id"),
  note: text("note").notNull(),
  resolvedAt: at("resolved_at").notNull().defaultNow(),
});

export type OrderFlagResolutionRow = typeof orderFlagResolutions.$inferSelect;
