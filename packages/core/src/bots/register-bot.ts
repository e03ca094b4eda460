import { randomBytes, randomUUID } from "node:crypto";
import { type BotFeature, type BotRow, botFeatures, bots } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { botTokenContext, type SecretBox } from "../shared/secret-box.ts";

const registerBotInput = z.object({
  token: z.string().regex(/^\d+:[\w-]{30,}$/, "is not a bot token from @BotFather"),
  /** What Telegram's getMe said about the token; the transport asks before calling us. */
  me: z.object({ id: z.number().int().positive(), username: z.string().min(1), firstName: z.string() }),
  features: z.array(z.enum(botFeatures)).optional(),
  enabled: z.boolean().optional(),
});

export type PublicBot = Omit<BotRow, "tokenEncrypted" | "webhookSecret">;

export const toPublicBot = ({ tokenEncrypted: _t, webhookSecret: _s, ...bot }: BotRow): PublicBot => bot;

/** The token a row holds, or null when it does not decrypt (then it is replaced). */
function storedToken(box: SecretBox, row: BotRow): string | null {
  try {
    return box.decrypt(row.tokenEncrypted, botTokenContext(row.id));
  } catch {
    return null;
  }
}

/**
 * Adds a bot, or updates the token of one already known by its Telegram id
 * (a token revoked in @BotFather and issued anew keeps the bot's history). A new token gets a
 * new webhook secret too, so whoever knew the old token cannot forge webhook calls. The token is
 * sealed bound to the bot's id.
 */
export async function registerBot(
  ctx: CoreContext,
  actor: Actor,
  box: SecretBox,
  input: z.input<typeof registerBotInput>,
): Promise<PublicBot & { created: boolean }> {
  requireRole(actor, "owner");
  const { token, me, features, enabled } = parseInput(registerBotInput, input);
  if (!token.startsWith(`${me.id}:`))
    throw new LumenError("VALIDATION_FAILED", "token does not belong to this bot", { field: "token" });
  const now = ctx.clock.now();
  // Courses are on unless turned off: a new bot teaches the courses it sells, as bots always did.
  const defaults: BotFeature[] = ["assistant", "courses"];
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(bots).where(eq(bots.telegramId, me.id)).for("update");
    const id = existing?.id ?? randomUUID();
    const sameToken = existing !== undefined && storedToken(box, existing) === token;
    const values = {
      username: me.username,
      name: me.firstName,
      tokenEncrypted: box.encrypt(token, botTokenContext(id)),
      webhookSecret: sameToken && existing ? existing.webhookSecret : randomBytes(24).toString("base64url"),
      updatedAt: now,
    };
    const [row] = existing
      ? await tx
          .update(bots)
          .set({
            ...values,
            ...(features ? { features } : {}),
            ...(enabled === undefined ? {} : { enabled }),
          })
          .where(eq(bots.telegramId, me.id))
          .returning()
      : await tx
          .insert(bots)
          .values({
            ...values,
            id,
            telegramId: me.id,
            features: features ?? defaults,
            enabled: enabled ?? true,
          })
          .returning();
    if (!row) throw new LumenError("INTERNAL", "Could not save the bot");
    await recordAudit(tx, actor, {
      action: existing ? "bot.update" : "bot.create",
      entityType: "bot",
      entityId: row.id,
      data: { username: row.username, features: row.features, enabled: row.enabled },
    });
    return { ...toPublicBot(row), created: !existing };
  });
}
