import {
  botTextParams,
  botTextPreview,
  botTextPreviewRequest,
  botTextRequest,
  botTextSaved,
  botTextsResponse,
  errorResponse,
  snakeKeys,
  uuidParam,
  welcomeImageParams,
  welcomeImageRequest,
  welcomeImageSaved,
} from "@lumen/contracts";
import {
  type CoreContext,
  listBotTexts,
  previewBotText,
  resetBotText,
  resetWelcomeImage,
  saveBotText,
  saveWelcomeImage,
  toActor,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import { noContent } from "../../http/no-content.ts";

const tags = ["texts"];

/** The bot's texts editor: every message by screen, an override per language, and reset to default. */
export const textRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = deps.requireAuth("admin");
    const operator = deps.requireAuth("operator");
    app.get(
      "/api/v1/bots/:id/texts",
      {
        schema: {
          tags,
          summary:
            "Every text the bot sends, grouped by screen, with the default, the override and its variables",
          params: uuidParam,
          response: { 200: botTextsResponse, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) =>
        snakeKeys(
          await listBotTexts(deps.core, toActor(principalOf(request), request.ip), {
            botId: request.params.id,
          }),
        ),
    );
    app.put(
      "/api/v1/bots/:id/texts/:locale/:key",
      {
        schema: {
          tags,
          summary:
            "Replace one text of the bot in one language (admin); a Fluent error or an unknown variable is a 400 naming the line",
          params: botTextParams,
          body: botTextRequest,
          response: { 200: botTextSaved, 400: errorResponse, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) => {
        const saved = await saveBotText(deps.core, toActor(principalOf(request), request.ip), {
          botId: request.params.id,
          locale: request.params.locale,
          key: request.params.key,
          source: request.body.source,
        });
        return { key: saved.key, locale: saved.locale, source: saved.source, updated_at: saved.updatedAt };
      },
    );
    app.delete(
      "/api/v1/bots/:id/texts/:locale/:key",
      {
        schema: {
          tags,
          summary: "Reset one text to the default (admin): the override is deleted",
          params: botTextParams,
          response: { 204: noContent, 400: errorResponse },
        },
        preHandler: admin,
      },
      async (request, reply) => {
        await resetBotText(deps.core, toActor(principalOf(request), request.ip), {
          botId: request.params.id,
          locale: request.params.locale,
          key: request.params.key,
        });
        return reply.status(204).send(null);
      },
    );
    app.put(
      "/api/v1/bots/:id/welcome-image/:locale",
      {
        schema: {
          tags,
          summary:
            "Set the picture above the main menu in one language (admin): /start sends it with the welcome text as its caption",
          params: welcomeImageParams,
          body: welcomeImageRequest,
          response: { 200: welcomeImageSaved, 400: errorResponse, 404: errorResponse },
        },
        preHandler: admin,
      },
      async (request) => {
        const saved = await saveWelcomeImage(deps.core, toActor(principalOf(request), request.ip), {
          botId: request.params.id,
          locale: request.params.locale,
          photo: request.body.photo,
        });
        return { locale: saved.locale, photo: saved.photo, updated_at: saved.updatedAt };
      },
    );
    app.delete(
      "/api/v1/bots/:id/welcome-image/:locale",
      {
        schema: {
          tags,
          summary: "Remove the picture above the main menu in one language (admin)",
          params: welcomeImageParams,
          response: { 204: noContent, 400: errorResponse },
        },
        preHandler: admin,
      },
      async (request, reply) => {
        await resetWelcomeImage(deps.core, toActor(principalOf(request), request.ip), {
          botId: request.params.id,
          locale: request.params.locale,
        });
        return reply.status(204).send(null);
      },
    );
    app.post(
      "/api/v1/bots/:id/texts/:locale/:key/preview",
      {
        schema: {
          tags,
          summary: "Render a text as the user would read it, with the checks saving makes (nothing is saved)",
          params: botTextParams,
          body: botTextPreviewRequest,
          response: { 200: botTextPreview, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request) =>
        previewBotText(toActor(principalOf(request), request.ip), {
          locale: request.params.locale,
          key: request.params.key,
          source: request.body.source,
          args: request.body.args,
        }),
    );
  };
