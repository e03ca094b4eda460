import { bots } from "@lumen/db";
import { asc, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError } from "../shared/errors.ts";
import { botTokenContext, type SecretBox } from "../shared/secret-box.ts";

/**
 * Seals every bot token again: under a new key (`lumen secret rotate`: `from` is the old
 * LUMEN_SECRET's box, `to` the new one), or under the same key in the current format (`from` and
 * `to` the same box: tokens sealed before the bot id was bound are upgraded, idempotently).
 *
 * One transaction with the rows locked: when rotating, a token that does not open with the old
 * key stops everything and nothing changes, so a half-rotated database cannot exist. When only
 * upgrading, such a token is left as it is (the runtime reports and skips it).
 */
export async function resealBotTokens(
  ctx: CoreContext,
  actor: Actor,
  boxes: { from: SecretBox; to: SecretBox },
): Promise<{ resealed: number; unreadable: string[] }> {
  requireRole(actor, "owner");
  const rotating = boxes.from !== boxes.to;
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(bots).orderBy(asc(bots.createdAt)).for("update");
    const unreadable: string[] = [];
    let resealed = 0;
    for (const row of rows) {
      if (!rotating && boxes.to.isCurrent(row.tokenEncrypted)) continue;
      let token: string;
      try {
        token = boxes.from.decrypt(row.tokenEncrypted, botTokenContext(row.id));
      } catch {
        if (rotating)
          throw new LumenError(
            "CONFLICT",
            `The token of bot @${row.username} does not decrypt with the current LUMEN_SECRET; nothing was changed`,
          );
        unreadable.push(row.id);
        continue;
      }
      await tx
        .update(bots)
        .set({ tokenEncrypted: boxes.to.encrypt(token, botTokenContext(row.id)) })
        .where(eq(bots.id, row.id));
      resealed++;
    }
    if (resealed > 0)
      await recordAudit(tx, actor, {
        action: rotating ? "bot.tokens_rotated" : "bot.tokens_resealed",
        entityType: "bot",
        entityId: null,
        data: { count: resealed },
      });
    return { resealed, unreadable };
  });
}
