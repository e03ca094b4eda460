import { cliActor, createAdjustableClock, createProduct } from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import type { InlineKeyboardButton } from "grammy/types";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { accessSweepJob } from "../src/jobs/access-sweep.ts";
import { issueChatInvitesJob } from "../src/jobs/issue-chat-invites.ts";
import { buttonsOf, callbackDataOf, say, sentMessage, textOf } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import { runQueuedJobs } from "./support/queued-jobs.ts";
import type { TestApp } from "./support/test-app.ts";
import { wait } from "./support/wait.ts";

/**
 * The paywall in front of a channel: someone without a plan asks to join, the bot writes to
 * them (Telegram allows it while the request is pending) with the plan, the request stays
 * open, and paying approves it; a request nobody paid for is declined when it goes stale.
 */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let key: string;
let botId: string;
const clock = createAdjustableClock();
const base = "https://shop.example/app";

beforeAll(async () => {
  ({ tg, bot, t, key, botId } = await createBotTestApp(
    { username: "paywall_bot", firstName: "Paywall" },
    { storeBaseUrl: base, clock },
  ));
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

async function paidChannel(title: string, onSale: boolean) {
  const chat = tg.createChat({ type: "channel", title });
  await tg.addBotToChat(bot, chat, {
    status: "administrator",
    rights: { can_invite_users: true, can_restrict_members: true },
  });
  await vi.waitFor(async () => {
    const channels = await t.app.inject({ url: "/api/v1/channels", headers: { "x-auth-key": key } });
    expect(channels.json().items.some((c: { chat_id: number }) => c.chat_id === chat.id)).toBe(true);
  }, wait);
  const channels = await t.app.inject({ url: "/api/v1/channels", headers: { "x-auth-key": key } });
  const channelId = channels.json().items.find((c: { chat_id: number }) => c.chat_id === chat.id)
    .id as string;
  const plan = await createProduct(t.core, cliActor, {
    title: `${title} plan`,
    active: onSale,
    details: { kind: "plan", planCode: `plan-${chat.id}`, periodDays: 7, channelIds: [chat.id] },
    prices: [{ currency: "XTR", amount: 50 }],
  });
  return { chat, plan, channelId };
}

const webAppUrls = (markup: unknown) =>
  ((markup as { inline_keyboard?: InlineKeyboardButton[][] })?.inline_keyboard ?? [])
    .flat()
    .flatMap((b) => ("web_app" in b && b.web_app ? [b.web_app.url] : []));

const grantJobs = () => [issueChatInvitesJob({ core: t.core, botApis: t.botApis })];
const sweep = () =>
  accessSweepJob({
    core: t.core,
    botApis: t.botApis,
    logger: pino({ level: "silent" }),
    reminderDays: [],
    graceMs: 0,
  });

describe("the join-request paywall", () => {
  it("offers the plan to someone without one, holds the request, and approves it when they pay", async () => {
    const { chat, plan, channelId } = await paidChannel("Club room", true);
    const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
    const after = tg.calls.length;
    tg.sendJoinRequest(bot, ann, chat);
    const offer = await tg.waitForCall("sendMessage", (p) => p.chat_id === ann.id, {
      after,
      timeoutMs: 10_000,
    });
    expect(textOf(offer)).toBe(
      "🔒 «Club room» is for members of «Club room plan». Get the plan and your request to join is approved at once.",
    );
    expect(webAppUrls(offer.params.reply_markup)).toEqual([`${base}/${botId}/products/${plan.id}`]);
    expect(buttonsOf(offer).flat()).toContain("Club room plan — 50 ⭐");
    expect(tg.calls.slice(after).some((c) => c.method.endsWith("ChatJoinRequest"))).toBe(false);

    const beforeInvoice = tg.calls.length;
    await tg.pressButton(bot, ann, sentMessage(offer), callbackDataOf(offer, "Club room plan — 50 ⭐"));
    const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === ann.id, {
      after: beforeInvoice,
    });
    expect((await tg.payInvoice(bot, ann, sentMessage(invoice))).ok).toBe(true);
    await vi.waitFor(async () => expect(await runQueuedJobs(t.jobs.boss, grantJobs())).toBe(1), {
      timeout: 15_000,
    });

    const approved = await tg.waitForCall("approveChatJoinRequest", (p) => p.user_id === ann.id);
    expect(approved.params.chat_id).toBe(chat.id);
    expect(tg.memberStatus(chat, ann)).toBe("member");
    // In already: no invite link for that chat.
    expect(tg.calls.some((c) => c.method === "createChatInviteLink" && c.params.chat_id === chat.id)).toBe(
      false,
    );

    const log = await t.app.inject({
      url: `/api/v1/channels/${channelId}/access-log`,
      headers: { "x-auth-key": key },
    });
    const kinds = (log.json().items as Array<{ kind: string }>).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["join_request_offered", "join_request_approved"]));
  });

  it("answers a join-request query with the plan in the store, and approves it through the query when they pay", async () => {
    const { chat, plan } = await paidChannel("Query room", true);
    const dee = tg.createUser({ firstName: "Dee", languageCode: "en" });
    const after = tg.calls.length;
    const request = await tg.sendJoinRequest(bot, dee, chat, { asQuery: true });
    expect(request.query_id).toEqual(expect.any(String));
    const shown = await tg.waitForCall("sendChatJoinRequestWebApp", () => true, { after, timeoutMs: 10_000 });
    expect(shown.params).toEqual({
      chat_join_request_query_id: request.query_id,
      web_app_url: `${base}/${botId}/products/${plan.id}`,
    });
    // The Mini App is the paywall: no message besides it, and the request stays open.
    expect(tg.calls.slice(after).some((c) => c.method === "sendMessage" && c.params.chat_id === dee.id)).toBe(
      false,
    );

    const catalog = await say(tg, bot, dee, "/buy");
    const beforeInvoice = tg.calls.length;
    await tg.pressButton(bot, dee, sentMessage(catalog), callbackDataOf(catalog, "Query room plan — 50 ⭐"));
    const invoice = await tg.waitForCall("sendInvoice", (p) => p.chat_id === dee.id, {
      after: beforeInvoice,
    });
    expect((await tg.payInvoice(bot, dee, sentMessage(invoice))).ok).toBe(true);
    await vi.waitFor(async () => expect(await runQueuedJobs(t.jobs.boss, grantJobs())).toBe(1), wait);

    const answered = await tg.waitForCall("answerChatJoinRequestQuery", () => true, { after });
    expect(answered.params).toEqual({ chat_join_request_query_id: request.query_id, result: "approve" });
    expect(tg.memberStatus(chat, dee)).toBe("member");
    expect(tg.calls.some((c) => c.method === "approveChatJoinRequest" && c.params.user_id === dee.id)).toBe(
      false,
    );
  });

  it("declines at once where no plan on sale opens the chat", async () => {
    const { chat } = await paidChannel("Closed room", false);
    const bo = tg.createUser({ firstName: "Bo", languageCode: "en" });
    tg.sendJoinRequest(bot, bo, chat);
    const declined = await tg.waitForCall("declineChatJoinRequest", (p) => p.user_id === bo.id, {
      timeoutMs: 10_000,
    });
    expect(declined.params.chat_id).toBe(chat.id);
  });

  it("declines a held request when it goes stale, once, however many sweeps run", async () => {
    const { chat, channelId } = await paidChannel("Stale room", true);
    const cy = tg.createUser({ firstName: "Cy", languageCode: "ru" });
    const after = tg.calls.length;
    tg.sendJoinRequest(bot, cy, chat);
    const offer = await tg.waitForCall("sendMessage", (p) => p.chat_id === cy.id, {
      after,
      timeoutMs: 10_000,
    });
    expect(textOf(offer)).toContain("«Stale room» — для участников тарифа «Stale room plan»");
    await sweep().handler({});
    expect(tg.calls.some((c) => c.method === "declineChatJoinRequest" && c.params.user_id === cy.id)).toBe(
      false,
    );

    clock.advance(49 * 3600_000);
    const results = await Promise.all([sweep().handler({}), sweep().handler({})]);
    expect(results.map((r) => (r as { declined: number }).declined).sort()).toEqual([0, 1]);
    expect(
      tg.calls.filter((c) => c.method === "declineChatJoinRequest" && c.params.user_id === cy.id).length,
    ).toBeGreaterThanOrEqual(1);
    const log = await t.app.inject({
      url: `/api/v1/channels/${channelId}/access-log`,
      headers: { "x-auth-key": key },
    });
    const declinedRows = (log.json().items as Array<{ kind: string }>).filter(
      (e) => e.kind === "join_request_declined",
    );
    expect(declinedRows).toHaveLength(1);
  });
});

