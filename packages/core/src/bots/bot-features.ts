import { type BotFeature, bots, type Database } from "@lumen/db";
import { eq } from "drizzle-orm";
import type { Product } from "../catalog/get-product.ts";

/** The features a bot has on; an unknown bot has none. */
export async function readBotFeatures(db: Database, botId: string): Promise<readonly BotFeature[]> {
  const [row] = await db.select({ features: bots.features }).from(bots).where(eq(bots.id, botId));
  return row?.features ?? [];
}

/**
 * Whether a bot with these features sells this product: a course only where the "courses"
 * feature is on (that bot would not teach it); everything else everywhere. The bot's catalog
 * hides what it does not sell, and an order through it is refused.
 */
export const isSoldWith = (features: readonly BotFeature[], product: Pick<Product, "details">): boolean =>
  product.details.kind !== "course" || features.includes("courses");
