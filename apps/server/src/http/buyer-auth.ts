import {
  authenticateInitData,
  type BuyerPrincipal,
  type CoreContext,
  LumenError,
  resolveBuyerSession,
} from "@lumen/core";
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import type { BotApis } from "../bot/bot-apis.ts";

declare module "fastify" {
  interface FastifyRequest {
    buyer: BuyerPrincipal | null;
  }
}

export type BuyerAuthDeps = {
  core: CoreContext;
  botApis: BotApis;
  buyerSessionKey: Uint8Array;
  initDataMaxAgeSeconds: number;
};

/**
 * The raw launch data from `X-Telegram-Init-Data` (seed 001) or `Authorization: tma <raw>` (the
 * Mini Apps SDK's convention). Operator credentials are not read here at all, so a session
 * cookie or an API key never opens a buyer's route.
 */
function initDataOf(request: FastifyRequest): string | undefined {
  const header = request.headers["x-telegram-init-data"];
  if (typeof header === "string" && header) return header;
  return request.headers.authorization?.match(/^tma (.+)$/)?.[1];
}

/** `preHandler: requireBuyer` on routes under `/api/v1/app/:bot_id/`: the bot in the path signs. */
export function installBuyerAuth(app: FastifyInstance, deps: BuyerAuthDeps): preHandlerAsyncHookHandler {
  app.decorateRequest("buyer", null);
  return async function requireBuyer(request) {
    const botId = (request.params as { bot_id: string }).bot_id;
    // Outside Telegram, the installed app signs in through the bot and sends its own token.
    const accessToken = request.headers.authorization?.match(/^Bearer (.+)$/)?.[1];
    if (accessToken) {
      request.buyer = await resolveBuyerSession(deps.core, deps.buyerSessionKey, { accessToken, botId });
      return;
    }
    const initData = initDataOf(request);
    if (!initData) {
      throw new LumenError(
        "UNAUTHENTICATED",
        "Open the store from Telegram (X-Telegram-Init-Data) or sign in with Telegram (Authorization: Bearer)",
        { field: "init_data" },
      );
    }
    const api = await deps.botApis.apiFor(botId).catch(() => {
      throw new LumenError("NOT_FOUND", "This store is not open", { field: "bot_id" });
    });
    request.buyer = await authenticateInitData(deps.core, {
      bot: { id: botId, token: api.token },
      initData,
      maxAgeSeconds: deps.initDataMaxAgeSeconds,
    });
  };
}

export function buyerOf(request: FastifyRequest): BuyerPrincipal {
  if (!request.buyer) throw new LumenError("UNAUTHENTICATED", "Not signed in to the store");
  return request.buyer;
}
