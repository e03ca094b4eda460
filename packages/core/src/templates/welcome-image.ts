import { bots, botWelcomeImages } from "@lumen/db";
import { isLocale, type Locale } from "@lumen/locales";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { notFound, validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { bumpTextRevision } from "./bump-text-revision.ts";

/** A Telegram file_id: letters, digits, "-" and "_" (what getFile and sendPhoto accept). */
const FILE_ID = /^[A-Za-z0-9_-]{20,255}$/;

const photo = z
  .string()
  .trim()
  .min(1, "give an image address or a Telegram file_id")
  .max(1024)
  .refine(
    (value) => FILE_ID.test(value) || (/^https?:\/\/\S+$/.test(value) && URL.canParse(value)),
    "is neither an http(s) address nor a Telegram file_id",
  );

const saveInput = z.object({ botId: z.uuid(), locale: z.string(), photo });
const resetInput = z.object({ botId: z.uuid(), locale: z.string() });

function localeOf(value: string): Locale {
  if (!isLocale(value)) throw validationFailed("locale", `locale: ${value} is not a language the bot speaks`);
  return value;
}

/**
 * Sets the picture shown above a bot's main menu in one language (the welcome text becomes its
 * caption). Raises the bot's text revision in the same transaction, so every server process
 * sends the new picture from the next /start.
 */
export async function saveWelcomeImage(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof saveInput>,
): Promise<{ locale: Locale; photo: string; updatedAt: Date }> {
  requireRole(actor, "admin");
  const parsed = parseInput(saveInput, input);
  const locale = localeOf(parsed.locale);
  return ctx.db.transaction(async (tx) => {
    const [bot] = await tx.select({ id: bots.id }).from(bots).where(eq(bots.id, parsed.botId));
    if (!bot) throw notFound("Bot", parsed.botId);
    const now = ctx.clock.now();
    const values = { photo: parsed.photo, updatedBy: actor.id, updatedAt: now };
    await tx
      .insert(botWelcomeImages)
      .values({ botId: parsed.botId, locale, ...values })
      .onConflictDoUpdate({ target: [botWelcomeImages.botId, botWelcomeImages.locale], set: values });
    await bumpTextRevision(tx, parsed.botId);
    await recordAudit(tx, actor, {
      action: "bot_welcome_image.save",
      entityType: "bot",
      entityId: parsed.botId,
      data: { locale },
    });
    return { locale, photo: parsed.photo, updatedAt: now };
  });
}

/** Removes the picture above the main menu in one language: /start sends the text alone again. */
export async function resetWelcomeImage(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof resetInput>,
): Promise<{ reset: boolean }> {
  requireRole(actor, "admin");
  const parsed = parseInput(resetInput, input);
  const locale = localeOf(parsed.locale);
  return ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(botWelcomeImages)
      .where(and(eq(botWelcomeImages.botId, parsed.botId), eq(botWelcomeImages.locale, locale)))
      .returning({ locale: botWelcomeImages.locale });
    if (deleted.length === 0) return { reset: false };
    await bumpTextRevision(tx, parsed.botId);
    await recordAudit(tx, actor, {
      action: "bot_welcome_image.reset",
      entityType: "bot",
      entityId: parsed.botId,
      data: { locale },
    });
    return { reset: true };
  });
}

/** A bot's welcome pictures by language (read by the texts list and the bot's text cache). */
export async function readWelcomeImages(
  db: CoreContext["db"],
  botId: string,
): Promise<Partial<Record<Locale, string>>> {
  const rows = await db
    .select({ locale: botWelcomeImages.locale, photo: botWelcomeImages.photo })
    .from(botWelcomeImages)
    .where(eq(botWelcomeImages.botId, botId));
  return Object.fromEntries(rows.map((r) => [r.locale, r.photo]));
}
