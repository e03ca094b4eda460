import { healthResponse } from "@lumen/contracts";
import type { DatabaseHandle } from "@lumen/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export type HealthDeps = { database: DatabaseHandle; version: string };

/** 200 when the database answers, 503 otherwise: what a load balancer or compose healthcheck needs. */
export const healthRoutes =
  (deps: HealthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/health",
      {
        schema: {
          tags: ["system"],
          summary: "Liveness and database check",
          security: [],
          response: { 200: healthResponse, 503: healthResponse },
        },
      },
      async (_request, reply) => {
        const database = await deps.database.query("select 1").then(
          () => "ok" as const,
          () => "down" as const,
        );
        return reply.status(database === "ok" ? 200 : 503).send({
          status: database === "ok" ? "ok" : "degraded",
          version: deps.version,
          driver: deps.database.driver,
          database,
          uptime_seconds: Math.round(process.uptime()),
        });
      },
    );
  };
