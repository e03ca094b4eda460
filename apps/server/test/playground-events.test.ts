import { createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlaygroundEvents, type PlaygroundEvent } from "../src/playground/playground-events.ts";

/** The playground page's feed over a real emulator: drafts as they stream, then the message. */
describe("the playground's live feed", () => {
  let tg: TelegramEmulator;
  beforeAll(async () => {
    tg = await createTelegramEmulator({ testEnvironment: true });
  });
  afterAll(async () => {
    await tg?.close();
  });

  it("pushes each draft the bot writes (sendMessageDraft) and drops it when the message arrives", async () => {
    const handle = tg.createBot({ username: "feed_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    await tg.sendText(handle, alice, "/start");
    const api = new Api(handle.token, { apiRoot: tg.apiRoot });
    const events = createPlaygroundEvents(tg);
    const heard: PlaygroundEvent[] = [];
    events.subscribe((event) => heard.push(event));

    await api.sendChatAction(alice.id, "typing");
    await api.sendMessageDraft(alice.id, 5, "The answer");
    await api.sendMessageDraft(alice.id, 5, "The answer is <b>42</b>", { parse_mode: "HTML" });
    expect(events.draftOf(alice.id)).toBe("The answer is 42");
    await api.sendMessage(alice.id, "The answer is 42.");
    expect(events.draftOf(alice.id)).toBeNull();
    expect(heard).toEqual([
      { kind: "changed", chatId: alice.id },
      { kind: "draft", chatId: alice.id, text: "The answer" },
      { kind: "draft", chatId: alice.id, text: "The answer is 42" },
      { kind: "changed", chatId: alice.id },
    ]);
    // A draft Telegram refuses is not shown.
    await api.sendMessageDraft(alice.id, 0, "bad").catch(() => undefined);
    expect(events.draftOf(alice.id)).toBeNull();
    events.close();
  });
});
