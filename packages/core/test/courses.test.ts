import { courseDeliveries, courseEnrollments, courseSubmissions } from "@lumen/db";
import { findLedgerMismatches, findOrderMismatches } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  addLesson,
  claimDueLessons,
  claimSubmission,
  createAdmin,
  createCourse,
  createOrder,
  createProduct,
  finishDelivery,
  type LessonClaim,
  type ProviderRefund,
  readCourseProgress,
  refundOrder,
  reviewSubmission,
  setEnrollmentSchedule,
  settlePayment,
  submitHomework,
  upsertTelegramUser,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

let t: Awaited<ReturnType<typeof createTestCore>>;
let telegramId = 90_000;
let courseNo = 0;
const admin: Actor = { type: "admin", id: null, role: "admin" };
const DAY = 24 * 3_600_000;
const refundAtProvider: ProviderRefund = async () => {};

beforeAll(async () => {
  t = await createTestCore();
});
afterEach(async () => {
  expect(await findLedgerMismatches(t.core.db)).toEqual([]);
  expect(await findOrderMismatches(t.core.db)).toEqual([]);
});
afterAll(() => t.database.close());

/** A course with its lessons and one catalog product per tariff. */
async function course(lessons: Array<{ homeworkRequired?: boolean }> = [{}, {}, {}]) {
  const code = `course-${++courseNo}`;
  const row = await createCourse(t.core, admin, { code, title: `Course ${courseNo}`, status: "published" });
  for (const [i, l] of lessons.entries()) {
    await addLesson(t.core, admin, row.id, {
      title: `Lesson ${i + 1}`,
      text: `<b>Day ${i + 1}</b>`,
      homeworkPrompt: l.homeworkRequired ? "Send a photo of your work" : null,
      homeworkRequired: l.homeworkRequired ?? false,
    });
  }
  const tariff = (name: "BASIC" | "FEEDBACK" | "PREMIUM", stars: number) =>
    createProduct(t.core, admin, {
      title: `${row.title} ${name}`,
      details: { kind: "course", courseCode: code, tariff: name },
      prices: [{ currency: "XTR", amount: stars }],
    });
  return {
    course: row,
    basic: await tariff("BASIC", 100),
    feedback: await tariff("FEEDBACK", 250),
    premium: await tariff("PREMIUM", 600),
  };
}

async function buy(userId: string, productId: string) {
  const order = await createOrder(t.core, { userId, productId, currency: "XTR", provider: "stars" });
  const settle = () =>
    settlePayment(t.core, {
      provider: "stars",
      providerPaymentId: `pay-${order.id}`,
      orderId: order.id,
      amount: order.amount,
      currency: "XTR",
      eventType: "successful_payment",
      raw: {},
    });
  await settle();
  return { order, settle };
}

const student = () => upsertTelegramUser(t.core, { telegramId: telegramId++, firstName: "Student" });
const enrollmentsOf = (userId: string) =>
  t.core.db.select().from(courseEnrollments).where(eq(courseEnrollments.userId, userId));

/** A worker: claims what is due and "sends" it (recording the send), then finishes each claim. */
async function runWorker(sent: LessonClaim[]) {
  const claims = await claimDueLessons(t.core);
  for (const claim of claims) {
    sent.push(claim);
    await finishDelivery(t.core, { deliveryId: claim.deliveryId, outcome: "sent" });
  }
  return claims;
}

