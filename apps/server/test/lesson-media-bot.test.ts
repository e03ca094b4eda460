import { addLesson, cliActor, createAdmin, createCourse } from "@lumen/core";
import { courseLessons } from "@lumen/db";
import { createTranslator } from "@lumen/locales";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendLesson } from "../src/bot/features/courses/lesson-message.ts";
import { say, textOf } from "./support/bot-journey.ts";
import { type BotTestApp, createBotTestApp } from "./support/bot-test-app.ts";

/**
 * "Send media through the bot" over HTTP and the Telegram emulator: the operator asks the panel's
 * API for a link, opens it in the course's bot, sends a photo, and the lesson gets its file id,
 * which the lesson then sends; the same link cannot be used twice, nor by someone else, and other
 * private messages (a student's, the operator's after the capture) go on to the bot's other features.
 */
let s: BotTestApp;
let courseId: string;
let lessonId: string;
const cookies: Record<string, string> = {};
const operatorUser = { id: 0 };

const call = (who: string, method: "GET" | "POST", url: string, payload?: Record<string, unknown>) =>
  s.t.app.inject({
    method,
    url,
    headers: { cookie: cookies[who] as string, origin: "http://localhost" },
    ...(payload ? { payload } : {}),
  });

async function signIn(name: string, role: "admin" | "operator") {
  const password = `${name} password 1`;
  await createAdmin(s.t.core, cliActor, { email: `${name}@example.com`, password, role });
  const res = await s.t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: `${name}@example.com`, password },
  });
  cookies[name] = `lumen_session=${res.cookies.find((c) => c.name === "lumen_session")?.value}`;
}

/** Links a panel operator's Telegram account the way they do it: the code sent to the bot. */
async function linkTelegram(name: string, firstName: string) {
  const link = await call(name, "POST", "/api/v1/auth/telegram-link");
  const user = s.tg.createUser({ firstName, languageCode: "en" });
  await say(s.tg, s.bot, user, `/start op_${link.json().code}`);
  return user;
}

beforeAll(async () => {
  s = await createBotTestApp({ username: "media_school_bot", firstName: "School" });
  courseId = (await createCourse(s.t.core, cliActor, { code: "ink", title: "Ink", botId: s.botId })).id;
  lessonId = (await addLesson(s.t.core, cliActor, courseId, { title: "Nibs", text: "Dip the nib." })).id;
  await signIn("ann", "admin");
  await signIn("ops", "operator");
  await signIn("bea", "admin");
  operatorUser.id = (await linkTelegram("ann", "Ann")).id;
});
afterAll(() => s?.close());

const capturesUrl = () => `/api/v1/courses/${courseId}/lessons/${lessonId}/media-captures`;

