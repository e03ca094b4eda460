import { bots, type Database } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { LumenError } from "../shared/errors.ts";

/**
 * The bot a lesson's file belongs to: a Telegram file_id works only in the bot that received it,
 * so it is the course's bot, or the only enabled bot teaching courses when the course names none.
 * Media capture sends the operator there, and the panel's preview downloads the file through it.
 */
export async function findTeachingBot(
  db: Database,
  botId: string | null,
): Promise<{ id: string; username: string }> {
  const rows = await db
    .select({ id: bots.id, username: bots.username, features: bots.features })
    .from(bots)
    .where(and(eq(bots.enabled, true), botId ? eq(bots.id, botId) : undefined));
  const teaching = rows.filter((b) => b.features.includes("courses"));
  const [bot] = teaching;
  if (!bot)
    throw new LumenError("CONFLICT", "No enabled bot with the courses feature teaches this course", {
      field: "bot_id",
    });
  if (teaching.length > 1)
    throw new LumenError(
      "CONFLICT",
      "Choose the course's bot first: a file sent to one bot cannot be sent by another",
      { field: "bot_id" },
    );
  return { id: bot.id, username: bot.username };
}
