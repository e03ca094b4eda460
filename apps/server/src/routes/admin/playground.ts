import {
  errorResponse,
  playgroundChat,
  playgroundInvoice,
  playgroundInvoiceQuery,
  playgroundJoinRequest,
  playgroundJoinResult,
  playgroundPayRequest,
  playgroundPayResult,
  playgroundPressRequest,
  playgroundSendRequest,
  playgroundState,
  playgroundTimeTravelRequest,
  playgroundTimeTravelResult,
  playgroundUserParam,
} from "@lumen/contracts";
import { type CoreContext, findUserByTelegramId, LumenError } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RequireAuth } from "../../http/auth.ts";
import { noContent } from "../../http/no-content.ts";
import { readDemoChannel } from "../../playground/channel-view.ts";
import { toMessageView } from "../../playground/chat-view.ts";
import { demoChannel } from "../../playground/demo-world.ts";
import type { Playground } from "../../playground/start-playground.ts";
import { isRefunded, starsOf } from "../../playground/test-stars.ts";
import { skipTime, type TimeTravel } from "../../playground/time-travel.ts";

const tags = ["playground"];

/** The Mini App button the demo bot set beside the message field, read as a Telegram client does. */
async function readMenuButton(apiRoot: string, token: string) {
  const response = await fetch(`${apiRoot}/bot${token}/getChatMenuButton`, { method: "POST" });
  const body = (await response.json()) as {
    result?: { type: string; text?: string; web_app?: { url: string } };
  };
  const button = body.result;
  return button?.type === "web_app" && button.web_app && button.text
    ? { text: button.text, url: button.web_app.url }
    : null;
}

export type PlaygroundRouteDeps = {
  core: CoreContext;
  playground: Playground;
  timeTravel: TimeTravel;
  requireAuth: RequireAuth;
};

/**
 * The admin panel's playground (registered only in playground mode): operators act as the
 * emulator's test users toward the demo bot, and watch the result live by server-sent events.
 */
