import { botFeatures, bots } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { type PublicBot, toPublicBot } from "./register-bot.ts";

const updateBotInput = z.object({
  botId: z.uuid(),
  enabled: z.boolean().optional(),
  features: z
    .array(z.enum(botFeatures))
    .max(botFeatures.length)
    .refine((list) => new Set(list).size === list.length, "lists a feature twice")
    .optional(),
  /** Null: back to ADMIN_CHAT_ID. */
  noticeChatId: z
    .number()
    .int()
    .min(-(2 ** 52))
    .max(2 ** 52)
    .nullable()
    .optional(),
  noticeLocale: z.enum(["en", "ru"]).optional(),
});

const pick = (b: typeof bots.$inferSelect) => ({
  enabled: b.enabled,
  features: b.features,
  noticeChatId: b.noticeChatId,
  noticeLocale: b.noticeLocale,
});

export async function getBot(ctx: CoreContext, botId: string): Promise<PublicBot> {
  const [row] = await ctx.db.select().from(bots).where(eq(bots.id, botId));
  if (!row) throw notFound("Bot", botId);
  return toPublicBot(row);
}

/**
 * Turns a bot on or off, changes which features it offers, or where and in which language its
 * sale notices go. Admins may, since neither hands
 * out a token or a role; the runtime restarts the bot with the saved row afterwards.
 */
export async function updateBot(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof updateBotInput>,
): Promise<PublicBot> {
  requireRole(actor, "admin");
  const { botId, enabled, features, noticeChatId, noticeLocale } = parseInput(updateBotInput, input);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(bots).where(eq(bots.id, botId)).for("update");
    if (!before) throw notFound("Bot", botId);
    const [row] = await tx
      .update(bots)
      .set({
        ...(enabled === undefined ? {} : { enabled }),
        ...(features === undefined ? {} : { features }),
        ...(noticeChatId === undefined ? {} : { noticeChatId }),
        ...(noticeLocale === undefined ? {} : { noticeLocale }),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(bots.id, botId))
      .returning();
    if (!row) throw notFound("Bot", botId);
    await recordAudit(tx, actor, {
      action: "bot.update",
      entityType: "bot",
      entityId: botId,
      data: {
        before: pick(before),
        after: pick(row),
      },
    });
    return toPublicBot(row);
  });
}
