import {
  apiKey,
  createApiKeyRequest,
  createdApiKey,
  errorResponse,
  snakeKeys,
  uuidParam,
} from "@lumen/contracts";
import { type CoreContext, createApiKey, listApiKeys, revokeApiKey, toActor } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf, type RequireAuth } from "../../http/auth.ts";
import { noContent } from "../../http/no-content.ts";

export type ApiKeyRouteDeps = { core: CoreContext; requireAuth: RequireAuth };

const tags = ["api keys"];

export const apiKeyRoutes =
  (deps: ApiKeyRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const owner = deps.requireAuth("owner");
    app.get(
      "/api/v1/api-keys",
      {
        schema: {
          tags,
          summary: "List API keys (owner)",
          response: { 200: z.object({ items: z.array(apiKey) }) },
        },
        onRequest: owner,
      },
      async (request) => ({
        items: snakeKeys(await listApiKeys(deps.core, toActor(principalOf(request), request.ip))),
      }),
    );
    app.post(
      "/api/v1/api-keys",
      {
        schema: {
          tags,
          summary: "Create an API key (owner); the key is in this response only",
          body: createApiKeyRequest,
          response: { 201: createdApiKey, 400: errorResponse, 403: errorResponse },
        },
        onRequest: owner,
      },
      async (request, reply) => {
        const { expires_at, ...rest } = request.body;
        const actor = toActor(principalOf(request), request.ip);
        const created = await createApiKey(deps.core, actor, { ...rest, expiresAt: expires_at });
        return reply.status(201).send(snakeKeys(created));
      },
    );
    app.delete(
      "/api/v1/api-keys/:id",
      {
        schema: {
          tags,
          summary: "Revoke an API key (owner)",
          params: uuidParam,
          response: { 204: noContent, 404: errorResponse },
        },
        onRequest: owner,
      },
      async (request, reply) => {
        await revokeApiKey(deps.core, toActor(principalOf(request), request.ip), request.params.id);
        return reply.status(204).send(null);
      },
    );
  };
