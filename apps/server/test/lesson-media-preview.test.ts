import { addLesson, cliActor, createAdmin, createCourse, updateLesson } from "@lumen/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotTestApp, createBotTestApp } from "./support/bot-test-app.ts";

/**
 * The panel's lesson preview downloads a lesson's Telegram file through the course's bot
 * (getFile, then the file URL, on the Telegram emulator): the bytes with an image type and a
 * private cache header, never the token; 404 without a file, 403 for a role that may not read
 * lessons, 422 for a file over the 20 MB bots may download, 409 when the panel shows another ref.
 */
let s: BotTestApp;
let courseId: string;
const cookies: Record<string, string> = {};

const get = (who: string, url: string) =>
  s.t.app.inject({ method: "GET", url, headers: { cookie: cookies[who] as string } });

async function signIn(name: string, role: "admin" | "operator" | "reviewer") {
  const password = `${name} password 1`;
  await createAdmin(s.t.core, cliActor, { email: `${name}@example.com`, password, role });
  const res = await s.t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { email: `${name}@example.com`, password },
  });
  cookies[name] = `lumen_session=${res.cookies.find((c) => c.name === "lumen_session")?.value}`;
}

/** A lesson whose media is the largest size of a photo a user sent to the bot. */
async function lessonWithPhoto(title: string, fileSize?: number) {
  const user = s.tg.createUser({ firstName: "Pia", languageCode: "en" });
  const update = await s.tg.sendPhoto(s.bot, user, fileSize === undefined ? {} : { fileSize });
  const fileId = update.message?.photo?.at(-1)?.file_id ?? "";
  const lesson = await addLesson(s.t.core, cliActor, courseId, { title, text: "Look." });
  await updateLesson(s.t.core, cliActor, courseId, lesson.id, { mediaKind: "photo", mediaRef: fileId });
  return { id: lesson.id, fileId };
}

const mediaUrl = (lessonId: string) => `/api/v1/courses/${courseId}/lessons/${lessonId}/media`;

beforeAll(async () => {
  s = await createBotTestApp({ username: "preview_school_bot", firstName: "School" });
  courseId = (await createCourse(s.t.core, cliActor, { code: "pen", title: "Pen", botId: s.botId })).id;
  await signIn("ops", "operator");
  await signIn("rev", "reviewer");
});
afterAll(() => s?.close());

describe("a lesson's Telegram file in the panel's preview", () => {
  it("streams the photo's bytes through the course's bot, without the token", async () => {
    const { id, fileId } = await lessonWithPhoto("Strokes");
    const res = await get("ops", mediaUrl(id));
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^image\//);
    expect(res.headers["cache-control"]).toBe("private, max-age=3600");
    expect(res.rawPayload.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(res.rawPayload.length).toBe(80_000);
    expect(res.rawPayload.includes(Buffer.from(s.bot.token))).toBe(false);
    expect(JSON.stringify(res.headers)).not.toContain(s.bot.token);
    const getFile = s.tg.calls.filter((c) => c.method === "getFile").at(-1);
    expect(getFile?.params.file_id).toBe(fileId);

    // The panel names the file it shows: the saved one streams, an unsaved edit is refused.
    expect((await get("ops", `${mediaUrl(id)}?ref=${encodeURIComponent(fileId)}`)).statusCode).toBe(200);
    const unsaved = await get("ops", `${mediaUrl(id)}?ref=AgACsomethingElse`);
    expect(unsaved.statusCode).toBe(409);
    expect(unsaved.json().error.message).toContain("Save the lesson");
  });

  it("answers 404 without a Telegram file, 403 to a reviewer, 400 naming a bad id", async () => {
    const bare = await addLesson(s.t.core, cliActor, courseId, { title: "Bare", text: "Nothing." });
    const none = await get("ops", mediaUrl(bare.id));
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toBe("This lesson has no media");
    await updateLesson(s.t.core, cliActor, courseId, bare.id, {
      mediaKind: "photo",
      mediaRef: "https://example.com/pen.jpg",
    });
    expect((await get("ops", mediaUrl(bare.id))).statusCode).toBe(404);
    await updateLesson(s.t.core, cliActor, courseId, bare.id, {
      mediaKind: "photo",
      mediaRef: "AgACnotAFileTheBotKnows",
    });
    const unknown = await get("ops", mediaUrl(bare.id));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain("does not know this file_id");

    const { id } = await lessonWithPhoto("Hatching");
    expect((await get("rev", mediaUrl(id))).statusCode).toBe(403);
    expect((await s.t.app.inject({ method: "GET", url: mediaUrl(id) })).statusCode).toBe(401);
    const bad = await get("ops", `/api/v1/courses/${courseId}/lessons/nope/media`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain("lesson_id");
  });

  it("answers 422 for a file over the 20 MB Telegram lets bots download", async () => {
    const { id } = await lessonWithPhoto("Poster", 25 * 1024 * 1024);
    const res = await get("ops", mediaUrl(id));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "FILE_TOO_BIG" });
    expect(res.json().error.message).toContain("over 20 MB");
    expect(res.body).not.toContain(s.bot.token);
  });
});
