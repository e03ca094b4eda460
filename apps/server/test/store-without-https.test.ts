import { cliActor, createProduct } from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import type { InlineKeyboardButton } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeBaseUrlOf } from "../src/bot/store-url.ts";
import { buttonsOf, say } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import type { TestApp } from "./support/test-app.ts";

/**
 * PUBLIC_URL on plain http: Telegram (the emulator in its production environment) refuses a
 * web_app button or menu button that is not HTTPS, so the bot sends none, sells in the chat,
 * and the panel's bot list says why the Mini App is missing.
 */
const publicUrl = "http://lumen.example";
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let key: string;

beforeAll(async () => {
  ({ tg, bot, t, key } = await createBotTestApp(
    { username: "plain_http_bot", firstName: "Plain" },
    { publicUrl, storeBaseUrl: storeBaseUrlOf(publicUrl) },
  ));
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const webApps = (markup: unknown) =>
  ((markup as { inline_keyboard?: InlineKeyboardButton[][] })?.inline_keyboard ?? [])
    .flat()
    .filter((b) => "web_app" in b && b.web_app);

describe("a bot behind a PUBLIC_URL that is not HTTPS", () => {
  it("keeps the commands menu button and sends no Mini App buttons, only ones Telegram accepts", async () => {
    const menuButton = await tg.waitForCall("setChatMenuButton", () => true, { timeoutMs: 10_000 });
    expect(menuButton.params.menu_button).toEqual({ type: "commands" });
    const product = await createProduct(t.core, cliActor, {
      title: "Guide",
      description: "A short guide",
      details: { kind: "credits", credits: 10 },
      prices: [{ currency: "XTR", amount: 50 }],
    });
    const ola = tg.createUser({ firstName: "Ola" });
    const menu = await say(tg, bot, ola, "/start");
    expect(webApps(menu.params.reply_markup)).toEqual([]);
    expect(buttonsOf(menu).flat()).not.toContain("🛍 Store");
    const card = await say(tg, bot, ola, `/start p_${product.id}`);
    expect(webApps(card.params.reply_markup)).toEqual([]);
    expect(buttonsOf(card).flat().length).toBeGreaterThan(0);
    const refused = tg.calls.flatMap((c) => (c.response.ok ? [] : [c.response.description]));
    expect(refused).toEqual([]);
  });

  it("tells the panel the Mini App is left out because PUBLIC_URL is not https", async () => {
    const list = await t.app.inject({ method: "GET", url: "/api/v1/bots", headers: { "x-auth-key": key } });
    expect(list.statusCode).toBe(200);
    expect(list.json().mini_app).toBe("not_https");
  });
});
