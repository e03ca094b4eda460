import { type UserRow, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";

const setUserBlockedInput = z.object({
  userId: z.uuid(),
  blocked: z.boolean(),
  reason: z.string().trim().min(1).max(500).optional(),
});

/**
 * Blocks or unblocks a user (admin). A blocked user is refused politely by every bot, cannot buy
 * or ask the AI, and is skipped by sends; blocked_at says since when. Blocking twice keeps the
 * first date, and only a real change is audited.
 */
export async function setUserBlocked(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof setUserBlockedInput>,
): Promise<UserRow> {
  requireRole(actor, "admin");
  const { userId, blocked, reason } = parseInput(setUserBlockedInput, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!current) throw notFound("User", userId);
    if (current.isBanned === blocked) return current;
    const [row] = await tx
      .update(users)
      .set({ isBanned: blocked, blockedAt: blocked ? now : null, updatedAt: now })
      .where(eq(users.id, userId))
      .returning();
    await recordAudit(tx, actor, {
      action: blocked ? "user.block" : "user.unblock",
      entityType: "user",
      entityId: userId,
      data: reason ? { reason } : {},
    });
    return row as UserRow;
  });
}
