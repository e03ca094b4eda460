import { type OrderFlagResolutionRow, orderFlagResolutions, orders } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";

const resolveOrderFlagInput = z.object({
  orderId: z.uuid(),
  note: z.string().trim().min(1).max(1000),
});

/**
 * An operator closes a flagged order (a payment that did not match it) after dealing with it
 * at the provider (admin, audited). The flag stays on the order as history; the resolution says
 * who closed it, when and how, and takes it off the list of flags that need someone.
 */
export async function resolveOrderFlag(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof resolveOrderFlagInput>,
): Promise<OrderFlagResolutionRow> {
  requireRole(actor, "admin");
  const { orderId, note } = parseInput(resolveOrderFlagInput, input);
  return ctx.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId));
    if (!order) throw notFound("Order", orderId);
    if (!order.flagged) throw new LumenError("CONFLICT", "This order has no flag to resolve");
    const [row] = await tx
      .insert(orderFlagResolutions)
      .values({
        orderId,
        resolvedByType: actor.type,
        resolvedById: actor.id,
        note,
        resolvedAt: ctx.clock.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new LumenError("CONFLICT", "This flag was already resolved");
    await recordAudit(tx, actor, {
      action: "order.resolve_flag",
      entityType: "order",
      entityId: orderId,
      data: { note, flagReason: order.flagReason },
    });
    return row;
  });
}
