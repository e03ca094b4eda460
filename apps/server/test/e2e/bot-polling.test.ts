import { join } from "node:path";
import { openDatabase, users } from "@lumen/db";
import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf, say, sentMessage, textOf } from "../support/bot-journey.ts";
import { createLumenHome, type LumenProcess, startLumen } from "../support/lumen-process.ts";

let tg: TelegramEmulator;
let bot: BotHandle;
let home: Awaited<ReturnType<typeof createLumenHome>>;
let lumen: LumenProcess;

beforeAll(async () => {
  tg = await createTelegramEmulator();
  bot = tg.createBot({ username: "lumen_e2e_bot", firstName: "Lumen Shop" });
  home = await createLumenHome();
  lumen = await startLumen({ ...home.env, BOT_TOKEN: bot.token, TELEGRAM_API_ROOT: tg.apiRoot });
  await tg.waitForPolling(bot, { timeoutMs: 10_000 });
});
afterAll(async () => {
  await lumen?.stop();
  await tg?.close();
  await home?.cleanup();
});

describe("a bot on long polling", () => {
  it("publishes its commands in English and Russian", async () => {
    const commands = tg.calls.filter((c) => c.method === "setMyCommands");
    expect(commands.map((c) => c.params.language_code ?? "default")).toEqual(["default", "ru"]);
    expect(JSON.stringify(commands[1]?.params.commands)).toContain("Главное меню");
  });

  it("answers /start with the main menu in English, polling for every update type Lumen needs", async () => {
    const alice = tg.createUser({ firstName: "Alice", languageCode: "en" });
    const reply = await say(tg, bot, alice, "/start");
    expect(textOf(reply)).toContain("Hi, Alice!");
    expect(textOf(reply)).toContain("I am Lumen Shop.");
    expect(buttonsOf(reply)).toEqual([
      ["🤖 Ask AI", "💰 My balance"],
      ["💳 Top up", "⚙️ Settings"],
      ["🎁 Try for free"],
      ["❓ Help"],
    ]);
    const again = await say(tg, bot, alice, "/start");
    expect(textOf(again)).toBe("Welcome back, Alice! What would you like to do?");
    const poll = await tg.waitForCall("getUpdates");
    expect(poll.params.allowed_updates).toEqual(
      expect.arrayContaining(["chat_member", "pre_checkout_query", "chat_join_request"]),
    );
  });

  it("answers in Russian to a Russian-speaking user", async () => {
    const boris = tg.createUser({ firstName: "Борис", languageCode: "ru" });
    const reply = await say(tg, bot, boris, "/start");
    expect(textOf(reply)).toContain("Привет, Борис!");
    expect(buttonsOf(reply)).toEqual([
      ["🤖 Спросить ИИ", "💰 Мой баланс"],
      ["💳 Пополнить", "⚙️ Настройки"],
      ["🎁 Попробовать бесплатно"],
      ["❓ Помощь"],
    ]);
    expect(textOf(await say(tg, bot, boris, "/help"))).toContain("Вот что я умею");
  });

  it("switches language from the settings and remembers it", async () => {
    const clara = tg.createUser({ firstName: "Clara", languageCode: "en" });
    const menu = sentMessage(await say(tg, bot, clara, "/start"));
    let after = tg.calls.length;
    await tg.pressButton(bot, clara, menu, "menu:settings");
    const settings = await tg.waitForCall("editMessageText", (p) => p.chat_id === clara.id, { after });
    expect(buttonsOf(settings).flat()).toEqual([
      "🌐 Language",
      "🧠 Model: gpt-4o-mini",
      "🎨 Answer style: Balanced",
      "⬅️ Back to menu",
    ]);
    after = tg.calls.length;
    await tg.pressButton(bot, clara, menu, "menu:language");
    const chooser = await tg.waitForCall("editMessageText", (p) => p.chat_id === clara.id, { after });
    expect(textOf(chooser)).toBe("Choose the language I speak with you:");
    expect(buttonsOf(chooser)[0]).toEqual(["✅ English", "Русский"]);

    after = tg.calls.length;
    await tg.pressButton(bot, clara, menu, "lang:ru");
    const changed = await tg.waitForCall("editMessageText", (p) => p.chat_id === clara.id, { after });
    expect(textOf(changed)).toContain("Готово: буду говорить с вами по-русски.");
    expect(buttonsOf(changed)[0]).toEqual(["🤖 Спросить ИИ", "💰 Мой баланс"]);
    expect(textOf(await say(tg, bot, clara, "/start"))).toContain("С возвращением, Clara!");
  });

  it("shows the account screen with the user's Telegram id", async () => {
    const dan = tg.createUser({ firstName: "Dan", lastName: "Brown", languageCode: "en" });
    const reply = await say(tg, bot, dan, "/account");
    expect(textOf(reply)).toContain("👤 Dan Brown");
    expect(textOf(reply)).toContain(`Telegram ID: ${dan.id}`);
  });

  it("handles deep links: an invalid sign-in code is explained, then the menu follows", async () => {
    const erin = tg.createUser({ firstName: "Erin", languageCode: "en" });
    const after = tg.calls.length;
    await tg.sendText(bot, erin, "/start login_deadbeef");
    const first = await tg.waitForCall("sendMessage", (p) => p.chat_id === erin.id, { after });
    expect(textOf(first)).toContain("This sign-in link is invalid or has expired");
    const second = await tg.waitForCall("sendMessage", (p) => p.chat_id === erin.id, {
      after: first.index + 1,
    });
    expect(buttonsOf(second).flat()).toContain("🤖 Ask AI");
  });

  it("points unknown commands to the menu, and says when the AI is not configured", async () => {
    const fay = tg.createUser({ firstName: "Fay", languageCode: "en" });
    expect(textOf(await say(tg, bot, fay, "/frobnicate"))).toContain("I don't know this command");
    expect(textOf(await say(tg, bot, fay, "hello?"))).toBe(
      "The AI assistant is not set up yet. Please try again later.",
    );
    await lumen.waitForLog((l) => String(l.msg).startsWith("OPENAI_API_KEY is not set"));
  });

  it("tells the user when handling fails, and goes on serving others", async () => {
    const gus = tg.createUser({ firstName: "Gus", languageCode: "ru" });
    tg.failNext(
      "sendMessage",
      { error_code: 400, description: "Bad Request: message thread not found" },
      { times: 1 },
    );
    const apology = await say(tg, bot, gus, "/start");
    expect(apology.response.ok).toBe(false);
    const after = tg.calls.length;
    const told = await tg.waitForCall(
      "sendMessage",
      (p) => p.chat_id === gus.id && p.text !== apology.params.text,
      { after },
    );
    expect(textOf(told)).toBe("Извините, у нас что-то пошло не так. Попробуйте ещё раз через минуту.");
    await lumen.waitForLog((l) => l.msg === "update failed" && l.bot === "lumen_e2e_bot");
    expect(textOf(await say(tg, bot, gus, "/start"))).toContain("С возвращением, Gus!");
  });

  it("waits out Telegram's 429 and delivers the reply", async () => {
    const ida = tg.createUser({ firstName: "Ida", languageCode: "en" });
    tg.failNext(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
      { times: 1 },
    );
    const after = tg.calls.length;
    await tg.sendText(bot, ida, "/start");
    const refused = await tg.waitForCall("sendMessage", (p) => p.chat_id === ida.id, { after });
    expect(refused.response.ok).toBe(false);
    const delivered = await tg.waitForCall("sendMessage", (p) => p.chat_id === ida.id, {
      after: refused.index + 1,
    });
    expect(delivered.response.ok).toBe(true);
    expect(textOf(delivered)).toContain("Hi, Ida!");
  });

  it("records a referral deep link on the user's first visit only", async () => {
    const hal = tg.createUser({ firstName: "Hal", languageCode: "en" });
    await say(tg, bot, hal, "/start ref_partner42");
    await say(tg, bot, hal, "/start ref_other");
    expect(await lumen.stop()).toBe(0);
    const database = home.env.DATABASE_URL
      ? await openDatabase({ driver: "postgres", url: home.env.DATABASE_URL })
      : await openDatabase({ driver: "pglite", dataDir: join(home.dataDir, "pglite") });
    try {
      const [row] = await database.db.select().from(users).where(eq(users.telegramId, hal.id));
      expect(row?.referralSource).toBe("ref_partner42");
    } finally {
      await database.close();
    }
  });
});