describe("course enrollment", () => {
  it("is granted once per payment and reversed by a refund", async () => {
    const { basic } = await course();
    const user = await student();
    const { order, settle } = await buy(user.id, basic.id);
    await settle();
    await settle();
    const rows = await enrollmentsOf(user.id);
    expect(rows).toMatchObject([{ tariff: "BASIC", status: "active", currentDay: 0 }]);
    const { reversal } = await refundOrder(t.core, admin, { orderId: order.id }, refundAtProvider);
    expect(reversal.accessEnded).toBe(true);
    expect(await enrollmentsOf(user.id)).toMatchObject([{ status: "refunded" }]);
    // Bought again after the refund: a new place.
    await buy(user.id, basic.id);
    expect((await enrollmentsOf(user.id)).map((r) => r.status).sort()).toEqual(["active", "refunded"]);
  });

  it("charges the difference for an upgrade, refuses the tariff one has, and a refund of the upgrade gives the old tariff back", async () => {
    const { basic, feedback, premium } = await course();
    const user = await student();
    await buy(user.id, basic.id);
    await expect(
      createOrder(t.core, { userId: user.id, productId: basic.id, currency: "XTR", provider: "stars" }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { field: "product_id" } });
    const upgrade = await buy(user.id, feedback.id);
    expect(upgrade.order.amount).toBe(150);
    expect(await enrollmentsOf(user.id)).toMatchObject([{ tariff: "FEEDBACK", status: "active" }]);
    const premiumOrder = await createOrder(t.core, {
      userId: user.id,
      productId: premium.id,
      currency: "XTR",
      provider: "stars",
    });
    expect(premiumOrder.amount).toBe(350);
    const { reversal } = await refundOrder(t.core, admin, { orderId: upgrade.order.id }, refundAtProvider);
    expect(reversal.accessEnded).toBe(false);
    expect(await enrollmentsOf(user.id)).toMatchObject([{ tariff: "BASIC", status: "active" }]);
  });
});

describe("lesson delivery", () => {
  it("sends day 1 at once and day 2 a day later at the student's hour, each lesson once with two workers", async () => {
    const { basic } = await course([{}, {}, {}]);
    const users = [await student(), await student(), await student()];
    for (const u of users) await buy(u.id, basic.id);
    const sent: LessonClaim[] = [];
    await Promise.all([runWorker(sent), runWorker(sent), runWorker(sent)]);
    const mine = () => sent.filter((c) => users.some((u) => u.telegramId === c.telegramId));
    expect(mine().map((c) => c.lesson.position)).toEqual([1, 1, 1]);
    // Nothing more is due the same day.
    await Promise.all([runWorker(sent), runWorker(sent)]);
    expect(mine()).toHaveLength(3);
    t.clock.advance(DAY);
    await Promise.all([runWorker(sent), runWorker(sent)]);
    expect(mine().filter((c) => c.lesson.position === 2)).toHaveLength(3);
    const rows = await t.core.db.select().from(courseDeliveries);
    const forUsers = rows.filter((r) => mine().some((c) => c.deliveryId === r.id));
    expect(new Set(forUsers.map((r) => `${r.enrollmentId}:${r.lessonId}`)).size).toBe(6);
  });

  it("waits for required homework, then gives the next lesson; a late student is never skipped ahead", async () => {
    const { feedback } = await course([{ homeworkRequired: true }, {}, {}]);
    const user = await student();
    await buy(user.id, feedback.id);
    const [enrollment] = await enrollmentsOf(user.id);
    if (!enrollment) throw new Error("no enrollment");
    await setEnrollmentSchedule(t.core, {
      enrollmentId: enrollment.id,
      userId: user.id,
      timezone: "Europe/Moscow",
      deliveryHour: 10,
    });
    const sent: LessonClaim[] = [];
    const mine = () => sent.filter((c) => c.telegramId === user.telegramId);
    await runWorker(sent);
    expect(mine().map((c) => c.lesson.position)).toEqual([1]);
    t.clock.advance(5 * DAY);
    await runWorker(sent);
    expect(mine()).toHaveLength(1);
    const lesson1 = mine()[0]?.lesson;
    if (!lesson1) throw new Error("no lesson");
    const { submission } = await submitHomework(t.core, {
      userId: user.id,
      enrollmentId: enrollment.id,
      lessonId: lesson1.id,
      items: [{ kind: "photo", fileId: "photo-1" }],
    });
    expect(submission.status).toBe("queued");
    await runWorker(sent);
    await runWorker(sent);
    // Five days late: lesson 2 now, not lesson 6, and lesson 3 only on the next local day.
    expect(mine().map((c) => c.lesson.position)).toEqual([1, 2]);
    t.clock.advance(DAY);
    await runWorker(sent);
    expect(mine().map((c) => c.lesson.position)).toEqual([1, 2, 3]);
  });

  it("stops for a student who blocked the bot, and after a refund", async () => {
    const { basic } = await course([{}, {}]);
    const blocked = await student();
    const refunded = await student();
    await buy(blocked.id, basic.id);
    const purchase = await buy(refunded.id, basic.id);
    await refundOrder(t.core, admin, { orderId: purchase.order.id }, refundAtProvider);
    const claims = (await claimDueLessons(t.core)).filter(
      (c) => c.telegramId === blocked.telegramId || c.telegramId === refunded.telegramId,
    );
    expect(claims.map((c) => c.telegramId)).toEqual([blocked.telegramId]);
    await finishDelivery(t.core, { deliveryId: claims[0]?.deliveryId ?? "", outcome: "blocked" });
    const again = (await claimDueLessons(t.core)).filter((c) => c.telegramId === blocked.telegramId);
    expect(again).toEqual([]);
    expect((await enrollmentsOf(blocked.id))[0]?.blockedAt).not.toBeNull();
  });
});

