import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Every row carries when it was made and last changed, in UTC. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Random UUIDs as public ids: nothing about volume or order leaks through the API. */
export const idColumn = () => uuid("id").primaryKey().defaultRandom();

export const at = (name: string) => timestamp(name, { withTimezone: true });
