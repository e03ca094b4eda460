import { InputFile } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramEmulator, type TelegramEmulator } from "../src/index.ts";
import { createGrammyBot, expectGrammyError } from "./telegram-test-bot.ts";

describe("telegram emulator: request handling", () => {
  let tg: TelegramEmulator;
  afterEach(async () => {
    await tg.close();
  });

  it("answers 429 with retry_after under flood limits, on the injected clock", async () => {
    let now = 1_700_000_000_000;
    tg = await createTelegramEmulator({
      floodLimits: { perChatPerSecond: 2, globalPerSecond: 3 },
      now: () => now,
    });
    const handle = tg.createBot({ username: "busy_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    const bob = tg.createUser({ firstName: "Bob" });
    await tg.sendText(handle, alice, "hi");
    await tg.sendText(handle, bob, "hi");
    const bot = createGrammyBot(tg, handle);

    await bot.api.sendMessage(alice.id, "1");
    await bot.api.sendMessage(alice.id, "2");
    const perChat = await expectGrammyError(bot.api.sendMessage(alice.id, "3"));
    expect([perChat.error_code, perChat.description, perChat.parameters]).toEqual([
      429,
      "Too Many Requests: retry after 1",
      { retry_after: 1 },
    ]);
    await bot.api.sendMessage(bob.id, "3");
    const global = await expectGrammyError(bot.api.sendMessage(bob.id, "4"));
    expect(global.parameters.retry_after).toBe(1);

    now += 1000;
    await bot.api.sendMessage(alice.id, "after a second");
    expect(tg.chatHistory(alice.id).map((message) => message.text)).toEqual([
      "hi",
      "1",
      "2",
      "after a second",
    ]);
  });

  it("injects failures per method with failNext", async () => {
    tg = await createTelegramEmulator();
    const handle = tg.createBot({ username: "draft_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    await tg.sendText(handle, alice, "hi");
    const bot = createGrammyBot(tg, handle);
    tg.failNext(
      "sendMessageDraft",
      { error_code: 400, description: "Bad Request: method is unavailable" },
      { times: 2 },
    );

    for (let i = 0; i < 2; i++) {
      const error = await expectGrammyError(bot.api.sendMessageDraft(alice.id, 1, "typing"));
      expect(error.description).toBe("Bad Request: method is unavailable");
    }
    await expect(bot.api.sendMessageDraft(alice.id, 1, "typing")).resolves.toBe(true);
    expect(
      tg.calls.filter((call) => call.method === "sendMessageDraft").map((call) => call.response.ok),
    ).toEqual([false, false, true]);
    expect(tg.drafts(alice.id)).toHaveLength(1);
  });

  it("accepts form-encoded and query-string parameters with JSON fields as text", async () => {
    tg = await createTelegramEmulator();
    const handle = tg.createBot({ username: "form_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    await tg.sendText(handle, alice, "hi");
    const body = new URLSearchParams({
      chat_id: String(alice.id),
      text: "Pick one",
      reply_markup: JSON.stringify({ inline_keyboard: [[{ text: "A", callback_data: "a" }]] }),
    });
    const response = await fetch(`${tg.apiRoot}/bot${handle.token}/sendMessage`, { method: "POST", body });
    expect(await response.json()).toMatchObject({
      ok: true,
      result: { text: "Pick one", reply_markup: { inline_keyboard: [[{ text: "A", callback_data: "a" }]] } },
    });
    const call = await tg.waitForCall("sendMessage");
    expect(call.params.chat_id).toBe(alice.id);

    const query = await fetch(
      `${tg.apiRoot}/bot${handle.token}/sendMessage?chat_id=${alice.id}&text=from%20query`,
    );
    expect(await query.json()).toMatchObject({ ok: true, result: { text: "from query" } });
    const broken = await fetch(`${tg.apiRoot}/bot${handle.token}/sendMessage`, {
      method: "POST",
      body: new URLSearchParams({ chat_id: String(alice.id), text: "x", reply_markup: "{not json" }),
    });
    expect(await broken.json()).toEqual({
      ok: false,
      error_code: 400,
      description: "Bad Request: can't parse reply keyboard markup JSON object",
    });
  });

  it("accepts multipart uploads from grammY and reuses the returned file_id", async () => {
    tg = await createTelegramEmulator();
    const handle = tg.createBot({ username: "files_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    await tg.sendText(handle, alice, "hi");
    const bot = createGrammyBot(tg, handle);
    const sent = await bot.api.sendDocument(
      alice.id,
      new InputFile(Buffer.from("receipt body"), "receipt.txt"),
      {
        caption: "Your *receipt*",
        parse_mode: "Markdown",
      },
    );
    expect(sent.document).toMatchObject({ file_name: "receipt.txt", file_size: 12 });
    expect(sent.caption_entities).toEqual([{ type: "bold", offset: 5, length: 7 }]);
    const again = await bot.api.sendDocument(alice.id, sent.document!.file_id);
    expect(again.document?.file_id).toBe(sent.document?.file_id);
    const photo = await bot.api.sendPhoto(alice.id, "https://example.com/cover.jpg");
    expect(photo.photo?.length).toBeGreaterThan(0);
    expect((await expectGrammyError(bot.api.sendPhoto(alice.id, "not-a-file-id"))).description).toBe(
      "Bad Request: wrong file identifier/HTTP URL specified",
    );
  });

  it("stores commands per scope and language", async () => {
    tg = await createTelegramEmulator();
    const handle = tg.createBot({ username: "commands_bot" });
    const bot = createGrammyBot(tg, handle);
    await bot.api.setMyCommands([{ command: "start", description: "Start" }]);
    await bot.api.setMyCommands([{ command: "start", description: "Начать" }], { language_code: "ru" });
    expect(await bot.api.getMyCommands({ language_code: "ru" })).toEqual([
      { command: "start", description: "Начать" },
    ]);
    expect(await bot.api.getMyCommands()).toEqual([{ command: "start", description: "Start" }]);
    expect(await bot.api.getMyCommands({ language_code: "de" })).toEqual([]);
    const invalid = await expectGrammyError(
      bot.api.setMyCommands([{ command: "Bad Command", description: "x" }]),
    );
    expect(invalid.description).toBe("Bad Request: BOT_COMMAND_INVALID");
  });
});
