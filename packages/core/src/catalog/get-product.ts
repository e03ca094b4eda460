import { type Currency, type Database, type ProductRow, productPrices, products } from "@lumen/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { notFound } from "../shared/errors.ts";

export type Product = ProductRow & { prices: Array<{ currency: Currency; amount: number }> };

async function withPrices(db: Database, rows: ProductRow[]): Promise<Product[]> {
  if (!rows.length) return [];
  const prices = await db
    .select()
    .from(productPrices)
    .where(
      inArray(
        productPrices.productId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(productPrices.currency));
  return rows.map((row) => ({
    ...row,
    prices: prices
      .filter((p) => p.productId === row.id)
      .map(({ currency, amount }) => ({ currency, amount })),
  }));
}

export async function getProduct(db: Database, id: string): Promise<Product> {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  if (!row) throw notFound("Product", id);
  return (await withPrices(db, [row]))[0] as Product;
}

/** The catalog in display order; buyers see only active products. */
export async function listProducts(db: Database, options: { activeOnly: boolean }): Promise<Product[]> {
  const rows = await db
    .select()
    .from(products)
    .where(options.activeOnly ? and(eq(products.active, true)) : undefined)
    .orderBy(asc(products.sortOrder), asc(products.createdAt));
  return withPrices(db, rows);
}

/** Products by id, with their prices, in the order of the ids given. */
export async function listProductsWithPrices(db: Database, ids: string[]): Promise<Product[]> {
  if (!ids.length) return [];
  const rows = await db.select().from(products).where(inArray(products.id, ids));
  const ordered = ids.flatMap((id) => rows.filter((r) => r.id === id));
  return withPrices(db, ordered);
}

export const priceIn = (product: Product, currency: Currency) =>
  product.prices.find((p) => p.currency === currency)?.amount;

/** A product as buyers may see it: one taken off sale is "not found" to them. */
export async function getProductOnSale(db: Database, id: string): Promise<Product> {
  const product = await getProduct(db, id);
  if (!product.active) throw notFound("Product", id);
  return product;
}
