import { products } from "@lumen/db";
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";

const reorderInput = z.object({
  productIds: z
    .array(z.uuid())
    .min(1)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, "each product once"),
});

/** The gap between positions, so one product can later be put between two without renumbering. */
const STEP = 10;

/**
 * Sets the order products appear in the bot's catalog: the given products take positions
 * 10, 20, 30... in the given order, in one transaction, so the catalog never shows a half-applied
 * order. Products not named keep theirs.
 */
export async function reorderProducts(
  ctx: CoreContext,
  actor: Actor,
  input: z.input<typeof reorderInput>,
): Promise<void> {
  requireRole(actor, "admin");
  const { productIds } = parseInput(reorderInput, input);
  await ctx.db.transaction(async (tx) => {
    const found = await tx.select({ id: products.id }).from(products).where(inArray(products.id, productIds));
    const missing = productIds.find((id) => !found.some((f) => f.id === id));
    if (missing) throw validationFailed("product_ids", `Product ${missing} was not found`);
    const now = ctx.clock.now();
    for (const [index, id] of productIds.entries()) {
      await tx
        .update(products)
        .set({ sortOrder: (index + 1) * STEP, updatedAt: now })
        .where(eq(products.id, id));
    }
    await recordAudit(tx, actor, {
      action: "product.reorder",
      entityType: "product",
      entityId: null,
      data: { productIds },
    });
  });
}
