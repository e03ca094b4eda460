import { type BotTextRow, bots, botTexts } from "@lumen/db";
import { checkOverride } from "@lumen/locales";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { bumpTextRevision } from "./bump-text-revision.ts";
import { defaultMessageOf } from "./text-keys.ts";

const saveInput = z.object({
  botId: z.uuid(),
  locale: z.string(),
  key: z.string().min(1),
  source: z.string().max(4096),
});

/**
 * An operator's own wording of one message of one bot, in one language. The text is checked
 * before it is stored (Fluent syntax, only the variables the code passes), because a broken
 * text would otherwise surface as garbage in users' chats; the refusal names the line.
 * Every process sees it from the next update through the bot's text revision.
 */
export async function saveBotText(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof saveInput>,
): Promise<BotTextRow> {
  requireRole(actor, "admin");
  const { botId, key, source } = parseInput(saveInput, input);
  const { locale, variables } = defaultMessageOf(input.locale, key);
  const problems = checkOverride(source, variables);
  const [first] = problems;
  if (first)
    throw new LumenError(
      "VALIDATION_FAILED",
      problems.map((p) => `line ${p.line}: ${p.message}`).join("; "),
      { field: "source", line: first.line, problems },
    );
  const text = source.replace(/\r\n?/g, "\n").replace(/\s+$/, "");
  return ctx.db.transaction(async (tx) => {
    const [bot] = await tx.select({ id: bots.id }).from(bots).where(eq(bots.id, botId));
    if (!bot) throw notFound("Bot", botId);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(botTexts)
      .values({ botId, locale, key, source: text, updatedBy: actor.id, updatedAt: now })
      .onConflictDoUpdate({
        target: [botTexts.botId, botTexts.locale, botTexts.key],
        set: { source: text, updatedBy: actor.id, updatedAt: now },
      })
      .returning();
    if (!row) throw notFound("Bot text", key);
    await bumpTextRevision(tx, botId);
    await recordAudit(tx, actor, {
      action: "bot_text.save",
      entityType: "bot",
      entityId: botId,
      data: { locale, key },
    });
    return row;
  });
}
