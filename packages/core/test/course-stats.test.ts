import { courseEnrollments } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  addLesson,
  answerQuiz,
  claimDueLessons,
  claimSubmission,
  createAdmin,
  createCourse,
  createOrder,
  createProduct,
  finishDelivery,
  type LessonClaim,
  listEnrollments,
  markLessonDone,
  readCourseStats,
  refundOrder,
  reviewSubmission,
  settlePayment,
  submitHomework,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
const owner: Actor = { type: "admin", id: null, role: "owner" };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await createTestCore();
});
afterAll(() => t.database.close());

async function reviewer(email: string): Promise<Actor> {
  const row = await createAdmin(
    t.core,
    { type: "cli", id: null, role: "owner" },
    { email, password: "a long enough password", role: "reviewer" },
  );
  return { type: "admin", id: row.id, role: row.role };
}

/**
 * Seven students on a three-day course (day 1 homework, day 2 quiz), with every figure of the
 * stats tab made to come out at a number worked out by hand below.
 */
describe("course stats", () => {
  it("counts places by tariff and status, the drop-off by lesson, quiz answers and review turnaround", async () => {
    const course = await createCourse(t.core, owner, { code: "stats", title: "Stats", status: "published" });
    await addLesson(t.core, owner, course.id, { title: "One", text: "1", homeworkPrompt: "Show it" });
    await addLesson(t.core, owner, course.id, {
      title: "Two",
      text: "2",
      quiz: { question: "Which?", options: ["a", "b"], answer: 1 },
    });
    await addLesson(t.core, owner, course.id, { title: "Three", text: "3" });
    const product = (tariff: "BASIC" | "FEEDBACK" | "PREMIUM", amount: number) =>
      createProduct(t.core, owner, {
        title: tariff,
        details: { kind: "course", courseCode: "stats", tariff },
        prices: [{ currency: "XTR", amount }],
      });
    const products = {
      BASIC: await product("BASIC", 100),
      FEEDBACK: await product("FEEDBACK", 250),
      PREMIUM: await product("PREMIUM", 600),
    };
    const tariffs = {
      a: "BASIC",
      b: "FEEDBACK",
      c: "FEEDBACK",
      d: "PREMIUM",
      e: "FEEDBACK",
      f: "FEEDBACK",
      g: "FEEDBACK",
    } as const;
    const people = {} as Record<
      keyof typeof tariffs,
      { userId: string; enrollmentId: string; orderId: string; telegramId: number }
    >;
    for (const [i, [name, tariff]] of Object.entries(tariffs).entries()) {
      const user = await upsertTelegramUser(t.core, { telegramId: 70_000 + i, firstName: name });
      const order = await createOrder(t.core, {
        userId: user.id,
        productId: products[tariff].id,
        currency: "XTR",
        provider: "stars",
      });
      await settlePayment(t.core, {
        provider: "stars",
        providerPaymentId: `stats-${order.id}`,
        orderId: order.id,
        amount: order.amount,
        currency: "XTR",
        eventType: "successful_payment",
        raw: {},
      });
      const [place] = await t.core.db
        .select()
        .from(courseEnrollments)
        .where(eq(courseEnrollments.userId, user.id));
      if (!place) throw new Error("no place");
      people[name as keyof typeof tariffs] = {
        userId: user.id,
        enrollmentId: place.id,
        orderId: order.id,
        telegramId: user.telegramId,
      };
    }
    const deliveries = new Map<string, LessonClaim>();
    const deliver = async (blocked: string[] = []) => {
      for (const claim of await claimDueLessons(t.core)) {
        const who = Object.entries(people).find(([, p]) => p.telegramId === claim.telegramId)?.[0] ?? "";
        deliveries.set(`${who}${claim.lesson.position}`, claim);
        await finishDelivery(t.core, {
          deliveryId: claim.deliveryId,
          outcome: blocked.includes(who) ? "blocked" : "sent",
        });
      }
    };
    const delivery = (key: string) => deliveries.get(key) ?? expect.unreachable(`no delivery ${key}`);
    const hand = async (who: keyof typeof tariffs) =>
      (
        await submitHomework(t.core, {
          userId: people[who].userId,
          enrollmentId: people[who].enrollmentId,
          lessonId: delivery(`${who}1`).lesson.id,
          items: [{ kind: "text", text: `${who}'s answer` }],
        })
      ).submission.id;

    await deliver();
    const homework = {
      a: await hand("a"),
      b: await hand("b"),
      c: await hand("c"),
      d: await hand("d"),
      e: await hand("e"),
      f: await hand("f"),
    };
    await refundOrder(t.core, owner, { orderId: people.e.orderId }, async () => {});
    const ann = await reviewer("ann@stats.example");
    const bob = await reviewer("bob@stats.example");
    t.clock.advance(HOUR);
    await reviewSubmission(t.core, ann, { submissionId: homework.b, verdict: "redo", feedback: "Again" });
    t.clock.advance(2 * HOUR);
    await claimSubmission(t.core, ann, { submissionId: homework.c });
    await reviewSubmission(t.core, ann, { submissionId: homework.c, verdict: "accepted", feedback: "Ok" });
    await claimSubmission(t.core, bob, { submissionId: homework.d });
    t.clock.advance(3 * HOUR);
    await reviewSubmission(t.core, bob, { submissionId: homework.d, verdict: "accepted", feedback: "Ok" });
    // An API key has the role but is nobody the student or the team could name: refused.
    const key = { type: "api_key", id: crypto.randomUUID(), role: "owner" } as const;
    await expect(claimSubmission(t.core, key, { submissionId: homework.f })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      reviewSubmission(t.core, key, { submissionId: homework.f, verdict: "accepted", feedback: "Ok" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const late = await hand("g");
    await claimSubmission(t.core, bob, { submissionId: late });
    // A reviewer taking someone else's homework is refused, and the stats keep the holder.
    await expect(claimSubmission(t.core, ann, { submissionId: late })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "bob@stats.example has already taken this homework",
      details: { reviewer: "bob@stats.example", status: "in_review" },
    });
    await expect(
      reviewSubmission(t.core, bob, { submissionId: homework.c, verdict: "redo", feedback: "No" }),
    ).rejects.toMatchObject({ message: "This homework was already reviewed by ann@stats.example" });

    t.clock.advance(DAY);
    await deliver();
    const quiz = (who: keyof typeof tariffs, answer: number) =>
      answerQuiz(t.core, { userId: people[who].userId, deliveryId: delivery(`${who}2`).deliveryId, answer });
    await quiz("a", 1);
    await quiz("b", 0);
    await quiz("c", 1);
    await markLessonDone(t.core, { userId: people.d.userId, deliveryId: delivery("d2").deliveryId });
    t.clock.advance(DAY);
    await deliver(["d", "g"]);
    await markLessonDone(t.core, { userId: people.a.userId, deliveryId: delivery("a3").deliveryId });

    const stats = await readCourseStats(t.core, { type: "admin", id: null, role: "operator" }, course.id);
    expect(stats.enrollments).toEqual([
      { tariff: "BASIC", status: "completed", count: 1 },
      { tariff: "FEEDBACK", status: "active", count: 1 },
      { tariff: "FEEDBACK", status: "completed", count: 3 },
      { tariff: "FEEDBACK", status: "refunded", count: 1 },
      { tariff: "PREMIUM", status: "active", count: 1 },
    ]);
    expect(stats.lessons.map(({ lessonId: _, ...l }) => l)).toEqual([
      // B was sent back to redo; E's place was refunded; G handed in late (in review counts).
      {
        position: 1,
        title: "One",
        reached: 6,
        completed: 5,
        hasQuiz: false,
        quizAnswered: 0,
        quizCorrect: 0,
      },
      { position: 2, title: "Two", reached: 6, completed: 4, hasQuiz: true, quizAnswered: 3, quizCorrect: 2 },
      // D and G blocked the bot: day 3 never reached them.
      {
        position: 3,
        title: "Three",
        reached: 4,
        completed: 1,
        hasQuiz: false,
        quizAnswered: 0,
        quizCorrect: 0,
      },
    ]);
    // Turnarounds: B 1 h, C 3 h, D 6 h; F waits in the queue, G is with Bob.
    expect(stats.homework).toEqual({
      queued: 1,
      inReview: 1,
      reviewed: 3,
      medianSeconds: 10_800,
      p90Seconds: 19_440,
      byReviewer: [
        {
          reviewerId: ann.id,
          email: "ann@stats.example",
          inReview: 0,
          reviewed: 2,
          medianSeconds: 7_200,
          p90Seconds: 10_080,
        },
        {
          reviewerId: bob.id,
          email: "bob@stats.example",
          inReview: 1,
          reviewed: 1,
          medianSeconds: 21_600,
          p90Seconds: 21_600,
        },
      ],
    });
    // The students list counts each one's done lessons by the drop-off's rule (homework handed in
    // and not sent back counts): the same 5 + 4 + 1 over the places not refunded.
    const students = (await listEnrollments(t.core.db, { courseCode: "stats" })).filter(
      (e) => e.status !== "refunded",
    );
    expect(students.reduce((sum, e) => sum + e.lessonsDone, 0)).toBe(10);
  });

  it("needs the operator role and names an unknown course", async () => {
    const course = await createCourse(t.core, owner, { code: "empty", title: "Empty" });
    await expect(
      readCourseStats(t.core, { type: "admin", id: null, role: "reviewer" }, course.id),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      readCourseStats(t.core, owner, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await readCourseStats(t.core, owner, course.id)).toEqual({
      enrollments: [],
      lessons: [],
      homework: {
        queued: 0,
        inReview: 0,
        reviewed: 0,
        medianSeconds: null,
        p90Seconds: null,
        byReviewer: [],
      },
    });
  });
});
