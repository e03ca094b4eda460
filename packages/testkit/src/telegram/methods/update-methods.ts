import type { WebhookInfo } from "@grammyjs/types";
import { badRequest, conflict } from "../api-error.ts";
import { readBoolean, readInteger, readString } from "../params.ts";
import { parseAllowedUpdates } from "../updates/allowed-updates.ts";
import { pollUpdates } from "../updates/poll-updates.ts";
import type { MethodTable } from "./method-context.ts";

export const updateMethods: MethodTable = {
  getUpdates({ world, bot, params, signal }) {
    const limit = Math.min(100, Math.max(1, readInteger(params, "limit") ?? 100));
    return pollUpdates(bot.updates, {
      offset: readInteger(params, "offset"),
      limit,
      timeoutSeconds: Math.max(0, readInteger(params, "timeout") ?? 0),
      allowedUpdates: parseAllowedUpdates(params.allowed_updates),
      signal: AbortSignal.any([signal, world.closing.signal]),
    });
  },

  setWebhook({ bot, router, params }) {
    const url = readString(params, "url");
    if (url === undefined) throw badRequest('parameter "url" is required');
    const state = bot.updates;
    if (readBoolean(params, "drop_pending_updates")) state.queue = [];
    const allowed = parseAllowedUpdates(params.allowed_updates);
    if (allowed !== undefined) state.allowedUpdates = allowed;
    if (url === "") {
      state.webhook = undefined;
      return true;
    }
    if (!/^https?:\/\/[^\s/]+/i.test(url)) {
      throw badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    }
    const secretToken = readString(params, "secret_token");
    if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
      throw badRequest("secret token contains unallowed characters");
    }
    const maxConnections = readInteger(params, "max_connections") ?? 40;
    if (maxConnections < 1 || maxConnections > 100) throw badRequest("bad webhook: invalid max_connections");
    state.poll?.finish(conflict("terminated by setWebhook request"));
    state.webhook = { url, maxConnections };
    if (secretToken) state.webhook.secretToken = secretToken;
    state.lastError = undefined;
    router.flushToWebhook(bot);
    return true;
  },

  deleteWebhook({ bot, params }) {
    if (readBoolean(params, "drop_pending_updates")) bot.updates.queue = [];
    bot.updates.webhook = undefined;
    return true;
  },

  getWebhookInfo({ bot }): WebhookInfo {
    const state = bot.updates;
    const info: WebhookInfo = {
      url: state.webhook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: state.queue.length,
    };
    if (state.webhook) {
      info.max_connections = state.webhook.maxConnections;
      if (state.allowedUpdates?.length)
        info.allowed_updates = state.allowedUpdates as WebhookInfo["allowed_updates"];
      if (state.lastError) {
        info.last_error_date = state.lastError.date;
        info.last_error_message = state.lastError.message;
      }
    }
    return info;
  },
};
