import { bigserial, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { at } from "../_columns.ts";

export const auditActorTypes = ["admin", "api_key", "cli", "system", "anonymous"] as const;
export type AuditActorType = (typeof auditActorTypes)[number];

/** Append-only record of every change an operator, key or script made. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actorType: text("actor_type", { enum: auditActorTypes }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_created_idx").on(t.createdAt),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
