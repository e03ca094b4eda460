import { cliActor, createApiKey } from "@lumen/core";
import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { createTestApp, type TestApp } from "./test-app.ts";

export type BotTestApp = {
  tg: TelegramEmulator;
  bot: BotHandle;
  t: TestApp;
  /** An owner API key, for the operator API. */
  key: string;
  /** Lumen's id of the bot (the `bot_id` of store routes), not Telegram's. */
  botId: string;
  close(): Promise<void>;
};

/**
 * The in-process app with one bot added through the API and polling the Telegram emulator:
 * what the store, paywall and sign-in suites start from.
 */
export async function createBotTestApp(
  identity: { username: string; firstName: string },
  options: Parameters<typeof createTestApp>[0] = {},
): Promise<BotTestApp> {
  const tg = await createTelegramEmulator();
  const bot = tg.createBot(identity);
  const t = await createTestApp({ ...options, apiRoot: tg.apiRoot });
  const key = (await createApiKey(t.core, cliActor, { name: identity.username, role: "owner" })).key;
  const added = await t.app.inject({
    method: "POST",
    url: "/api/v1/bots",
    headers: { "x-auth-key": key },
    payload: { token: bot.token },
  });
  if (added.statusCode !== 201) throw new Error(`adding the bot failed: ${added.body}`);
  await tg.waitForPolling(bot, { timeoutMs: 10_000 });
  return {
    tg,
    bot,
    t,
    key,
    botId: added.json().id as string,
    async close() {
      await t.close();
      await tg.close();
    },
  };
}
