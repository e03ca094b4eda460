import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { parseInput } from "../shared/parse-input.ts";
import { assertUserExists } from "../users/get-user.ts";
import { type CreditEntry, changeCredits } from "./change-credits.ts";

const adjustCreditsInput = z.object({
  userId: z.uuid(),
  amount: z
    .number()
    .int()
    .refine((n) => n !== 0, "must not be zero"),
  reason: z.string().trim().min(1).max(500),
  idempotencyKey: z.string().trim().min(1).max(200),
});

/**
 * An operator's manual correction (goodwill credits, a fix after a dispute). Admin only,
 * audited, and idempotent by the caller's key: a retried request returns the first result.
 */
export async function adjustCredits(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof adjustCreditsInput>,
): Promise<CreditEntry> {
  requireRole(actor, "admin");
  const { userId, amount, reason, idempotencyKey } = parseInput(adjustCreditsInput, input);
  return ctx.db.transaction(async (tx) => {
    await assertUserExists(tx, userId);
    const entry = await changeCredits(tx, {
      userId,
      delta: amount,
      reason: "admin_adjustment",
      idempotencyKey: `admin:${idempotencyKey}`,
      note: reason,
      data: { actorType: actor.type, actorId: actor.id },
      at: ctx.clock.now(),
    });
    if (!entry.replayed) {
      await recordAudit(tx, actor, {
        action: "credits.adjust",
        entityType: "user",
        entityId: userId,
        data: { amount, reason, balanceAfter: entry.balanceAfter, ledgerId: entry.id },
      });
    }
    return entry;
  });
}
