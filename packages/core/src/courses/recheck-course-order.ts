import type { CourseTariff, Currency, Database, ProductDetails } from "@lumen/db";
import { isLumenError } from "../shared/errors.ts";
import { priceCourseOrder } from "./price-course-order.ts";

export type CourseOrderRecheck = "ok" | "upgrade_changed" | "mismatch";

/**
 * A course order at payment time, priced again by the rule that priced it: an upgrade still
 * finds the buyer's place active and at the tariff it was priced from, at the same difference;
 * an order for a new place still finds no place (a place bought meanwhile would make it an
 * upgrade at another price). Between the order and the payment the place may have been
 * upgraded, refunded, completed or paused, and the tariffs repriced.
 */
export async function recheckCourseOrder(
  db: Database,
  input: {
    userId: string;
    /** What the order is for (its copy of the product's details). */
    details: ProductDetails;
    currency: Currency;
    /** The tariff's catalog price now (undefined: no longer priced in this currency). */
    catalogAmount: number | undefined;
    /** What the order was priced at before any promo (the difference, for an upgrade). */
    listAmount: number;
    upgradeFrom: CourseTariff | null;
  },
): Promise<CourseOrderRecheck> {
  const { details, catalogAmount } = input;
  if (details.kind !== "course") return "ok";
  if (catalogAmount === undefined) return "mismatch";
  let priced: Awaited<ReturnType<typeof priceCourseOrder>>;
  try {
    priced = await priceCourseOrder(db, {
      userId: input.userId,
      courseCode: details.courseCode,
      tariff: details.tariff,
      currency: input.currency,
      amount: catalogAmount,
    });
  } catch (error) {
    if (isLumenError(error) && error.code === "CONFLICT") return "upgrade_changed";
    throw error;
  }
  if (priced.upgradeFrom !== input.upgradeFrom) return "upgrade_changed";
  if (input.upgradeFrom !== null && priced.amount !== input.listAmount) return "mismatch";
  return "ok";
}
