import { cliActor, createProduct } from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { paymentNoticesJob } from "../src/jobs/payment-notices.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import { runQueuedJobs } from "./support/queued-jobs.ts";
import type { TestApp } from "./support/test-app.ts";

/** Seed 001's sale notice: each bot's sales go to its own chat, in its operators' language. */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let key: string;
let botId: string;

beforeAll(async () => {
  ({ tg, bot, t, key, botId } = await createBotTestApp({ username: "notice_bot", firstName: "Notice" }));
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const patchBot = (payload: object) =>
  t.app.inject({ method: "PATCH", url: `/api/v1/bots/${botId}`, headers: { "x-auth-key": key }, payload });

/** A buyer pays in the store; the notice job runs as a worker would, ADMIN_CHAT_ID being `adminChatId`. */
async function sellOne(title: string, adminChatId: number) {
  const product = await createProduct(t.core, cliActor, {
    title,
    details: { kind: "credits", credits: 3 },
    prices: [{ currency: "XTR", amount: 7 }],
  });
  const buyer = tg.createUser({
    firstName: "Lu",
    username: `lu_${title.length}_${adminChatId < 0 ? "m" : "p"}`,
  });
  const started = await t.app.inject({
    method: "POST",
    url: `/api/v1/app/${botId}/checkout`,
    headers: { "x-telegram-init-data": tg.launchMiniApp(bot, buyer) },
    payload: { product_id: product.id, currency: "XTR" },
  });
  expect((await tg.payInvoice(bot, buyer, started.json().url)).ok).toBe(true);
  const job = paymentNoticesJob({
    core: t.core,
    botApis: t.botApis,
    adminChatId,
    publicUrl: "https://lumen.example/",
  });
  await vi.waitFor(async () => expect(await runQueuedJobs(t.jobs.boss, [job])).toBe(1), { timeout: 15_000 });
  return { orderId: started.json().order.id as string, buyer };
}

describe("sale notices", () => {
  it("go to the bot's own chat in its language, linking to the order in the panel", async () => {
    const room = tg.createChat({ type: "supergroup", title: "Sales room" });
    await tg.addBotToChat(bot, room, { status: "member" });
    const set = await patchBot({ notice_chat_id: room.id, notice_locale: "ru" });
    expect(set.json()).toMatchObject({ notice_chat_id: room.id, notice_locale: "ru" });

    const { orderId, buyer } = await sellOne("Notice pack", -100_777);
    const notice = await tg.waitForCall("sendMessage", (p) => p.chat_id === room.id);
    expect(String(notice.params.text)).toBe(
      `💰 Продажа: «Notice pack» — 7 XTR через stars. Покупатель: @${buyer.username} (id ${buyer.id}). ` +
        `Заказ ${orderId}.\nhttps://lumen.example/admin/orders/${orderId}`,
    );
  });

  it("fall back to ADMIN_CHAT_ID when the bot has no chat of its own", async () => {
    expect((await patchBot({ notice_chat_id: null, notice_locale: "en" })).statusCode).toBe(200);
    const admins = tg.createChat({ type: "supergroup", title: "Admins" });
    await tg.addBotToChat(bot, admins, { status: "member" });
    // The emulator's chat ids are its own; the job is told which one ADMIN_CHAT_ID names.
    const { orderId } = await sellOne("Fallback pack", admins.id);
    const notice = await tg.waitForCall("sendMessage", (p) => p.chat_id === admins.id);
    expect(String(notice.params.text)).toContain(`💰 Sale: «Fallback pack»`);
    expect(String(notice.params.text)).toContain(`/admin/orders/${orderId}`);
  });

  it("refuses a language it does not speak and an empty change, naming the field", async () => {
    const bad = await patchBot({ notice_locale: "de" });
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, "body.notice_locale"]);
    expect((await patchBot({})).statusCode).toBe(400);
  });
});
