import type { BotHandle } from "@lumen/testkit";

/** Resolves once Lumen has set every bot's webhook (it does so as it starts each bot). */
export async function waitForWebhooks(apiRoot: string, bots: readonly BotHandle[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (const bot of bots) {
    for (;;) {
      const info = (await (await fetch(`${apiRoot}/bot${bot.token}/getWebhookInfo`)).json()) as {
        result?: { url?: string };
      };
      if (info.result?.url) break;
      if (Date.now() > deadline) throw new Error(`bot ${bot.username} got no webhook within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
