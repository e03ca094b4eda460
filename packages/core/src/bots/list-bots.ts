import { type BotRow, bots } from "@lumen/db";
import { asc, eq } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { botTokenContext, type SecretBox } from "../shared/secret-box.ts";
import { type PublicBot, toPublicBot } from "./register-bot.ts";

export async function listBots(ctx: CoreContext): Promise<PublicBot[]> {
  const rows = await ctx.db.select().from(bots).orderBy(asc(bots.createdAt));
  return rows.map(toPublicBot);
}

export type RunnableBot = PublicBot & { token: string; webhookSecret: string };

export type UnreadableBot = PublicBot & { reason: string };

/**
 * For the bot runtime only: the decrypted tokens never leave the server process. A token that
 * does not decrypt (another LUMEN_SECRET, a damaged row) is reported, not thrown, so one bad
 * bot cannot keep the others down.
 */
export async function loadRunnableBots(
  ctx: CoreContext,
  box: SecretBox,
): Promise<{ bots: RunnableBot[]; unreadable: UnreadableBot[] }> {
  const rows = await ctx.db.select().from(bots).where(eq(bots.enabled, true)).orderBy(asc(bots.createdAt));
  const result: { bots: RunnableBot[]; unreadable: UnreadableBot[] } = { bots: [], unreadable: [] };
  for (const row of rows) {
    try {
      result.bots.push(toRunnable(row, box));
    } catch {
      result.unreadable.push({ ...toPublicBot(row), reason: "the token does not decrypt with LUMEN_SECRET" });
    }
  }
  return result;
}

export async function loadRunnableBot(ctx: CoreContext, box: SecretBox, id: string): Promise<RunnableBot> {
  const [row] = await ctx.db.select().from(bots).where(eq(bots.id, id));
  if (!row) throw notFound("Bot", id);
  try {
    return toRunnable(row, box);
  } catch {
    throw new LumenError("CONFLICT", "The bot's token does not decrypt with LUMEN_SECRET");
  }
}

const toRunnable = (row: BotRow, box: SecretBox): RunnableBot => ({
  ...toPublicBot(row),
  token: box.decrypt(row.tokenEncrypted, botTokenContext(row.id)),
  webhookSecret: row.webhookSecret,
});

/**
 * What a webhook call is checked against before anything else happens: the secret Telegram
 * sends back, read without decrypting the token, so a forged call launches nothing.
 */
export async function findBotWebhookSecret(
  ctx: CoreContext,
  id: string,
): Promise<{ webhookSecret: string; enabled: boolean } | null> {
  const [row] = await ctx.db
    .select({ webhookSecret: bots.webhookSecret, enabled: bots.enabled })
    .from(bots)
    .where(eq(bots.id, id));
  return row ?? null;
}
