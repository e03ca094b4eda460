import { cliActor, createProduct } from "@lumen/core";
import { events } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { paymentNoticesJob } from "../src/jobs/payment-notices.ts";
import { callbackDataOf, say, sentMessage } from "./support/bot-journey.ts";
import { type BotTestApp, createBotTestApp } from "./support/bot-test-app.ts";
import { runQueuedJobs } from "./support/queued-jobs.ts";

/**
 * Analytics events from the bot: written by the buffer after the reply (polled, never awaited by
 * the handler), and the paid step from the job the settlement queued, once however often it runs.
 */
let app: BotTestApp;
/** The buffer writes at least once a second; vi.waitFor's default 1 s can miss a flush on a busy machine. */
const eventWrite = { timeout: 10_000 };

beforeAll(async () => {
  app = await createBotTestApp({ username: "events_bot", firstName: "Events" });
});
afterAll(() => app?.close());

const eventsOf = async (userTelegramId: number) => {
  const users = await app.t.app.inject({
    url: `/api/v1/users?telegram_id=${userTelegramId}`,
    headers: { "x-auth-key": app.key },
  });
  const userId = users.json().items[0]?.id as string | undefined;
  if (!userId) return [];
  const rows = await app.t.core.db
    .select()
    .from(events)
    .where(eq(events.userId, userId))
    .orderBy(events.occurredAt, events.id);
  return rows.map((e) => ({
    type: e.type,
    source: e.source,
    productId: e.productId,
    properties: e.properties,
  }));
};

describe("bot analytics events", () => {
  it("records a start with its deep-link source, a product viewed, a checkout begun and the payment", async () => {
    const product = await createProduct(app.t.core, cliActor, {
      title: "Credits 40",
      details: { kind: "credits", credits: 40 },
      prices: [{ currency: "XTR", amount: 20 }],
    });
    const ann = app.tg.createUser({ firstName: "Ann", languageCode: "en" });
    const screen = await say(app.tg, app.bot, ann, `/start p_${product.id}`);
    await vi.waitFor(
      async () =>
        expect(await eventsOf(ann.id)).toEqual([
          { type: "bot_started", source: `p_${product.id}`, productId: null, properties: {} },
          { type: "product_viewed", source: null, productId: product.id, properties: {} },
        ]),
      eventWrite,
    );

    const after = app.tg.calls.length;
    await app.tg.pressButton(app.bot, ann, sentMessage(screen), callbackDataOf(screen, "Credits 40 — 20 ⭐"));
    const invoice = await app.tg.waitForCall("sendInvoice", (p) => p.chat_id === ann.id, { after });
    expect((await app.tg.payInvoice(app.bot, ann, sentMessage(invoice))).ok).toBe(true);
    const job = paymentNoticesJob({ core: app.t.core, botApis: app.t.botApis, adminChatId: undefined });
    await vi.waitFor(async () => expect(await runQueuedJobs(app.t.jobs.boss, [job])).toBe(1), {
      timeout: 15_000,
    });
    // The same settlement reported again (a retried job) is kept once.
    const settled = await app.t.core.db.select().from(events).where(eq(events.type, "payment_succeeded"));
    expect(settled).toHaveLength(1);
    await job.handler({
      orderId: settled[0]?.properties.orderId,
      outcome: "settled",
      ref: settled[0]?.dedupeKey,
    });

    await vi.waitFor(async () => {
      const types = (await eventsOf(ann.id)).map((e) => e.type);
      expect(types).toEqual(["bot_started", "product_viewed", "checkout_started", "payment_succeeded"]);
    }, eventWrite);
    const paid = (await eventsOf(ann.id)).at(-1);
    expect(paid).toMatchObject({
      productId: product.id,
      properties: { amount: 20, currency: "XTR", provider: "stars" },
    });
  });

  it("never stores a sign-in code as a source; counts main-menu buttons and a trial started", async () => {
    const bea = app.tg.createUser({ firstName: "Bea", languageCode: "en" });
    await say(app.tg, app.bot, bea, "/start login_ABCDEFGH23");
    const menu = await say(app.tg, app.bot, bea, "/start");
    const after = app.tg.calls.length;
    await app.tg.pressButton(app.bot, bea, sentMessage(menu), callbackDataOf(menu, "🎁 Try for free"));
    await app.tg.waitForCall("editMessageText", (p) => p.chat_id === bea.id, { after });
    await vi.waitFor(
      async () =>
        expect(await eventsOf(bea.id)).toEqual([
          { type: "bot_started", source: "login", productId: null, properties: {} },
          { type: "bot_started", source: null, productId: null, properties: {} },
          { type: "menu_pressed", source: null, productId: null, properties: { button: "trial" } },
          { type: "trial_started", source: null, productId: null, properties: {} },
        ]),
      eventWrite,
    );
  });
});
