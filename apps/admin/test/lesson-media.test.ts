import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, textOf } from "../../server/test/support/bot-journey.ts";
import {
  closePanel,
  hasChromium,
  noChromiumReason,
  openSignedInPanel,
  type Panel,
  screenshot,
  type TestBrowser,
} from "./support/panel.ts";

if (!hasChromium) console.warn(noChromiumReason);

/**
 * "Send media through the bot" in the lesson editor, against the real server and the Telegram
 * emulator: the owner (Telegram linked) presses the button, opens the deep link in the bot and
 * sends a photo; the editor fills the media fields with its file_id and previews the photo itself,
 * which the server downloads through the bot. An unsaved file_id and a file too big for bots say why
 * they are not shown.
 */
let panel: Panel;
let browser: TestBrowser;
let page: Page;
const email = "media-owner@example.com";
const password = "a long media password";
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });

describe.skipIf(!hasChromium)("lesson media sent through the bot", () => {
  beforeAll(async () => {
    ({ panel, browser, page } = await openSignedInPanel({
      email,
      password,
      path: "/admin/account",
      server: { apiKey: true },
    }));
  }, 600_000);
  afterAll(() => closePanel({ panel, browser }));

  it("fills the lesson's media with the photo the operator sends to the bot", async () => {
    try {
      // The owner links their Telegram account, as on the account page.
      const ann = panel.tg.createUser({ firstName: "Ann", languageCode: "en" });
      await page.getByRole("button", { name: "Link Telegram" }).click();
      const command = (await page.getByTestId("link-command").textContent())?.trim() ?? "";
      await say(panel.tg, panel.bot, ann, command);

      const course = await panel.api("POST", "/api/v1/courses", { code: "ink", title: "Ink drawing" });
      expect(course.status).toBe(201);
      const lesson = await panel.api("POST", `/api/v1/courses/${course.body.id}/lessons`, {
        title: "Nibs",
        text: "Dip the nib, then <b>wipe</b> it.",
      });
      expect(lesson.status).toBe(201);

      await page.goto(`${panel.url}/admin/courses/${course.body.id}`);
      await page.getByTestId("lesson-row").getByRole("button", { name: "Edit" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: "Send media through the bot" }).click();
      const open = dialog.getByRole("link", { name: /^Open @\w+ in Telegram$/ });
      await eventually(() => open.count()).toBe(1);
      const href = (await open.getAttribute("href")) ?? "";
      expect(href).toMatch(/^https:\/\/t\.me\/\w+\?start=media_[A-Za-z0-9]{24}$/);
      expect(await dialog.getByTestId("media-capture").textContent()).toContain(
        "Waiting for you to open the link",
      );
      await screenshot(page, "lesson-media-link");

      // The operator opens the link in Telegram and sends a photo.
      const ask = await say(panel.tg, panel.bot, ann, `/start ${new URL(href).searchParams.get("start")}`);
      expect(textOf(ask)).toContain("Send the photo, video, document or voice for lesson «Nibs»");
      await eventually(() => dialog.getByTestId("media-capture").textContent()).toContain(
        "The bot is waiting for your file",
      );
      const update = await panel.tg.sendPhoto(panel.bot, ann);
      const fileId = update.message?.photo?.at(-1)?.file_id ?? "";
      expect(fileId).not.toBe("");

      await eventually(() => dialog.getByLabel("Media file_id or URL").inputValue()).toBe(fileId);
      expect(await dialog.getByLabel("Media", { exact: true }).inputValue()).toBe("photo");
      // The preview shows the photo itself, downloaded by the server through the course's bot.
      const image = dialog.getByTestId("lesson-preview").getByRole("img", { name: "The lesson's Photo" });
      await eventually(() =>
        image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      ).toBe(800);
      expect(await dialog.getByTestId("lesson-media").getAttribute("data-state")).toBe("ready");
      expect(await image.getAttribute("src")).toBe(
        `/api/v1/courses/${course.body.id}/lessons/${lesson.body.id}/media?ref=${encodeURIComponent(fileId)}`,
      );
      expect(await dialog.getByTestId("media-capture").textContent()).toContain(
        "Received: the file you sent is now the lesson's media (Photo).",
      );
      await screenshot(page, "lesson-media-captured");

      // The server already put it on the lesson; saving the form keeps it.
      const saved = await panel.api("GET", `/api/v1/courses/${course.body.id}/lessons`);
      expect(saved.body.items[0]).toMatchObject({ media_kind: "photo", media_ref: fileId });
      await dialog.getByRole("button", { name: "Save" }).click();
      await eventually(() => page.getByRole("dialog").count()).toBe(0);
      const after = await panel.api("GET", `/api/v1/courses/${course.body.id}/lessons`);
      expect(after.body.items[0]).toMatchObject({ media_kind: "photo", media_ref: fileId });

      // A file_id typed but not saved yet is not the lesson's file: the preview says so.
      await page.getByTestId("lesson-row").getByRole("button", { name: "Edit" }).click();
      await page.getByRole("dialog").getByLabel("Media file_id or URL").fill("AgACtypedButNotSaved");
      await eventually(() => page.getByRole("dialog").getByTestId("lesson-media-error").textContent()).toBe(
        "Save the lesson to preview this file.",
      );
      await screenshot(page, "lesson-media-unsaved");
    } catch (error) {
      await screenshot(page, "lesson-media-failure");
      throw error;
    }
  });
});
