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

/**
 * The bot texts editor against the real server and the Telegram emulator: the welcome text is
 * found among the pinned ones, a wrong variable is refused at the field while typing, the preview
 * shows the message as Telegram would, and once saved the bot says it; reset brings the default back.
 */
let panel: Panel;
let browser: TestBrowser;
let page: Page;
const email = "texts@example.com";
const password = "a long texts password";
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

if (!hasChromium) console.warn(noChromiumReason);

describe.skipIf(!hasChromium)("bot texts editor", () => {
  beforeAll(async () => {
    ({ panel, browser, page } = await openSignedInPanel({ email, password, path: "/admin/texts" }));
  }, 400_000);
  afterAll(() => closePanel({ panel, browser }));

  it("edits the welcome text with a live check and preview, and the bot uses it at once", async () => {
    const { tg, bot } = panel;
    const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
    await say(tg, bot, ann, "/start");
    expect(textOf(await say(tg, bot, ann, "/start"))).toBe("Welcome back, Ann! What would you like to do?");

    const pinned = page.getByRole("region", { name: "Most edited" });
    await pinned.getByRole("button", { name: /start-welcome-back/ }).click();
    await page.waitForURL(/key=start-welcome-back/);
    const field = page.getByLabel("Text", { exact: true });
    await eventually(() => field.inputValue()).toBe("Welcome back, { $name }! What would you like to do?");

    await field.fill("Hello again, { $first }!");
    await eventually(() => page.locator("[data-field-error]").textContent()).toContain(
      "line 1: Unknown variable $first; this text may use: $name",
    );

    await field.fill("Hello again, ");
    await page.getByRole("button", { name: "Insert $name" }).click();
    await field.press("End");
    await field.type("! 🎉\nSend /help to see what I can do.");
    await page.getByRole("textbox", { name: "$name" }).fill("Ann");
    const preview = page.getByTestId("telegram-preview");
    await eventually(() => preview.textContent()).toContain(
      "Hello again, Ann! 🎉\nSend /help to see what I can do.",
    );
    await eventually(() => page.locator("[data-field-error]").count()).toBe(0);
    await screenshot(page, "texts-editor");

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved: the bot uses it from its next message.").waitFor();
    expect(textOf(await say(tg, bot, ann, "/start"))).toBe(
      "Hello again, Ann! 🎉\nSend /help to see what I can do.",
    );
    await eventually(() =>
      pinned.getByRole("button", { name: /start-welcome-back/ }).textContent(),
    ).toContain("edited");

    await page.getByRole("button", { name: "Reset to default" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Reset to default" }).click();
    await page.getByText("Back to the default text.").waitFor();
    expect(textOf(await say(tg, bot, ann, "/start"))).toBe("Welcome back, Ann! What would you like to do?");
    await eventually(() => field.inputValue()).toBe("Welcome back, { $name }! What would you like to do?");
  });

  it("sets a welcome picture beside the welcome text: /start sends it with the caption, remove brings text only", async () => {
    const { tg, bot } = panel;
    const bea = tg.createUser({ firstName: "Bea", languageCode: "en" });
    await say(tg, bot, bea, "/start");
    await page
      .getByRole("region", { name: "Most edited" })
      .getByRole("button", { name: /start-welcome-back/ })
      .click();
    const picture = page.getByLabel("Welcome picture");
    await picture.fill("not a picture");
    await page.getByRole("button", { name: "Save picture" }).click();
    await eventually(() => page.locator("[data-field-error]").textContent()).toContain(
      "neither an http(s) address nor a Telegram file_id",
    );
    await picture.fill("https://example.com/welcome.jpg");
    await page.getByRole("button", { name: "Save picture" }).click();
    await page.getByText("Picture saved: /start sends it from now on.").waitFor();
    await page.getByTestId("telegram-preview-photo").waitFor();
    await screenshot(page, "texts-welcome-picture");

    const after = tg.calls.length;
    await tg.sendText(bot, bea, "/start");
    const photo = await tg.waitForCall("sendPhoto", (p) => p.chat_id === bea.id, {
      after,
      timeoutMs: 10_000,
    });
    expect(photo.params.photo).toBe("https://example.com/welcome.jpg");
    expect(photo.params.caption).toBe("Welcome back, Bea! What would you like to do?");

    await page.getByRole("button", { name: "Remove picture" }).click();
    await page.getByText("Picture removed: /start sends the text only.").waitFor();
    expect(textOf(await say(tg, bot, bea, "/start"))).toBe("Welcome back, Bea! What would you like to do?");
    await eventually(() => page.getByTestId("telegram-preview-photo").count()).toBe(0);
  });

  it("finds a text by search, in Russian too", async () => {
    await page.getByRole("tab", { name: "Russian" }).click();
    await page.getByLabel("Search texts or keys…").fill("help");
    await page.waitForURL(/q=help/);
    await page
      .getByRole("region", { name: "Main menu, help and account" })
      .getByRole("button", { name: /help-text/ })
      .click();
    await eventually(() => page.getByLabel("Text", { exact: true }).inputValue()).toContain("Вот что я умею");
    await screenshot(page, "texts-search-ru");
  });
});
