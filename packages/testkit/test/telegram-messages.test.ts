import { type Bot, GrammyError, InlineKeyboard } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "../src/index.ts";
import { createGrammyBot } from "./telegram-test-bot.ts";

async function apiError(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}

describe("telegram emulator: messages", () => {
  let tg: TelegramEmulator;
  let handle: BotHandle;
  let bot: Bot;
  let alice: ReturnType<TelegramEmulator["createUser"]>;
  beforeEach(async () => {
    tg = await createTelegramEmulator();
    handle = tg.createBot({ username: "lumen_test_bot" });
    alice = tg.createUser({ firstName: "Alice" });
    bot = createGrammyBot(tg, handle);
    await tg.sendText(handle, alice, "/start");
  });
  afterEach(async () => {
    await tg.close();
  });

  it("rejects broken markup like Telegram so the bot can fall back to plain text", async () => {
    const unclosed = await apiError(bot.api.sendMessage(alice.id, "*Pro plan", { parse_mode: "MarkdownV2" }));
    expect(unclosed.error_code).toBe(400);
    expect(unclosed.description).toBe(
      "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 0",
    );

    const reserved = await apiError(
      bot.api.sendMessage(alice.id, "Price: 9.99", { parse_mode: "MarkdownV2" }),
    );
    expect(reserved.description).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );

    const html = await apiError(bot.api.sendMessage(alice.id, "a<br>b", { parse_mode: "HTML" }));
    expect(html.description).toBe(
      'Bad Request: can\'t parse entities: Unsupported start tag "br" at byte offset 1',
    );

    await bot.api.sendMessage(alice.id, "Price: 9.99");
    expect(tg.chatHistory(alice.id).at(-1)?.text).toBe("Price: 9.99");
  });

  it("parses MarkdownV2 and HTML into entities and detects commands and links", async () => {
    const v2 = await bot.api.sendMessage(
      alice.id,
      "*Pro* plan for 9\\.99 \\- see [site](https://example.com)",
      {
        parse_mode: "MarkdownV2",
      },
    );
    expect(v2.text).toBe("Pro plan for 9.99 - see site");
    expect(v2.entities).toEqual([
      { type: "bold", offset: 0, length: 3 },
      { type: "text_link", offset: 24, length: 4, url: "https://example.com" },
    ]);

    const html = await bot.api.sendMessage(alice.id, "<b>Hi</b> &lt;3 — use /help", { parse_mode: "HTML" });
    expect(html.text).toBe("Hi <3 — use /help");
    expect(html.entities).toEqual([
      { type: "bold", offset: 0, length: 2 },
      { type: "bot_command", offset: 12, length: 5 },
    ]);
  });

  it("validates text length and inline keyboards", async () => {
    expect((await apiError(bot.api.sendMessage(alice.id, ""))).description).toBe(
      "Bad Request: message text is empty",
    );
    expect((await apiError(bot.api.sendMessage(alice.id, "x".repeat(4097)))).description).toBe(
      "Bad Request: message is too long",
    );
    const tooLong = new InlineKeyboard().text("Buy", "x".repeat(65));
    expect(
      (await apiError(bot.api.sendMessage(alice.id, "Buy?", { reply_markup: tooLong }))).description,
    ).toBe("Bad Request: BUTTON_DATA_INVALID");
    const stranger = tg.createUser({ firstName: "Stranger" });
    const forbidden = await apiError(bot.api.sendMessage(stranger.id, "hello"));
    expect([forbidden.error_code, forbidden.description]).toEqual([
      403,
      "Forbidden: bot can't initiate conversation with a user",
    ]);
    expect((await apiError(bot.api.sendMessage(-1, "hello"))).description).toBe(
      "Bad Request: chat not found",
    );
  });

  it("delivers button presses and applies edits to the stored message", async () => {
    const sent = await bot.api.sendMessage(alice.id, "Choose a plan", {
      reply_markup: new InlineKeyboard().text("Pro", "plan:pro").text("Max", "plan:max"),
    });
    await expect(tg.pressButton(handle, alice, sent, "plan:none")).rejects.toThrow(
      /no inline button with callback_data "plan:none"; buttons: "plan:pro", "plan:max"/,
    );
    const press = await tg.pressButton(handle, alice, sent, "plan:pro");
    expect(press.callback_query).toMatchObject({
      from: { id: alice.id },
      data: "plan:pro",
      message: { message_id: sent.message_id },
    });

    const queryId = press.callback_query!.id;
    await bot.api.answerCallbackQuery(queryId, { text: "Pro selected" });
    expect((await apiError(bot.api.answerCallbackQuery(queryId))).description).toBe(
      "Bad Request: query is too old and response timeout expired or query ID is invalid",
    );

    const edited = await bot.api.editMessageText(alice.id, sent.message_id, "You chose Pro");
    expect(edited).toMatchObject({ text: "You chose Pro", edit_date: expect.any(Number) });
    expect(edited).not.toHaveProperty("reply_markup");
    expect(
      (await apiError(bot.api.editMessageText(alice.id, sent.message_id, "You chose Pro"))).description,
    ).toMatch(/^Bad Request: message is not modified/);
    await expect(tg.pressButton(handle, alice, sent, "plan:pro")).rejects.toThrow(/buttons: \(none\)/);

    await bot.api.editMessageReplyMarkup(alice.id, sent.message_id, {
      reply_markup: new InlineKeyboard().text("Undo", "undo"),
    });
    const current = tg.chatHistory(alice.id).find((message) => message.message_id === sent.message_id);
    expect(current).toMatchObject({
      text: "You chose Pro",
      reply_markup: { inline_keyboard: [[{ text: "Undo", callback_data: "undo" }]] },
    });
  });

  it("deletes messages from history", async () => {
    const sent = await bot.api.sendMessage(alice.id, "temporary");
    await bot.api.deleteMessage(alice.id, sent.message_id);
    expect(tg.chatHistory(alice.id).map((message) => message.text)).toEqual(["/start"]);
    expect((await apiError(bot.api.deleteMessage(alice.id, sent.message_id))).description).toBe(
      "Bad Request: message to delete not found",
    );
  });

  it("records drafts separately from the chat history", async () => {
    await bot.api.sendMessageDraft(alice.id, 7, "Thinking about your question");
    await bot.api.sendMessageDraft(alice.id, 7, "Thinking about your question, almost done");
    expect(tg.drafts(alice.id).map((draft) => [draft.draftId, draft.text])).toEqual([
      [7, "Thinking about your question"],
      [7, "Thinking about your question, almost done"],
    ]);
    expect(tg.chatHistory(alice.id).map((message) => message.text)).toEqual(["/start"]);
    expect((await apiError(bot.api.sendMessageDraft(alice.id, 0, "x"))).description).toBe(
      "Bad Request: draft_id must be non-zero",
    );
    expect((await apiError(bot.api.sendMessageDraft(alice.id, 7, " "))).description).toBe(
      "Bad Request: message text is empty",
    );
    // Formatted like a message: the draft keeps the text Telegram would show.
    await bot.api.sendMessageDraft(alice.id, 8, "<b>Done</b> soon", { parse_mode: "HTML" });
    expect(tg.drafts(alice.id).at(-1)?.text).toBe("Done soon");
  });

  it("opens Mini Apps over https only, and over http too in Telegram's test environment", async () => {
    const local = "http://localhost:3000/app/";
    const refused = await apiError(
      bot.api.sendMessage(alice.id, "Store", { reply_markup: new InlineKeyboard().webApp("Open", local) }),
    );
    expect(refused.description).toBe(
      `Bad Request: Web App URL '${local}' is invalid: Only HTTPS links are allowed`,
    );
    await apiError(
      bot.api.setChatMenuButton({ menu_button: { type: "web_app", text: "Store", web_app: { url: local } } }),
    );

    const testEnv = await createTelegramEmulator({ testEnvironment: true });
    try {
      const demo = testEnv.createBot({ username: "demo_bot" });
      const bob = testEnv.createUser({ firstName: "Bob" });
      const demoBot = createGrammyBot(testEnv, demo);
      await testEnv.sendText(demo, bob, "/start");
      await demoBot.api.sendMessage(bob.id, "Store", {
        reply_markup: new InlineKeyboard().webApp("Open", local),
      });
      await demoBot.api.setChatMenuButton({
        menu_button: { type: "web_app", text: "Store", web_app: { url: local } },
      });
      const sent = testEnv.chatHistory(bob.id).at(-1);
      expect(sent?.reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: "Open", web_app: { url: local } });
      expect(await demoBot.api.getChatMenuButton()).toEqual({
        type: "web_app",
        text: "Store",
        web_app: { url: local },
      });
      // Still not any scheme: a web_app URL is a web address.
      await apiError(
        demoBot.api.sendMessage(bob.id, "x", {
          reply_markup: new InlineKeyboard().webApp("Open", "ftp://localhost/app"),
        }),
      );
    } finally {
      await testEnv.close();
    }
  });

  it("answers 403 once the user blocked the bot and tells the bot via my_chat_member", async () => {
    await tg.blockBot(handle, alice);
    const blocked = await apiError(bot.api.sendMessage(alice.id, "still there?"));
    expect([blocked.error_code, blocked.description]).toEqual([
      403,
      "Forbidden: bot was blocked by the user",
    ]);
    const updates = await bot.api.getUpdates();
    expect(updates.at(-1)?.my_chat_member?.new_chat_member.status).toBe("kicked");
  });
});
