import { errorResponse, setupRequest, setupResponse, setupStatusResponse } from "@lumen/contracts";
import { type CoreContext, createOwnerAtSetup, isSetupOpen } from "@lumen/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export type SetupRouteDeps = {
  core: CoreContext;
  /** The one-time code printed in this process's log at start; undefined once an operator existed. */
  setupCode: string | undefined;
};

const tags = ["auth"];

/** First run from the web panel: see `createOwnerAtSetup` for the rule and why the code exists. */
export const setupRoutes =
  (deps: SetupRouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/v1/setup",
      {
        schema: {
          tags,
          summary: "Whether the owner account can still be created (no operator exists yet)",
          security: [],
          response: { 200: setupStatusResponse },
        },
      },
      async () => ({ open: await isSetupOpen(deps.core) }),
    );

    app.post(
      "/api/v1/setup",
      {
        schema: {
          tags,
          summary: "Create the owner with the setup code from the server log (first run only)",
          security: [],
          body: setupRequest,
          response: { 201: setupResponse, 400: errorResponse, 409: errorResponse, 429: errorResponse },
        },
        config: { rateLimit: { hook: "preHandler", max: 10, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const created = await createOwnerAtSetup(deps.core, deps.setupCode, {
          setupCode: request.body.setup_code,
          email: request.body.email,
          password: request.body.password,
          ip: request.ip,
        });
        return reply.status(201).send({ operator: created });
      },
    );
  };
