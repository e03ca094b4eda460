import { type Database, type UserRow, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { notFound } from "../shared/errors.ts";

export async function getUser(db: Database, userId: string): Promise<UserRow> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw notFound("User", userId);
  return row;
}

export async function assertUserExists(db: Database, userId: string): Promise<void> {
  await getUser(db, userId);
}

export async function findUserByTelegramId(db: Database, telegramId: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.telegramId, telegramId));
  return row;
}
