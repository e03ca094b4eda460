import { bots, botTexts } from "@lumen/db";
import { defaultMessages, type Locale, locales } from "@lumen/locales";
import { eq } from "drizzle-orm";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";
import { variablesOf } from "./text-keys.ts";
import { readWelcomeImages } from "./welcome-image.ts";

export type BotTextVersion = { default: string; override: string | null; updatedAt: Date | null };
export type BotTextEntry = { key: string; variables: string[]; texts: Record<Locale, BotTextVersion> };
export type BotTextScreen = { file: string; entries: BotTextEntry[] };

/**
 * Every message a bot sends, grouped by the Fluent file (screen) it comes from, in the order of
 * the files, with each language's default text beside the bot's override; and the picture above
 * the main menu per language (null: none).
 */
export async function listBotTexts(
  ctx: CoreContext,
  actor: Actor,
  input: { botId: string },
): Promise<{ screens: BotTextScreen[]; welcomeImages: Record<Locale, string | null> }> {
  requireRole(actor, "operator");
  const [bot] = await ctx.db.select({ id: bots.id }).from(bots).where(eq(bots.id, input.botId));
  if (!bot) throw notFound("Bot", input.botId);
  const rows = await ctx.db.select().from(botTexts).where(eq(botTexts.botId, input.botId));
  const overrides = new Map(rows.map((r) => [`${r.locale}:${r.key}`, r]));
  const defaults = new Map(locales.map((l) => [l, new Map(defaultMessages(l).map((m) => [m.key, m.text]))]));

  const screens: BotTextScreen[] = [];
  for (const message of defaultMessages(locales[0])) {
    let screen = screens.find((s) => s.file === message.file);
    if (!screen) {
      screen = { file: message.file, entries: [] };
      screens.push(screen);
    }
    const texts = Object.fromEntries(
      locales.map((l) => {
        const row = overrides.get(`${l}:${message.key}`);
        const version: BotTextVersion = {
          default: defaults.get(l)?.get(message.key) ?? "",
          override: row?.source ?? null,
          updatedAt: row?.updatedAt ?? null,
        };
        return [l, version];
      }),
    ) as Record<Locale, BotTextVersion>;
    screen.entries.push({ key: message.key, variables: variablesOf(message.key), texts });
  }
  const images = await readWelcomeImages(ctx.db, input.botId);
  const welcomeImages = Object.fromEntries(locales.map((l) => [l, images[l] ?? null])) as Record<
    Locale,
    string | null
  >;
  return { screens, welcomeImages };
}
