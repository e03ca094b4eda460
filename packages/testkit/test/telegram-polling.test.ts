import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTelegramEmulator, type TelegramEmulator } from "../src/index.ts";
import { createGrammyBot, startPolling } from "./telegram-test-bot.ts";

type Raw = { ok: boolean; result?: unknown; error_code?: number; description?: string };

async function callApi(
  tg: TelegramEmulator,
  token: string,
  method: string,
  body: unknown = {},
): Promise<Raw> {
  const response = await fetch(`${tg.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Raw;
  expect(response.status).toBe(json.ok ? 200 : json.error_code);
  return json;
}

describe("telegram emulator: long polling", () => {
  let tg: TelegramEmulator;
  beforeEach(async () => {
    tg = await createTelegramEmulator();
  });
  afterEach(async () => {
    await tg.close();
  });

  it("delivers /start with its payload to a polling grammY bot and records the reply", async () => {
    const handle = tg.createBot({ username: "lumen_test_bot", firstName: "Lumen" });
    const alice = tg.createUser({ firstName: "Alice", username: "alice", languageCode: "en" });
    const bot = createGrammyBot(tg, handle);
    bot.command("start", (ctx) => ctx.reply(`Welcome, ${ctx.from?.first_name}! ref=${ctx.match}`));
    const stop = await startPolling(tg, handle, bot);

    const update = await tg.sendText(handle, alice, "/start ref_abc");
    expect(update.message?.entities).toEqual([{ type: "bot_command", offset: 0, length: 6 }]);

    const reply = await tg.waitForCall("sendMessage", (params) => params.chat_id === alice.id);
    expect(reply.response).toMatchObject({ ok: true, result: { text: "Welcome, Alice! ref=ref_abc" } });
    await stop();

    const history = tg.chatHistory(alice.id);
    expect(history.map((message) => [message.from?.id, message.text])).toEqual([
      [alice.id, "/start ref_abc"],
      [handle.id, "Welcome, Alice! ref=ref_abc"],
    ]);
    expect(bot.botInfo.username).toBe("lumen_test_bot");
    expect(tg.pendingUpdates(handle)).toEqual([]);
  });

  it("confirms updates by offset and honours limit", async () => {
    const handle = tg.createBot({ username: "offset_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    for (const text of ["one", "two", "three"]) await tg.sendText(handle, alice, text);

    const first = (await callApi(tg, handle.token, "getUpdates", { limit: 2 })).result as {
      update_id: number;
      message: { text: string };
    }[];
    expect(first.map((update) => update.message.text)).toEqual(["one", "two"]);
    const again = (await callApi(tg, handle.token, "getUpdates", {})).result as unknown[];
    expect(again).toHaveLength(3);

    const next = first[1]!.update_id + 1;
    const rest = (await callApi(tg, handle.token, "getUpdates", { offset: next })).result as {
      message: { text: string };
    }[];
    expect(rest.map((update) => update.message.text)).toEqual(["three"]);
    expect(tg.pendingUpdates(handle)).toHaveLength(1);
  });

  it("leaves chat_member out by default and includes it when allowed_updates asks", async () => {
    const handle = tg.createBot({ username: "members_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    const chat = tg.createChat({ type: "supergroup", title: "Club" });
    await tg.addBotToChat(handle, chat, { status: "administrator" });
    const link = (await callApi(tg, handle.token, "createChatInviteLink", { chat_id: chat.id })).result as {
      invite_link: string;
    };
    await tg.joinByInviteLink(handle, alice, link.invite_link);

    const byDefault = (await callApi(tg, handle.token, "getUpdates", {})).result as {
      my_chat_member?: unknown;
      message?: { new_chat_members?: { id: number }[] };
    }[];
    // The bot sees itself added, then the service messages for both joins, but no chat_member.
    expect(byDefault.map((update) => Object.keys(update).find((key) => key !== "update_id"))).toEqual([
      "my_chat_member",
      "message",
      "message",
    ]);
    expect(byDefault.map((update) => update.message?.new_chat_members?.[0]?.id)).toEqual([
      undefined,
      handle.id,
      alice.id,
    ]);

    await tg.leaveChat(alice, chat);
    const allowed = (await callApi(tg, handle.token, "getUpdates", { allowed_updates: ["chat_member"] }))
      .result as { chat_member?: { new_chat_member: { status: string } } }[];
    expect(allowed.map((update) => update.chat_member?.new_chat_member.status)).toEqual(["left"]);
  });

  it("holds a long poll open until an update arrives", async () => {
    const handle = tg.createBot({ username: "wait_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    const poll = callApi(tg, handle.token, "getUpdates", { timeout: 20 });
    await tg.waitForPolling(handle);
    await tg.sendText(handle, alice, "hello");
    const result = (await poll).result as { message: { text: string } }[];
    expect(result.map((update) => update.message.text)).toEqual(["hello"]);
  });

  it("terminates the older of two concurrent getUpdates with 409", async () => {
    const handle = tg.createBot({ username: "twin_bot" });
    const older = callApi(tg, handle.token, "getUpdates", { timeout: 20 });
    await tg.waitForPolling(handle);
    const newer = callApi(tg, handle.token, "getUpdates", { timeout: 0 });
    expect(await older).toEqual({
      ok: false,
      error_code: 409,
      description:
        "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    expect(await newer).toEqual({ ok: true, result: [] });
  });

  it("refuses getUpdates while a webhook is set", async () => {
    const handle = tg.createBot({ username: "hooked_bot" });
    await callApi(tg, handle.token, "setWebhook", { url: "http://127.0.0.1:9/hook" });
    const answer = await callApi(tg, handle.token, "getUpdates", {});
    expect(answer).toMatchObject({ ok: false, error_code: 409 });
    expect(answer.description).toMatch(/^Conflict: can't use getUpdates method while webhook is active/);
  });

  it("answers unknown tokens with 401 and unknown methods with 404", async () => {
    const handle = tg.createBot({ username: "known_bot" });
    expect(await callApi(tg, "123:nope", "getMe")).toEqual({
      ok: false,
      error_code: 401,
      description: "Unauthorized",
    });
    expect(await callApi(tg, handle.token, "sendTelepathy")).toEqual({
      ok: false,
      error_code: 404,
      description: "Not Found",
    });
    expect(await callApi(tg, handle.token, "GETME")).toMatchObject({
      ok: true,
      result: { username: "known_bot" },
    });
  });

  it("ends a pending long poll promptly on close()", async () => {
    const handle = tg.createBot({ username: "closing_bot" });
    const poll = callApi(tg, handle.token, "getUpdates", { timeout: 50 });
    await tg.waitForPolling(handle);
    await tg.close();
    expect(await poll).toEqual({ ok: true, result: [] });
  });
});
