import { bots, type Database } from "@lumen/db";
import { eq } from "drizzle-orm";
import { notFound } from "../shared/errors.ts";

/** Home screens show about twelve characters under an icon. */
const SHORT_NAME_LENGTH = 12;

export type BotDisplayName = {
  /** The bot's name as Telegram shows it (its first_name), or its @username when that is blank. */
  name: string;
  /** The same, at most twelve characters, cut at a word end where one is close: an app icon's label. */
  shortName: string;
};

/**
 * What buyers know the seller as: the installed store's name, a receipt's seller. Read here once
 * so the manifest and the receipt never disagree about it.
 */
export async function getBotDisplayName(db: Database, botId: string): Promise<BotDisplayName> {
  const found = await findBotDisplayName(db, botId);
  if (!found) throw notFound("Bot", botId);
  return found;
}

/** The same, or null for a bot no longer registered (an old order's seller). */
export async function findBotDisplayName(db: Database, botId: string): Promise<BotDisplayName | null> {
  const [row] = await db
    .select({ name: bots.name, username: bots.username })
    .from(bots)
    .where(eq(bots.id, botId));
  if (!row) return null;
  const name = row.name.trim() || row.username;
  return { name, shortName: shortenName(name) };
}

/** "Lumen Academy Store" → "Lumen…" rather than "Lumen Acade…": a cut word reads worse than a dropped one. */
export function shortenName(name: string): string {
  if (name.length <= SHORT_NAME_LENGTH) return name;
  const head = name.slice(0, SHORT_NAME_LENGTH - 1);
  const wordEnd = head.lastIndexOf(" ");
  const cut = wordEnd >= 4 ? head.slice(0, wordEnd) : head;
  return `${cut.trimEnd()}…`;
}
