import { createFakeOpenAI, type FakeOpenAI } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  hasChromium,
  noChromiumReason,
  openBrowser,
  screenshot,
  startWebServer,
  type TestBrowser,
  type WebServer,
} from "../../server/test/support/web-server.ts";
import { installTelegramClient, launchUrl, lightTheme } from "./support/telegram-client.ts";

/**
 * The assistant's chat in the Mini App, in Chromium against the real server, whose AI is the fake
 * OpenAI: a question asked on the page is answered there, charged like a question in the bot.
 */
const phone = { width: 390, height: 844 };

let server: WebServer;
let ai: FakeOpenAI;
let browser: TestBrowser;
let botId: string;

async function openChat(firstName: string) {
  const buyer = server.tg.createUser({ firstName, languageCode: "en" });
  const page = await browser.newPage(phone);
  await installTelegramClient(page, lightTheme);
  const initData = server.tg.launchMiniApp(server.bot, buyer);
  await page.goto(launchUrl(`${server.url}/app/${botId}/`, initData, lightTheme));
  await page.getByRole("link", { name: "Assistant" }).click();
  await page.getByTestId("chat-empty").waitFor();
  const users = await server.api("GET", `/api/v1/users?telegram_id=${buyer.id}`);
  return { page, userId: users.body.items[0].id as string };
}

describe.skipIf(!hasChromium)("the assistant in the Mini App", () => {
  beforeAll(async () => {
    ai = await createFakeOpenAI({ apiKey: "sk-app" });
    server = await startWebServer({
      apiKey: true,
      webApps: ["mini-app"],
      env: {
        OPENAI_BASE_URL: ai.baseUrl,
        OPENAI_API_KEY: "sk-app",
        OPENAI_MODEL: "test-mini",
        AI_MODELS: "test-mini:1,test-max:5",
      },
    });
    browser = await openBrowser();
    botId = (await server.api("GET", "/api/v1/bots")).body.items[0].id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await ai?.close();
  });

  it("answers a question on the page, shows the charge, and starts a new chat", async () => {
    const { page, userId } = await openChat("Ada");
    const topUp = await server.api("POST", `/api/v1/users/${userId}/credits/adjustments`, {
      amount: 3,
      reason: "test",
      idempotency_key: `chat-${userId}`,
    });
    expect(topUp.status).toBe(201);
    ai.setReply("Paris is the capital of France.");
    await page.getByRole("textbox", { name: "Your question" }).fill("What is the capital of France?");
    await page.getByRole("button", { name: "Send" }).click();

    await page.getByTestId("chat-charge").waitFor();
    expect(await page.getByTestId("chat-answer").textContent()).toBe("Paris is the capital of France.");
    expect(await page.getByTestId("chat-charge").textContent()).toBe(
      "Paid with credits · balance: 2 credits",
    );
    expect((await server.api("GET", `/api/v1/users/${userId}/credits`)).body.balance).toBe(2);
    await screenshot(page, "mini-app-assistant");

    // The conversation survives a reload, and New chat empties it.
    await page.reload();
    await page.getByTestId("chat-answer").waitFor();
    expect(await page.getByTestId("chat-turn").textContent()).toContain("What is the capital of France?");
    await page.getByRole("button", { name: "New chat" }).click();
    await page.getByTestId("chat-empty").waitFor();
    await page.close();
  });

  it("sends a buyer with nothing to pay with to the catalog", async () => {
    const { page } = await openChat("Bea");
    await page.getByRole("textbox", { name: "Your question" }).fill("Free answer?");
    await page.getByRole("button", { name: "Send" }).click();
    const error = page.getByTestId("chat-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("You have no credits, trial or plan");
    await error.getByRole("link", { name: "Top up in the store" }).click();
    await page.getByTestId("product-card").or(page.getByText("Nothing is on sale yet.")).first().waitFor();
    await page.close();
  });
});

if (!hasChromium) console.warn(noChromiumReason);
