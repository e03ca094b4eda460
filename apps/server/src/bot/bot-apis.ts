import { type CoreContext, LumenError, loadRunnableBot, type SecretBox } from "@lumen/core";
import { Api } from "grammy";
import type { SecretRegistry } from "../log/secret-registry.ts";
import { installApiRetries, retryNetworkErrors } from "./api-retries.ts";
import { type ApiRoot, apiRootFor } from "./api-root.ts";

/**
 * Telegram clients by bot id, for work outside an update: job handlers sending receipts and
 * notices, refunds at Telegram. Tokens are decrypted once per process and kept in memory until
 * the token changes (`forget`) or Telegram answers 401 (revoked: reloaded on the next call).
 */
export function createBotApis(options: {
  core: CoreContext;
  secretBox: SecretBox;
  secrets: SecretRegistry;
  apiRoot: ApiRoot;
}) {
  const apis = new Map<string, Promise<Api>>();
  const bare = new Map<string, Promise<Api>>();
  return {
    /**
     * A client that lets Telegram's 429 through at once (network errors are still retried): a
     * broadcast pauses every worker on it instead of each call waiting on its own.
     */
    broadcastApiFor(botId: string): Promise<Api> {
      let api = bare.get(botId);
      if (!api) {
        api = loadRunnableBot(options.core, options.secretBox, botId).then((bot) => {
          options.secrets.add(bot.token);
          const client = new Api(bot.token, { apiRoot: apiRootFor(options.apiRoot, bot.token) });
          client.config.use(retryNetworkErrors());
          return client;
        });
        api.catch(() => bare.delete(botId));
        bare.set(botId, api);
      }
      return api;
    },
    apiFor(botId: string): Promise<Api> {
      let api = apis.get(botId);
      if (!api) {
        api = loadRunnableBot(options.core, options.secretBox, botId).then((bot) => {
          options.secrets.add(bot.token);
          const client = new Api(bot.token, { apiRoot: apiRootFor(options.apiRoot, bot.token) });
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
    /**
     * Downloads a file Telegram named by `getFile` (`<api root>/file/bot<token>/<file_path>`). The
     * URL holds the token, so it stays here: a failure is reported without it.
     */
    async fetchFile(botId: string, filePath: string, signal?: AbortSignal): Promise<Response> {
      const api = await this.apiFor(botId);
      const root = apiRootFor(options.apiRoot, api.token);
      try {
        return await fetch(`${root}/file/bot${api.token}/${filePath}`, { signal: signal ?? null });
      } catch {
        throw new LumenError("UPSTREAM_FAILED", "Telegram could not be reached to download the file");
      }
    },
    /** Drops the cached client of a bot whose token changed. */
    forget(botId: string): void {
      apis.delete(botId);
      bare.delete(botId);
    },
  };
}

export type BotApis = ReturnType<typeof createBotApis>;
