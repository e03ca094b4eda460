import { type BotHandle, createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { say, textOf } from "../support/bot-journey.ts";
import { createLumenHome, type LumenProcess, runLumenCli, startLumen } from "../support/lumen-process.ts";

/**
 * One bot whose Telegram API cannot be reached (connections dropped unanswered) must not hold
 * the server: it starts, serves HTTP and runs the other bots, stops cleanly, and starts the
 * unreachable bot by itself once Telegram answers again.
 */
let tg: TelegramEmulator;
let home: Awaited<ReturnType<typeof createLumenHome>>;
let lumen: LumenProcess | undefined;
let env: Record<string, string>;
let steady: BotHandle;
let flaky: BotHandle;

beforeAll(async () => {
  tg = await createTelegramEmulator();
  home = await createLumenHome();
  steady = tg.createBot({ username: "steady_shop_bot", firstName: "Steady" });
  flaky = tg.createBot({ username: "flaky_shop_bot", firstName: "Flaky" });
  env = { ...home.env, BOT_TOKEN: steady.token, TELEGRAM_API_ROOT: tg.apiRoot };
  const key = (
    await runLumenCli(home.env, ["api-key", "create", "--name", "setup", "--key-role", "owner"])
  ).stdout.trim();
  // Both bots are registered while Telegram answers.
  lumen = await startLumen(env);
  const added = await fetch(`${lumen.url}/api/v1/bots`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-auth-key": key },
    body: JSON.stringify({ token: flaky.token }),
  });
  expect(added.status).toBe(201);
  expect(await lumen.stop()).toBe(0);
  lumen = undefined;
}, 240_000);

afterAll(async () => {
  await lumen?.stop();
  await tg?.close();
  await home?.cleanup();
});

const failedToStart = (line: { msg: string; bot?: unknown }) =>
  line.msg === "bot could not start; trying again later" && line.bot === "flaky_shop_bot";

describe("a bot whose Telegram API is unreachable", () => {
  it("does not hold the server: it starts, serves HTTP, runs the other bot and stops cleanly", async () => {
    tg.setUnreachable(flaky, true);
    lumen = await startLumen(env, ["start"], { readyTimeoutMs: 90_000 });
    expect(lumen.logs.some(failedToStart)).toBe(true);
    expect((await fetch(`${lumen.url}/api/health`)).status).toBe(200);
    const jo = tg.createUser({ firstName: "Jo", languageCode: "en" });
    expect(textOf(await say(tg, steady, jo, "/start"))).toContain("I am Steady.");
    // The failed bot waits for its next try; shutdown does not wait for it.
    expect(await lumen.stop()).toBe(0);
    lumen = undefined;
  }, 240_000);

  it("starts the bot by itself once Telegram answers again", async () => {
    tg.setUnreachable(flaky, true);
    lumen = await startLumen(env, ["start"], { readyTimeoutMs: 90_000 });
    expect(lumen.logs.some(failedToStart)).toBe(true);
    tg.setUnreachable(flaky, false);
    await lumen.waitForLog((l) => l.msg === "bot started" && l.bot === "flaky_shop_bot", 60_000);
    const ann = tg.createUser({ firstName: "Ann", languageCode: "en" });
    expect(textOf(await say(tg, flaky, ann, "/start"))).toContain("I am Flaky.");
    expect(await lumen.stop()).toBe(0);
    lumen = undefined;
  }, 240_000);
});