describe("homework review", () => {
  async function reviewer(name: string): Promise<Actor> {
    const row = await createAdmin(
      t.core,
      { type: "cli", id: null, role: "owner" },
      {
        email: `${name}-${courseNo}@example.com`,
        password: "a long enough password",
        role: "reviewer",
      },
    );
    return { type: "admin", id: row.id, role: row.role };
  }

  async function submitted(tariff: "basic" | "feedback" | "premium") {
    const c = await course([{ homeworkRequired: true }, {}]);
    const user = await student();
    await buy(user.id, c[tariff].id);
    const [enrollment] = await enrollmentsOf(user.id);
    if (!enrollment) throw new Error("no enrollment");
    const sent: LessonClaim[] = [];
    await runWorker(sent);
    const lesson = sent.find((s) => s.telegramId === user.telegramId)?.lesson;
    if (!lesson) throw new Error("no lesson");
    const { submission } = await submitHomework(t.core, {
      userId: user.id,
      enrollmentId: enrollment.id,
      lessonId: lesson.id,
      items: [{ kind: "text", text: "My answer" }],
    });
    return { user, enrollment, lesson, submission };
  }

  it("acknowledges BASIC answers at once and queues the others", async () => {
    expect((await submitted("basic")).submission.status).toBe("acknowledged");
    expect((await submitted("premium")).submission.status).toBe("queued");
  });

  it("lets one reviewer at a time take it; redo reopens it and holds the next lesson; the first review time stays", async () => {
    const ann = await reviewer("ann");
    const bob = await reviewer("bob");
    const { user, submission, enrollment, lesson } = await submitted("feedback");
    const takes = await Promise.allSettled([
      claimSubmission(t.core, ann, { submissionId: submission.id }),
      claimSubmission(t.core, bob, { submissionId: submission.id }),
    ]);
    expect(takes.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const holder = takes[0]?.status === "fulfilled" ? ann : bob;
    const other = holder === ann ? bob : ann;
    await expect(
      reviewSubmission(t.core, other, { submissionId: submission.id, verdict: "accepted", feedback: "ok" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    t.clock.advance(3_600_000);
    const redo = await reviewSubmission(t.core, holder, {
      submissionId: submission.id,
      verdict: "redo",
      feedback: "Show the whole page",
    });
    expect(redo.firstReviewedAt?.getTime()).toBe(redo.reviewedAt?.getTime());
    expect(redo.firstReviewedAt!.getTime() - submission.createdAt.getTime()).toBe(3_600_000);
    t.clock.advance(2 * DAY);
    expect((await readCourseProgress(t.core.db, user.id))?.waitingForDay).toBe(1);
    const again = await submitHomework(t.core, {
      userId: user.id,
      enrollmentId: enrollment.id,
      lessonId: lesson.id,
      items: [{ kind: "photo", fileId: "page-1" }],
      mediaGroupId: "album-1",
    });
    await submitHomework(t.core, {
      userId: user.id,
      enrollmentId: enrollment.id,
      lessonId: lesson.id,
      items: [{ kind: "photo", fileId: "page-2" }],
      mediaGroupId: "album-1",
    });
    const [album] = await t.core.db
      .select()
      .from(courseSubmissions)
      .where(eq(courseSubmissions.id, again.submission.id));
    expect(album?.items.map((i) => i.fileId)).toEqual(["page-1", "page-2"]);
    expect((await readCourseProgress(t.core.db, user.id))?.next?.day).toBe(2);
    const accepted = await reviewSubmission(t.core, other, {
      submissionId: again.submission.id,
      verdict: "accepted",
      grade: 5,
      feedback: "Great",
    });
    expect(accepted).toMatchObject({ status: "accepted", grade: 5, reviewerId: other.id });
  });
});
