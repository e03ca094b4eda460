import {
  errorResponse,
  storeBotParam,
  storeBrowserKeyHeaders,
  storeLoginCodeParam,
  storeLoginRequest,
  storeLoginResponse,
  storeLoginStatus,
  storeRefreshRequest,
  storeTokens,
} from "@lumen/contracts";
import {
  type BuyerTokens,
  type CoreContext,
  enforceRateLimits,
  pollBuyerLogin,
  refreshBuyerSession,
  startBuyerLogin,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export type StoreAuthDeps = { core: CoreContext; buyerSessionKey: Uint8Array };

const tags = ["store"];
const MINUTE = 60_000;
const show = (t: BuyerTokens) => ({
  access_token: t.accessToken,
  refresh_token: t.refreshToken,
  access_expires_at: t.accessExpiresAt,
});

/**
 * "Sign in with Telegram" for the installed app (seed 000): ask for a code, let the buyer confirm
 * it in the bot, poll for the session. Codes are rate limited per address, shared by every API
 * process; polling is limited more loosely, since a waiting app asks every two seconds.
 */
export const storeAuthRoutes =
  (deps: StoreAuthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/api/v1/app/:bot_id/auth/login",
      {
        schema: {
          tags,
          summary: "Start signing in outside Telegram: a one-time code to confirm in the bot",
          params: storeBotParam,
          body: storeLoginRequest,
          response: { 201: storeLoginResponse, 400: errorResponse, 404: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        await enforceRateLimits(deps.core, [
          { key: `store-login:${request.ip}`, limit: 10, windowMs: MINUTE },
        ]);
        const login = await startBuyerLogin(deps.core, {
          botId: request.params.bot_id,
          browserKey: request.body.browser_key,
        });
        return reply.status(201).send({
          code: login.code,
          link: `https://t.me/${login.botUsername}?start=login_${login.code}`,
          expires_at: login.expiresAt,
        });
      },
    );
    app.get(
      "/api/v1/auth/status/:code",
      {
        schema: {
          tags,
          summary: "Poll a sign-in code from the browser that asked for it; confirmed gives the session once",
          params: storeLoginCodeParam,
          headers: storeBrowserKeyHeaders,
          response: { 200: storeLoginStatus, 400: errorResponse, 404: errorResponse, 429: errorResponse },
        },
      },
      async (request) => {
        await enforceRateLimits(deps.core, [
          { key: `store-poll:${request.ip}`, limit: 120, windowMs: MINUTE },
        ]);
        const polled = await pollBuyerLogin(deps.core, deps.buyerSessionKey, {
          code: request.params.code,
          browserKey: request.headers["x-browser-key"],
          userAgent: request.headers["user-agent"] ?? null,
        });
        return polled.status === "confirmed"
          ? { status: polled.status, tokens: show(polled) }
          : { status: polled.status, tokens: null };
      },
    );
    app.post(
      "/api/v1/app/auth/refresh",
      {
        schema: {
          tags,
          summary: "Trade a refresh token for new tokens (the old refresh token stops working)",
          body: storeRefreshRequest,
          response: { 200: storeTokens, 400: errorResponse, 401: errorResponse },
        },
      },
      async (request) =>
        show(await refreshBuyerSession(deps.core, deps.buyerSessionKey, request.body.refresh_token)),
    );
  };