describe("chat links in the store's account page", () => {
  it("lists the chats a live plan opens with the personal link, and makes a new one on request", async () => {
    const { chat, plan } = await paidChannel("Links room", true);
    const dan = tg.createUser({ firstName: "Dan", languageCode: "en" });
    // Signed "now" on the app's clock, which an earlier test moved two days on.
    const headers = { "x-telegram-init-data": tg.launchMiniApp(bot, dan, { authDate: clock.now() }) };
    const call = (method: "GET" | "POST", url: string, as = headers) =>
      t.app.inject({ method, url: `/api/v1/app/${botId}${url}`, headers: as });
    expect((await call("GET", "/chats")).json()).toEqual({ items: [] });

    const started = await t.app.inject({
      method: "POST",
      url: `/api/v1/app/${botId}/checkout`,
      headers,
      payload: { product_id: plan.id, currency: "XTR" },
    });
    expect((await tg.payInvoice(bot, dan, started.json().url)).ok).toBe(true);
    await vi.waitFor(async () => expect(await runQueuedJobs(t.jobs.boss, grantJobs())).toBe(1), {
      timeout: 15_000,
    });
    const [first] = (await call("GET", "/chats")).json().items;
    expect(first).toMatchObject({
      chat_id: chat.id,
      title: "Links room",
      plan_title: "Links room plan",
      joined: false,
    });
    expect(first.invite_link).toMatch(/^https:\/\/t\.me\//);

    const renewed = (await call("POST", `/chats/${chat.id}/invite`)).json();
    expect(renewed.invite_link).toMatch(/^https:\/\/t\.me\//);
    expect(renewed.invite_link).not.toBe(first.invite_link);
    await tg.joinByInviteLink(bot, dan, renewed.invite_link);
    await vi.waitFor(
      async () => expect((await call("GET", "/chats")).json().items[0].joined).toBe(true),
      wait,
    );

    const eli = {
      "x-telegram-init-data": tg.launchMiniApp(bot, tg.createUser({ firstName: "Eli" }), {
        authDate: clock.now(),
      }),
    };
    expect((await call("POST", `/chats/${chat.id}/invite`, eli)).statusCode).toBe(404);
  });
});
