import { channels, type Database, productPrices, products } from "@lumen/db";
import { eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { requireRole } from "../auth/roles.ts";
import type { Actor, CoreContext } from "../shared/context.ts";
import { notFound, validationFailed } from "../shared/errors.ts";
import { parseInput } from "../shared/parse-input.ts";
import { getProduct, type Product } from "./get-product.ts";
import { type ProductInput, productInput, productPatch } from "./product-input.ts";

async function replacePrices(
  db: Database,
  productId: string,
  prices: Array<{ currency: "XTR" | "RUB"; amount: number }>,
) {
  await db.delete(productPrices).where(eq(productPrices.productId, productId));
  await db.insert(productPrices).values(prices.map((p) => ({ productId, ...p })));
}

/** A digital product needs something to deliver; a plan's chats must be ones a bot was added to. */
async function checkDetails(db: Database, details: z.output<typeof productInput>["details"]) {
  if (details.kind === "digital" && !details.text && !details.fileId) {
    throw validationFailed("details.text", "a digital product needs a text or a file_id to deliver");
  }
  if (details.kind === "plan" && details.channelIds.length) {
    const known = await db
      .select({ chatId: channels.chatId })
      .from(channels)
      .where(inArray(channels.chatId, details.channelIds));
    const missing = details.channelIds.filter((id) => !known.some((k) => k.chatId === id));
    if (missing.length) {
      throw validationFailed(
        "details.channel_ids",
        `No bot was added to chat ${missing.join(", ")}; add the bot as an administrator first`,
      );
    }
  }
}

/** Operators (admin role) manage the catalog; every change is audited. */
export async function createProduct(ctx: CoreContext, actor: Actor, input: ProductInput): Promise<Product> {
  requireRole(actor, "admin");
  const { prices, ...fields } = parseInput(productInput, input);
  return ctx.db.transaction(async (tx) => {
    await checkDetails(tx, fields.details);
    const [row] = await tx
      .insert(products)
      .values({ ...fields, kind: fields.details.kind })
      .returning();
    if (!row) throw new Error("insert returned no product");
    await replacePrices(tx, row.id, prices);
    await recordAudit(tx, actor, {
      action: "product.create",
      entityType: "product",
      entityId: row.id,
      data: { title: row.title, prices },
    });
    return getProduct(tx, row.id);
  });
}

export async function updateProduct(
  ctx: CoreContext,
  actor: Actor,
  id: string,
  patch: z.input<typeof productPatch>,
): Promise<Product> {
  requireRole(actor, "admin");
  const { prices, ...fields } = parseInput(productPatch, patch);
  return ctx.db.transaction(async (tx) => {
    if (fields.details) await checkDetails(tx, fields.details);
    const existing = await getProduct(tx, id);
    if (fields.details && fields.details.kind !== existing.kind) {
      throw validationFailed("details.kind", "a product's kind cannot change; create a new product");
    }
    const [row] = await tx
      .update(products)
      .set({ ...fields, updatedAt: ctx.clock.now() })
      .where(eq(products.id, id))
      .returning();
    if (!row) throw notFound("Product", id);
    if (prices) await replacePrices(tx, id, prices);
    await recordAudit(tx, actor, {
      action: "product.update",
      entityType: "product",
      entityId: id,
      data: { ...fields, ...(prices ? { prices } : {}) },
    });
    return getProduct(tx, id);
  });
}
