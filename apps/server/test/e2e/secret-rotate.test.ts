import { createTelegramEmulator, type TelegramEmulator } from "@lumen/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLumenHome, runLumenCli, startLumen } from "../support/lumen-process.ts";

let tg: TelegramEmulator;
let home: Awaited<ReturnType<typeof createLumenHome>>;

beforeAll(async () => {
  tg = await createTelegramEmulator();
  home = await createLumenHome();
});
afterAll(async () => {
  await tg?.close();
  await home?.cleanup();
});

describe("lumen secret rotate", () => {
  it("re-encrypts every bot token under a new LUMEN_SECRET, and the bots run on it", async () => {
    const bot = tg.createBot({ username: "rotated_bot", firstName: "Rotated" });
    const first = await startLumen({ ...home.env, BOT_TOKEN: bot.token, TELEGRAM_API_ROOT: tg.apiRoot });
    await tg.waitForPolling(bot, { timeoutMs: 60_000 });
    expect(await first.stop()).toBe(0);

    const refused = await runLumenCli(home.env, ["secret", "rotate"], "too-short\n");
    expect(refused.code).toBe(1);

    const newSecret = "22".repeat(32);
    const rotated = await runLumenCli(home.env, ["secret", "rotate"], `${newSecret}\n`);
    expect(rotated.stderr).not.toContain(bot.token);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain("Re-encrypted 1 bot token(s)");

    // The old key no longer opens the token: the bot is skipped, the server still starts.
    const old = await startLumen({ ...home.env, TELEGRAM_API_ROOT: tg.apiRoot });
    await old.waitForLog((l) => l.msg === "bot skipped: its token is unreadable", 120_000);
    expect(await old.stop()).toBe(0);

    const next = await startLumen({ ...home.env, LUMEN_SECRET: newSecret, TELEGRAM_API_ROOT: tg.apiRoot });
    try {
      await next.waitForLog((l) => l.msg === "bot started", 120_000);
      expect(JSON.stringify(next.logs)).not.toContain(bot.token);
    } finally {
      expect(await next.stop()).toBe(0);
    }
  }, 500_000);
});
