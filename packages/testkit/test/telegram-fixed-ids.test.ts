import { afterEach, describe, expect, it } from "vitest";
import { type ApiCall, createTelegramEmulator, type TelegramEmulator } from "../src/index.ts";

let tg: TelegramEmulator | undefined;
afterEach(async () => {
  await tg?.close();
  tg = undefined;
});

const call = async (emulator: TelegramEmulator, token: string, method: string, params: object) => {
  const response = await fetch(`${emulator.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return (await response.json()) as { ok: boolean; result: { message_id: number } };
};

/** What the playground needs from the emulator: the same cast every run, a live call feed, invoice details. */
describe("the emulator for the playground", () => {
  it("creates a bot, a user and a chat with fixed ids and token, refusing a token of another id", async () => {
    tg = await createTelegramEmulator();
    expect(() =>
      tg?.createBot({ username: "x_bot", id: 7_000_000_001, token: `1:${"a".repeat(35)}` }),
    ).toThrow(/starts with the bot's id/);
    const token = `7000000042:${"b".repeat(35)}`;
    const bot = tg.createBot({ username: "demo_bot", id: 7_000_000_042, token });
    expect(bot).toMatchObject({ id: 7_000_000_042, token });
    expect(tg.createUser({ id: 500_000_901, firstName: "Alice" }).id).toBe(500_000_901);
    expect(tg.createChat({ id: -1_002_100_000_042, type: "channel", title: "Demo" }).id).toBe(
      -1_002_100_000_042,
    );
  });

  it("reports every answered call to listeners until they unsubscribe, and tells what an invoice asks for", async () => {
    tg = await createTelegramEmulator();
    const bot = tg.createBot({ username: "shop_bot" });
    const alice = tg.createUser({ firstName: "Alice" });
    await tg.sendText(bot, alice, "/start");
    const seen: ApiCall[] = [];
    const stop = tg.onCall((c) => seen.push(c));
    await call(tg, bot.token, "sendMessage", { chat_id: alice.id, text: "hi" });
    const invoice = await call(tg, bot.token, "sendInvoice", {
      chat_id: alice.id,
      title: "100 credits",
      description: "For questions",
      payload: "order-1",
      currency: "XTR",
      prices: [{ label: "100 credits", amount: 100 }],
    });
    stop();
    await call(tg, bot.token, "sendMessage", { chat_id: alice.id, text: "unseen" });
    expect(seen.map((c) => c.method)).toEqual(["sendMessage", "sendInvoice"]);
    expect(tg.invoiceOf(bot, { message_id: invoice.result.message_id, chat: { id: alice.id } })).toEqual({
      title: "100 credits",
      description: "For questions",
      currency: "XTR",
      totalAmount: 100,
      subscriptionPeriod: undefined,
    });
    expect(tg.invoiceOf(bot, "https://t.me/$nope")).toBeUndefined();
  });
});
