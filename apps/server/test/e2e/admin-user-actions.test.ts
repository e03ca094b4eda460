import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, textOf } from "../support/bot-journey.ts";
import { type BotSuite, startBotSuite } from "../support/bot-suite.ts";
import { callApi } from "../support/lumen-process.ts";

let suite: BotSuite;
let tg: TelegramEmulator;
let bot: BotHandle;

beforeAll(async () => {
  suite = await startBotSuite({ username: "people_bot", firstName: "People" });
  ({ tg, bot } = suite);
}, 180_000);
afterAll(() => suite?.stop());

const api = (method: string, path: string, body?: unknown) =>
  callApi(suite.lumen, suite.key, method, path, body);

async function findUser(telegramId: number) {
  const res = await api("GET", `/api/v1/users?q=${telegramId}`);
  expect(res.status).toBe(200);
  expect(res.body.items).toHaveLength(1);
  return res.body.items[0] as { id: string; bot_id: string | null };
}

describe("an operator acting on a user through the bot", () => {
  it("writes to the user through the bot they came from, once", async () => {
    const kim = tg.createUser({ firstName: "Kim", username: "kim", languageCode: "en" });
    await say(tg, bot, kim, "/start");
    const user = await findUser(kim.id);
    expect(user.bot_id).toEqual(expect.any(String));

    const after = tg.calls.length;
    const queued = await api("POST", `/api/v1/users/${user.id}/bot-messages`, {
      text: "Your refund is on its way.",
    });
    expect(queued.status).toBe(202);
    const sent = await tg.waitForCall("sendMessage", (p) => p.chat_id === kim.id, {
      after,
      timeoutMs: 15_000,
    });
    expect(textOf(sent)).toBe("Your refund is on its way.");
    const audit = await api("GET", `/api/v1/audit?entity_type=user&entity_id=${user.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain("user.message");
  });

  it("blocks a user: the bot refuses them politely in their language, and sends skip them", async () => {
    const ivan = tg.createUser({ firstName: "Иван", languageCode: "ru" });
    const lea = tg.createUser({ firstName: "Lea", languageCode: "en" });
    await say(tg, bot, ivan, "/start");
    await say(tg, bot, lea, "/start");
    for (const person of [ivan, lea]) {
      const user = await findUser(person.id);
      const blocked = await api("POST", `/api/v1/users/${user.id}/block`, { blocked: true, reason: "abuse" });
      expect(blocked.status).toBe(200);
    }
    expect(textOf(await say(tg, bot, ivan, "/start"))).toBe(
      "Извините, этот бот вам недоступен. Если вы считаете, что это ошибка, свяжитесь с владельцем бота.",
    );
    expect(textOf(await say(tg, bot, lea, "/buy"))).toBe(
      "Sorry, this bot is not available to you. If you think this is a mistake, please contact the owner of the bot.",
    );
    const leaUser = await findUser(lea.id);
    const refused = await api("POST", `/api/v1/users/${leaUser.id}/bot-messages`, { text: "hello" });
    expect(refused.status).toBe(409);

    await api("POST", `/api/v1/users/${leaUser.id}/block`, { blocked: false });
    expect(textOf(await say(tg, bot, lea, "/start"))).not.toMatch(/not available/);
  });
});
