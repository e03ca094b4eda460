import {
  changePasswordRequest,
  errorResponse,
  inviteOperatorRequest,
  operatorAccount,
  operatorWithPassword,
  revokedSessions,
  snakeKeys,
  updateOperatorRequest,
  uuidParam,
} from "@lumen/contracts";
import {
  type CoreContext,
  changeOperator,
  changeOwnPassword,
  inviteOperator,
  LumenError,
  listOperators,
  resetOperatorPassword,
  revokeOperatorSessions,
  toActor,
} from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import { noContent } from "../../http/no-content.ts";

const tags = ["operators"];

/** The owner's Operators page (owner only, enforced here and in each verb) and an operator's own password. */
export const operatorRoutes =
  (deps: { core: CoreContext; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    const owner = deps.requireAuth("owner");
    const actorOf = (request: Parameters<typeof principalOf>[0]) => toActor(principalOf(request), request.ip);
    const denied = { 400: errorResponse, 403: errorResponse, 404: errorResponse };

    app.get(
      "/api/v1/operators",
      {
        schema: {
          tags,
          summary: "Operator accounts with their open sessions (owner)",
          response: { 200: z.object({ items: z.array(operatorAccount) }), 403: errorResponse },
        },
        onRequest: owner,
      },
      async (request) => ({ items: snakeKeys(await listOperators(deps.core, actorOf(request))) }),
    );
    app.post(
      "/api/v1/operators",
      {
        schema: {
          tags,
          summary: "Create an operator with a temporary password, shown in this response only (owner)",
          body: inviteOperatorRequest,
          response: { 201: operatorWithPassword, 409: errorResponse, ...denied },
        },
        onRequest: owner,
      },
      async (request, reply) => {
        const created = await inviteOperator(deps.core, actorOf(request), request.body);
        return reply.status(201).send(snakeKeys(created));
      },
    );
    app.patch(
      "/api/v1/operators/:id",
      {
        schema: {
          tags,
          summary: "Change an operator's role, or disable (ends their sessions) or enable them (owner)",
          params: uuidParam,
          body: updateOperatorRequest,
          response: { 200: operatorAccount, 409: errorResponse, ...denied },
        },
        onRequest: owner,
      },
      async (request) =>
        snakeKeys(
          await changeOperator(deps.core, actorOf(request), { adminId: request.params.id, ...request.body }),
        ),
    );
    app.post(
      "/api/v1/operators/:id/password-reset",
      {
        schema: {
          tags,
          summary: "Give an operator a new temporary password, shown once; their sessions end (owner)",
          params: uuidParam,
          response: { 200: operatorWithPassword, ...denied },
        },
        onRequest: owner,
      },
      async (request) =>
        snakeKeys(await resetOperatorPassword(deps.core, actorOf(request), request.params.id)),
    );
    app.post(
      "/api/v1/operators/:id/sessions/revoke",
      {
        schema: {
          tags,
          summary: "Sign an operator out everywhere (owner)",
          params: uuidParam,
          response: { 200: revokedSessions, ...denied },
        },
        onRequest: owner,
      },
      async (request) =>
        snakeKeys(await revokeOperatorSessions(deps.core, actorOf(request), request.params.id)),
    );
    app.post(
      "/api/v1/auth/password",
      {
        schema: {
          tags: ["auth"],
          summary: "Change your own password; your other sessions end",
          body: changePasswordRequest,
          response: { 204: noContent, 400: errorResponse, 403: errorResponse },
        },
        preHandler: deps.requireAuth("signed-in"),
      },
      async (request, reply) => {
        const principal = principalOf(request);
        if (principal.kind !== "admin")
          throw new LumenError("FORBIDDEN", "API keys have no password; sign in as an operator");
        try {
          await changeOwnPassword(deps.core, toActor(principal, request.ip), {
            adminId: principal.adminId,
            sessionId: principal.sessionId,
            currentPassword: request.body.current_password,
            newPassword: request.body.new_password,
          });
        } catch (error) {
          throw renameField(error, {
            currentPassword: "body.current_password",
            newPassword: "body.new_password",
          });
        }
        return reply.status(204).send(null);
      },
    );
  };

/** The verb names fields in camelCase; the client sent snake_case, and the form needs its own names. */
function renameField(error: unknown, names: Record<string, string>): unknown {
  if (!(error instanceof LumenError) || typeof error.details.field !== "string") return error;
  const renamed = names[error.details.field];
  return renamed ? new LumenError(error.code, error.message, { ...error.details, field: renamed }) : error;
}
