import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { idColumn, timestamps } from "../_columns.ts";

export const productKinds = ["credits", "plan", "course", "digital"] as const;
export type ProductKind = (typeof productKinds)[number];

export const currencies = ["XTR", "RUB"] as const;
export type Currency = (typeof currencies)[number];

/** What a product grants once paid; the shape depends on the kind and is validated in core. */
export type ProductDetails =
  | { kind: "credits"; credits: number }
  | {
      kind: "plan";
      planCode: string;
      periodDays: number;
      messagesPerPeriod: number | null;
      fairUseCap: number;
      channelIds: number[];
    }
  | { kind: "course"; courseCode: string; tariff: "BASIC" | "FEEDBACK" | "PREMIUM" }
  | { kind: "digital"; text: string | null; fileId: string | null };

export const products = pgTable(
  "products",
  {
    id: idColumn(),
    kind: text("kind", { enum: productKinds }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    imageUrl: text("image_url"),
    /** The store's shelf: products with the same category are shown together (null: "other"). */
    category: text("category"),
    active: boolean("active").notNull().default(true),
    /** A newcomer-only offer: shown and sold only to people who have never paid. */
    newcomersOnly: boolean("newcomers_only").notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
    details: jsonb("details").$type<ProductDetails>().notNull(),
    ...timestamps,
  },
  (t) => [index("products_active_sort_idx").on(t.active, t.sortOrder)],
);

/** One price per currency: RUB in kopecks, XTR in whole Stars. Integers only. */
export const productPrices = pgTable(
  "product_prices",
  {
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    currency: text("currency", { enum: currencies }).notNull(),
    amount: integer("amount").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.currency] }),
    check("product_prices_amount_positive", sql`${t.amount} > 0`),
  ],
);

export type ProductRow = typeof products.$inferSelect;
export type ProductPriceRow = typeof productPrices.$inferSelect;
