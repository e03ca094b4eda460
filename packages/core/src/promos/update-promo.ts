import { type PromoRow, promos } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { notFound, validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { checkPromoRules, promoInput } from "./manage-promos.ts";

const f = promoInput.shape;
/**
 * What an operator may change on a code: not the code (it is out in links) nor its kind (its past
 * uses mean it). Built without the create schema's defaults: `.partial()` keeps them, and a patch
 * of `{ active: false }` would then reset the currency, products, dates and limit it did not send.
 */
const promoPatch = z
  .object({
    value: f.value,
    currency: f.currency.unwrap(),
    productIds: f.productIds.unwrap(),
    validFrom: f.validFrom.unwrap(),
    validTo: f.validTo.unwrap(),
    maxUses: f.maxUses.unwrap(),
    oncePerUser: f.oncePerUser.unwrap(),
    active: f.active.unwrap(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, "send at least one field");

export type PromoPatch = z.input<typeof promoPatch>;

/**
 * Edits a code's terms. The promo row is locked, so a limit is never set below the uses already
 * counted while a payment is counting one; orders already made keep the price they were given.
 */
export async function updatePromo(
  ctx: CoreContext,
  actor: Actor,
  input: { promoId: string; patch: PromoPatch },
): Promise<PromoRow> {
  requireRole(actor, "admin");
  const patch = parseInput(promoPatch, input.patch);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(promos).where(eq(promos.id, input.promoId)).for("update");
    if (!current) throw notFound("Promo", input.promoId);
    const next = { ...current, ...patch };
    checkPromoRules(next);
    if (next.maxUses !== null && next.maxUses < current.uses)
      throw validationFailed("max_uses", `already used ${current.uses} times; the limit cannot be lower`);
    const [row] = await tx
      .update(promos)
      .set({ ...patch, updatedAt: ctx.clock.now() })
      .where(eq(promos.id, input.promoId))
      .returning();
    if (!row) throw notFound("Promo", input.promoId);
    await recordAudit(tx, actor, {
      action: "promo.update",
      entityType: "promo",
      entityId: row.id,
      data: patch,
    });
    return row;
  });
}
