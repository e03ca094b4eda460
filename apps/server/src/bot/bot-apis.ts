import { type CoreContext, loadRunnableBot, type SecretBox } from "@lumen/core";
import { Api } from "grammy";
import type { SecretRegistry } from "../log/secret-registry.ts";
import { installApiRetries } from "./api-retries.ts";

/**
 * Telegram clients by bot id, for work outside an update: job handlers sending receipts and
 * notices, refunds at Telegram. Tokens are decrypted once per process and kept in memory until
 * the token changes (`forget`) or Telegram answers 401 (revoked: reloaded on the next call).
 */
export function createBotApis(options: {
  core: CoreContext;
  secretBox: SecretBox;
  secrets: SecretRegistry;
  apiRoot: string;
}) {
  const apis = new Map<string, Promise<Api>>();
  return {
    apiFor(botId: string): Promise<Api> {
      let api = apis.get(botId);
      if (!api) {
        api = loadRunnableBot(options.core, options.secretBox, botId).then((bot) => {
          options.secrets.add(bot.token);
          const client = new Api(bot.token, { apiRoot: options.apiRoot });
          installApiRetries(client);
          // 401: the token was revoked or replaced; the next call reloads it from the database.
          client.config.use(async (prev, method, payload, signal) => {
            const result = await prev(method, payload, signal);
            if (!result.ok && result.error_code === 401 && apis.get(botId) === api) apis.delete(botId);
            return result;
          });
          return client;
        });
        api.catch(() => apis.delete(botId));
        apis.set(botId, api);
      }
      return api;
    },
    /** Drops the cached client of a bot whose token changed. */
    forget(botId: string): void {
      apis.delete(botId);
    },
  };
}

export type BotApis = ReturnType<typeof createBotApis>;
