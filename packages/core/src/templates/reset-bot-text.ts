import { botTexts } from "@lumen/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { bumpTextRevision } from "./bump-text-revision.ts";
import { defaultMessageOf } from "./text-keys.ts";

const resetInput = z.object({ botId: z.uuid(), locale: z.string(), key: z.string().min(1) });

/** "Reset to default": the override is deleted, so the Fluent file's text applies again. */
export async function resetBotText(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof resetInput>,
): Promise<{ reset: boolean }> {
  requireRole(actor, "admin");
  const { botId, key } = parseInput(resetInput, input);
  const { locale } = defaultMessageOf(input.locale, key);
  return ctx.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(botTexts)
      .where(and(eq(botTexts.botId, botId), eq(botTexts.locale, locale), eq(botTexts.key, key)))
      .returning({ key: botTexts.key });
    if (deleted.length === 0) return { reset: false };
    await bumpTextRevision(tx, botId);
    await recordAudit(tx, actor, {
      action: "bot_text.reset",
      entityType: "bot",
      entityId: botId,
      data: { locale, key },
    });
    return { reset: true };
  });
}
