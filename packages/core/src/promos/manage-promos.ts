import { currencies, type PromoRow, promoKinds, promos } from "@lumen/db";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { LumenError, notFound, validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { isUniqueViolation } from "../shared/pg-errors.ts";

export const promoInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,32}$/, "3-32 letters, digits, _ or -")
    .transform((c) => c.toUpperCase()),
  kind: z.enum(promoKinds),
  value: z.number().int().min(1).max(1_000_000_000),
  currency: z.enum(currencies).nullable().default(null),
  productIds: z.array(z.uuid()).nullable().default(null),
  validFrom: z.coerce.date().nullable().default(null),
  validTo: z.coerce.date().nullable().default(null),
  maxUses: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
  oncePerUser: z.boolean().default(true),
  active: z.boolean().default(true),
});

export type PromoInput = z.input<typeof promoInput>;

type PromoRules = Pick<
  z.output<typeof promoInput>,
  "kind" | "value" | "currency" | "productIds" | "validFrom" | "validTo"
>;

/** The rules between fields, for a new code and for an edited one alike. */
export function checkPromoRules(promo: PromoRules): void {
  if (promo.kind === "percent_off" && promo.value > 100)
    throw validationFailed("value", "a percent discount is at most 100");
  if ((promo.kind === "extra_days" || promo.kind === "free_days") && promo.value > 3660)
    throw validationFailed("value", "free or extra days are at most 3660");
  if (promo.kind === "fixed_off" && !promo.currency)
    throw validationFailed("currency", "a fixed discount needs the currency of its amount");
  if (promo.kind === "free_days" && promo.productIds?.length !== 1)
    throw validationFailed("product_ids", "free days need exactly one plan product");
  if (promo.validFrom && promo.validTo && promo.validTo <= promo.validFrom)
    throw validationFailed("valid_to", "must be after valid_from");
}

/** Operators (admin) make codes; a percent is at most 100, a fixed discount names its currency. */
export async function createPromo(ctx: CoreContext, actor: Actor, input: PromoInput): Promise<PromoRow> {
  requireRole(actor, "admin");
  const promo = parseInput(promoInput, input);
  checkPromoRules(promo);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(promos).values(promo).returning();
      if (!row) throw new LumenError("INTERNAL", "The promo was not saved");
      await recordAudit(tx, actor, {
        action: "promo.create",
        entityType: "promo",
        entityId: row.id,
        data: { code: row.code, kind: row.kind, value: row.value },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new LumenError("CONFLICT", `The code ${promo.code} already exists`, { field: "code" });
    throw error;
  }
}

export async function setPromoActive(
  ctx: CoreContext,
  actor: Actor,
  input: { promoId: string; active: boolean },
): Promise<PromoRow> {
  requireRole(actor, "admin");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(promos)
      .set({ active: input.active, updatedAt: ctx.clock.now() })
      .where(eq(promos.id, input.promoId))
      .returning();
    if (!row) throw notFound("Promo", input.promoId);
    await recordAudit(tx, actor, {
      action: input.active ? "promo.activate" : "promo.deactivate",
      entityType: "promo",
      entityId: row.id,
    });
    return row;
  });
}

export async function listPromos(ctx: CoreContext): Promise<PromoRow[]> {
  return ctx.db.select().from(promos).orderBy(desc(promos.createdAt));
}
