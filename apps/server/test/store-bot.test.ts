import { cliActor, createProduct } from "@lumen/core";
import type { BotHandle, TelegramEmulator } from "@lumen/testkit";
import type { InlineKeyboardButton } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeBaseUrlOf, storeUrlOf } from "../src/bot/store-url.ts";
import { buttonsOf, callbackDataOf, say, textOf } from "./support/bot-journey.ts";
import { createBotTestApp } from "./support/bot-test-app.ts";
import type { TestApp } from "./support/test-app.ts";

/** The bot offers its Mini App store: the menu button, a main-menu button and product links. */
let tg: TelegramEmulator;
let bot: BotHandle;
let t: TestApp;
let botId: string;
const base = "https://shop.example/app";

beforeAll(async () => {
  ({ tg, bot, t, botId } = await createBotTestApp(
    { username: "storefront_bot", firstName: "Storefront" },
    { storeBaseUrl: base },
  ));
});
afterAll(async () => {
  await t?.close();
  await tg?.close();
});

const webAppButtons = (markup: unknown) =>
  ((markup as { inline_keyboard?: InlineKeyboardButton[][] })?.inline_keyboard ?? [])
    .flat()
    .flatMap((b) => ("web_app" in b && b.web_app ? [{ text: b.text, url: b.web_app.url }] : []));

describe("the store in the bot", () => {
  it("sets the menu button of the bot to its store", async () => {
    const call = await tg.waitForCall("setChatMenuButton", () => true, { timeoutMs: 10_000 });
    expect(call.params.menu_button).toEqual({
      type: "web_app",
      text: "🛍 Store",
      web_app: { url: `${base}/${botId}/` },
    });
  });

  it("puts a Store button in the main menu, in the user's language", async () => {
    const ola = tg.createUser({ firstName: "Ola", languageCode: "ru" });
    const menu = await say(tg, bot, ola, "/start");
    expect(webAppButtons(menu.params.reply_markup)).toEqual([
      { text: "🛍 Магазин", url: `${base}/${botId}/` },
    ]);
  });

  it("opens a product from a p_ link with its ways to pay and the same product in the store", async () => {
    const product = await createProduct(t.core, cliActor, {
      title: "Linked pack",
      description: "Thirty questions for the week",
      details: { kind: "credits", credits: 30 },
      prices: [{ currency: "XTR", amount: 15 }],
    });
    const pat = tg.createUser({ firstName: "Pat", languageCode: "en" });
    const card = await say(tg, bot, pat, `/start p_${product.id}`);
    expect(textOf(card)).toBe("Linked pack\n\nThirty questions for the week\n\nChoose how to pay:");
    expect(buttonsOf(card).flat()).toContain("Linked pack — 15 ⭐");
    expect(callbackDataOf(card, "Linked pack — 15 ⭐")).toContain(product.id);
    expect(webAppButtons(card.params.reply_markup)).toEqual([
      { text: "🛍 Open in the store", url: `${base}/${botId}/products/${product.id}` },
    ]);
  });

  it("says a product link is stale when the product is off sale or unknown, then shows the menu", async () => {
    const off = await createProduct(t.core, cliActor, {
      title: "Gone",
      active: false,
      details: { kind: "credits", credits: 1 },
      prices: [{ currency: "XTR", amount: 1 }],
    });
    const quinn = tg.createUser({ firstName: "Quinn", languageCode: "en" });
    for (const id of [off.id, crypto.randomUUID(), "not-a-uuid"]) {
      const after = tg.calls.length;
      await tg.sendText(bot, quinn, `/start p_${id}`);
      const first = await tg.waitForCall("sendMessage", (p) => p.chat_id === quinn.id, { after });
      expect(textOf(first), id).toBe(
        "This product is not available any more. Here is the main menu instead.",
      );
      const menu = await tg.waitForCall("sendMessage", (p) => p.chat_id === quinn.id, {
        after: first.index + 1,
      });
      expect(buttonsOf(menu).flat()).toContain("🛍 Store");
    }
  });
});

describe("the store's address", () => {
  it("exists only behind HTTPS, since Telegram opens Mini Apps over HTTPS only", () => {
    expect(storeBaseUrlOf("https://lumen.example/")).toBe("https://lumen.example/app");
    expect(storeBaseUrlOf("http://lumen.example")).toBeUndefined();
    expect(storeBaseUrlOf(undefined)).toBeUndefined();
    expect(storeUrlOf(undefined, "b1")).toBeUndefined();
    expect(storeUrlOf("https://x/app", "b1", "products/p")).toBe("https://x/app/b1/products/p");
  });
});
