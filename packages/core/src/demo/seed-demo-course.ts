import { products } from "@lumen/db";
import { eq } from "drizzle-orm";
import { createProduct } from "../catalog/manage-products.ts";
import { createCourse, findCourseByCode } from "../courses/manage-courses.ts";
import { addLesson } from "../courses/manage-lessons.ts";
import type { Actor, CoreContext } from "../shared/context.ts";

export const demoCourseCode = "demo-prompting";
export const demoCourseTitle = "Prompting in three days";
export const demoCourseProductTitle = "Prompting in three days: BASIC";

const lessons = [
  {
    title: "Day 1: say what you want",
    text: "<b>Day 1.</b> Name the task, the audience and the format. Try it: ask the assistant for a three-line summary.",
  },
  {
    title: "Day 2: show an example",
    text: "<b>Day 2.</b> One good example beats a paragraph of rules. Paste one and ask for more like it.",
  },
  {
    title: "Day 3: iterate",
    text: "<b>Day 3.</b> Read the answer, say what to change, ask again. Three rounds usually do it.",
  },
];

/**
 * A short published course of three daily lessons and its BASIC tariff priced in Stars, so the
 * playground shows enrollment and drip lessons. The course is found by code and the product by
 * title, so a second run adds nothing (and a course left from a half-finished run gets its product).
 */
export async function seedDemoCourse(ctx: CoreContext, actor: Actor): Promise<string[]> {
  const created: string[] = [];
  if (!(await findCourseByCode(ctx.db, demoCourseCode))) {
    const course = await createCourse(ctx, actor, {
      code: demoCourseCode,
      title: demoCourseTitle,
      description: "Three short lessons, one a day, on writing prompts that work.",
      status: "published",
    });
    for (const lesson of lessons) await addLesson(ctx, actor, course.id, lesson);
    created.push(`course ${demoCourseTitle}`);
  }
  const [product] = await ctx.db
    .select({ id: products.id })
    .from(products)
    .where(eq(products.title, demoCourseProductTitle));
  if (!product) {
    await createProduct(ctx, actor, {
      title: demoCourseProductTitle,
      description: "The course with its daily lessons (no homework review).",
      sortOrder: 50,
      details: { kind: "course", courseCode: demoCourseCode, tariff: "BASIC" },
      prices: [{ currency: "XTR", amount: 150 }],
    });
    created.push(demoCourseProductTitle);
  }
  return created;
}
