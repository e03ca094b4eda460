import { type UserRow, users } from "@lumen/db";
import { getTableColumns, sql } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";

export type TelegramUserInput = {
  telegramId: number;
  firstName: string;
  lastName?: string | null;
  username?: string | null;
  languageCode?: string | null;
  /** The /start payload that brought the user; kept only from their very first visit. */
  startPayload?: string | null;
  /** The bot the update came through; kept only from the very first visit, like the payload. */
  botId?: string | null;
};

/**
 * One statement, so two updates from the same new user at once cannot create two rows.
 * Names and language follow Telegram; the referral source is first-touch and never overwritten.
 */
export async function upsertTelegramUser(
  ctx: CoreContext,
  input: TelegramUserInput,
): Promise<UserRow & { created: boolean }> {
  const now = ctx.clock.now();
  const profile = {
    firstName: input.firstName,
    lastName: input.lastName ?? null,
    username: input.username ?? null,
    languageCode: input.languageCode ?? null,
  };
  const [row] = await ctx.db
    .insert(users)
    .values({
      telegramId: input.telegramId,
      ...profile,
      referralSource: input.startPayload ?? null,
      botId: input.botId ?? null,
      firstSeenAt: now,
      lastSeenAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: users.telegramId,
      set: {
        ...profile,
        // Users from before bots were recorded get theirs on their next update.
        botId: sql`coalesce(${users.botId}, excluded.bot_id)`,
        lastSeenAt: now,
        updatedAt: now,
      },
    })
    // xmax = 0 only on a freshly inserted row: tells a registration from a returning visitor.
    .returning({ ...getTableColumns(users), created: sql<boolean>`(xmax = 0)` });
  if (!row) throw new Error("upsert returned no row");
  return row;
}
