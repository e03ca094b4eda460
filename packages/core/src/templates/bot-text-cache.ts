import { botTextRevisions, botTexts } from "@lumen/db";
import { compileOverrides, createTranslator, type Locale, locales, type Translate } from "@lumen/locales";
import { eq } from "drizzle-orm";
import type { CoreContext } from "../shared/context.ts";
import { readWelcomeImages } from "./welcome-image.ts";

/** Gives a translator for a language, with the bot's overrides before the default texts. */
export type TranslatorFor = (locale: Locale) => Translate;

type Cached = {
  revision: number;
  translatorFor: TranslatorFor;
  welcomeImages: Partial<Record<Locale, string>>;
};

const defaultsOnly: TranslatorFor = (locale) => createTranslator(locale);

/**
 * Each process keeps every bot's compiled overrides, keyed by the bot's text revision. Every
 * update reads that revision (as part of the user upsert it does anyway, see upsertTelegramUser)
 * and recompiles only when it moved, so a text saved through
 * any process is used by all of them from their next update, with no listener to keep alive
 * and the same behaviour on PGlite and PostgreSQL.
 */
export function createBotTextCache(ctx: CoreContext) {
  const cache = new Map<string, Cached>();

  async function load(botId: string, revision: number): Promise<Cached> {
    const [rows, welcomeImages] = await Promise.all([
      ctx.db
        .select({ locale: botTexts.locale, key: botTexts.key, text: botTexts.source })
        .from(botTexts)
        .where(eq(botTexts.botId, botId)),
      readWelcomeImages(ctx.db, botId),
    ]);
    if (rows.length === 0) return { revision, translatorFor: defaultsOnly, welcomeImages };
    const bundles = new Map(
      locales.map((l) => [
        l,
        compileOverrides(
          l,
          rows.filter((r) => r.locale === l),
        ),
      ]),
    );
    return {
      revision,
      translatorFor: (locale) => createTranslator(locale, bundles.get(locale)),
      welcomeImages,
    };
  }

  /** A reload only when the revision moved; two updates seeing a new one at once load it once. */
  const loading = new Map<string, Promise<Cached>>();
  async function cachedAt(botId: string, revision: number): Promise<Cached> {
    const cached = cache.get(botId);
    if (cached?.revision === revision) return cached;
    const key = `${botId}:${revision}`;
    let pending = loading.get(key);
    if (!pending) {
      pending = load(botId, revision).finally(() => loading.delete(key));
      loading.set(key, pending);
    }
    const fresh = await pending;
    if ((cache.get(botId)?.revision ?? -1) < revision) cache.set(botId, fresh);
    return fresh;
  }

  /** The bot's texts as of now: one revision read, a reload only after a change. */
  async function current(botId: string): Promise<Cached> {
    const [row] = await ctx.db
      .select({ revision: botTextRevisions.revision })
      .from(botTextRevisions)
      .where(eq(botTextRevisions.botId, botId));
    return cachedAt(botId, row?.revision ?? 0);
  }

  return {
    async translatorsFor(botId: string): Promise<TranslatorFor> {
      return (await current(botId)).translatorFor;
    },
    /**
     * The same for a revision the caller has read already (the bot's update path reads it with the
     * user upsert, in one round trip): no query unless the texts changed since the last load.
     */
    async translatorsAt(botId: string, revision: number): Promise<TranslatorFor> {
      return (await cachedAt(botId, revision)).translatorFor;
    },
    /** The picture above the main menu in this language (a URL or a file_id), if the bot has one. */
    async welcomeImageFor(botId: string, locale: Locale): Promise<string | null> {
      return (await current(botId)).welcomeImages[locale] ?? null;
    },
  };
}

export type BotTextCache = ReturnType<typeof createBotTextCache>;
