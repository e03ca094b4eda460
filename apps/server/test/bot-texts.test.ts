import { cliActor, createApiKey, createProduct } from "@lumen/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { paymentNoticesJob } from "../src/jobs/payment-notices.ts";
import { buttonsOf, say, textOf } from "./support/bot-journey.ts";
import { type BotTestApp, createBotTestApp } from "./support/bot-test-app.ts";
import { runQueuedJobs } from "./support/queued-jobs.ts";

let app: BotTestApp;
let operatorKey: string;

beforeAll(async () => {
  app = await createBotTestApp({ username: "texts_bot", firstName: "Texts" });
  operatorKey = (await createApiKey(app.t.core, cliActor, { name: "texts-operator", role: "operator" })).key;
});
afterAll(() => app?.close());

const url = (locale: string, key: string) => `/api/v1/bots/${app.botId}/texts/${locale}/${key}`;
const put = (locale: string, key: string, source: string, authKey = app.key) =>
  app.t.app.inject({
    method: "PUT",
    url: url(locale, key),
    headers: { "x-auth-key": authKey },
    payload: { source },
  });

describe("editable bot texts", () => {
  it("the bot uses an override from the next update, per language, and the default again after reset", async () => {
    const ann = app.tg.createUser({ firstName: "Ann", languageCode: "en" });
    const ivan = app.tg.createUser({ firstName: "Иван", languageCode: "ru" });
    await say(app.tg, app.bot, ann, "/start");
    await say(app.tg, app.bot, ivan, "/start");
    expect(textOf(await say(app.tg, app.bot, ann, "/start"))).toBe(
      "Welcome back, Ann! What would you like to do?",
    );

    const saved = await put(
      "en",
      "start-welcome-back",
      "Good to see you, { $name }!\n\nPick a button below.",
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ key: "start-welcome-back", locale: "en" });
    expect(textOf(await say(app.tg, app.bot, ann, "/start"))).toBe(
      "Good to see you, Ann!\n\nPick a button below.",
    );
    expect(textOf(await say(app.tg, app.bot, ivan, "/start"))).toBe(
      "С возвращением, Иван! Что хотите сделать?",
    );

    const reset = await app.t.app.inject({
      method: "DELETE",
      url: url("en", "start-welcome-back"),
      headers: { "x-auth-key": app.key },
    });
    expect(reset.statusCode).toBe(204);
    expect(textOf(await say(app.tg, app.bot, ann, "/start"))).toBe(
      "Welcome back, Ann! What would you like to do?",
    );
  });

  it("the /help text is editable too", async () => {
    const bea = app.tg.createUser({ firstName: "Bea", languageCode: "en" });
    expect((await put("en", "help-text", "Write to @support for anything.")).statusCode).toBe(200);
    expect(textOf(await say(app.tg, app.bot, bea, "/help"))).toBe("Write to @support for anything.");
  });

  it("refuses a broken text with a 400 naming the field and the line, and keeps the old one", async () => {
    const broken = await put("en", "start-greeting", "Hi, { $name }!\nI am { $bot\nWelcome.");
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "source" });
    expect(broken.json().error.message).toMatch(/^line 2: /);

    const unknown = await put("en", "start-greeting", "Hi!\nYour balance: { $balance }");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(
      /^line 2: Unknown variable \$balance; this text may use: \$name, \$bot/,
    );

    const badKey = await put("en", "no-such-text", "Hi");
    expect(badKey.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "key" });
    const badLocale = await put("de", "start-greeting", "Hallo");
    expect(badLocale.statusCode).toBe(400);

    const cleo = app.tg.createUser({ firstName: "Cleo", languageCode: "en" });
    expect(textOf(await say(app.tg, app.bot, cleo, "/start"))).toContain("Hi, Cleo! 👋");
  });

  it("lists every text by screen with its variables; operators read and preview, admins write", async () => {
    const list = await app.t.app.inject({
      url: `/api/v1/bots/${app.botId}/texts`,
      headers: { "x-auth-key": operatorKey },
    });
    expect(list.statusCode).toBe(200);
    const menu = list.json().screens.find((s: { file: string }) => s.file === "menu");
    const greeting = menu.entries.find((e: { key: string }) => e.key === "start-greeting");
    expect(greeting).toMatchObject({ variables: ["name", "bot"], texts: { en: { override: null } } });
    const help = menu.entries.find((e: { key: string }) => e.key === "help-text");
    expect(help.texts.en).toMatchObject({ override: "Write to @support for anything." });

    expect((await put("en", "menu-title", "Home", operatorKey)).statusCode).toBe(403);
    const preview = await app.t.app.inject({
      method: "POST",
      url: `${url("en", "access-reminder")}/preview`,
      headers: { "x-auth-key": operatorKey },
      payload: {
        source:
          "«{ $title }» ends { $until }: { $days ->\n    [one] 1 day\n   *[other] { $days } days\n} left",
        args: { title: "Club", until: "May 1", days: "1" },
      },
    });
    expect(preview.json()).toEqual({ text: "«Club» ends May 1: 1 day left", problems: [] });
    const problems = await app.t.app.inject({
      method: "POST",
      url: `${url("en", "menu-title")}/preview`,
      headers: { "x-auth-key": operatorKey },
      payload: { source: "Home\n{ $who }" },
    });
    expect(problems.json()).toMatchObject({ text: null, problems: [{ line: 2 }] });
  });

  it("texts sent by jobs (a receipt after a payment) use the bot's override too", async () => {
    expect(
      (await put("en", "receipt-credits", "Thanks! +{ $credits } credits, { $balance } in all.")).statusCode,
    ).toBe(200);
    const product = await createProduct(app.t.core, cliActor, {
      title: "Texts pack",
      details: { kind: "credits", credits: 5 },
      prices: [{ currency: "XTR", amount: 3 }],
    });
    const dan = app.tg.createUser({ firstName: "Dan", languageCode: "en" });
    await say(app.tg, app.bot, dan, "/start");
    const started = await app.t.app.inject({
      method: "POST",
      url: `/api/v1/app/${app.botId}/checkout`,
      headers: { "x-telegram-init-data": app.tg.launchMiniApp(app.bot, dan) },
      payload: { product_id: product.id, currency: "XTR" },
    });
    const after = app.tg.calls.length;
    expect((await app.tg.payInvoice(app.bot, dan, started.json().url)).ok).toBe(true);
    const job = paymentNoticesJob({ core: app.t.core, botApis: app.t.botApis, adminChatId: undefined });
    await vi.waitFor(async () => expect(await runQueuedJobs(app.t.jobs.boss, [job])).toBe(1), {
      timeout: 15_000,
    });
    const receipt = await app.tg.waitForCall("sendMessage", (p) => p.chat_id === dan.id, { after });
    expect(textOf(receipt)).toBe("Thanks! +5 credits, 5 in all.");
  });

  it("a welcome picture per language: /start sends it with the welcome text as caption, reset removes it", async () => {
    const dora = app.tg.createUser({ firstName: "Dora", languageCode: "en" });
    const olga = app.tg.createUser({ firstName: "Ольга", languageCode: "ru" });
    await say(app.tg, app.bot, dora, "/start");
    await say(app.tg, app.bot, olga, "/start");
    const image = (locale: string, method: "PUT" | "DELETE", photo?: string, authKey = app.key) =>
      app.t.app.inject({
        method,
        url: `/api/v1/bots/${app.botId}/welcome-image/${locale}`,
        headers: { "x-auth-key": authKey },
        ...(photo === undefined ? {} : { payload: { photo } }),
      });
    const bad = await image("en", "PUT", "not a picture");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "VALIDATION_FAILED", field: "photo" });
    expect((await image("en", "PUT", "https://example.com/hello.jpg", operatorKey)).statusCode).toBe(403);
    const saved = await image("en", "PUT", "https://example.com/hello.jpg");
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ locale: "en", photo: "https://example.com/hello.jpg" });
    const list = await app.t.app.inject({
      method: "GET",
      url: `/api/v1/bots/${app.botId}/texts`,
      headers: { "x-auth-key": operatorKey },
    });
    expect(list.json().welcome_images).toEqual({ en: "https://example.com/hello.jpg", ru: null });

    const after = app.tg.calls.length;
    await app.tg.sendText(app.bot, dora, "/start");
    const photo = await app.tg.waitForCall("sendPhoto", (p) => p.chat_id === dora.id, {
      after,
      timeoutMs: 10_000,
    });
    expect(photo.params.photo).toBe("https://example.com/hello.jpg");
    expect(photo.params.caption).toBe("Welcome back, Dora! What would you like to do?");
    expect(buttonsOf(photo).flat().length).toBeGreaterThan(0);
    // Russian has no picture: text only.
    expect(textOf(await say(app.tg, app.bot, olga, "/start"))).toBe(
      "С возвращением, Ольга! Что хотите сделать?",
    );

    expect((await image("en", "DELETE")).statusCode).toBe(204);
    const again = app.tg.calls.length;
    expect(textOf(await say(app.tg, app.bot, dora, "/start"))).toBe(
      "Welcome back, Dora! What would you like to do?",
    );
    expect(app.tg.calls.slice(again).some((c) => c.method.toLowerCase() === "sendphoto")).toBe(false);
  });
});
