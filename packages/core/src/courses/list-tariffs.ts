import { type CourseTariff, courseTariffChats, courseTariffs, type Database } from "@lumen/db";
import { eq } from "drizzle-orm";
import { listProducts } from "../catalog/get-product.ts";
import { getCourse } from "./manage-courses.ts";

export type CourseTariffView = {
  tariff: CourseTariff;
  /** The catalog products selling this tariff (with their prices); empty: not on sale. */
  products: Array<{
    id: string;
    title: string;
    active: boolean;
    prices: Array<{ currency: string; amount: number }>;
  }>;
  chatIds: number[];
};

/** A course's three tariffs: the catalog products that sell each, and the chats each opens. */
export async function listCourseTariffs(db: Database, courseId: string): Promise<CourseTariffView[]> {
  const course = await getCourse(db, courseId);
  const [products, chats] = await Promise.all([
    listProducts(db, { activeOnly: false }),
    db.select().from(courseTariffChats).where(eq(courseTariffChats.courseId, courseId)),
  ]);
  return courseTariffs.map((tariff) => ({
    tariff,
    products: products
      .filter(
        (p) =>
          p.details.kind === "course" && p.details.courseCode === course.code && p.details.tariff === tariff,
      )
      .map((p) => ({ id: p.id, title: p.title, active: p.active, prices: p.prices })),
    chatIds: chats.find((c) => c.tariff === tariff)?.chatIds ?? [],
  }));
}
