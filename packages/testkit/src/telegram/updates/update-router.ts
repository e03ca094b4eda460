import type { Update } from "@grammyjs/types";
import type { BotRecord, World } from "../world.ts";
import { createWebhookSender, type WebhookSender } from "./webhook-sender.ts";

export type UpdateRouterOptions = {
  parallel: boolean;
  attempts: number;
  delayMs: number;
  onWebhookReply(token: string, payload: Record<string, unknown>): Promise<void>;
};

export type UpdateRouter = {
  deliver(bot: BotRecord, update: Omit<Update, "update_id">): Update;
  /** Starts webhook delivery of whatever is queued (after setWebhook). */
  flushToWebhook(bot: BotRecord): void;
};

/** Every update goes through here: numbered per bot, then queued for getUpdates or POSTed to the webhook. */
export function attachUpdateRouter(world: World, options: UpdateRouterOptions): UpdateRouter {
  const sender: WebhookSender = createWebhookSender({
    parallel: options.parallel,
    attempts: options.attempts,
    delayMs: options.delayMs,
    timeoutMs: () => world.webhookTimeoutMs,
    ca: world.webhookCa,
    now: world.now,
    signal: world.closing.signal,
    onDelivery: (delivery) => world.webhookDeliveries.push(delivery),
    onReply: options.onWebhookReply,
  });

  const router: UpdateRouter = {
    deliver(bot, body) {
      const state = bot.updates;
      const update = { update_id: state.nextUpdateId++, ...structuredClone(body) } as Update;
      if (world.closing.signal.aborted) return update;
      state.queue.push(update);
      if (state.webhook) sender.kick({ token: bot.token, updates: state });
      else state.poll?.wake();
      return structuredClone(update);
    },
    flushToWebhook(bot) {
      sender.kick({ token: bot.token, updates: bot.updates });
    },
  };
  world.deliver = router.deliver;
  return router;
}
