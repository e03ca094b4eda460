import { settingsResponse, snakeKeys } from "@lumen/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RequireAuth } from "../../http/auth.ts";
import type { PublicSettings } from "../../settings/describe-settings.ts";

export const settingsRoutes =
  (deps: { settings: PublicSettings; requireAuth: RequireAuth }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/settings",
      {
        schema: {
          tags: ["settings"],
          summary: "What this installation is configured to do (admin); read-only, never a secret",
          response: { 200: settingsResponse },
        },
        preHandler: deps.requireAuth("admin"),
      },
      async () => snakeKeys(deps.settings),
    );
  };
