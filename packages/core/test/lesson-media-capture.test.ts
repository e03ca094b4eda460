import { randomBytes } from "node:crypto";
import { courseLessons } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  addLesson,
  cliActor,
  completeLessonMediaCapture,
  createAdmin,
  createCourse,
  createSecretBox,
  LESSON_MEDIA_CAPTURE_TTL_MS,
  linkOperatorTelegram,
  openLessonMediaCapture,
  readLessonMediaCapture,
  registerBot,
  startLessonMediaCapture,
  startOperatorTelegramLink,
} from "../src/index.ts";
import { createTestCore } from "./support.ts";

/**
 * Lesson media sent through the bot: a one-time link for one operator, one lesson and the
 * course's bot; the operator's next file there becomes the lesson's media, once.
 */
let t: Awaited<ReturnType<typeof createTestCore>>;
const box = createSecretBox(randomBytes(32));
let botId: string;
let otherBotId: string;
let courseId: string;
let lessonId: string;
let ann: { actor: Actor; telegramUserId: number };
let bob: { actor: Actor; telegramUserId: number };

async function operator(name: string, telegramUserId: number | null, role: "admin" | "operator" = "admin") {
  const admin = await createAdmin(t.core, cliActor, {
    email: `${name}@example.com`,
    password: "long enough password",
    role,
  });
  const actor: Actor = { type: "admin", id: admin.id, role };
  if (telegramUserId !== null) {
    const { code } = await startOperatorTelegramLink(t.core, actor);
    await linkOperatorTelegram(t.core, { code, telegramUserId });
  }
  return { actor, telegramUserId: telegramUserId ?? 0 };
}

const photo = (who: { telegramUserId: number }, fileId: string, bot = botId) =>
  completeLessonMediaCapture(t.core, {
    telegramUserId: who.telegramUserId,
    botId: bot,
    kind: "photo",
    fileId,
  });

beforeAll(async () => {
  t = await createTestCore();
  const bot = (id: number, features: Array<"courses" | "assistant">) =>
    registerBot(t.core, cliActor, box, {
      token: `${id}:${"M".repeat(35)}`,
      me: { id, username: `media_${id}_bot`, firstName: "School" },
      features,
    });
  botId = (await bot(7_101, ["courses"])).id;
  otherBotId = (await bot(7_102, ["courses"])).id;
  courseId = (await createCourse(t.core, cliActor, { code: "ink", title: "Ink", botId })).id;
  lessonId = (await addLesson(t.core, cliActor, courseId, { title: "Nibs", text: "Dip the nib." })).id;
  ann = await operator("ann", 51_001);
  bob = await operator("bob", 51_002);
});
afterAll(() => t.database.close());

