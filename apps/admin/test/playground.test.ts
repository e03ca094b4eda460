import { createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLumenHome, type LumenProcess, startLumen } from "../../server/test/support/lumen-process.ts";
import { ensureWebAppBuilt } from "../../server/test/support/web-server.ts";
import {
  ensurePanelBuilt,
  hasChromium,
  noChromiumReason,
  openBrowser,
  screenshot,
  type TestBrowser,
} from "./support/panel.ts";

if (!hasChromium) console.warn(noChromiumReason);

const poll = { timeout: 30_000, interval: 200 };

/**
 * Switches the playground to a test user. The panel's toasts stand over the side panel's top
 * corner and open up under the mouse, so a click there can land on a toast (it once did, and the
 * join request went out as the previous user): wait them out, click, and check the switch took.
 */
const switcherOf = (page: Awaited<ReturnType<TestBrowser["newPage"]>>) => async (name: string) => {
  await expect.poll(() => page.locator("[data-sonner-toast]").count(), poll).toBe(0);
  const button = page.locator("button[aria-pressed]").filter({ hasText: name });
  await button.click();
  await expect.poll(() => button.getAttribute("aria-pressed"), poll).toBe("true");
};

/**
 * `npm start` with no bot, then the panel's playground in Chromium: chat with the demo bot as a
 * test user, buy with test Stars, see the balance in the chat and on the user's page, and skip a
 * day on Lumen's clock until a reminder arrives.
 */
