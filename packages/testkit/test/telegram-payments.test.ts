import type { Bot } from "grammy";
import type { SuccessfulPayment } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "../src/index.ts";
import { createGrammyBot, expectGrammyError, startPolling } from "./telegram-test-bot.ts";

const NOW = 1_750_000_000_000;

describe("telegram emulator: payments", () => {
  let tg: TelegramEmulator;
  let handle: BotHandle;
  let bot: Bot;
  let alice: ReturnType<TelegramEmulator["createUser"]>;
  let stop: (() => Promise<void>) | undefined;
  let paid: SuccessfulPayment[];
  let decline: string | undefined;

  beforeEach(async () => {
    tg = await createTelegramEmulator({ now: () => NOW, preCheckoutTimeoutMs: 200 });
    handle = tg.createBot({ username: "shop_bot" });
    alice = tg.createUser({ firstName: "Alice" });
    bot = createGrammyBot(tg, handle);
    paid = [];
    decline = undefined;
    bot.on("pre_checkout_query", (ctx) =>
      decline
        ? ctx.answerPreCheckoutQuery(false, { error_message: decline })
        : ctx.answerPreCheckoutQuery(true),
    );
    bot.on("message:successful_payment", (ctx) => {
      paid.push(ctx.message.successful_payment);
      return ctx.reply("Payment received");
    });
    stop = await startPolling(tg, handle, bot);
  });
  afterEach(async () => {
    await stop?.();
    await tg.close();
  });

  const sendStarsInvoice = () =>
    bot.api.sendInvoice(alice.id, "Pro plan", "30 days of Pro", "plan:pro", "XTR", [
      { label: "Pro", amount: 250 },
    ]);

  it("pays an invoice end to end when the bot approves the pre-checkout query", async () => {
    await tg.sendText(handle, alice, "/buy");
    const invoice = await sendStarsInvoice();
    expect(invoice.invoice).toEqual({
      title: "Pro plan",
      description: "30 days of Pro",
      start_parameter: "",
      currency: "XTR",
      total_amount: 250,
    });

    const result = await tg.payInvoice(handle, alice, invoice);
    expect(result.ok).toBe(true);
    expect(result.payment).toMatchObject({ currency: "XTR", total_amount: 250, invoice_payload: "plan:pro" });
    expect(result.payment?.telegram_payment_charge_id).toMatch(/^stx/);

    await tg.waitForCall("sendMessage", (params) => params.text === "Payment received");
    expect(paid).toEqual([result.payment]);
    expect(tg.payments).toEqual([
      {
        botId: handle.id,
        userId: alice.id,
        payment: result.payment,
        refunded: false,
        subscriptionCanceled: false,
      },
    ]);
  });

  it("reports the bot's refusal and delivers no payment", async () => {
    const invoice = await tg.sendText(handle, alice, "/buy").then(sendStarsInvoice);
    decline = "Sold out, sorry";
    const result = await tg.payInvoice(handle, alice, invoice);
    expect(result).toEqual({ ok: false, errorMessage: "Sold out, sorry" });
    expect(tg.payments).toEqual([]);
    expect(tg.chatHistory(alice.id).some((message) => message.successful_payment)).toBe(false);
  });

  it("creates subscription links and marks their payments as recurring", async () => {
    const link = await bot.api.createInvoiceLink(
      "VIP",
      "Channel access",
      "vip",
      "",
      "XTR",
      [{ label: "VIP", amount: 500 }],
      {
        subscription_period: 2592000,
      },
    );
    expect(link).toMatch(/^https:\/\/t\.me\/\$[\w-]+$/);
    const result = await tg.payInvoice(handle, alice, link);
    expect(result.payment).toMatchObject({
      is_recurring: true,
      is_first_recurring: true,
      subscription_expiration_date: NOW / 1000 + 2592000,
    });
    const chargeId = result.payment!.telegram_payment_charge_id;
    await bot.api.editUserStarSubscription(alice.id, chargeId, true);
    expect(tg.payments[0]?.subscriptionCanceled).toBe(true);
    await expect(tg.renewSubscription(handle, alice, chargeId)).rejects.toThrow(/canceled/);
  });

  it("refunds a Stars payment once and refuses the second refund", async () => {
    const result = await tg.payInvoice(handle, alice, await sendStarsInvoiceAfterStart());
    const chargeId = result.payment!.telegram_payment_charge_id;
    const stranger = tg.createUser({ firstName: "Mallory" });
    expect((await expectGrammyError(bot.api.refundStarPayment(stranger.id, chargeId))).description).toBe(
      "Bad Request: CHARGE_NOT_FOUND",
    );
    await expect(bot.api.refundStarPayment(alice.id, chargeId)).resolves.toBe(true);
    expect((await expectGrammyError(bot.api.refundStarPayment(alice.id, chargeId))).description).toBe(
      "Bad Request: CHARGE_ALREADY_REFUNDED",
    );
    expect(tg.payments[0]?.refunded).toBe(true);
    const refundNotice = tg.chatHistory(alice.id).find((message) => message.refunded_payment);
    expect(refundNotice?.refunded_payment).toMatchObject({
      telegram_payment_charge_id: chargeId,
      total_amount: 250,
    });
  });

  it("can deliver the same successful_payment several times", async () => {
    const result = await tg.payInvoice(handle, alice, await sendStarsInvoiceAfterStart(), {
      repeatSuccessfulPayment: 1,
    });
    await tg.deliverSuccessfulPayment(handle, alice, result);
    const history = tg.chatHistory(alice.id).filter((message) => message.successful_payment);
    expect(history.map((message) => message.successful_payment?.telegram_payment_charge_id)).toEqual([
      result.payment?.telegram_payment_charge_id,
      result.payment?.telegram_payment_charge_id,
      result.payment?.telegram_payment_charge_id,
    ]);
    expect(new Set(history.map((message) => message.message_id)).size).toBe(3);
  });

  it("validates invoices like Telegram", async () => {
    await tg.sendText(handle, alice, "/buy");
    const prices = [
      { label: "Base", amount: 100 },
      { label: "Extra", amount: 50 },
    ];
    expect(
      (await expectGrammyError(bot.api.sendInvoice(alice.id, "T", "D", "p", "XTR", prices))).description,
    ).toBe("Bad Request: STARS_INVOICE_INVALID");
    const withToken = bot.api.sendInvoice(alice.id, "T", "D", "p", "XTR", [{ label: "x", amount: 1 }], {
      provider_token: "284685063:TEST:abc",
    });
    expect((await expectGrammyError(withToken)).description).toBe("Bad Request: PAYMENT_PROVIDER_INVALID");
    const badPeriod = bot.api.createInvoiceLink("T", "D", "p", "", "XTR", [{ label: "x", amount: 1 }], {
      subscription_period: 86400,
    });
    expect((await expectGrammyError(badPeriod)).description).toBe("Bad Request: SUBSCRIPTION_PERIOD_INVALID");
    const card = await bot.api.sendInvoice(alice.id, "T", "D", "p", "USD", prices, {
      provider_token: "284685063:TEST:abc",
    });
    expect(card.invoice?.total_amount).toBe(150);
  });

  it("fails the payment when the bot does not answer pre_checkout_query in time", async () => {
    const silentBot = tg.createBot({ username: "silent_bot" });
    const silent = createGrammyBot(tg, silentBot);
    await tg.sendText(silentBot, alice, "/buy");
    const link = await silent.api.createInvoiceLink("T", "D", "p", "", "XTR", [{ label: "x", amount: 1 }]);
    const result = await tg.payInvoice(silentBot, alice, link);
    expect(result).toEqual({
      ok: false,
      errorMessage: "The bot did not answer the pre-checkout query in time",
    });
  });

  async function sendStarsInvoiceAfterStart() {
    await tg.sendText(handle, alice, "/buy");
    return sendStarsInvoice();
  }
});