export const playgroundRoutes =
  (deps: PlaygroundRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { playground: pg } = deps;
    const { tg, bot } = pg;
    const preHandler = deps.requireAuth("operator");
    const refOf = (chatId: number, input: { message_id?: number | undefined; link?: string | undefined }) =>
      input.link ?? { message_id: input.message_id ?? 0, chat: { id: chatId } };
    const changed = (chatId: number) => pg.events.emit({ kind: "changed", chatId });

    app.get(
      "/api/v1/playground",
      {
        schema: {
          tags,
          summary: "The playground: demo bot, test users, clock, demo channel",
          response: { 200: playgroundState },
        },
        preHandler,
      },
      async () => {
        const users = await Promise.all(
          pg.users.map(async (u) => ({
            id: u.id,
            first_name: u.firstName,
            username: u.username,
            language: u.languageCode,
            stars: starsOf(tg, bot.id, u),
            user_id: (await findUserByTelegramId(deps.core.db, u.id))?.id ?? null,
          })),
        );
        return {
          bot: { id: pg.botId(), username: bot.username, first_name: bot.firstName },
          menu_button: await readMenuButton(tg.apiRoot, bot.token),
          users,
          now: deps.core.clock.now(),
          channel: await readDemoChannel(deps.core, pg),
        };
      },
    );

    app.get(
      "/api/v1/playground/chats/:user_id",
      {
        schema: {
          tags,
          summary: "A test user's private chat with the demo bot",
          params: playgroundUserParam,
          response: { 200: playgroundChat, 404: errorResponse },
        },
        preHandler,
      },
      async (request) => {
        const user = pg.testUser(request.params.user_id);
        return {
          messages: tg
            .chatHistory(user.id, { bot })
            .map((m) => toMessageView(m, bot.id, (chargeId) => isRefunded(tg, chargeId))),
          draft: pg.events.draftOf(user.id),
        };
      },
    );

    app.post(
      "/api/v1/playground/chats/:user_id/messages",
      {
        schema: {
          tags,
          summary: "The test user writes to the bot",
          params: playgroundUserParam,
          body: playgroundSendRequest,
          response: { 204: noContent, 400: errorResponse, 404: errorResponse },
        },
        preHandler,
      },
      async (request, reply) => {
        const user = pg.testUser(request.params.user_id);
        await tg.sendText(bot, user.id, request.body.text);
        changed(user.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/v1/playground/chats/:user_id/press",
      {
        schema: {
          tags,
          summary: "The test user taps an inline button",
          params: playgroundUserParam,
          body: playgroundPressRequest,
          response: { 204: noContent, 400: errorResponse, 404: errorResponse },
        },
        preHandler,
      },
      async (request, reply) => {
        const user = pg.testUser(request.params.user_id);
        try {
          await tg.pressButton(
            bot,
            user.id,
            { message_id: request.body.message_id, chat: { id: user.id } },
            request.body.callback_data,
          );
        } catch (error) {
          throw new LumenError("VALIDATION_FAILED", (error as Error).message, { field: "callback_data" });
        }
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/v1/playground/chats/:user_id/pay",
      {
        schema: {
          tags,
          summary: "The test user pays an invoice with test Stars",
          params: playgroundUserParam,
          body: playgroundPayRequest,
          response: { 200: playgroundPayResult, 400: errorResponse, 404: errorResponse },
        },
        preHandler,
      },
      async (request) => {
        const user = pg.testUser(request.params.user_id);
        const ref = refOf(user.id, request.body);
        const invoice = tg.invoiceOf(bot, ref);
        if (!invoice)
          throw new LumenError("VALIDATION_FAILED", "No such invoice of the demo bot", {
            field: "message_id",
          });
        if (invoice.currency !== "XTR")
          throw new LumenError("VALIDATION_FAILED", "The playground pays in test Stars only", {
            field: "message_id",
          });
        const stars = starsOf(tg, bot.id, user);
        if (stars < invoice.totalAmount)
          return {
            ok: false,
            error_message: `Not enough test Stars: ${stars} of ${invoice.totalAmount}`,
            stars,
          };
        // Pre-checkout goes to Lumen, which may decline; only a successful payment spends Stars.
        const result = await tg.payInvoice(bot, user.id, ref);
        const left = starsOf(tg, bot.id, user);
        changed(user.id);
        return {
          ok: result.ok,
          error_message: result.ok ? null : (result.errorMessage ?? null),
          stars: left,
        };
      },
    );

    app.get(
      "/api/v1/playground/chats/:user_id/invoice",
      {
        schema: {
          tags,
          summary: "What an invoice message or link asks for (the payment sheet)",
          params: playgroundUserParam,
          querystring: playgroundInvoiceQuery,
          response: { 200: playgroundInvoice, 400: errorResponse, 404: errorResponse },
        },
        preHandler,
      },
      async (request) => {
        const user = pg.testUser(request.params.user_id);
        const invoice = tg.invoiceOf(bot, refOf(user.id, request.query));
        if (!invoice) throw new LumenError("NOT_FOUND", "No such invoice of the demo bot");
        return {
          title: invoice.title,
          description: invoice.description,
          currency: invoice.currency,
          total_amount: invoice.totalAmount,
          subscription_period: invoice.subscriptionPeriod ?? null,
        };
      },
    );

    app.post(
      "/api/v1/playground/chats/:user_id/join",
      {
        schema: {
          tags,
          summary: "The test user opens an invite link the bot sent",
          params: playgroundUserParam,
          body: playgroundJoinRequest,
          response: { 200: playgroundJoinResult, 400: errorResponse, 404: errorResponse },
        },
        preHandler,
      },
      async (request) => {
        const user = pg.testUser(request.params.user_id);
        try {
          const joined = await tg.joinByInviteLink(bot, user.id, request.body.link);
          changed(demoChannel.id);
          return { outcome: joined.status };
        } catch (error) {
          throw new LumenError("VALIDATION_FAILED", (error as Error).message, { field: "link" });
        }
      },
    );

    app.post(
      "/api/v1/playground/clock",
      {
        schema: {
          tags,
          summary: "Time travel: move Lumen's clock a day, or past a plan's end",
          body: playgroundTimeTravelRequest,
          response: { 200: playgroundTimeTravelResult, 400: errorResponse },
        },
        preHandler,
      },
      async (request) => {
        const now = await skipTime(deps.core, deps.timeTravel, {
          skip: request.body.skip,
          telegramId: request.body.user_id,
        });
        pg.events.emit({ kind: "changed", chatId: null });
        return { now };
      },
    );
  };
