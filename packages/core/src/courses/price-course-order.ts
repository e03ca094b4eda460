import { type CourseTariff, type Currency, type Database, productPrices, products } from "@lumen/db";
import { and, eq, sql } from "drizzle-orm";
import { LumenError } from "../shared/errors.ts";
import { findLiveEnrollment, tariffRank } from "./enroll-in-course.ts";

/**
 * The price of a course tariff for this buyer: the catalog price for a newcomer; for a student
 * on a lower tariff, the difference between the two tariffs' prices (an upgrade). Buying the
 * tariff one has, or a lower one, or upgrading a place that is not active (paused, completed),
 * is refused before any money moves. The offer, the order and the payment check all price here.
 */
export async function priceCourseOrder(
  db: Database,
  input: {
    userId: string;
    courseCode: string;
    tariff: "BASIC" | "FEEDBACK" | "PREMIUM";
    currency: Currency;
    amount: number;
  },
): Promise<{ amount: number; upgradeFrom: CourseTariff | null }> {
  const live = await findLiveEnrollment(db, input.userId, input.courseCode);
  if (!live) return { amount: input.amount, upgradeFrom: null };
  if (tariffRank(input.tariff) <= tariffRank(live.tariff))
    throw new LumenError("CONFLICT", `You are already on this course at ${live.tariff}`, {
      field: "product_id",
    });
  if (live.status !== "active")
    throw new LumenError("CONFLICT", "Only an active place on a course can be upgraded", {
      field: "product_id",
    });
  const [current] = await db
    .select({ amount: productPrices.amount })
    .from(products)
    .innerJoin(productPrices, eq(productPrices.productId, products.id))
    .where(
      and(
        eq(products.kind, "course"),
        sql`${products.details}->>'courseCode' = ${input.courseCode}`,
        sql`${products.details}->>'tariff' = ${live.tariff}`,
        eq(productPrices.currency, input.currency),
      ),
    )
    .orderBy(products.createdAt)
    .limit(1);
  const paid = current?.amount ?? 0;
  if (input.amount - paid <= 0)
    throw new LumenError("CONFLICT", "This tariff costs no more than the one you have", {
      field: "product_id",
    });
  return { amount: input.amount - paid, upgradeFrom: live.tariff };
}
