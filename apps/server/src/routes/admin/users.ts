import {
  errorResponse,
  registerUserRequest,
  snakeKeys,
  updateUserRequest,
  user,
  uuidParam,
} from "@lumen/contracts";
import {
  type AssistantDeps,
  type CoreContext,
  getUser,
  toActor,
  updateAssistantSettings,
  updateUser,
  upsertTelegramUser,
} from "@lumen/core";
import type { UserRow } from "@lumen/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";

export type UserRouteDeps = { core: CoreContext; assistant: AssistantDeps; requireAuth: RequireAuth };

const tags = ["users"];
const publicUser = ({ createdAt: _c, updatedAt: _u, ...row }: UserRow) => snakeKeys(row);

export const userRoutes =
  (deps: UserRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const operator = deps.requireAuth("operator");
    app.post(
      "/api/v1/users",
      {
        schema: {
          tags,
          summary: "Register a Telegram user (idempotent by telegram_id): 201 when new, 200 when known",
          body: registerUserRequest,
          response: { 200: user, 201: user, 400: errorResponse },
        },
        preHandler: operator,
      },
      async (request, reply) => {
        const b = request.body;
        const row = await upsertTelegramUser(deps.core, {
          telegramId: b.telegram_id,
          firstName: b.first_name,
          lastName: b.last_name ?? null,
          username: b.username ?? null,
          languageCode: b.language_code ?? null,
          startPayload: b.start_payload ?? null,
        });
        const { created, ...rest } = row;
        return reply.status(created ? 201 : 200).send(publicUser(rest));
      },
    );
    app.get(
      "/api/v1/users/:id",
      {
        schema: {
          tags,
          summary: "A user's profile",
          params: uuidParam,
          response: { 200: user, 404: errorResponse },
        },
        preHandler: operator,
      },
      async (request) => publicUser(await getUser(deps.core.db, request.params.id)),
    );
    app.patch(
      "/api/v1/users/:id",
      {
        schema: {
          tags,
          summary: "Change a user's language, assistant model or style, or ban them (admin)",
          params: uuidParam,
          body: updateUserRequest,
          response: { 200: user, 400: errorResponse, 403: errorResponse, 404: errorResponse },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async (request) => {
        const { locale, is_banned, model, style } = request.body;
        const actor = toActor(principalOf(request), request.ip);
        const userId = request.params.id;
        await getUser(deps.core.db, userId);
        if (model !== undefined || style !== undefined) {
          await updateAssistantSettings(deps.core, deps.assistant.config, { userId, model, style, actor });
        }
        const row =
          locale !== undefined || is_banned !== undefined
            ? await updateUser(deps.core, actor, { userId, locale, isBanned: is_banned })
            : await getUser(deps.core.db, userId);
        return publicUser(row);
      },
    );
  };