describe("lesson media sent through the bot", () => {
  it("takes the operator's photo after the deep link and puts its file id on the lesson", async () => {
    const started = await call("ann", "POST", capturesUrl());
    expect(started.statusCode).toBe(201);
    const capture = started.json();
    expect(capture).toMatchObject({
      status: "waiting",
      lesson_id: lessonId,
      bot_username: "media_school_bot",
    });
    expect(capture.url).toMatch(/^https:\/\/t\.me\/media_school_bot\?start=media_[A-Za-z0-9]{24}$/);
    const payload = new URL(capture.url).searchParams.get("start");

    const ann = { id: operatorUser.id };
    const ask = await say(s.tg, s.bot, ann, `/start ${payload}`);
    expect(textOf(ask)).toBe(
      "Send the photo, video, document or voice for lesson «Nibs» now, in this chat. The next file you send here becomes the lesson's media.",
    );
    expect((await call("ann", "GET", `/api/v1/media-captures/${capture.id}`)).json().status).toBe("opened");

    const after = s.tg.calls.length;
    const update = await s.tg.sendPhoto(s.bot, ann, { caption: "for the lesson" });
    const largest = update.message?.photo?.at(-1)?.file_id;
    const saved = await s.tg.waitForCall("sendMessage", (p) => p.chat_id === ann.id, {
      after,
      timeoutMs: 10_000,
    });
    expect(textOf(saved)).toContain("this photo is now the media of lesson «Nibs»");

    const polled = (await call("ann", "GET", `/api/v1/media-captures/${capture.id}`)).json();
    expect(polled).toMatchObject({ status: "completed", media_kind: "photo", media_ref: largest });
    const lessons = (await call("ann", "GET", `/api/v1/courses/${courseId}/lessons`)).json().items;
    expect(lessons[0]).toMatchObject({ media_kind: "photo", media_ref: largest });

    // The lesson sends that file id as its photo, as delivery does (the emulator knows the file).
    const [row] = await s.t.core.db.select().from(courseLessons).where(eq(courseLessons.id, lessonId));
    if (!row) throw new Error("no lesson");
    const student = s.tg.createUser({ firstName: "Stu", languageCode: "en" });
    await say(s.tg, s.bot, student, "/start");
    const sending = s.tg.calls.length;
    await sendLesson(await s.t.botApis.apiFor(s.botId), student.id, createTranslator("en"), {
      lesson: row,
      total: 1,
      deliveryId: "00000000-0000-4000-8000-000000000001",
    });
    const photo = await s.tg.waitForCall("sendPhoto", (p) => p.chat_id === student.id, { after: sending });
    expect(photo.params.photo).toBe(largest);
    expect(photo.response).toMatchObject({ ok: true });

    // Used once: the link refuses, and the next photo is not taken (it goes on to other features).
    expect(textOf(await say(s.tg, s.bot, ann, `/start ${payload}`))).toContain("already used");
    const before = s.tg.calls.length;
    await s.tg.sendPhoto(s.bot, ann);
    await s.tg.sendText(s.bot, ann, "/start");
    const next = await s.tg.waitForCall("sendMessage", (p) => p.chat_id === ann.id, {
      after: before,
      timeoutMs: 10_000,
    });
    expect(textOf(next)).not.toContain("media of lesson");
    const again = (await call("ann", "GET", `/api/v1/courses/${courseId}/lessons`)).json().items[0];
    expect(again.media_ref).toBe(largest);
  });

  it("refuses someone else's link, and an operator's photo with no open link goes on", async () => {
    const capture = (await call("ann", "POST", capturesUrl())).json();
    const payload = new URL(capture.url).searchParams.get("start");
    const stranger = s.tg.createUser({ firstName: "Sly", languageCode: "ru" });
    expect(textOf(await say(s.tg, s.bot, stranger, `/start ${payload}`))).toBe(
      "Эта ссылка для медиа принадлежит другому оператору. Откройте редактор урока сами, с привязанным аккаунтом Telegram.",
    );
    const bea = await linkTelegram("bea", "Bea");
    expect(textOf(await say(s.tg, s.bot, bea, `/start ${payload}`))).toContain("another operator");
    expect(textOf(await say(s.tg, s.bot, bea, "/start media_unknownToken123"))).toContain("unknown");
    // Bea has no capture of her own: her photo is not a lesson's media.
    await s.tg.sendPhoto(s.bot, bea);
    expect((await call("ann", "GET", `/api/v1/media-captures/${capture.id}`)).json().status).toBe("waiting");
    expect((await call("bea", "GET", `/api/v1/media-captures/${capture.id}`)).statusCode).toBe(404);
  });

  it("keeps the routes to admins, names bad input and needs a linked Telegram account", async () => {
    expect((await call("ops", "POST", capturesUrl())).statusCode).toBe(403);
    const bad = await call("ann", "POST", `/api/v1/courses/${courseId}/lessons/not-a-uuid/media-captures`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain("lesson_id");
    expect((await call("ann", "GET", "/api/v1/media-captures/nope")).statusCode).toBe(400);
    await signIn("cal", "admin");
    const unlinked = await call("cal", "POST", capturesUrl());
    expect(unlinked.statusCode).toBe(409);
    expect(unlinked.json().error.message).toContain("Link your Telegram account");
    const keyed = await s.t.app.inject({
      method: "POST",
      url: capturesUrl(),
      headers: { "x-auth-key": s.key },
    });
    expect(keyed.statusCode).toBe(403);
  });
});