describe("lesson media through the bot", () => {
  it("takes the operator's next file in the course's bot as the lesson's media, once", async () => {
    const { capture, token } = await startLessonMediaCapture(t.core, ann.actor, { courseId, lessonId });
    expect(capture).toMatchObject({ status: "waiting", botUsername: "media_7101_bot", mediaRef: null });
    expect(token).toMatch(/^[A-Za-z0-9]{24}$/);
    // Before the link is opened a file is none of this verb's business.
    expect(await photo(ann, "early")).toBeNull();

    expect(
      await openLessonMediaCapture(t.core, { token, telegramUserId: ann.telegramUserId, botId }),
    ).toEqual({
      lessonTitle: "Nibs",
    });
    expect((await readLessonMediaCapture(t.core, ann.actor, capture.id)).status).toBe("opened");
    // Another bot's files are other file ids: nothing is taken there.
    expect(await photo(ann, "elsewhere", otherBotId)).toBeNull();
    expect(await photo(ann, "AgACfile")).toEqual({ lessonId, lessonTitle: "Nibs" });

    const read = await readLessonMediaCapture(t.core, ann.actor, capture.id);
    expect(read).toMatchObject({ status: "completed", mediaKind: "photo", mediaRef: "AgACfile" });
    const [lesson] = await t.core.db.select().from(courseLessons).where(eq(courseLessons.id, lessonId));
    expect(lesson).toMatchObject({ mediaKind: "photo", mediaRef: "AgACfile" });

    // Used: a second file goes on to the bot's other features, and the link cannot be reopened.
    expect(await photo(ann, "second")).toBeNull();
    await expect(
      openLessonMediaCapture(t.core, { token, telegramUserId: ann.telegramUserId, botId }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "used" } });
  });

  it("refuses another operator's link, and keeps a capture to the operator who started it", async () => {
    const { capture, token } = await startLessonMediaCapture(t.core, ann.actor, { courseId, lessonId });
    await expect(
      openLessonMediaCapture(t.core, { token, telegramUserId: bob.telegramUserId, botId }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "wrong_operator" } });
    await expect(
      openLessonMediaCapture(t.core, { token, telegramUserId: 99_999, botId }),
    ).rejects.toMatchObject({ details: { reason: "wrong_operator" } });
    expect(await photo(bob, "bobs")).toBeNull();
    await expect(readLessonMediaCapture(t.core, bob.actor, capture.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Opened in a bot it was not made for, the link is unknown there.
    await expect(
      openLessonMediaCapture(t.core, { token, telegramUserId: ann.telegramUserId, botId: otherBotId }),
    ).rejects.toMatchObject({ details: { reason: "unknown" } });
    await expect(
      openLessonMediaCapture(t.core, { token: "nosuchtoken", telegramUserId: ann.telegramUserId, botId }),
    ).rejects.toMatchObject({ details: { reason: "unknown" } });
  });

  it("expires after ten minutes, opened or not", async () => {
    const first = await startLessonMediaCapture(t.core, ann.actor, { courseId, lessonId });
    t.clock.advance(LESSON_MEDIA_CAPTURE_TTL_MS + 1);
    await expect(
      openLessonMediaCapture(t.core, { token: first.token, telegramUserId: ann.telegramUserId, botId }),
    ).rejects.toMatchObject({ details: { reason: "expired" } });
    expect((await readLessonMediaCapture(t.core, ann.actor, first.capture.id)).status).toBe("expired");

    const second = await startLessonMediaCapture(t.core, ann.actor, { courseId, lessonId });
    await openLessonMediaCapture(t.core, { token: second.token, telegramUserId: ann.telegramUserId, botId });
    t.clock.advance(LESSON_MEDIA_CAPTURE_TTL_MS + 1);
    expect(await photo(ann, "late")).toBeNull();
    const [lesson] = await t.core.db.select().from(courseLessons).where(eq(courseLessons.id, lessonId));
    expect(lesson?.mediaRef).toBe("AgACfile");
  });

  it("needs an operator who may edit lessons, signed in, with Telegram linked", async () => {
    const unlinked = await operator("cy", null);
    await expect(
      startLessonMediaCapture(t.core, unlinked.actor, { courseId, lessonId }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: { reason: "telegram_not_linked" },
    });
    const editor = await operator("dee", 51_004, "operator");
    await expect(startLessonMediaCapture(t.core, editor.actor, { courseId, lessonId })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    await expect(startLessonMediaCapture(t.core, cliActor, { courseId, lessonId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      startLessonMediaCapture(t.core, ann.actor, {
        courseId,
        lessonId: "00000000-0000-4000-8000-000000000000",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("asks for the course's bot when several bots teach and the course names none", async () => {
    const loose = await createCourse(t.core, cliActor, { code: "loose", title: "Loose" });
    const looseLesson = await addLesson(t.core, cliActor, loose.id, { title: "One", text: "One." });
    await expect(
      startLessonMediaCapture(t.core, ann.actor, { courseId: loose.id, lessonId: looseLesson.id }),
    ).rejects.toMatchObject({ code: "CONFLICT", details: { field: "bot_id" } });
  });
});