describe.skipIf(!hasChromium)("the playground page", () => {
  let home: Awaited<ReturnType<typeof createLumenHome>>;
  let lumen: LumenProcess;
  let browser: TestBrowser;
  /** The "real" Telegram of this suite: a second emulator that the playground's demo bot never sees. */
  let telegram: TelegramEmulator;
  beforeAll(async () => {
    ensurePanelBuilt();
    ensureWebAppBuilt("mini-app");
    home = await createLumenHome();
    telegram = await createTelegramEmulator();
    // 29 days before the end: a 30-day plan's first reminder is one skipped day away.
    lumen = await startLumen({
      ...home.env,
      PLAYGROUND: "auto",
      ACCESS_REMINDER_DAYS: "29,3,1",
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    browser = await openBrowser();
    await lumen.waitForLog((l) => l.msg.startsWith("Playground:"));
    const setup = await lumen.waitForLog((l) => l.msg.includes("Setup code: "));
    const code = setup.msg.match(/Setup code: ([A-Z0-9-]+)/)?.[1];
    const created = await fetch(`${lumen.url}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ setup_code: code, email: "boss@example.com", password: "a long password" }),
    });
    expect(created.status).toBe(201);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await lumen?.stop();
    await telegram?.close();
    await home?.cleanup();
  });

  it("/start, a Stars purchase paid with test Stars, the balance in the chat and the panel, then a reminder after a skipped day", async () => {
    const page = await browser.newPage({ width: 1280, height: 900 });
    try {
      await page.goto(`${lumen.url}/admin/playground`);
      await page.waitForURL(/\/admin\/login/);
      await page.getByLabel("Email").fill("boss@example.com");
      await page.getByLabel("Password").fill("a long password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/admin\/playground/);
      await expect
        .poll(() => page.getByRole("status").first().innerText(), poll)
        .toContain("Playground mode");
      await expect.poll(() => page.getByTestId("pg-live").getAttribute("class"), poll).toContain("success");

      const chat = page.getByTestId("pg-messages");
      await page.getByRole("toolbar", { name: "Commands" }).getByRole("button", { name: "/start" }).click();
      await expect.poll(() => chat.innerText(), poll).toContain("Hi, Alice!");
      await page.getByRole("button", { name: "💳 Top up" }).click();
      await page.getByRole("button", { name: "100 AI credits — 100 ⭐" }).click();
      const payInChat = chat.getByRole("button", { name: "Pay 100 ⭐" });
      await payInChat.waitFor();
      await payInChat.click();
      const sheet = page.getByRole("dialog", { name: "Pay with test Stars" });
      await sheet.getByRole("button", { name: "Pay 100 ⭐" }).click();
      await expect.poll(() => chat.innerText(), poll).toContain("Payment received");
      await expect.poll(() => page.getByTestId("pg-stars-500000901").innerText(), poll).toBe("2400 ⭐");
      await screenshot(page, "playground-paid");

      await page.getByRole("toolbar", { name: "Commands" }).getByRole("button", { name: "/balance" }).click();
      await expect.poll(() => chat.innerText(), poll).toContain("Balance: 100 credits");

      // The same purchase on the panel's page of this buyer.
      await page.getByRole("link", { name: "Open in Users" }).click();
      await page.waitForURL(/\/admin\/users\//);
      await expect.poll(() => page.getByTestId("balance").innerText(), poll).toBe("100");

      // A 30-day channel plan, then one day later the first reminder.
      await page.goBack();
      await page.waitForURL(/\/admin\/playground/);
      await page.getByRole("toolbar", { name: "Commands" }).getByRole("button", { name: "/start" }).click();
      const topUps = page.getByRole("button", { name: "💳 Top up" });
      await expect.poll(() => topUps.count(), poll).toBeGreaterThanOrEqual(1);
      await topUps.last().click();
      await page.getByRole("button", { name: "Demo channel: 30 days — 250 ⭐" }).last().click();
      await page
        .getByRole("button", { name: /Subscribe: 250 ⭐/ })
        .last()
        .click();
      await sheet.getByRole("button", { name: "Pay 250 ⭐" }).click();
      await expect.poll(() => page.getByTestId("pg-stars-500000901").innerText(), poll).toBe("2150 ⭐");
      await page.getByRole("button", { name: "Join «Lumen Demo Channel»" }).click();
      const members = page.getByRole("list", { name: "Who is in it" });
      await expect.poll(() => members.innerText(), poll).toContain("Alice");

      await page.getByRole("button", { name: "Skip 1 day" }).click();
      await expect.poll(() => chat.innerText(), poll).toContain("ends on");
      await screenshot(page, "playground-reminder");

      // A question to the assistant: the answer streams in as drafts (sendMessageDraft), shown
      // live in the chat, then arrives as the message. Every draft text the page showed is kept.
      await page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seenDrafts: string[] }).seenDrafts = seen;
        new MutationObserver(() => {
          const draft = document.querySelector('[data-testid="pg-draft"]');
          const text = draft?.firstElementChild?.textContent?.replace(/▍$/, "") ?? "";
          if (text && seen.at(-1) !== text) seen.push(text);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.getByLabel("Message", { exact: true }).fill("What is Lumen?");
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await expect.poll(() => chat.innerText(), poll).toContain("This conversation has");
      await expect.poll(() => page.getByTestId("pg-draft").count(), poll).toBe(0);
      const drafts = await page.evaluate(() => (window as unknown as { seenDrafts: string[] }).seenDrafts);
      expect(drafts.length).toBeGreaterThan(0);
      expect(drafts[0]).toMatch(/^🔌/);
      const answer = await chat
        .getByTestId("pg-message")
        .filter({ hasText: "Offline demo model" })
        .innerText();
      for (const draft of drafts)
        expect(answer.replace(/\s+/g, " ")).toContain(draft.replace(/\s+/g, " ").trim());
      await screenshot(page, "playground-answer");
    } catch (error) {
      await screenshot(page, "playground-failed");
      throw error;
    } finally {
      await page.close();
    }
  }, 240_000);

  it("opens the Mini App beside the chat with signed test launch data and buys in it, refunds back to the chat, a stranger removed for using someone else's link, a join request answered by the bot", async () => {
    const page = await browser.newPage({ width: 1280, height: 900 });
    const switcher = switcherOf(page);
    try {
      await page.goto(`${lumen.url}/admin/playground`);
      const chat = page.getByTestId("pg-messages");
      const stars = page.getByTestId("pg-stars-500000901");
      await expect.poll(() => stars.innerText(), poll).toBe("2150 ⭐");

      // The store of this server in a frame, signed in as Alice by the emulator's init data.
      // The emulator runs as Telegram's test environment: the demo bot's Mini App buttons work
      // over this server's plain http, in the main menu and beside the message field.
      await page.getByRole("toolbar", { name: "Commands" }).getByRole("button", { name: "/start" }).click();
      await expect.poll(() => chat.getByRole("button", { name: "🛍 Store" }).count(), poll).toBeGreaterThan(0);
      await page.locator("section header").getByRole("button", { name: "🛍 Store" }).click();
      const store = page.frameLocator('iframe[title="The Mini App of @lumen_demo_bot as Alice"]');
      const card = store.getByTestId("product-card").filter({ hasText: "100 AI credits" });
      await expect.poll(() => card.textContent(), poll).toContain("100 ⭐");
      await card.click();
      await store.getByRole("heading", { name: "100 AI credits" }).waitFor();
      await store.getByText("Stars", { exact: true }).click();
      // Telegram's main button, drawn by the playground under the frame.
      const miniApp = page.getByRole("complementary", { name: "Mini App" });
      await miniApp.getByRole("button", { name: "Pay 100 ⭐" }).click();
      const sheet = page.getByRole("dialog", { name: "Pay with test Stars" });
      await sheet.getByRole("button", { name: "Pay 100 ⭐" }).click();
      await expect.poll(() => store.getByTestId("order-paid").textContent(), poll).toContain("200 credits");
      await expect.poll(() => stars.innerText(), poll).toBe("2050 ⭐");
      await screenshot(page, "playground-mini-app");
      await miniApp.getByRole("button", { name: "Close the Mini App" }).click();

      // The operator refunds that order: the Stars come back and the chat says so.
      const orders = await page.evaluate(async () => (await fetch("/api/v1/orders?status=paid")).json());
      const paid = (orders.items as Array<{ id: string; title: string; status: string; paid_at: string }>)
        .filter((o) => o.title === "100 AI credits" && o.status === "paid")
        .sort((a, b) => b.paid_at.localeCompare(a.paid_at))[0];
      expect(paid).toBeDefined();
      const refund = await page.evaluate(async (id) => {
        const response = await fetch(`/api/v1/orders/${id}/refund`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ force: true }),
        });
        return response.status;
      }, paid?.id);
      expect(refund).toBe(200);
      await expect
        .poll(() => chat.innerText(), poll)
        .toContain("Your payment for «100 AI credits» was refunded.");
      await expect.poll(() => stars.innerText(), poll).toBe("2150 ⭐");
      await expect
        .poll(() => page.getByTestId("pg-payment").filter({ hasText: "refunded" }).count(), poll)
        .toBe(1);
      expect(await page.getByTestId("pg-refund").innerText()).toBe("Refunded 100 ⭐");
      await screenshot(page, "playground-refund");

      // Pat buys the channel plan and gets a personal link, but does not use it yet.
      await switcher("Pat");
      await page.getByRole("toolbar", { name: "Commands" }).getByRole("button", { name: "/start" }).click();
      await chat.getByRole("button", { name: "💳 Top up" }).last().click();
      await chat.getByRole("button", { name: "Demo channel: 30 days — 250 ⭐" }).last().click();
      await chat
        .getByRole("button", { name: /Subscribe: 250 ⭐/ })
        .last()
        .click();
      await page
        .getByRole("dialog", { name: "Pay with test Stars" })
        .getByRole("button", { name: "Pay 250 ⭐" })
        .click();
      await expect.poll(() => page.getByTestId("pg-stars-500000900").innerText(), poll).toBe("250 ⭐");
      const links = page.getByRole("list", { name: "Invite links the bot sent" });
      await expect.poll(() => links.innerText(), poll).toContain("Pat's link");

      // Борис, a stranger to that link, uses it: Lumen removes him at once and revokes the link.
      await switcher("Борис");
      const patsLink = links.getByRole("listitem").filter({ hasText: "Pat's link" });
      await patsLink.getByRole("button", { name: "Use as Борис" }).click();
      const removed = page.getByRole("list", { name: "Removed by Lumen" });
      await expect.poll(() => removed.innerText(), poll).toContain("Борис: joined by Pat's link");
      await expect
        .poll(() => page.getByRole("list", { name: "Who is in it" }).innerText(), poll)
        .not.toContain("Борис");
      await screenshot(page, "playground-stranger-removed");
      // The link is spent for Pat too: Telegram refuses it now.
      await switcher("Pat");
      await patsLink.getByRole("button", { name: "Open" }).click();
      await expect.poll(() => page.getByText(/revoked or never existed/).count(), poll).toBeGreaterThan(0);

      // Борис has no plan: his request to join gets the plan offered in his chat.
      await switcher("Борис");
      await page.getByRole("button", { name: "Ask to join" }).click();
      await expect
        .poll(() => chat.innerText(), poll)
        .toContain("«Lumen Demo Channel» — для участников тарифа «Demo channel: 30 days»");
      // He takes the plan from the offer: the held request is approved and he is in.
      await chat.getByRole("button", { name: "Demo channel: 30 days — 250 ⭐" }).click();
      await chat
        .getByRole("button", { name: /Подписаться: 250 ⭐/ })
        .last()
        .click();
      const sheet2 = page.getByRole("dialog", { name: "Pay with test Stars" });
      await sheet2.getByRole("button", { name: "Pay 250 ⭐" }).click();
      await expect.poll(() => page.getByTestId("pg-stars-500000902").innerText(), poll).toBe("750 ⭐");
      const members = page.getByRole("list", { name: "Who is in it" });
      await expect.poll(() => members.innerText(), poll).toContain("Борис");
      await screenshot(page, "playground-join-request");

      // The channel panel in Russian: the links, and who Lumen removed and why.
      await page.evaluate(() => localStorage.setItem("lumen.locale", "ru"));
      await page.reload();
      const removedRu = page.getByRole("list", { name: "Удалены Lumen" });
      await expect.poll(() => removedRu.innerText(), poll).toContain("Борис: вступил по чужой ссылке (Pat)");
      expect(await page.getByRole("list", { name: "Ссылки-приглашения от бота" }).innerText()).toContain(
        "Личная ссылка: Pat",
      );
      await screenshot(page, "playground-channel-ru");
      await page.evaluate(() => localStorage.setItem("lumen.locale", "en"));
    } catch (error) {
      await screenshot(page, "playground-mini-app-failed");
      throw error;
    } finally {
      await page.close();
    }
  }, 180_000);

  it("connects a real bot by its token on the Bots page, beside the demo bot, and it answers on its own Telegram", async () => {
    const real = telegram.createBot({ username: "real_shop_bot", firstName: "Real Shop" });
    const page = await browser.newPage({ width: 1280, height: 900 });
    try {
      await page.goto(`${lumen.url}/admin/bots`);
      await page.getByRole("link", { name: "Connect a real bot" }).waitFor();
      await page.getByRole("button", { name: "Add bot" }).click();
      const dialog = page.getByRole("dialog");
      await expect
        .poll(() => dialog.locator("[data-connect-mode]").innerText(), poll)
        .toContain("long polling");
      await page.getByLabel("Bot token").fill(real.token);
      await dialog.getByLabel("Paid chats").click();
      await dialog.getByRole("button", { name: "Add bot" }).click();
      await expect.poll(() => page.getByText("Bot @real_shop_bot added").count(), poll).toBe(1);
      // The new bot's card listens (server-sent events) for its first update.
      const card = page.locator('[data-bot="real_shop_bot"]');
      const first = card.locator("[data-first-update]");
      await expect.poll(() => first.innerText(), poll).toContain("Waiting for the first update");
      await screenshot(page, "playground-connect");

      await telegram.waitForPolling(real, { timeoutMs: 20_000 });
      const alice = telegram.createUser({ firstName: "Real Alice" });
      await telegram.sendText(real, alice, "/start");
      await expect.poll(() => first.innerText(), poll).toContain("First update arrived");
      expect(await first.innerText()).toContain("message from Real Alice");
      await screenshot(page, "playground-first-update");
      await expect
        .poll(
          () =>
            telegram
              .chatHistory(alice.id, { bot: real })
              .map((m) => m.text ?? "")
              .join("\n"),
          poll,
        )
        .toContain("Hi, Real Alice!");
      const commands = await telegram.waitForCall("setMyCommands", (_p, call) => call.token === real.token);
      expect(commands.response.ok).toBe(true);
      const bots = await page.evaluate(async () => (await fetch("/api/v1/bots")).json());
      expect(
        bots.items.map((b: { username: string; features: string[] }) => [b.username, b.features.sort()]),
      ).toEqual(
        expect.arrayContaining([
          ["lumen_demo_bot", ["access", "assistant", "courses", "shop"]],
          ["real_shop_bot", ["access", "assistant", "shop"]],
        ]),
      );
    } catch (error) {
      await screenshot(page, "playground-connect-failed");
      throw error;
    } finally {
      await page.close();
    }
  }, 120_000);
});
