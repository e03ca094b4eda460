import {
  claimDueLessons,
  cliActor,
  createAdmin,
  createOrder,
  createProduct,
  finishDelivery,
  settlePayment,
  submitHomework,
  upsertTelegramUser,
} from "@lumen/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app.ts";

/** /api/v1/courses, lessons, enrollments and the review queue: roles, 400 naming the field, the claim. */
let t: TestApp;
const cookies: Record<string, string> = {};

type Method = "GET" | "POST" | "PATCH" | "PUT";
const call = (who: string, method: Method, url: string, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] as string, origin: "http://localhost" },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, role] of [
    ["admin", "admin"],
    ["ops", "operator"],
    ["rita", "reviewer"],
    ["rob", "reviewer"],
  ] as const) {
    await createAdmin(t.core, cliActor, {
      email: `${name}@example.com`,
      password: `${name} password 1`,
      role,
    });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { email: `${name}@example.com`, password: `${name} password 1` },
    });
    const cookie = res.cookies.find((c) => c.name === "lumen_session");
    cookies[name] = `lumen_session=${cookie?.value}`;
  }
});
afterAll(() => t.close());

describe("the courses API", () => {
  it("creates a course with ordered lessons, naming the field of bad input, for admins only", async () => {
    expect((await call("ops", "POST", "/api/v1/courses", { code: "x", title: "X" })).statusCode).toBe(403);
    const badZone = await call("admin", "POST", "/api/v1/courses", {
      code: "drawing",
      title: "Drawing",
      default_timezone: "Mars/Olympus",
    });
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.field).toBe("default_timezone");
    expect(
      (await call("admin", "POST", "/api/v1/courses", { code: "Bad Code", title: "X" })).json().error.field,
    ).toBe("body.code");
    const created = await call("admin", "POST", "/api/v1/courses", {
      code: "drawing",
      title: "Drawing",
      default_timezone: "Europe/Moscow",
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(
      (await call("admin", "POST", "/api/v1/courses", { code: "drawing", title: "Again" })).json().error,
    ).toMatchObject({
      code: "CONFLICT",
      field: "code",
    });
    const noPrompt = await call("admin", "POST", `/api/v1/courses/${id}/lessons`, {
      title: "Lines",
      text: "Draw",
      homework_required: true,
    });
    expect(noPrompt.statusCode).toBe(400);
    expect(noPrompt.json().error.field).toBe("homework_prompt");
    const ids: string[] = [];
    for (const title of ["Lines", "Shapes", "Shadows"]) {
      const res = await call("admin", "POST", `/api/v1/courses/${id}/lessons`, {
        title,
        text: `<b>${title}</b>`,
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const reordered = await call("admin", "PUT", `/api/v1/courses/${id}/lessons/order`, {
      lesson_ids: [ids[2], ids[0], ids[1]],
    });
    expect(
      reordered.json().items.map((l: { title: string; position: number }) => `${l.position}. ${l.title}`),
    ).toEqual(["1. Shadows", "2. Lines", "3. Shapes"]);
    expect(
      (await call("admin", "PUT", `/api/v1/courses/${id}/lessons/order`, { lesson_ids: [ids[0]] })).json()
        .error.field,
    ).toBe("lesson_ids");
    const lessons = await call("ops", "GET", `/api/v1/courses/${id}/lessons`);
    expect(lessons.json().items).toHaveLength(3);
    expect(
      (await call("ops", "GET", "/api/v1/courses")).json().items.map((c: { code: string }) => c.code),
    ).toContain("drawing");
    expect((await call("rita", "GET", "/api/v1/courses")).statusCode).toBe(403);
  });

  it("lists enrollments and lets one reviewer at a time claim and review a submission", async () => {
    const course = await call("admin", "POST", "/api/v1/courses", { code: "ink", title: "Ink" });
    const courseId = course.json().id as string;
    await call("admin", "POST", `/api/v1/courses/${courseId}/lessons`, {
      title: "Pens",
      text: "Try three pens",
      homework_prompt: "Show your lines",
    });
    const product = await createProduct(t.core, cliActor, {
      title: "Ink — PREMIUM",
      details: { kind: "course", courseCode: "ink", tariff: "PREMIUM" },
      prices: [{ currency: "XTR", amount: 900 }],
    });
    const user = await upsertTelegramUser(t.core, { telegramId: 777_001, firstName: "Ivy" });
    const order = await createOrder(t.core, {
      userId: user.id,
      productId: product.id,
      currency: "XTR",
      provider: "stars",
    });
    await settlePayment(t.core, {
      provider: "stars",
      providerPaymentId: "ink-1",
      orderId: order.id,
      amount: order.amount,
      currency: "XTR",
      eventType: "successful_payment",
      raw: {},
    });
    const [claim] = await claimDueLessons(t.core);
    if (!claim) throw new Error("nothing due");
    await finishDelivery(t.core, { deliveryId: claim.deliveryId, outcome: "sent" });
    await submitHomework(t.core, {
      userId: user.id,
      enrollmentId: claim.enrollmentId,
      lessonId: claim.lesson.id,
      items: [{ kind: "photo", fileId: "ink-photo" }],
    });
    const chats = await call("admin", "PUT", `/api/v1/courses/${courseId}/tariffs/PREMIUM/chats`, {
      chat_ids: [-1001234],
    });
    expect(chats.json().items).toMatchObject([
      { tariff: "BASIC", products: [], chat_ids: [] },
      { tariff: "FEEDBACK", products: [], chat_ids: [] },
      {
        tariff: "PREMIUM",
        products: [{ title: "Ink — PREMIUM", prices: [{ currency: "XTR", amount: 900 }] }],
        chat_ids: [-1001234],
      },
    ]);
    expect(
      (await call("admin", "PUT", `/api/v1/courses/${courseId}/tariffs/GOLD/chats`, { chat_ids: [] })).json()
        .error.field,
    ).toBe("params.tariff");
    const enrollments = await call("ops", "GET", "/api/v1/enrollments?course_code=ink");
    expect(enrollments.json().items).toMatchObject([
      { student_name: "Ivy", tariff: "PREMIUM", current_day: 1 },
    ]);

    const queue = await call("rita", "GET", `/api/v1/submissions?course_id=${courseId}`);
    expect(queue.json().items).toMatchObject([
      {
        student_name: "Ivy",
        tariff: "PREMIUM",
        status: "queued",
        items: [{ kind: "photo", file_id: "ink-photo" }],
      },
    ]);
    const submissionId = queue.json().items[0].id as string;
    expect((await call("rita", "POST", `/api/v1/submissions/${submissionId}/claim`)).json().status).toBe(
      "in_review",
    );
    const taken = await call("rob", "POST", `/api/v1/submissions/${submissionId}/claim`);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe("rita@example.com has already taken this homework");
    expect((await call("rob", "GET", "/api/v1/submissions")).json().items[0]).toMatchObject({
      status: "in_review",
      reviewer_email: "rita@example.com",
    });
    const empty = await call("rita", "POST", `/api/v1/submissions/${submissionId}/review`, {
      verdict: "accepted",
      feedback: "",
    });
    expect(empty.json().error.field).toBe("body.feedback");
    const reviewed = await call("rita", "POST", `/api/v1/submissions/${submissionId}/review`, {
      verdict: "accepted",
      grade: 9,
      feedback: "Confident lines",
    });
    expect(reviewed.json()).toMatchObject({ status: "accepted", grade: 9, feedback: "Confident lines" });
    expect(reviewed.json().first_reviewed_at).not.toBeNull();
    const stats = await call("ops", "GET", `/api/v1/courses/${courseId}/stats`);
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({
      enrollments: [{ tariff: "PREMIUM", status: "completed", count: 1 }],
      lessons: [{ title: "Pens", reached: 1, completed: 1, has_quiz: false }],
      homework: {
        queued: 0,
        in_review: 0,
        reviewed: 1,
        by_reviewer: [{ email: "rita@example.com", reviewed: 1 }],
      },
    });
    expect((await call("rita", "GET", `/api/v1/courses/${courseId}/stats`)).statusCode).toBe(403);
    expect((await call("ops", "GET", "/api/v1/courses/not-a-uuid/stats")).json().error.field).toBe(
      "params.id",
    );
    expect((await call("ops", "GET", "/api/v1/submissions?status=bogus")).json().error.field).toBe(
      "querystring.status",
    );
  });
});
