import { Bot, GrammyError, type PollingOptions } from "grammy";
import { expect } from "vitest";
import type { BotHandle, TelegramEmulator } from "../src/index.ts";

/** A grammY bot wired to the emulator, the way Lumen's bots are constructed. */
export function createGrammyBot(tg: TelegramEmulator, handle: BotHandle): Bot {
  return new Bot(handle.token, { client: { apiRoot: tg.apiRoot } });
}

/**
 * Starts long polling and resolves once the first getUpdates is waiting, so
 * the bot's allowed_updates are in effect before the test acts. The returned
 * function stops the bot and waits for its loop to finish.
 */
export async function startPolling(
  tg: TelegramEmulator,
  handle: BotHandle,
  bot: Bot,
  options: PollingOptions = {},
): Promise<() => Promise<void>> {
  const errors: unknown[] = [];
  bot.catch((error) => {
    errors.push(error.error);
  });
  const running = bot.start({ timeout: 30, ...options });
  await tg.waitForPolling(handle);
  return async () => {
    await bot.stop();
    await running;
    if (errors.length > 0) throw errors[0];
  };
}

/** Awaits a call that must fail with a Bot API error and returns that error. */
export async function expectGrammyError(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}
