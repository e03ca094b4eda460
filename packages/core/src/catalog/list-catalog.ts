import { type Database, productKinds, products } from "@lumen/db";
import { and, asc, eq, ilike, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../shared/keyset-cursor.ts";
import { parseInput } from "../shared/parse-input.ts";
import { listProductsWithPrices, type Product } from "./get-product.ts";

export const catalogListInput = z.object({
  kind: z.enum(productKinds).optional(),
  active: z.boolean().optional(),
  /** Part of the title, any case. */
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/**
 * The catalog as operators see it: in the bot's order (sort order, then age), filtered by kind,
 * state and title, paged by keyset on that order.
 */
export async function listCatalog(
  db: Database,
  input: z.input<typeof catalogListInput>,
): Promise<{ items: Product[]; nextCursor: string | null }> {
  const query = parseInput(catalogListInput, input);
  const filters: Array<SQL | undefined> = [
    query.kind ? eq(products.kind, query.kind) : undefined,
    query.active === undefined ? undefined : eq(products.active, query.active),
    query.q ? ilike(products.title, `%${query.q.replace(/[\\%_]/g, "\\$&")}%`) : undefined,
  ];
  if (query.cursor) {
    const [sortOrder, createdAt, id] = decodeCursor(query.cursor, 3);
    filters.push(
      sql`(${products.sortOrder}, ${products.createdAt}, ${products.id}) > (${Number(sortOrder)}::int, ${String(createdAt)}::timestamptz, ${String(id)}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: products.id,
      exact: sql<string>`to_char(${products.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(products)
    .where(and(...filters))
    .orderBy(asc(products.sortOrder), asc(products.createdAt), asc(products.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const items = await listProductsWithPrices(
    db,
    page.map((r) => r.id),
  );
  const last = items.at(-1);
  const lastExact = page.at(-1)?.exact;
  return {
    items,
    nextCursor:
      rows.length > query.limit && last && lastExact
        ? encodeCursor([last.sortOrder, lastExact, last.id])
        : null,
  };
}
