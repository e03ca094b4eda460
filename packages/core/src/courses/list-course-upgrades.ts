import type { CourseTariff, Currency, Database } from "@lumen/db";
import { listProducts } from "../catalog/get-product.ts";
import { isLumenError } from "../shared/errors.ts";
import { findLiveEnrollment, tariffRank } from "./enroll-in-course.ts";
import { priceCourseOrder } from "./price-course-order.ts";

export type CourseUpgrade = {
  productId: string;
  tariff: CourseTariff;
  currency: Currency;
  /** What the student pays: the difference to the tariff they have, as the order will charge. */
  amount: number;
};

/**
 * The higher tariffs a student can move to on their course, with what each costs them now: the
 * one place where upgrade eligibility is decided for every client (only an active place, only
 * to a higher tariff). The price comes from `priceCourseOrder`, the rule the order itself
 * applies, so the button shows exactly what the invoice will ask; a tariff that would cost
 * nothing more is not offered.
 */
export async function listCourseUpgrades(
  db: Database,
  input: { userId: string; courseCode: string },
): Promise<CourseUpgrade[]> {
  const live = await findLiveEnrollment(db, input.userId, input.courseCode);
  if (live?.status !== "active") return [];
  const products = (await listProducts(db, { activeOnly: true })).filter(
    (p) =>
      p.details.kind === "course" &&
      p.details.courseCode === input.courseCode &&
      tariffRank(p.details.tariff) > tariffRank(live.tariff),
  );
  const upgrades: CourseUpgrade[] = [];
  for (const product of products) {
    if (product.details.kind !== "course") continue;
    const tariff = product.details.tariff;
    for (const price of product.prices) {
      try {
        const { amount } = await priceCourseOrder(db, {
          userId: input.userId,
          courseCode: input.courseCode,
          tariff,
          currency: price.currency,
          amount: price.amount,
        });
        upgrades.push({ productId: product.id, tariff, currency: price.currency, amount });
      } catch (error) {
        if (!isLumenError(error) || error.code !== "CONFLICT") throw error;
      }
    }
  }
  // Lower tariffs first; within one, Stars first (every bot takes them), then the others.
  const order = (u: CourseUpgrade) => tariffRank(u.tariff) * 10 + (u.currency === "XTR" ? 0 : 1);
  return upgrades.sort((a, b) => order(a) - order(b));
}
