import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { createLumenHome, type LumenProcess, runLumenCli, startLumen } from "./lumen-process.ts";

export type BotSuite = {
  tg: TelegramEmulator;
  bot: BotHandle;
  home: Awaited<ReturnType<typeof createLumenHome>>;
  lumen: LumenProcess;
  /** An API key of the requested role, made with the CLI before the server started. */
  key: string;
  stop(): Promise<void>;
};

/**
 * What every bot journey starts from: the Telegram emulator with one bot, a Lumen home of its
 * own, an API key, and the real server polling that bot. `prepare` may set up the emulator
 * (chats, other users) and return more environment for the server.
 */
export async function startBotSuite(options: {
  username: string;
  firstName: string;
  keyRole?: "owner" | "admin";
  env?: Record<string, string>;
  prepare?: (tg: TelegramEmulator, bot: BotHandle) => Promise<Record<string, string>>;
}): Promise<BotSuite> {
  const tg = await createTelegramEmulator();
  const bot = tg.createBot({ username: options.username, firstName: options.firstName });
  const extraEnv = (await options.prepare?.(tg, bot)) ?? {};
  const home = await createLumenHome();
  const created = await runLumenCli(home.env, [
    "api-key",
    "create",
    "--name",
    "suite",
    "--key-role",
    options.keyRole ?? "admin",
  ]);
  const lumen = await startLumen({
    ...home.env,
    BOT_TOKEN: bot.token,
    TELEGRAM_API_ROOT: tg.apiRoot,
    ...options.env,
    ...extraEnv,
  });
  await tg.waitForPolling(bot, { timeoutMs: 10_000 });
  return {
    tg,
    bot,
    home,
    lumen,
    key: created.stdout.trim(),
    async stop() {
      await lumen.stop();
      await tg.close();
      await home.cleanup();
    },
  };
}
